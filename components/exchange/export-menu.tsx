/**
 * Download menu of a disclosure's tables: a native <details> disclosure, so it opens with Enter or
 * Space and every entry is a plain link (works without JavaScript, and with a screen reader).
 */
export function ExportMenu({ code, year }: { code: string; year: number }) {
  const href = (format: string) => `/api/disclosures/${encodeURIComponent(code)}/${year}/export?format=${format}`
  return (
    <details className="no-print" style={{ display: 'inline-block', position: 'relative', marginLeft: 12, fontSize: 14, fontWeight: 'normal', verticalAlign: 'middle' }} data-testid="export-menu">
      <summary className="btn" style={{ listStyle: 'none', cursor: 'pointer' }}>
        导出报表 ▾
      </summary>
      <ul role="list" aria-label="导出格式" style={{ position: 'absolute', zIndex: 10, margin: '4px 0 0', padding: 6, listStyle: 'none', background: '#fff', border: '1px solid #c8ccd2', borderRadius: 6, boxShadow: '0 4px 12px rgba(0,0,0,.12)', minWidth: 260 }}>
        <li>
          <a href={href('xlsx')} download style={{ display: 'block', padding: '6px 8px' }}>
            Excel 工作簿（.xlsx，官方表样）
          </a>
        </li>
        <li>
          <a href={href('csv')} download style={{ display: 'block', padding: '6px 8px' }}>
            CSV（每表一个文件，打包为 .zip）
          </a>
        </li>
        <li>
          <a href={href('json')} download style={{ display: 'block', padding: '6px 8px' }}>
            JSON（数据交换格式）
          </a>
        </li>
      </ul>
    </details>
  )
}
