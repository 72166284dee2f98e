/** Download links of the complete document (PDF, Word, web page) for one disclosure revision. */
export function DocumentDownloads({ code, year, revision, title = '下载完整公开文档' }: { code: string; year: number; revision?: number; title?: string }) {
  const q = (format: string) => `/api/disclosures/${encodeURIComponent(code)}/${year}/document?format=${format}${revision !== undefined ? `&revision=${revision}` : ''}`
  return (
    <nav aria-label={title} className="card no-print" style={{ display: 'flex', gap: 10, alignItems: 'center', flexWrap: 'wrap', margin: '0 0 16px' }}>
      <strong>{title}：</strong>
      <a className="btn btn-primary" href={q('pdf')} download data-testid="download-pdf">
        PDF 文档
      </a>
      <a className="btn" href={q('docx')} download data-testid="download-docx">
        Word 文档（可编辑）
      </a>
      <a className="btn" href={q('html')} target="_blank" rel="noopener" data-testid="download-html">
        网页版（可打印）
      </a>
    </nav>
  )
}
