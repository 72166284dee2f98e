import Link from 'next/link'
import { db } from '@/lib/server/db'

export const dynamic = 'force-dynamic'

export default async function HomePage() {
  const published = await db().disclosure.findMany({
    where: { status: 'published' },
    include: { department: { include: { region: true } } },
    orderBy: [{ year: 'desc' }, { department: { code: 'asc' } }],
  })
  const byRegion = new Map<string, typeof published>()
  for (const d of published) {
    const k = `${d.department.region.province} ${d.department.region.name}`
    byRegion.set(k, [...(byRegion.get(k) ?? []), d])
  }
  return (
    <>
      <h1>部门预算信息公开</h1>
      <p className="muted">经财政部门审核后公开的部门预算：九张报表与情况说明。</p>
      {byRegion.size === 0 && <p>暂无已公开的部门预算。</p>}
      {[...byRegion].map(([region, list]) => (
        <section key={region}>
          <h2>{region}</h2>
          <table className="list-table">
            <thead>
              <tr>
                <th scope="col">部门</th>
                <th scope="col">预算年度</th>
                <th scope="col">公开日期</th>
              </tr>
            </thead>
            <tbody>
              {list.map((d) => (
                <tr key={d.id}>
                  <td>
                    <Link href={`/disclosures/${d.department.code}/${d.year}`}>
                      {d.department.code} {d.department.name}
                    </Link>
                  </td>
                  <td>{d.year} 年</td>
                  <td>{d.publishedAt ? d.publishedAt.toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' }) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  )
}
