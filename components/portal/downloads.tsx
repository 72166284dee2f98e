import { urls } from '@/lib/portal/format'

export type DownloadLink = { href: string; label: string; type: string }

/**
 * The downloads of a published disclosure, at stable URLs:
 * - 文档 (PDF, Word, 网页版): the documents route (issue 4) app/api/disclosures/[code]/[year]/document
 * - 数据 (Excel, CSV, JSON): the export route (issue 3) app/api/disclosures/[code]/[year]/export,
 *   and the tables endpoint /api/disclosures/[code]/[year]/tables
 * - 开放数据包: the Fiscal Data Package of this portal, /api/open-data/disclosures/[code]/[year]/
 */
export function disclosureDownloads(code: string, year: number): { group: string; links: DownloadLink[] }[] {
  return [
    {
      group: '公开文档',
      links: [
        { href: urls.document(code, year, 'pdf'), label: 'PDF 文档', type: 'PDF' },
        { href: urls.document(code, year, 'docx'), label: 'Word 文档', type: 'DOCX' },
        { href: urls.document(code, year, 'html'), label: '网页版文档', type: 'HTML' },
      ],
    },
    {
      group: '报表数据',
      links: [
        { href: urls.exportFile(code, year, 'xlsx'), label: 'Excel 工作簿', type: 'XLSX' },
        { href: urls.exportFile(code, year, 'csv'), label: 'CSV 表格', type: 'CSV' },
        { href: urls.exportFile(code, year, 'json'), label: 'JSON 数据', type: 'JSON' },
        { href: urls.tablesJson(code, year), label: '九张报表（JSON）', type: 'JSON' },
      ],
    },
    {
      group: '开放数据包（Fiscal Data Package）',
      links: [
        { href: urls.openData(code, year, 'datapackage.json'), label: '数据包描述 datapackage.json', type: 'JSON' },
        { href: urls.openData(code, year, 'expenditure.csv'), label: '支出明细', type: 'CSV' },
        { href: urls.openData(code, year, 'revenue.csv'), label: '收入明细', type: 'CSV' },
        { href: urls.openData(code, year, 'tables.csv'), label: '公开表逐格数据', type: 'CSV' },
      ],
    },
  ]
}

export function Downloads({ groups, title = '下载' }: { groups: { group: string; links: DownloadLink[] }[]; title?: string }) {
  return (
    <section aria-labelledby="downloads" className="portal-section no-print">
      <h2 id="downloads">{title}</h2>
      <div className="downloads">
        {groups.map((g) => (
          <div key={g.group} className="downloads__group">
            <h3>{g.group}</h3>
            <ul>
              {g.links.map((l) => (
                <li key={l.href}>
                  <a href={l.href}>
                    {l.label}
                    <span className="file-type">（{l.type}）</span>
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </section>
  )
}
