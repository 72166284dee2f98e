'use client'

import { useActionState, useState } from 'react'
import { createDisclosureAction } from '@/lib/disclosure/actions'
import type { CopyPart } from '@/lib/disclosure/copy-parts'
import { COPY_PART_LABELS, COPY_PARTS, DEFAULT_COPY_PARTS, withDependencies } from '@/lib/disclosure/copy-parts'

/** `levels`: whose budget to start — the department's (entered or consolidated from its units) or a unit's own 单位预算. */
export function NewDisclosureForm({ nextYear, years, levels = [] }: { nextYear: number; years: number[]; levels?: { value: string; label: string }[] }) {
  const [state, action, pending] = useActionState(createDisclosureAction, null)
  const [copyFrom, setCopyFrom] = useState(years[0] !== undefined ? String(years[0]) : '')
  const [parts, setParts] = useState<CopyPart[]>(DEFAULT_COPY_PARTS)
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
        <select id="copy-from" name="copyFromYear" value={copyFrom} onChange={(e) => setCopyFrom(e.target.value)}>
          <option value="">空白</option>
          {years.map((y) => (
            <option key={y} value={y}>
              复制 {y} 年明细
            </option>
          ))}
        </select>
      </div>
      {years.length > 0 && (
        <fieldset style={{ width: '100%', border: '1px solid var(--line)', borderRadius: 6, padding: '6px 12px', margin: 0 }} disabled={copyFrom === ''}>
          <legend>从上年复制哪些内容（复制后提到上年年度的文字会标出，提交前须逐处核对）</legend>
          <input type="hidden" name="copyPartsShown" value="1" />
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 18px' }}>
            {COPY_PARTS.map((p) => (
              <label key={p} style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
                <input type="checkbox" name="copyParts" value={p} checked={parts.includes(p)} onChange={(e) => setParts(withDependencies(e.target.checked ? [...parts, p] : parts.filter((x) => x !== p && !(p === 'projects' && x === 'lines'))))} />
                {COPY_PART_LABELS[p]}
              </label>
            ))}
          </div>
          <p className="muted" style={{ margin: '4px 0 0', fontSize: 13 }}>
            复制收支明细时同时复制项目清单（明细引用项目）。
          </p>
        </fieldset>
      )}
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
