'use client'

import Link from 'next/link'
import { useEffect, useState } from 'react'
import { useForm } from 'react-hook-form'
import { formatPrintedNumber } from '@/lib/budget/money'
import { reloadNotesAction, saveNotesAction } from '@/lib/notes/actions'
import type { ChangeKey } from '@/lib/notes/schemas'
import type { NotesState } from '@/lib/notes/view'
import type { NotesFinding } from '@/lib/notes/types'
import { STATUS_LABELS } from '@/lib/domain/status'
import type { BudgetSubject } from '@/lib/document/model'
import { headingForLevel } from '@/lib/document/model'
import { DEPARTMENT, EditorHeader } from '../document/disclosure-subnav'
import type { EditorCtx } from './fields'
import { HebeiSections } from './hebei-sections'
import { LayoutSections } from './layout-sections'
import type { NotesForm } from './notes-form'
import { fieldDomId, formPath, toForm, toNotes } from './notes-form'
import { NotesFindings } from './notes-findings'
import { liveTextFindings } from '@/lib/check/live'
import styles from './notes.module.css'
import { NoticeBar } from '@/components/ui/notice-bar'
import { SaveStateBadge } from '@/components/ui/save-state-badge'
import { useVersionedForm } from '@/components/ui/use-versioned-form'

/** Names of the form's values that are lists (no single control carries the name). */
const TOP_LABELS: Record<string, string> = { offices: '内设机构', units: '所属单位', mainProjects: '主要项目', vehicles: '车辆（按车型）', civilServiceUnits: '参公管理单位', dutiesText: '主要职能' }

/**
 * The 情况说明 editor. The numbers are not typed here: each section shows the sentences generated
 * from the tables (read-only), and the accountant writes only what is text — duties, offices, the
 * reasons for changes, labels, other matters, and the counts the tables do not hold. The sections
 * are the template's (state.layout: Henan's 部门概况, 情况说明 一–九, 名词解释), else Hebei's 一 to 九.
 * Typed text is saved automatically (debounced) against the notes' own version (docs/decisions/017);
 * a save refused because someone else saved the notes meanwhile is merged three ways, never saved
 * blindly on the new number. Leaving with unsaved text asks first. The findings link to the field.
 */
export function NotesEditor({ initial, subject = DEPARTMENT, banner }: { initial: NotesState; subject?: BudgetSubject; banner?: React.ReactNode }) {
  const [state, setState] = useState(initial)
  const vehicleTypes = state.layout?.vehicleTypes ?? []
  const formOf = (s: NotesState) => toForm(s.notes, s.layout?.vehicleTypes ?? [], s.economic.map((e) => e.code))
  const form = useForm<NotesForm>({ defaultValues: formOf(initial) })
  const { formState } = form
  const ro = !state.canEdit
  const layout = state.layout
  const saved = layout ? layout.findings : state.generated.findings
  // the checker's wording rules, live on what is being typed (lib/check/live.ts)
  const findings = [...saved, ...liveTextFindings(form.watch(), state.year, saved)]
  const v = useVersionedForm<NotesForm, NotesState>({
    form,
    initial,
    what: '情况说明',
    formOf,
    versionOf: (s) => s.version,
    check: (f) => toNotes(f).errors,
    save: (f, version) => saveNotesAction({ disclosureId: state.id, version, notes: toNotes(f).notes }),
    reload: () => reloadNotesAction(state.id),
    onState: setState,
    fieldPath: (path) => formPath(path, vehicleTypes),
    enabled: !ro,
  })
  const { notice, pending } = v
  const labelOf = (path: string) => {
    const el = document.querySelector(`[name="${CSS.escape(path)}"]`) as HTMLInputElement | null
    const text = el?.labels?.[0]?.textContent ?? el?.getAttribute('aria-label')
    return text?.trim() || TOP_LABELS[path.split('.')[0] ?? ''] || path
  }
  const save = (e?: React.FormEvent) => {
    e?.preventDefault()
    v.saveNow()
  }

  useEffect(() => {
    if (notice && notice.kind !== 'ok') document.querySelector('[data-testid="notes-notice"]')?.scrollIntoView({ block: 'center' })
  }, [notice])

  const go = (f: NotesFinding) => {
    const id = fieldDomId(f.notes?.field, vehicleTypes)
    const el = (id && document.getElementById(id)) || (f.notes && document.getElementById(`form-${f.notes.section}`))
    if (el) {
      el.scrollIntoView({ block: 'center' })
      if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) el.focus()
    }
  }
  const goLabel = (f: NotesFinding) => {
    const field = f.notes?.field ?? ''
    if (field.startsWith('targets') || field === 'overall' || f.rule.startsWith('perf.')) return null
    if (field.startsWith('vehicles')) return null
    return '定位到填写处'
  }
  const fig = state.generated.figures
  const changeText = (k: ChangeKey) => {
    const c = fig[`change.${k}`]
    if (c === undefined) return '无上年数，不说明增减'
    if (c === 0) return '与上年持平，无需说明原因'
    const pct = fig[`change_pct.${k}`]
    return `比上年${c > 0 ? '增加' : '减少'} ${formatPrintedNumber(Math.abs(c))} 万元${pct !== undefined ? `（${c > 0 ? '增长' : '下降'} ${Math.abs(pct)}%）` : ''}，须说明原因`
  }
  const errorOf = (path: string) => {
    const parts = path.split('.')
    let e: unknown = formState.errors
    for (const p of parts) e = (e as Record<string, unknown> | undefined)?.[p]
    return (e as { message?: string } | undefined)?.message
  }
  const ctx: EditorCtx = { state, form, ro, errorOf, changeText, level: subject.level, name: subject.unit?.name ?? state.department.name }

  return (
    <div>
      <EditorHeader id={state.id} year={state.year} status={state.status} department={state.department} unit={subject.unit} current="/notes" />
      {banner}
      {layout && (
        <p className="muted" data-testid="notes-layout-note">
          本预算使用“{layout.templateName}”，情况说明按该模板的格式编写：{layout.parts.map((p) => headingForLevel(p.title, subject.level)).join('、')}。
        </p>
      )}
      <NoticeBar notice={notice} onReload={v.reload} pending={pending} testId="notes-notice" />
      {v.panel(labelOf)}
      {ro && <p className="alert alert-warn">当前为只读：{state.status === 'draft' || state.status === 'returned' ? '您没有编辑此预算的权限。' : `预算${STATUS_LABELS[state.status]}，不能修改。`}</p>}
      <div className={styles.layout}>
        <form onSubmit={save} noValidate aria-label="情况说明">
          {layout ? <LayoutSections ctx={ctx} parts={layout.parts} /> : <HebeiSections ctx={ctx} />}

          {!ro && (
            <div className="no-print" style={{ position: 'sticky', bottom: 0, background: 'rgba(255,255,255,.96)', padding: '10px 0', borderTop: '1px solid var(--line)', display: 'flex', gap: 12, alignItems: 'center' }}>
              <button className="btn btn-primary" type="submit" disabled={pending || v.conflict}>
                保存情况说明
              </button>
              <SaveStateBadge status={v.status} testId="notes-save-state" />
              <span className="muted" style={{ fontSize: 13 }}>
                输入后自动保存
              </span>
              <button className="btn" type="button" onClick={v.reload} disabled={pending}>
                重新加载
              </button>
            </div>
          )}
        </form>
        <aside aria-label="校验结果" className={styles.aside}>
          <h2 style={{ marginTop: 0 }}>校验结果</h2>
          <NotesFindings findings={findings} onGo={go} goLabel={goLabel} />
          <p className="muted" style={{ fontSize: 13 }}>
            绩效目标的问题请到<Link href={`/workspace/disclosures/${state.id}/performance`}>绩效目标</Link>页修改；完整文档见<Link href={`/workspace/disclosures/${state.id}/preview`}>预览与下载</Link>。
          </p>
        </aside>
      </div>
    </div>
  )
}
