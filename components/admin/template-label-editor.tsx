'use client'

import { useState, useTransition } from 'react'
import type { EditableLabel } from '@/lib/budget/template-labels'
import type { TemplateFormState } from '@/lib/templates/actions'
import { renameLabelsAction } from '@/lib/templates/actions'

/** Every printed label of the template, grouped by table; only changed fields are sent. */
export function TemplateLabelEditor({ templateKey, groups }: { templateKey: string; groups: { table: string; labels: EditableLabel[] }[] }) {
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(groups.flatMap((g) => g.labels.map((l) => [l.path, l.value]))))
  const [state, setState] = useState<TemplateFormState>(null)
  const [pending, start] = useTransition()
  const original = new Map(groups.flatMap((g) => g.labels.map((l) => [l.path, l.value])))
  const changed = Object.fromEntries(Object.entries(values).filter(([k, v]) => original.get(k) !== v))
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        start(async () => setState(await renameLabelsAction({ key: templateKey, edits: changed })))
      }}
    >
      <div className="toolbar" style={{ position: 'sticky', top: 0, background: '#fff', zIndex: 2, padding: '8px 0' }}>
        <button className="btn btn-primary" type="submit" disabled={pending || Object.keys(changed).length === 0}>
          {pending ? '正在保存…' : `保存修改（${Object.keys(changed).length}）`}
        </button>
        {state && (
          <span className={`alert ${state.ok ? 'alert-ok' : 'alert-error'}`} role={state.ok ? 'status' : 'alert'} style={{ margin: 0 }}>
            {state.message}
          </span>
        )}
      </div>
      {groups.map((g, gi) => (
        <fieldset key={gi} className="card" style={{ marginBottom: 16 }}>
          <legend>
            <strong>{g.table}</strong>
          </legend>
          <div style={{ display: 'grid', gridTemplateColumns: '90px 1fr', gap: '6px 12px', alignItems: 'center' }}>
            {g.labels.map((l) => (
              <label key={l.path} style={{ display: 'contents' }}>
                <span className="muted" style={{ fontSize: 13 }}>
                  {l.what}
                </span>
                <input value={values[l.path] ?? ''} onChange={(e) => setValues({ ...values, [l.path]: e.target.value })} aria-label={`${g.table} ${l.what} ${original.get(l.path)}`} style={{ font: 'inherit', padding: '4px 8px', border: '1px solid var(--line)', borderRadius: 4, background: original.get(l.path) !== values[l.path] ? '#fff8d6' : '#fff' }} />
              </label>
            ))}
          </div>
        </fieldset>
      ))}
    </form>
  )
}
