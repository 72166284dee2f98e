'use client'

import { useActionState } from 'react'
import { createDisclosureAction } from '@/lib/disclosure/actions'

/** `levels`: whose budget to start — the department's (entered or consolidated from its units) or a unit's own 单位预算. */
export function NewDisclosureForm({ nextYear, years, levels = [] }: { nextYear: number; years: number[]; levels?: { value: string; label: string }[] }) {
  const [state, action, pending] = useActionState(createDisclosureAction, null)
  return (
    <form action={action} className="card" style={{ display: 'flex', gap: 12, alignItems: 'end', flexWrap: 'wrap' }} aria-label="新建年度预算">
      <div className="form-field" style={{ marginBottom: 0 }}>
        <label htmlFor="new-year">新建预算年度</label>
        <input id="new-year" name="year" type="number" min={2000} max={2100} defaultValue={nextYear} required style={{ width: 120 }} />
      </div>
      {levels.length > 1 && (
        <div className="form-field" style={{ marginBottom: 0 }}>
          <label htmlFor="new-level">预算级次</label>
          <select id="new-level" name="level" defaultValue={levels[0]!.value}>
            {levels.map((l) => (
              <option key={l.value} value={l.value}>
                {l.label}
              </option>
            ))}
          </select>
        </div>
      )}
      {levels.length === 1 && <input type="hidden" name="level" value={levels[0]!.value} />}
      <div className="form-field" style={{ marginBottom: 0 }}>
        <label htmlFor="copy-from">以哪一年的明细为起点</label>
        <select id="copy-from" name="copyFromYear" defaultValue={years[0] ?? ''}>
          <option value="">空白</option>
          {years.map((y) => (
            <option key={y} value={y}>
              复制 {y} 年明细
            </option>
          ))}
        </select>
      </div>
      <button className="btn btn-primary" type="submit" disabled={pending}>
        {pending ? '正在新建…' : '新建'}
      </button>
      {state && (
        <p className="alert alert-error" role="alert" style={{ width: '100%', margin: 0 }}>
          {state.message}
        </p>
      )}
    </form>
  )
}
