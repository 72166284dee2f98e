'use client'

import { useActionState } from 'react'
import type { TemplateFormState } from '@/lib/templates/actions'
import { copyTemplateAction } from '@/lib/templates/actions'

export function TemplateCopyForm({ keys }: { keys: string[] }) {
  const [state, action, pending] = useActionState<TemplateFormState, FormData>(copyTemplateAction, null)
  const last = keys.at(-1) ?? ''
  const nextKey = last.replace(/(\d{4})$/, (y) => String(Number(y) + 1))
  return (
    <form action={action} className="card" style={{ display: 'grid', gridTemplateColumns: '220px 220px 1fr auto', gap: 12, alignItems: 'end' }} aria-label="复制模板">
      <div className="form-field">
        <label htmlFor="tpl-from">从模板</label>
        <select id="tpl-from" name="from" defaultValue={last}>
          {keys.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </div>
      <div className="form-field">
        <label htmlFor="tpl-to">新模板编号</label>
        <input id="tpl-to" name="to" defaultValue={nextKey} required />
      </div>
      <div className="form-field">
        <label htmlFor="tpl-name">新模板名称</label>
        <input id="tpl-name" name="name" defaultValue={nextKey ? `河北省部门预算公开表（${nextKey.slice(-4)}年）` : ''} />
      </div>
      <div className="form-field">
        <button className="btn btn-primary" type="submit" disabled={pending}>
          {pending ? '正在复制…' : '复制为新模板'}
        </button>
      </div>
      {state && !state.ok && (
        <p className="alert alert-error" role="alert" style={{ gridColumn: '1 / -1' }}>
          {state.message}
        </p>
      )}
    </form>
  )
}
