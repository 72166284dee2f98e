import type { UseFormRegister, UseFormReturn } from 'react-hook-form'
import type { ChangeKey } from '@/lib/notes/schemas'
import { CHANGE_LABELS } from '@/lib/notes/schemas'
import type { BudgetLevel } from '@/lib/document/model'
import { budgetLevelName } from '@/lib/document/model'
import type { NotesState } from '@/lib/notes/view'
import type { NotesBlock, NotesFinding } from '@/lib/notes/types'
import type { NotesForm } from './notes-form'

export const area = { width: '100%', font: 'inherit', padding: '8px 10px', border: '1px solid var(--line)', borderRadius: 6 } as const
export const box = { border: '1px solid var(--line)', borderRadius: 8, padding: '12px 18px 16px', margin: '0 0 18px', background: '#fff' } as const

/** What every group of the notes editor's fields needs: the state, the form, and the helpers of the editor. */
export type EditorCtx = {
  state: NotesState
  form: UseFormReturn<NotesForm>
  ro: boolean
  errorOf: (path: string) => string | undefined
  changeText: (k: ChangeKey) => string
  /** A department's 部门预算 or a unit's own 单位预算: the headings and hints name it (docs/decisions/009). */
  level: BudgetLevel
  /** Whose name the generated text prints: the department's, or for a unit's own budget the unit's. */
  name: string
}

export function Field({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string | undefined; children: React.ReactNode }) {
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && (
        <span className="muted" style={{ fontSize: 12 }}>
          {hint}
        </span>
      )}
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  )
}

export function PairList({ title, prefix, fields, register, onAdd, onRemove, ro }: { title: string; prefix: 'offices' | 'units'; fields: { id: string }[]; register: UseFormRegister<NotesForm>; onAdd: () => void; onRemove: (i: number) => void; ro: boolean }) {
  return (
    <div style={{ marginBottom: 12 }}>
      <div style={{ fontWeight: 600, marginBottom: 4 }}>{title}</div>
      {fields.map((f, i) => (
        <div key={f.id} style={{ display: 'grid', gridTemplateColumns: 'minmax(120px, 220px) 1fr auto', gap: 8, marginBottom: 6, alignItems: 'start' }}>
          <input aria-label={`${title}第 ${i + 1} 项名称`} id={`f-${prefix}-${i}-name`} style={area} {...register(`${prefix}.${i}.name` as const)} />
          <textarea aria-label={`${title}第 ${i + 1} 项职责`} id={`f-${prefix}-${i}-duties`} rows={2} style={area} {...register(`${prefix}.${i}.duties` as const)} />
          {!ro && (
            <button type="button" className="btn" onClick={() => onRemove(i)} aria-label={`删除${title}第 ${i + 1} 项`}>
              删除
            </button>
          )}
        </div>
      ))}
      {!ro && (
        <button type="button" className="btn" onClick={onAdd}>
          添加{title}
        </button>
      )}
    </div>
  )
}

export function PriorAndReasons({ keys, ctx }: { keys: ChangeKey[]; ctx: EditorCtx }) {
  const { state, changeText, errorOf } = ctx
  const { register } = ctx.form
  return (
    <div style={{ margin: '10px 0' }}>
      <h3 style={{ fontSize: 15, margin: '6px 0' }}>比上年增减</h3>
      {keys.map((k) => {
        const fromSystem = state.prior.source[k] === 'system'
        return (
          <div key={k} style={{ display: 'grid', gridTemplateColumns: 'minmax(160px, 220px) 1fr', gap: 10, alignItems: 'start', marginBottom: 8 }}>
            <Field id={`f-prior-${k}`} label={`上年${CHANGE_LABELS[k]}（万元）`} hint={fromSystem ? `取自 ${state.prior.systemYear} 年已公开的${budgetLevelName(ctx.level)}` : '上年预算未在系统中，请按上年公开数填写'} error={errorOf(`prior.${k}`)}>
              {fromSystem ? <input id={`f-prior-${k}`} value={state.prior.values[k] ?? ''} readOnly style={{ ...area, background: 'var(--bg-soft)' }} /> : <input id={`f-prior-${k}`} inputMode="decimal" style={area} {...register(`prior.${k}` as const)} />}
            </Field>
            <Field id={`f-reasons-${k}`} label={`${CHANGE_LABELS[k]}增减原因（“主要原因是……”之后的文字）`} hint={changeText(k)} error={errorOf(`reasons.${k}`)}>
              <textarea id={`f-reasons-${k}`} rows={2} style={area} {...register(`reasons.${k}` as const)} />
            </Field>
          </div>
        )
      })}
    </div>
  )
}

/** The section as it will be published: generated sentences (numbers from the data), read-only. */
export function Generated({ section, findings, compact }: { section: { id: string; title: string; blocks: NotesBlock[] } | undefined; findings: NotesFinding[]; compact?: boolean }) {
  if (!section) return null
  const flagged = new Set(findings.map((f) => f.notes?.paragraph))
  const blocks = compact ? section.blocks.filter((b) => b.kind !== 'performanceTable').slice(0, 12) : section.blocks
  return (
    <div style={{ background: 'var(--bg-soft)', border: '1px dashed var(--line)', borderRadius: 6, padding: '8px 12px', marginTop: 10 }} aria-label={`${section.title}（生成的文字）`} data-testid={`generated-${section.id}`}>
      <div className="muted" style={{ fontSize: 12, marginBottom: 4 }}>
        将公开的文字（数字取自报表，不可手工修改）：
      </div>
      {blocks.map((b, i) => {
        const style = flagged.has(section.blocks.indexOf(b)) ? { background: 'var(--warn-bg)' } : undefined
        if (b.kind === 'heading') return <div key={i} style={{ fontWeight: 600, ...style }}>{b.text}</div>
        if (b.kind === 'paragraph')
          return (
            <p key={i} style={{ margin: '4px 0', textIndent: '2em', ...style }}>
              {b.lead && <strong>{b.lead}</strong>}
              {b.text}
            </p>
          )
        return (
          <p key={i} className="muted" style={{ margin: '4px 0' }}>
            〔表〕{b.kind === 'textTable' ? b.table.title : b.kind === 'budgetTable' ? b.table.table.title : b.target.title}
          </p>
        )
      })}
      {compact && section.blocks.length > blocks.length && <p className="muted">……（完整内容见预览）</p>}
    </div>
  )
}
