'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useMemo } from 'react'
import { useFieldArray, useForm, useWatch } from 'react-hook-form'
import { validateOverallTarget } from '@/lib/performance/overall'
import type { PerformanceState } from '@/lib/performance/view'
import type { TOverallTarget } from '@/lib/performance/schemas'
import { overallTargetSchema, ZOverallTarget } from '@/lib/performance/schemas'
import { NoticeBar } from '@/components/ui/notice-bar'
import { SaveStateBadge } from '@/components/ui/save-state-badge'
import { useVersionedForm } from '@/components/ui/use-versioned-form'
import { reloadPerformanceAction, saveOverallTargetAction } from '@/lib/performance/actions'
import { NotesFindings } from '../notes/notes-findings'
import { OverallIndicatorsGrid } from './overall-indicators-grid'
import type { OverallTableForm } from './target-form'
import { overallTableToForm, overallTableToTarget } from './target-form'

const input = { width: '100%', font: 'inherit', padding: '6px 8px', border: '1px solid var(--line)', borderRadius: 6 } as const
const cellInput = { width: '100%', font: 'inherit', padding: '4px 6px' } as const

/**
 * The 部门（单位）整体绩效目标表 (Henan 预算11表) as a form: 年度履职目标, 年度主要任务 (rows added and
 * removed), 预算情况 shown read-only from the tables, and the 年度绩效指标 grid whose 一级 and 二级 are
 * chosen from the template's fixed tree (a 二级 list follows its 一级). Checked with the server's own
 * schema (overallTargetSchema of the template) before it is sent, and again on the server. Saved
 * automatically against the overall target's own version; a conflict is merged, never overwritten.
 */
export function OverallTableEditor({
  state,
  name = state.department.name,
  ro,
  onState,
}: {
  state: PerformanceState
  /** 部门（单位）名称 as the document prints it: the department's, or for a unit's own 单位预算 the unit's. */
  name?: string
  ro: boolean
  onState: (s: PerformanceState) => void
}) {
  const table = state.overallTable!
  const layout = table.layout
  const schema = useMemo(() => overallTargetSchema(layout), [layout])
  const form = useForm<OverallTableForm>({ resolver: zodResolver(schema) as never, defaultValues: overallTableToForm(state.overall) })
  const { register, control, formState, setValue } = form
  const v = useVersionedForm<OverallTableForm, PerformanceState>({
    form,
    initial: state,
    what: '整体绩效目标表',
    formOf: (s) => overallTableToForm(s.overall),
    versionOf: (s) => s.versions.overall,
    check: (f) => {
      const p = schema.safeParse(overallTableToTarget(f))
      return p.success ? [] : p.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))
    },
    save: (f, version) => saveOverallTargetAction({ disclosureId: state.id, version, target: overallTableToTarget(f) as TOverallTarget }),
    reload: () => reloadPerformanceAction(state.id),
    onState,
    enabled: !ro,
  })
  const tasks = useFieldArray({ control, name: 'tasks' })
  const values = useWatch({ control }) as OverallTableForm
  const labels = {
    duties: layout.sections.find((s) => s.id === 'duties')?.label ?? '年度履职目标',
    tasks: layout.sections.find((s) => s.id === 'tasks')?.label ?? '年度主要任务',
    taskParts: layout.sections.find((s) => s.id === 'tasks')?.parts ?? ['任务名称', '主要内容'],
  }

  // findings of the table as typed, by the same rules the server applies (warnings too)
  const live = useMemo(() => {
    const p = ZOverallTarget.safeParse(overallTableToTarget({ ...overallTableToForm(null), ...values, tasks: (values.tasks ?? []).map((t) => ({ ...t })), indicators: (values.indicators ?? []).map((i) => ({ ...i })) }))
    return p.success ? validateOverallTarget(p.data, layout) : []
  }, [values, layout])

  const err = (path: string) => {
    let e: unknown = formState.errors
    for (const p of path.split('.')) e = (e as Record<string, unknown> | undefined)?.[p]
    return (e as { message?: string } | undefined)?.message
  }
  const submit = (e: React.FormEvent) => {
    e.preventDefault()
    v.saveNow()
  }
  // an indicator's error on its cell: the form's (schema, server) first, else the live rule's (located by row and field)
  const errorAt = (i: number, key: string) => err(`indicators.${i}.${key}`) ?? live.find((f) => f.severity === 'error' && f.overall.part === 'indicators' && f.overall.row === i && f.overall.field === key)?.message

  return (
    <form onSubmit={submit} noValidate className="card" aria-label={table.title} data-testid="overall-table-editor">
      <NoticeBar notice={v.notice} onReload={v.reload} pending={v.pending} testId="overall-notice" />
      {v.panel()}
      <fieldset disabled={ro} style={{ border: 0, padding: 0, margin: 0 }}>
        <p className="muted" style={{ marginTop: 0 }}>
          部门（单位）名称：{name}
        </p>
        <div className="form-field">
          <label htmlFor="o-duties">{labels.duties}</label>
          <textarea id="o-duties" rows={4} style={input} {...register('goals.0')} />
        </div>

        <h3 style={{ fontSize: 16, margin: '14px 0 6px' }}>{labels.tasks}</h3>
        {tasks.fields.length > 0 && (
          <table className="grid" aria-label={labels.tasks}>
            <thead>
              <tr>
                <th scope="col" style={{ width: 48 }}>
                  序号
                </th>
                <th scope="col" style={{ width: '30%' }}>
                  {labels.taskParts[0]}
                </th>
                <th scope="col">{labels.taskParts[1]}</th>
                <th scope="col" style={{ width: 64 }}>
                  <span style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>操作</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tasks.fields.map((f, i) => (
                <tr key={f.id} data-task={i}>
                  <td style={{ textAlign: 'center' }}>{i + 1}</td>
                  <td>
                    <input style={cellInput} aria-label={`${labels.tasks}第 ${i + 1} 行：${labels.taskParts[0]}`} aria-invalid={!!err(`tasks.${i}.name`)} {...register(`tasks.${i}.name` as const)} />
                    {err(`tasks.${i}.name`) && <span className="field-error">{err(`tasks.${i}.name`)}</span>}
                  </td>
                  <td>
                    <textarea rows={2} style={cellInput} aria-label={`${labels.tasks}第 ${i + 1} 行：${labels.taskParts[1]}`} {...register(`tasks.${i}.content` as const)} />
                  </td>
                  <td>
                    {!ro && (
                      <button type="button" className="btn" style={{ padding: '2px 8px' }} onClick={() => tasks.remove(i)} aria-label={`删除${labels.tasks}第 ${i + 1} 行`}>
                        删除
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {!ro && (
          <button type="button" className="btn" style={{ marginTop: 6 }} onClick={() => tasks.append({ name: '', content: '' }, { focusName: `tasks.${tasks.fields.length}.name` })}>
            添加任务
          </button>
        )}

        <h3 style={{ fontSize: 16, margin: '14px 0 6px' }}>{table.budgetLabels.budget}</h3>
        <table className="grid" aria-label={table.budgetLabels.budget} data-testid="overall-budget" style={{ maxWidth: 720 }}>
          <thead>
            <tr>
              <th scope="col">{table.budgetLabels.total}</th>
              <th scope="col" colSpan={2}>
                {table.budgetLabels.byRevenue}
              </th>
              <th scope="col" colSpan={2}>
                {table.budgetLabels.byExpenditure}
              </th>
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: Math.max(1, table.budget.revenue.length, table.budget.expenditure.length) }, (_, r) => {
              const rev = table.budget.revenue[r]
              const exp = table.budget.expenditure[r]
              return (
                <tr key={r}>
                  {r === 0 && (
                    <td rowSpan={Math.max(1, table.budget.revenue.length, table.budget.expenditure.length)} style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums', fontWeight: 600 }} data-testid="overall-budget-total">
                      {table.budget.total}
                    </td>
                  )}
                  <th scope="row" style={{ fontWeight: 400, textAlign: 'left' }}>
                    {rev?.label ?? ''}
                  </th>
                  <td style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>{rev?.amount ?? ''}</td>
                  <th scope="row" style={{ fontWeight: 400, textAlign: 'left' }}>
                    {exp?.label ?? ''}
                  </th>
                  <td style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>{exp?.amount ?? ''}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
        <p className="muted" style={{ fontSize: 12, marginTop: 4 }}>
          预算情况不在此填写，取自本预算的报表：总额为部门收支总表的“收入总计”（含上年结转）；按收入性质分
          {table.budgetSource === 'lines' ? '按收入明细的资金来源汇总（上年结转计入其资金性质）' : '取自部门收支总表和财政拨款收支总表各收入行'}
          ；按支出性质分为部门支出总表合计行的基本支出、项目支出。
        </p>

        <h3 style={{ fontSize: 16, margin: '14px 0 6px' }}>年度绩效指标</h3>
        <p className="muted" style={{ fontSize: 13, marginTop: 0 }}>
          一级指标和二级指标按模板选择（{layout.indicators.map((n) => `${n.level1}：${n.level2.join('、')}`).join('；')}）；输入二级指标即归入其一级指标。打印时按一级、二级指标顺序排列。表格操作同 Excel：直接输入、Tab/Enter 移动、Ctrl+V 粘贴、Ctrl+- 删除所选行、Ctrl+Z 撤销。
        </p>
        <OverallIndicatorsGrid layout={layout} indicators={values.indicators ?? []} ro={ro} errorAt={errorAt} onChange={(list) => (form.clearErrors('indicators'), setValue('indicators', list, { shouldDirty: true, shouldValidate: formState.isSubmitted }))} />
      </fieldset>
      <div aria-live="polite" style={{ margin: '10px 0' }}>
        <NotesFindings findings={live} okText="部门（单位）整体绩效目标表没有发现问题。" />
      </div>
      {!ro && (
        <div style={{ display: 'flex', gap: 10, alignItems: 'center' }}>
          <button className="btn btn-primary" type="submit" disabled={v.pending || v.conflict}>
            保存整体绩效目标表
          </button>
          <SaveStateBadge status={v.status} testId="overall-save-state" />
          <span className="muted" style={{ fontSize: 13 }}>
            输入后自动保存
          </span>
        </div>
      )}
    </form>
  )
}
