/** A plain GET form to /search: works without JavaScript, and the result URL is shareable. */
export function SearchForm({ defaultValue = '', autoFocus = false, id = 'portal-search' }: { defaultValue?: string; autoFocus?: boolean; id?: string }) {
  return (
    <form role="search" action="/search" method="get" className="search-form" aria-label="搜索部门预算">
      <label htmlFor={id}>搜索部门、项目或情况说明</label>
      <div className="search-form__row">
        <input id={id} name="q" type="search" defaultValue={defaultValue} maxLength={100} placeholder="例如：医保服务大厅、承德市医疗保障局" autoFocus={autoFocus} autoComplete="off" />
        <button type="submit" className="btn btn-primary">
          搜索
        </button>
      </div>
    </form>
  )
}
