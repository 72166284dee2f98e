'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import type { FieldPath } from 'react-hook-form'
import { useForm } from 'react-hook-form'
import type { ActionResult } from '@/lib/disclosure/actions'
import type { TProjectInput } from '@/lib/disclosure/schemas'
import { ZProjectInput } from '@/lib/disclosure/schemas'
import type { EditorState } from '@/lib/disclosure/view'
import { formatYuanDisplay } from './grid-columns'

type Props = {
  state: EditorState
  onSave: (originalCode: string | null, values: TProjectInput) => Promise<ActionResult>
  onDelete: (code: string) => Promise<ActionResult>
}

/** 项目：编码、名称、所属单位、用途；金额由挂在项目上的支出明细汇总，不另行填写。 */
export function ProjectsPanel({ state, onSave, onDelete }: Props) {
  const [editing, setEditing] = useState<string | null | 'new'>(null)
  return (
    <div>
      <p className="muted">项目金额 = 该项目下支出明细之和（只有一个来源，不另行填写）。</p>
      <table className="list-table" aria-label="项目清单">
        <thead>
          <tr>
            <th scope="col">项目编码</th>
            <th scope="col">项目名称</th>
            <th scope="col">所属单位</th>
            <th scope="col" style={{ textAlign: 'right' }}>
              金额（元）
            </th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {state.projects.map((p) =>
            editing === p.code ? (
              <tr key={p.code}>
                <td colSpan={5}>
                  <ProjectForm state={state} initial={p} onCancel={() => setEditing(null)} onSave={async (v) => {
                    const r = await onSave(p.code, v)
                    if (r.ok) setEditing(null)
                    return r
                  }} />
                </td>
              </tr>
            ) : (
              <tr key={p.code}>
                <td>{p.code}</td>
                <td>{p.name}</td>
                <td>{state.units.find((u) => u.code === p.unitCode)?.name ?? ''}</td>
                <td style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>{formatYuanDisplay(p.amount)}</td>
                <td>
                  {state.canEdit && (
                    <>
                      <button className="btn" type="button" onClick={() => setEditing(p.code)}>
                        修改
                      </button>{' '}
                      <button className="btn" type="button" onClick={() => window.confirm(`删除项目“${p.name}”？`) && void onDelete(p.code)}>
                        删除
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
      {state.canEdit &&
        (editing === 'new' ? (
          <div className="card" style={{ marginTop: 12 }}>
            <ProjectForm state={state} onCancel={() => setEditing(null)} onSave={async (v) => {
              const r = await onSave(null, v)
              if (r.ok) setEditing(null)
              return r
            }} />
          </div>
        ) : (
          <button className="btn btn-primary" type="button" style={{ marginTop: 12 }} onClick={() => setEditing('new')}>
            新增项目
          </button>
        ))}
    </div>
  )
}

function ProjectForm({ state, initial, onSave, onCancel }: { state: EditorState; initial?: EditorState['projects'][number]; onSave: (v: TProjectInput) => Promise<ActionResult>; onCancel: () => void }) {
  const form = useForm<TProjectInput>({
    resolver: zodResolver(ZProjectInput) as never,
    defaultValues: { code: initial?.code ?? '', name: initial?.name ?? '', unitCode: initial?.unitCode ?? state.units[0]?.code ?? null, purpose: initial?.purpose ?? '' },
  })
  const errors = form.formState.errors
  const submit = form.handleSubmit(async (v) => {
    const r = await onSave(v)
    if (!r.ok) for (const f of r.fields) form.setError(f.path as FieldPath<TProjectInput>, { message: f.message })
  })
  return (
    <form onSubmit={submit} noValidate style={{ display: 'grid', gridTemplateColumns: '180px 1fr 260px', gap: 12, alignItems: 'start' }}>
      <div className="form-field">
        <label htmlFor="p-code">项目编码</label>
        <input id="p-code" {...form.register('code')} aria-invalid={!!errors.code} autoFocus />
        {errors.code && <span className="field-error">{errors.code.message}</span>}
      </div>
      <div className="form-field">
        <label htmlFor="p-name">项目名称</label>
        <input id="p-name" {...form.register('name')} aria-invalid={!!errors.name} />
        {errors.name && <span className="field-error">{errors.name.message}</span>}
      </div>
      <div className="form-field">
        <label htmlFor="p-unit">所属单位</label>
        <select id="p-unit" {...form.register('unitCode')}>
          {state.units.map((u) => (
            <option key={u.code} value={u.code}>
              {u.code} {u.name}
            </option>
          ))}
        </select>
        {errors.unitCode && <span className="field-error">{errors.unitCode.message}</span>}
      </div>
      <div className="form-field" style={{ gridColumn: '1 / -1' }}>
        <label htmlFor="p-purpose">资金用途</label>
        <input id="p-purpose" {...form.register('purpose')} />
      </div>
      <div style={{ gridColumn: '1 / -1', display: 'flex', gap: 8 }}>
        <button className="btn btn-primary" type="submit" disabled={form.formState.isSubmitting}>
          保存项目
        </button>
        <button className="btn" type="button" onClick={onCancel}>
          取消
        </button>
      </div>
    </form>
  )
}
