/**
 * Styles of the web rendering of the complete disclosure, scoped under .dd so the page, the editor's
 * preview and the standalone HTML download look the same. Printing: each table starts a page, wide
 * tables print on landscape pages (named @page), navigation is hidden.
 */
export const DOCUMENT_CSS = `
.dd { --dd-line: #5b636b; --dd-head: #eef0f2; color: #1f2328; font-family: "Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", "SimSun", sans-serif; line-height: 1.75; max-width: 1100px; margin: 0 auto; }
.dd * { box-sizing: border-box; }
.dd-cover { text-align: center; padding: 48px 16px 32px; border-top: 3px solid #a4161a; border-bottom: 1px solid #a4161a; margin-bottom: 24px; }
.dd-cover h1 { font-size: 28px; margin: 0 0 8px; letter-spacing: 1px; }
.dd-cover .dd-sub { font-size: 22px; font-weight: 700; margin: 0 0 16px; }
.dd-cover p { margin: 2px 0; color: #444; }
.dd-toc { border: 1px solid #d0d7de; border-radius: 8px; padding: 12px 20px; margin: 0 0 28px; background: #fafbfc; }
.dd-toc h2 { font-size: 18px; margin: 4px 0 8px; text-align: center; }
.dd-toc ol { list-style: none; margin: 0; padding: 0; }
.dd-toc li.l1 { font-weight: 700; margin-top: 6px; }
.dd-toc li.l2 { padding-left: 1.5em; }
.dd-toc a { color: #0b5cad; text-decoration: none; }
.dd-toc a:hover, .dd-toc a:focus-visible { text-decoration: underline; }
.dd-part-title { text-align: center; font-size: 22px; margin: 36px 0 20px; }
.dd-table { margin: 12px 0 36px; }
.dd-table h3 { text-align: center; font-size: 18px; margin: 0 0 6px; }
.dd-caption { display: flex; justify-content: space-between; gap: 12px; flex-wrap: wrap; font-size: 13px; color: #444; margin-bottom: 4px; }
.dd-scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
.dd-scroll:focus-visible { outline: 3px solid #f2b705; outline-offset: 2px; }
.dd table { border-collapse: collapse; width: 100%; font-size: 13px; line-height: 1.45; }
.dd th, .dd td { border: 1px solid var(--dd-line); padding: 3px 6px; vertical-align: middle; }
.dd th[scope="col"], .dd th[scope="colgroup"], .dd thead th { background: var(--dd-head); font-weight: 600; text-align: center; }
.dd td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.dd td.code { white-space: nowrap; font-variant-numeric: tabular-nums; }
.dd td.seq, .dd th.seq { text-align: center; white-space: nowrap; color: #555; }
.dd td.center { text-align: center; }
.dd tr.total td { font-weight: 700; }
.dd tr.lanci th, .dd tr.lanci td { background: #fafbfc; font-weight: 400; color: #555; text-align: center; }
.dd-note { font-size: 13px; margin: 6px 0 0; }
.dd-notes h2.dd-notes-title { text-align: center; font-size: 22px; margin: 40px 0 16px; }
.dd-section h3 { font-size: 18px; margin: 28px 0 10px; }
.dd-section h4 { font-size: 15px; margin: 16px 0 6px; }
.dd-section p { text-indent: 2em; margin: 0 0 8px; text-align: justify; }
.dd-section p.dd-term { text-indent: 0; }
.dd-section .dd-table h3, .dd-section .dd-table h4 { text-align: center; }
.dd-target th[scope="row"] { background: var(--dd-head); white-space: nowrap; }
.dd-target td.goals { white-space: pre-line; }
@media (max-width: 720px) {
  .dd-cover h1 { font-size: 22px; }
  .dd-cover .dd-sub { font-size: 18px; }
  .dd table { font-size: 12px; }
  /* on a phone the table scrolls sideways (.dd-scroll) rather than squeezing its columns: names keep a
     readable width (a few characters a line, never one), amounts and codes stay on one line */
  .dd td:not(.num):not(.code):not(.seq):not(.center) { min-width: 9em; }
  .dd thead th[scope="col"]:not(.seq) { min-width: 5em; }
}
@page { size: A4; margin: 16mm 14mm; }
@page wide { size: A4 landscape; margin: 12mm 12mm; }
@media print {
  .dd { max-width: none; font-size: 11pt; }
  .dd-toc a { color: inherit; }
  .dd-noprint { display: none !important; }
  .dd-scroll { overflow: visible; }
  .dd-table { break-inside: auto; }
  .dd-nine > .dd-table { break-before: page; }
  .dd-wide { page: wide; }
  .dd thead { display: table-header-group; }
  .dd tr { break-inside: avoid; }
  .dd-notes { break-before: page; }
  .dd-cover { break-after: page; border: 0; padding-top: 30vh; }
}
`
