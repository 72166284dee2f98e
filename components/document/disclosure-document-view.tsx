import type { ReactNode } from 'react'
import type { DocumentModel, DocumentTable } from '@/lib/document/model'
import { levelTitles, NOTES_PART_ID, sectionAnchor, TABLES_PART_ID } from '@/lib/document/model'
import type { PlacedCell } from '@/lib/document/table-cells'
import { budgetTableGrid, targetGrid } from '@/lib/document/table-cells'
import type { NoteBudgetTable, NotesBlock, TextTable } from '@/lib/notes/types'
import type { RenderedTarget } from '@/lib/performance/render'
import { DOCUMENT_CSS } from '@/lib/document/document-css'
import { OverallTableView } from '@/components/performance/overall-table-view'
import { evenColumns } from '../tables/even-columns'

/**
 * The complete disclosure as a web page: cover, 目录 (links), the nine tables and the 情况说明 with
 * their tables, from the same model as the PDF and DOCX. Real tables with header cells and captions,
 * responsive (tables scroll sideways on narrow screens, keyboard-focusable), printable (each table on
 * its own page, wide ones landscape). Renders on the server; no client code.
 *
 * `headingLevel` is the level of the document's own title (1 on a page of its own, 2 inside a page
 * that has its own h1). `idPrefix` keeps anchors unique when the view is shown twice on one page.
 */
export function DisclosureDocumentView({ model, headingLevel = 1, idPrefix = '', showToc = true }: { model: DocumentModel; headingLevel?: 1 | 2; idPrefix?: string; showToc?: boolean }) {
  const id = (s: string) => `${idPrefix}${s}`
  const H = (n: number) => (`h${Math.min(6, n + headingLevel - 1)}` as 'h1')
  const Title = H(1)
  const Part = H(2)
  // a department's 部门预算 or a unit's own 单位预算 (docs/decisions/009)
  const titles = levelTitles(model.level, model.year)
  return (
    <article className="dd" lang="zh-CN" aria-label={model.title}>
      <style href="disclosure-document" precedence="default">
        {DOCUMENT_CSS}
      </style>
      <header className="dd-cover">
        <Title>{model.department.name}</Title>
        <p className="dd-sub">{titles.subtitle}</p>
        <p>{`${titles.codeLabel}：${model.department.code}`}</p>
        {model.region && (
          <p>
            {model.region.province}
            {model.region.name}
          </p>
        )}
        <p>{model.dateLine}</p>
      </header>
      {showToc && (
        <nav className="dd-toc dd-noprint" aria-label="目录">
          <Part>目录</Part>
          <ol>
            {model.toc.map((e) => (
              <li key={e.id} className={`l${e.level}`}>
                <a href={`#${id(e.id)}`}>{e.title}</a>
              </li>
            ))}
          </ol>
        </nav>
      )}
      <section className="dd-nine" aria-labelledby={id(TABLES_PART_ID)}>
        <Part className="dd-part-title" id={id(TABLES_PART_ID)}>
          {model.tablesTitle}
        </Part>
        {model.tables.map((t) => (
          <BudgetTable key={t.id} anchor={id(t.id)} table={t} headingLevel={headingLevel + 2} />
        ))}
        {model.overall && <OverallTableView table={model.overall} anchor={id(model.overall.id)} headingLevel={headingLevel + 2} />}
      </section>
      <section className="dd-notes" aria-labelledby={id(NOTES_PART_ID)}>
        <Part className="dd-notes-title" id={id(NOTES_PART_ID)}>
          {model.notes.title}
        </Part>
        <div className="dd-section">
          <p>{model.notes.preamble}</p>
        </div>
        {model.notes.sections.map((s) => {
          const S = H(3)
          return (
            <section key={s.id} className="dd-section" aria-labelledby={id(sectionAnchor(s.id))} data-section={s.id}>
              <S id={id(sectionAnchor(s.id))}>{s.title}</S>
              {s.blocks.map((b, i) => (
                <Block key={i} block={b} index={i} headingLevel={headingLevel + 3} />
              ))}
            </section>
          )
        })}
      </section>
    </article>
  )
}

function Cells({ cells, header }: { cells: PlacedCell[]; header?: boolean }): ReactNode {
  return cells.map((c) => {
    const props = { colSpan: c.colSpan && c.colSpan > 1 ? c.colSpan : undefined, rowSpan: c.rowSpan && c.rowSpan > 1 ? c.rowSpan : undefined }
    if (header) {
      return (
        <th key={c.col} scope={c.colSpan && c.colSpan > 1 ? 'colgroup' : 'col'} className={c.col === 0 ? 'seq' : undefined} {...props}>
          {c.text}
        </th>
      )
    }
    return (
      <td key={c.col} className={c.align === 'right' ? 'num' : c.align === 'center' ? 'center' : undefined} {...props}>
        {c.text}
      </td>
    )
  })
}

function BudgetTable({ table: t, anchor, headingLevel }: { table: DocumentTable | (NoteBudgetTable & { id?: string }); anchor?: string; headingLevel: number }) {
  const g = budgetTableGrid(t.table)
  const H = `h${Math.min(6, headingLevel)}` as 'h3'
  const wide = t.table.columns.length > 7
  const titleId = `${anchor ?? t.table.key}-title`
  // a label column and amounts (the 三公 table, also printed across): the amount columns equally wide
  const even = evenColumns(t.table)
  return (
    <div className={`dd-table${wide ? ' dd-wide' : ''}`} id={anchor} data-table={t.table.key}>
      <H id={titleId}>{t.table.title}</H>
      <div className="dd-caption">
        <span>{t.caption.left}</span>
        {t.caption.middle && <span>{t.caption.middle}</span>}
        <span>{t.caption.right}</span>
      </div>
      <div className="dd-scroll" tabIndex={0} role="region" aria-labelledby={titleId}>
        <table {...even.tableProps}>
          <caption className="sr-only" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
            {t.table.title}（{t.caption.right}）
          </caption>
          {even.colgroup}
          <thead>
            {g.header.map((row, r) => (
              <tr key={r} className={r === g.header.length - 1 ? 'lanci' : undefined}>
                {r === g.header.length - 1 ? (
                  <>
                    <th scope="row" className="seq">
                      栏次
                    </th>
                    {row.slice(1).map((c) => (
                      <td key={c.col}>{c.text}</td>
                    ))}
                  </>
                ) : (
                  <Cells cells={row} header />
                )}
              </tr>
            ))}
          </thead>
          <tbody>
            {g.body.map((row, r) => (
              <tr key={r} className={row.some((c) => c.bold) ? 'total' : undefined}>
                <td className="seq">{row[0]!.text}</td>
                {row.slice(1).map((c) => (
                  <td key={c.col} className={c.align === 'right' ? 'num' : g.kinds[c.col - 1] === 'code' ? 'code' : undefined}>
                    {c.text}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {t.table.note && <p className="dd-note">{t.table.note}</p>}
    </div>
  )
}

function SimpleTable({ table }: { table: TextTable }) {
  return (
    <div className="dd-table">
      <h4>{table.title}</h4>
      <div className="dd-scroll" tabIndex={0} role="region" aria-label={table.title}>
        <table>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r, i) => (
              <tr key={i}>
                {r.map((v, j) => (j === 0 ? <th key={j} scope="row" style={{ fontWeight: 400, textAlign: 'left', background: 'none' }}>{v}</th> : <td key={j}>{v}</td>))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}

function TargetTable({ target }: { target: RenderedTarget }) {
  const g = targetGrid(target)
  return (
    <div className="dd-table dd-target" data-project={target.projectCode}>
      <div className="dd-scroll" tabIndex={0} role="region" aria-label={target.title}>
        <table>
          <caption style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>{target.title}</caption>
          <tbody>
            {g.intro.map((row, r) => (
              <tr key={`i${r}`}>
                {row.map((c) =>
                  c.bold ? (
                    <th key={c.col} scope="row" colSpan={c.colSpan}>
                      {c.text}
                    </th>
                  ) : (
                    <td key={c.col} colSpan={c.colSpan} className={c.text.includes('\n') ? 'goals' : undefined}>
                      {c.text}
                    </td>
                  ),
                )}
              </tr>
            ))}
            <tr>
              <Cells cells={g.header[0]!} header />
            </tr>
            {g.body.map((row, r) => (
              <tr key={r}>
                <Cells cells={row} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}

function Block({ block: b, index, headingLevel }: { block: NotesBlock; index: number; headingLevel: number }) {
  const H = `h${Math.min(6, headingLevel)}` as 'h4'
  switch (b.kind) {
    case 'heading':
      return <H data-paragraph={index}>{b.text}</H>
    case 'paragraph':
      return b.lead ? (
        <p className="dd-term" data-paragraph={index}>
          <strong>{b.lead}</strong>
          {b.text}
        </p>
      ) : (
        <p data-paragraph={index}>{b.text}</p>
      )
    case 'textTable':
      return <SimpleTable table={b.table} />
    case 'budgetTable':
      return <BudgetTable table={b.table} headingLevel={headingLevel} />
    case 'performanceTable':
      return <TargetTable target={b.target} />
  }
}
