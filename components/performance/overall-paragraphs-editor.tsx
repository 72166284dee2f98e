'use client'

import { useFieldArray, useForm } from 'react-hook-form'
import { NoticeBar } from '@/components/ui/notice-bar'
import { SaveStateBadge } from '@/components/ui/save-state-badge'
import { useVersionedForm } from '@/components/ui/use-versioned-form'
import { reloadPerformanceAction, saveOverallTargetAction } from '@/lib/performance/actions'
import type { PerformanceState } from '@/lib/performance/view'
import type { OverallForm } from './target-form'
import { formToOverall, overallToForm } from './target-form'

const input = { width: '100%', font: 'inherit', padding: '6px 8px', border: '1px solid var(--line)', borderRadius: 6 } as const

/**
 * The overall target as paragraphs (Hebei): 总体绩效目标, 分项绩效目标 with their indicators as text,
 * 工作保障措施. A template with a 部门（单位）整体绩效目标表 (Henan 预算11表) uses OverallTableEditor instead.
 * Saved automatically against the overall target's own version; a conflict is merged, never overwritten.
 */
export function OverallParagraphsEditor({ state, ro, onState }: { state: PerformanceState; ro: boolean; onState: (s: PerformanceState) => void }) {
  const form = useForm<OverallForm>({ defaultValues: overallToForm(state.overall) })
  const subs = useFieldArray({ control: form.control, name: 'subTargets' })
  const v = useVersionedForm<OverallForm, PerformanceState>({
    form,
    initial: state,
    what: '整体绩效目标',
    formOf: (s) => overallToForm(s.overall),
    versionOf: (s) => s.versions.overall,
    save: (f, version) => saveOverallTargetAction({ disclosureId: state.id, version, target: formToOverall(f) }),
    reload: () => reloadPerformanceAction(state.id),
    onState,
    enabled: !ro,
  })
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        v.saveNow()
      }}
      noValidate
      className="card"
      aria-label="整体绩效目标"
    >
      <NoticeBar notice={v.notice} onReload={v.reload} pending={v.pending} testId="overall-notice" />
      {v.panel()}
      <fieldset disabled={ro} style={{ border: 0, padding: 0, margin: 0 }}>
        <div className="form-field">
          <label htmlFor="o-goals">总体绩效目标（每行一段）</label>
          <textarea id="o-goals" rows={4} style={input} {...form.register('goalsText')} />
        </div>
        <div style={{ fontWeight: 600, margin: '6px 0' }}>分项绩效目标</div>
        {subs.fields.map((f, i) => (
          <div key={f.id} style={{ display: 'grid', gridTemplateColumns: 'minmax(140px, 240px) 1fr 1fr auto', gap: 8, marginBottom: 6 }}>
            <input aria-label={`分项目标 ${i + 1} 名称`} style={input} {...form.register(`subTargets.${i}.title` as const)} />
            <textarea aria-label={`分项目标 ${i + 1} 绩效目标`} rows={2} style={input} {...form.register(`subTargets.${i}.goal` as const)} />
            <textarea aria-label={`分项目标 ${i + 1} 绩效指标`} rows={2} style={input} {...form.register(`subTargets.${i}.indicators` as const)} />
            {!ro && (
              <button type="button" className="btn" onClick={() => subs.remove(i)} aria-label={`删除分项目标 ${i + 1}`}>
                删除
              </button>
            )}
          </div>
        ))}
        {!ro && (
          <button type="button" className="btn" onClick={() => subs.append({ title: '', goal: '', indicators: '' })}>
            添加分项目标
          </button>
        )}
        <div className="form-field" style={{ marginTop: 10 }}>
          <label htmlFor="o-measures">工作保障措施（每行一条，自动编号）</label>
          <textarea id="o-measures" rows={4} style={input} {...form.register('measuresText')} />
        </div>
        {!ro && (
          <div style={{ display: 'flex', gap: 10, alignItems: 'center' }}>
            <button className="btn btn-primary" type="submit" disabled={v.pending || v.conflict}>
              保存整体绩效目标
            </button>
            <SaveStateBadge status={v.status} testId="overall-save-state" />
            <span className="muted" style={{ fontSize: 13 }}>
              输入后自动保存
            </span>
          </div>
        )}
      </fieldset>
    </form>
  )
}
