import Link from 'next/link'
import { SearchForm } from './search-form'

/** The portal's 404: in Chinese, with a way on (search, the front page). */
export function PortalNotFound({ what }: { what: string }) {
  return (
    <div className="portal">
      <h1>未找到{what}</h1>
      <p>该{what}不存在，或尚未经财政部门审核公开。未公开的预算不对外显示。</p>
      <SearchForm id="not-found-search" />
      <p>
        <Link href="/">返回公开目录</Link> · <Link href="/regions">按地区浏览</Link>
      </p>
    </div>
  )
}
