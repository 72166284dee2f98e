'use client'

import { useActionState } from 'react'
import type { CatalogueImportState } from '@/lib/catalogue/actions'
import { importCatalogueAction } from '@/lib/catalogue/actions'

export function CatalogueImportForm({ defaultYear }: { defaultYear: number }) {
  const [state, action, pending] = useActionState<CatalogueImportState, FormData>(importCatalogueAction, null)
  return (
    <form action={action} className="card" style={{ display: 'grid', gridTemplateColumns: '140px 220px 1fr auto', gap: 12, alignItems: 'end' }}>
      <div className="form-field">
        <label htmlFor="cat-year">预算年度</label>
        <input id="cat-year" name="year" type="number" min={2000} max={2100} defaultValue={defaultYear} required />
      </div>
      <div className="form-field">
        <label htmlFor="cat-kind">科目类别</label>
        <select id="cat-kind" name="kind" defaultValue="function">
          <option value="function">支出功能分类科目</option>
          <option value="economic">部门预算支出经济分类科目</option>
        </select>
      </div>
      <div className="form-field">
        <label htmlFor="cat-file">科目文件（CSV 或 XLSX）</label>
        <input id="cat-file" name="file" type="file" accept=".csv,.xlsx,text/csv" required />
      </div>
      <div className="form-field">
        <button className="btn btn-primary" type="submit" disabled={pending}>
          {pending ? '正在导入…' : '导入并替换'}
        </button>
      </div>
      {state && (
        <div className={`alert ${state.ok ? 'alert-ok' : 'alert-error'}`} role={state.ok ? 'status' : 'alert'} style={{ gridColumn: '1 / -1' }}>
          {state.message}
        </div>
      )}
    </form>
  )
}
