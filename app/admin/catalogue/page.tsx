import { notFound, redirect } from 'next/navigation'
import { CatalogueImportForm } from '@/components/admin/catalogue-import-form'
import { FrozenRevisionsNote } from '@/components/admin/frozen-revisions-note'
import { catalogueSummary } from '@/lib/catalogue/server/import-catalogue'
import { publishedRevisionsTouchedBy } from '@/lib/portal/server/frozen-revisions'
import { getActor } from '@/lib/server/auth'
import { can } from '@/lib/server/authz'

export const dynamic = 'force-dynamic'
export const metadata = { title: '科目管理 — 预算公开' }

export default async function CataloguePage() {
  const actor = await getActor()
  if (!actor) redirect('/login?callbackUrl=/admin/catalogue')
  if (!can(actor, 'catalogue.manage')) notFound()
  const summary = await catalogueSummary(actor)
  const years = [...new Set(summary.map((s) => s.year))]
  const frozen = (await Promise.all(years.map(async (year) => ({ year, list: await publishedRevisionsTouchedBy({ kind: 'catalogue', year }) })))).filter((f) => f.list.length > 0)
  return (
    <>
      <h1>政府收支分类科目</h1>
      <p className="muted">
        每个预算年度一套科目。上传财政部或省财政厅发布的当年科目（CSV 或 XLSX，列：code, name，可选 level, parent, from_year, to_year, aliases, verified），替换该年度该类别的全部科目；任何一行有误则整份不导入。
      </p>
      <CatalogueImportForm defaultYear={new Date().getFullYear() + 1} />
      {frozen.length === 0 ? <FrozenRevisionsNote list={[]} what="科目" /> : frozen.map((f) => <FrozenRevisionsNote key={f.year} list={f.list} what={`${f.year} 年科目`} />)}
      <h2>各年度科目</h2>
      <table className="list-table">
        <caption className="muted" style={{ textAlign: 'left' }}>
          “已核实”为在已公开文件中见到的编码与名称
        </caption>
        <thead>
          <tr>
            <th scope="col">年度</th>
            <th scope="col">支出功能分类科目</th>
            <th scope="col">部门预算支出经济分类科目</th>
          </tr>
        </thead>
        <tbody>
          {years.map((y) => {
            const f = summary.find((s) => s.year === y && s.kind === 'function')
            const e = summary.find((s) => s.year === y && s.kind === 'economic')
            return (
              <tr key={y}>
                <th scope="row">{y}</th>
                <td>{f ? `${f.count} 条（已核实 ${f.verified}）` : '无'}</td>
                <td>{e ? `${e.count} 条（已核实 ${e.verified}）` : '无'}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </>
  )
}
