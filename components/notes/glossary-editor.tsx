'use client'

import { useLeaveGuard } from '@/components/ui/use-autosave'
import { useRouter } from 'next/navigation'
import { useState, useTransition } from 'react'
import type { FieldPath } from 'react-hook-form'
import { useFieldArray, useForm } from 'react-hook-form'
import type { Result } from '@/lib/notes/actions'
import { saveGlossaryAction } from '@/lib/notes/actions'
import type { GlossaryItem } from '@/lib/notes/glossary'
import type { GlossaryState } from '@/lib/notes/view'

type Form = { items: GlossaryItem[] }
const input = { width: '100%', font: 'inherit', padding: '6px 8px', border: '1px solid var(--line)', borderRadius: 6 } as const

/** 名词解释 of one region, as an ordered list of terms and definitions the admin edits and saves at once. */
export function GlossaryEditor({ initial }: { initial: GlossaryState }) {
  const router = useRouter()
  const [state, setState] = useState(initial)
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null)
  const [pending, start] = useTransition()
  const form = useForm<Form>({ defaultValues: { items: initial.items } })
  const items = useFieldArray({ control: form.control, name: 'items' })
  const errors = form.formState.errors
  // saved at once with 保存: leaving with unsaved edits asks first
  useLeaveGuard(form.formState.isDirty && !pending)

  const apply = (r: Result<GlossaryState>) => {
    if (r.ok) {
      setState(r.state)
      form.reset({ items: r.state.items })
    } else for (const f of r.fields) form.setError(f.path as FieldPath<Form>, { message: f.message })
    setNotice({ ok: r.ok, text: r.message })
  }
  const region = state.regions.find((r) => r.id === state.regionId)
  return (
    <div>
      <div className="form-field" style={{ maxWidth: 420 }}>
        <label htmlFor="g-region">地区</label>
        <select id="g-region" value={state.regionId ?? ''} onChange={(e) => router.push(`/admin/glossary?region=${encodeURIComponent(e.target.value)}`)} style={input}>
          {state.regions.map((r) => (
            <option key={r.id} value={r.id}>
              {r.province} {r.name}（{r.count ? `${r.count} 条` : '使用默认'}）
            </option>
          ))}
        </select>
      </div>
      {state.usesDefault && <p className="alert alert-warn">{region?.name ?? '该地区'}尚未设置名词解释，下面是默认表述（“本级财政”）；保存后即为本地区的名词解释。</p>}
      {notice && (
        <div className={`alert ${notice.ok ? 'alert-ok' : 'alert-error'}`} role={notice.ok ? 'status' : 'alert'} data-testid="glossary-notice">
          {notice.text}
        </div>
      )}
      <form onSubmit={form.handleSubmit((v) => start(async () => apply(await saveGlossaryAction({ regionId: state.regionId, items: v.items }))))} noValidate aria-label="名词解释">
        <ol style={{ paddingLeft: 24 }}>
          {items.fields.map((f, i) => (
            <li key={f.id} style={{ marginBottom: 10 }}>
              <div style={{ display: 'grid', gridTemplateColumns: 'minmax(140px, 220px) 1fr auto', gap: 8, alignItems: 'start' }}>
                <div>
                  <input aria-label={`第 ${i + 1} 条名词`} style={input} {...form.register(`items.${i}.term` as const)} aria-invalid={!!errors.items?.[i]?.term} />
                  {errors.items?.[i]?.term && <span className="field-error">{errors.items[i]!.term!.message}</span>}
                </div>
                <div>
                  <textarea aria-label={`第 ${i + 1} 条解释`} rows={2} style={input} {...form.register(`items.${i}.definition` as const)} />
                  {errors.items?.[i]?.definition && <span className="field-error">{errors.items[i]!.definition!.message}</span>}
                </div>
                <div style={{ display: 'flex', gap: 4 }}>
                  <button type="button" className="btn" disabled={i === 0} onClick={() => items.move(i, i - 1)} aria-label={`第 ${i + 1} 条上移`}>
                    ↑
                  </button>
                  <button type="button" className="btn" disabled={i === items.fields.length - 1} onClick={() => items.move(i, i + 1)} aria-label={`第 ${i + 1} 条下移`}>
                    ↓
                  </button>
                  <button type="button" className="btn" onClick={() => items.remove(i)} aria-label={`删除第 ${i + 1} 条`}>
                    删除
                  </button>
                </div>
              </div>
            </li>
          ))}
        </ol>
        <div style={{ display: 'flex', gap: 8 }}>
          <button type="button" className="btn" onClick={() => items.append({ term: '', definition: '' })}>
            添加名词
          </button>
          <button type="submit" className="btn btn-primary" disabled={pending || !state.regionId}>
            保存{region ? `${region.name}的` : ''}名词解释
          </button>
        </div>
      </form>
    </div>
  )
}
