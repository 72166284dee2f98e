'use client'

import { useLeaveGuard } from '@/components/ui/use-autosave'
import { useMemo, useState, useTransition } from 'react'
import type { FieldPath } from 'react-hook-form'
import { useForm, useWatch } from 'react-hook-form'
import { parseAmount } from '@/lib/budget/money'
import type { Result } from '@/lib/notes/actions'
import type { NotesFinding } from '@/lib/notes/types'
import { deleteProjectTargetAction, saveProjectTargetAction } from '@/lib/performance/actions'
import type { PerformanceState } from '@/lib/performance/view'
import { validateTargets } from '@/lib/performance/validate'
import { STATUS_LABELS } from '@/lib/domain/status'
import type { BudgetSubject } from '@/lib/document/model'
import { DEPARTMENT, EditorHeader } from '../document/disclosure-subnav'
import { NotesFindings } from '../notes/notes-findings'
import { OverallParagraphsEditor } from './overall-paragraphs-editor'
import { OverallTableEditor } from './overall-table-editor'
import type { TargetForm } from './target-form'
import { formToTarget, targetToForm } from './target-form'
import { NoticeBar } from '@/components/ui/notice-bar'
import type { GridRow } from '@/components/grid/grid-model'
import { IndicatorsGrid, indicatorToRow, isBlankIndicator, rowToIndicator } from './indicators-grid'

const input = { width: '100%', font: 'inherit', padding: '6px 8px', border: '1px solid var(--line)', borderRadius: 6 } as const
type Notice = { kind: 'ok' | 'error' | 'conflict'; text: string } | null

/**
 * 绩效目标: the department's overall target, and a 绩效目标表 per project with its indicator tree.
 * The tree is the standard taxonomy: each 一级 lists its own 二级, and a 三级 indicator is added
 * under a 二级, so a 二级 can only belong to its 一级. Findings are checked as the accountant types.
 * A template with a 部门（单位）整体绩效目标表 (Henan 预算11表) shows that table's form instead of the
 * overall target's paragraphs.
 */
export function PerformanceEditor({ initial, subject = DEPARTMENT, banner }: { initial: PerformanceState; subject?: BudgetSubject; banner?: React.ReactNode }) {
  const [state, setState] = useState(initial)
  const [notice, setNotice] = useState<Notice>(null)
  const [editing, setEditing] = useState<{ id: string | null; projectCode: string } | null>(null)
  const [pending, start] = useTransition()
  const ro = !state.canEdit
  const apply = (r: Result<PerformanceState>): boolean => {
    if (r.ok) {
      setState(r.state)
      setNotice({ kind: 'ok', text: r.message })
      return true
    }
    if (r.state) setState(r.state)
    setNotice({ kind: r.code === 'CONFLICT' ? 'conflict' : 'error', text: r.message })
    return false
  }
  const byProject = new Map(state.targets.map((t) => [t.projectCode, t]))
  const missing = (code: string) => state.findings.some((f) => f.rule === 'perf.missing_target' && f.target?.projectCode === code)

  return (
    <div>
      <EditorHeader id={state.id} year={state.year} status={state.status} department={state.department} unit={subject.unit} current="/performance" />
      {banner}
      <NoticeBar notice={notice} onReload={() => window.location.reload()} testId="perf-notice" />
      {ro && <p className="alert alert-warn">当前为只读：预算{STATUS_LABELS[state.status]}或您没有编辑权限。</p>}

      <h2>项目绩效目标表</h2>
      <p className="muted">
        项目支出合计 {state.projectExpenditure} 万元。每个有项目支出的项目应有一张绩效目标表。
      </p>
      <table className="list-table" aria-label="项目及其绩效目标表">
        <thead>
          <tr>
            <th scope="col">项目</th>
            <th scope="col" style={{ textAlign: 'right' }}>
              项目支出（万元）
            </th>
            <th scope="col">绩效目标表</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {state.projects.map((p) => {
            const t = byProject.get(p.code)
            return (
              <tr key={p.code} data-project={p.code}>
                <td>
                  {p.name}
                  <div className="muted" style={{ fontSize: 12 }}>
                    {p.code}
                  </div>
                </td>
                <td style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>{p.amount}</td>
                <td>{t ? `${t.indicators.length} 个指标` : <span className={missing(p.code) ? 'badge badge-warning' : 'muted'}>未填写</span>}</td>
                <td>
                  <button type="button" className="btn" onClick={() => setEditing({ id: t?.id ?? null, projectCode: p.code })} aria-label={`${t ? (ro ? '查看' : '编辑') : '填写'}“${p.name}”的绩效目标表`}>
                    {t ? (ro ? '查看' : '编辑') : '填写'}
                  </button>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>

      {editing && (
        <TargetEditor
          key={`${editing.id ?? 'new'}-${editing.projectCode}`}
          state={state}
          editing={editing}
          ro={ro}
          pending={pending}
          onClose={() => setEditing(null)}
          onSave={(target, id) =>
            new Promise<Result<PerformanceState>>((resolve) =>
              start(async () => {
                const r = await saveProjectTargetAction({ disclosureId: state.id, version: state.versions.targets, id, target })
                apply(r)
                if (r.ok) {
                  const saved = r.state.targets.find((t) => t.projectCode === target.projectCode)
                  setEditing({ id: saved?.id ?? null, projectCode: target.projectCode })
                }
                resolve(r)
              }),
            )
          }
          onDelete={(id) =>
            start(async () => {
              if (apply(await deleteProjectTargetAction({ disclosureId: state.id, version: state.versions.targets, id }))) setEditing(null)
            })
          }
        />
      )}

      {state.overallTable ? (
        <>
          {/* the template's 部门（单位）整体绩效目标表 (Henan 预算11表) */}
          <h2>{state.overallTable.title}</h2>
          <OverallTableEditor state={state} name={subject.unit?.name ?? state.department.name} ro={ro} onState={setState} />
        </>
      ) : (
        <>
          <h2>{subject.unit ? '单位' : '部门'}整体绩效目标</h2>
          <OverallParagraphsEditor state={state} ro={ro} onState={setState} />
        </>
      )}

      <h2>校验结果</h2>
      <NotesFindings findings={state.findings} okText="绩效目标没有发现问题。" />
    </div>
  )
}

function TargetEditor({
  state,
  editing,
  ro,
  pending,
  onClose,
  onSave,
  onDelete,
}: {
  state: PerformanceState
  editing: { id: string | null; projectCode: string }
  ro: boolean
  pending: boolean
  onClose: () => void
  onSave: (t: ReturnType<typeof formToTarget>['target'], id: string | null) => Promise<Result<PerformanceState>>
  onDelete: (id: string) => void
}) {
  const existing = state.targets.find((t) => t.id === editing.id) ?? null
  const project = state.projects.find((p) => p.code === editing.projectCode)
  const form = useForm<TargetForm>({ defaultValues: targetToForm(existing, editing.projectCode) })
  const { register, control, handleSubmit, setError, formState, reset } = form
  const values = useWatch({ control }) as TargetForm
  // the indicators live in the grid; switching projects or a save elsewhere never drops them
  const [rows, setRows] = useState<GridRow[]>(() => (existing?.indicators ?? []).map(indicatorToRow))
  const [rowErrors, setRowErrors] = useState<Map<number, Record<string, string>>>(new Map())
  const [conflict, setConflict] = useState<{ theirs: PerformanceState['targets'][number] | null } | null>(null)
  const [savedKey, setSavedKey] = useState(() => JSON.stringify([targetToForm(existing, editing.projectCode), (existing?.indicators ?? [])]))
  const indicatorsNow = rows.filter((r) => !isBlankIndicator(r)).map(rowToIndicator)
  useLeaveGuard(!ro && (JSON.stringify([{ ...values, indicators: existing?.indicators ?? [] }, indicatorsNow]) !== savedKey || !!conflict))

  // live findings of this table, from the same rules the server applies
  const live: NotesFinding[] = useMemo(() => {
    const { target } = formToTarget({ ...targetToForm(null), ...values, indicators: indicatorsNow })
    const amounts: Record<string, number> = {}
    for (const p of state.projects) amounts[p.code] = parseAmount(p.amountYuan, '元')
    return validateTargets({ targets: [target], projects: state.projects.map((p) => ({ code: p.code, name: p.name })), projectAmounts: amounts, projectExpenditure: Number.MAX_SAFE_INTEGER, ...(state.spendingPlan ? { spendingPlan: state.spendingPlan } : {}) }).filter((f) => f.rule !== 'perf.missing_target')
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [values, rows, state.projects, state.spendingPlan])

  const placeErrors = (fields: { path: string; message: string }[]) => {
    const m = new Map<number, Record<string, string>>()
    for (const f of fields) {
      const x = f.path.replace(/^target\./, '').match(/^indicators\.(\d+)\.(\w+)/)
      if (x) m.set(Number(x[1]), { ...m.get(Number(x[1])), [x[2]!]: f.message })
      else setError(f.path.replace(/^target\./, '') as FieldPath<TargetForm>, { message: f.message })
    }
    setRowErrors(m)
  }
  const submit = handleSubmit(async (v) => {
    const { target, errors } = formToTarget({ ...v, indicators: indicatorsNow })
    placeErrors(errors)
    if (errors.length) return
    const r = await onSave({ ...target, title: target.title || `${project?.name ?? target.projectCode}绩效目标表` }, editing.id)
    if (r.ok) {
      setConflict(null)
      setSavedKey(JSON.stringify([{ ...v, indicators: existing?.indicators ?? [] }, indicatorsNow]))
      return
    }
    placeErrors(r.fields)
    // the other person's table is shown beside what was typed; nothing is saved until the person chooses
    if (r.code === 'CONFLICT') setConflict({ theirs: r.state?.targets.find((t) => t.projectCode === editing.projectCode) ?? null })
  })
  const takeTheirs = () => {
    const t = conflict?.theirs ?? null
    reset(targetToForm(t, editing.projectCode))
    setRows((t?.indicators ?? []).map(indicatorToRow))
    setConflict(null)
  }
  const err = (path: string) => {
    let e: unknown = formState.errors
    for (const p of path.split('.')) e = (e as Record<string, unknown> | undefined)?.[p]
    return (e as { message?: string } | undefined)?.message
  }

  return (
    <section aria-labelledby="target-title" className="card" style={{ margin: '16px 0 24px' }} data-testid="target-editor">
      <h3 id="target-title" style={{ marginTop: 0 }}>
        {existing ? '编辑' : '填写'}绩效目标表：{project?.name ?? editing.projectCode}
      </h3>
      <form onSubmit={submit} noValidate>
        <fieldset disabled={ro} style={{ border: 0, padding: 0, margin: 0 }}>
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', gap: 10 }}>
            <div className="form-field" style={{ gridColumn: '1 / -1' }}>
              <label htmlFor="t-title">表名</label>
              <input id="t-title" style={input} placeholder={`${project?.name ?? ''}绩效目标表`} {...register('title')} />
            </div>
            <div className="form-field">
              <label htmlFor="t-fiscal">财政资金（万元）</label>
              <input id="t-fiscal" inputMode="decimal" style={input} placeholder={project?.amount} {...register('fiscal')} aria-describedby="t-funds-hint" />
              {err('fiscal') && <span className="field-error">{err('fiscal')}</span>}
            </div>
            <div className="form-field">
              <label htmlFor="t-other">其他资金（万元）</label>
              <input id="t-other" inputMode="decimal" style={input} placeholder="0.00" {...register('other')} aria-describedby="t-funds-hint" />
              {err('other') && <span className="field-error">{err('other')}</span>}
            </div>
            {(['q1', 'q2', 'q3', 'q4'] as const).map((q, i) => (
              <div className="form-field" key={q}>
                <label htmlFor={`t-${q}`}>{state.spendingPlan ? `${state.spendingPlan.cumulative ? '累计至' : ''}${state.spendingPlan.points.find((p) => p.key === q)?.label ?? q}支出计划（万元）` : `${['一', '二', '三', '四'][i]}季度支出计划（万元）`}</label>
                <input id={`t-${q}`} inputMode="decimal" style={input} {...register(q)} />
                {err(q) && <span className="field-error">{err(q)}</span>}
              </div>
            ))}
          </div>
          <p id="t-funds-hint" className="muted" style={{ fontSize: 12, marginTop: 0 }}>
            不填资金时按该项目的项目支出 {project?.amount ?? '0.00'} 万元列示。
          </p>
          <div className="form-field">
            <label htmlFor="t-purpose">项目用途</label>
            <textarea id="t-purpose" rows={2} style={input} {...register('purpose')} />
          </div>
          <div className="form-field">
            <label htmlFor="t-goals">年度绩效目标（每行一条）</label>
            <textarea id="t-goals" rows={3} style={input} {...register('goalsText')} />
          </div>

          <h4>绩效指标</h4>
          <p className="muted" style={{ fontSize: 13 }}>
            按一级指标、二级指标逐项添加三级指标；数值型指标值须填写计量单位，文字型指标选择“定性”。
          </p>
          <IndicatorsGrid rows={rows} onRows={setRows} ro={ro} errors={rowErrors} />
        </fieldset>
        <div aria-live="polite" style={{ margin: '8px 0' }}>
          <NotesFindings findings={live} okText="这张绩效目标表没有发现问题。" />
        </div>
        {conflict && (
          <div className="alert alert-error" role="alert" data-testid="target-conflict">
            <p style={{ margin: 0 }}>
              这张绩效目标表在您填写期间已被他人{conflict.theirs ? '修改' : '删除'}并保存，您的这次保存未生效；您填写的内容仍在表中。
              {conflict.theirs && `对方的版本：${conflict.theirs.indicators.length} 个指标（${conflict.theirs.indicators.map((i) => i.level3).join('、')}）；您的：${indicatorsNow.length} 个指标。`}
            </p>
            <button type="button" className="btn btn-primary btn-sm" onClick={() => void submit()} disabled={pending}>
              保留我的并保存
            </button>{' '}
            <button type="button" className="btn btn-sm" onClick={takeTheirs}>
              采用对方的
            </button>
          </div>
        )}
        <div style={{ display: 'flex', gap: 8 }}>
          {!ro && !conflict && (
            <button className="btn btn-primary" type="submit" disabled={pending}>
              保存绩效目标表
            </button>
          )}
          <button className="btn" type="button" onClick={onClose}>
            关闭
          </button>
          {!ro && existing && (
            <button className="btn" type="button" onClick={() => onDelete(existing.id)} disabled={pending}>
              删除此表
            </button>
          )}
        </div>
      </form>
    </section>
  )
}
