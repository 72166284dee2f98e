'use client'

import Link from 'next/link'
import { useEffect, useState, useTransition } from 'react'
import type { FieldPath, UseFormRegister } from 'react-hook-form'
import { useFieldArray, useForm } from 'react-hook-form'
import { formatPrinted } from '@/lib/budget/money'
import type { Result } from '@/lib/notes/actions'
import { reloadNotesAction, saveNotesAction } from '@/lib/notes/actions'
import type { ChangeKey } from '@/lib/notes/schemas'
import { CHANGE_LABELS } from '@/lib/notes/schemas'
import type { NotesState } from '@/lib/notes/server/get-notes-state'
import type { NotesFinding, NotesSection, SectionId } from '@/lib/notes/types'
import { SECTION_TITLES } from '@/lib/notes/types'
import { STATUS_LABELS } from '@/lib/server/authz'
import { DisclosureSubnav } from '../document/disclosure-subnav'
import type { NotesForm } from './notes-form'
import { fieldDomId, toForm, toNotes } from './notes-form'
import { NotesFindings } from './notes-findings'
import styles from './notes.module.css'
import { NoticeBar } from '@/components/ui/notice-bar'

const area = { width: '100%', font: 'inherit', padding: '8px 10px', border: '1px solid var(--line)', borderRadius: 6 } as const
const box = { border: '1px solid var(--line)', borderRadius: 8, padding: '12px 18px 16px', margin: '0 0 18px', background: '#fff' } as const

/**
 * The 情况说明 editor. The numbers are not typed here: each section shows the sentences generated
 * from the tables (read-only), and the accountant writes only what is text — duties, offices, the
 * reasons for changes, labels, other matters. Saving checks the version (a stale save is refused
 * with a reload offer); the findings on the right link to the field to fix.
 */
export function NotesEditor({ initial }: { initial: NotesState }) {
  const [state, setState] = useState(initial)
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error' | 'conflict'; text: string } | null>(null)
  const [pending, start] = useTransition()
  const form = useForm<NotesForm>({ defaultValues: toForm(initial.notes) })
  const { register, control, handleSubmit, reset, setError, formState } = form
  const offices = useFieldArray({ control, name: 'offices' })
  const units = useFieldArray({ control, name: 'units' })
  const mainProjects = useFieldArray({ control, name: 'mainProjects' })
  const ro = !state.canEdit

  const apply = (r: Result<NotesState>) => {
    if (r.ok) {
      setState(r.state)
      reset(toForm(r.state.notes))
      setNotice({ kind: 'ok', text: r.message })
    } else {
      if (r.state) setState(r.state)
      setNotice({ kind: r.code === 'CONFLICT' ? 'conflict' : 'error', text: r.message })
      for (const f of r.fields) setError(f.path as FieldPath<NotesForm>, { message: f.message })
    }
  }
  const save = handleSubmit((values) => {
    const { notes, errors } = toNotes(values)
    if (errors.length) {
      for (const e of errors) setError(e.path as FieldPath<NotesForm>, { message: e.message })
      setNotice({ kind: 'error', text: `有 ${errors.length} 处需要修改：${errors.map((e) => e.message).join('；')}` })
      return
    }
    start(async () => apply(await saveNotesAction({ disclosureId: state.id, version: state.version, notes })))
  })
  const reload = () =>
    start(async () => {
      const r = await reloadNotesAction(state.id)
      apply(r)
    })

  useEffect(() => {
    if (notice && notice.kind !== 'ok') document.querySelector('[data-testid="notes-notice"]')?.scrollIntoView({ block: 'center' })
  }, [notice])

  const go = (f: NotesFinding) => {
    const field = f.notes?.field
    const el = (fieldDomId(field) && document.getElementById(fieldDomId(field)!)) || (f.notes && document.getElementById(`form-${f.notes.section}`))
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
  const generated = (id: SectionId) => state.generated.sections.find((s) => s.id === id)
  const fig = state.generated.figures
  const changeText = (k: ChangeKey) => {
    const c = fig[`change.${k}`]
    if (c === undefined) return '无上年数，不说明增减'
    if (c === 0) return '与上年持平，无需说明原因'
    const pct = fig[`change_pct.${k}`]
    return `比上年${c > 0 ? '增加' : '减少'} ${formatPrinted(Math.abs(c))} 万元${pct !== undefined ? `（${c > 0 ? '增长' : '下降'} ${Math.abs(pct)}%）` : ''}，须说明原因`
  }
  const errorOf = (path: string) => {
    const parts = path.split('.')
    let e: unknown = formState.errors
    for (const p of parts) e = (e as Record<string, unknown> | undefined)?.[p]
    return (e as { message?: string } | undefined)?.message
  }
  const findingsFor = (id: SectionId) => state.generated.findings.filter((f) => f.notes?.section === id)
  const nonOperating = state.units.filter((u) => !/行政|参公|参照公务员/.test(u.nature))

  return (
    <div>
      <p className="muted no-print" style={{ margin: 0 }}>
        <Link href="/workspace">工作台</Link> / {state.department.region} / {state.department.code} {state.department.name}
      </p>
      <h1>
        {state.year} 年部门预算 · 情况说明 <span className={`badge badge-${state.status}`}>{STATUS_LABELS[state.status]}</span>
      </h1>
      <DisclosureSubnav id={state.id} current="/notes" title={`${state.year} 年部门预算`} />
      <NoticeBar notice={notice} onReload={reload} testId="notes-notice" />
      {ro && <p className="alert alert-warn">当前为只读：{state.status === 'draft' || state.status === 'returned' ? '您没有编辑此预算的权限。' : `预算已${STATUS_LABELS[state.status]}，不能修改。`}</p>}
      <div className={styles.layout}>
        <form onSubmit={save} noValidate aria-label="情况说明">
          <fieldset id="form-duties" style={box} disabled={ro}>
            <legend>{SECTION_TITLES.duties}</legend>
            <Field id="f-duties-intro" label="部门职责引言" hint={`留空时为“${state.department.name}主要职责是：”`} error={errorOf('dutiesIntro')}>
              <input id="f-duties-intro" style={area} {...register('dutiesIntro')} />
            </Field>
            <Field id="f-duties-text" label="部门职责（每行一条，自动编号“（一）（二）……”）">
              <textarea id="f-duties-text" rows={8} style={area} {...register('dutiesText')} />
            </Field>
            <Field id="f-offices-intro" label="内设机构引言" hint={`留空时为“${state.department.name}本级内设机构：”`}>
              <input id="f-offices-intro" style={area} {...register('officesIntro')} />
            </Field>
            <PairList title="内设机构" prefix="offices" fields={offices.fields} register={register} onAdd={() => offices.append({ name: '', duties: '' })} onRemove={offices.remove} ro={ro} />
            <Field id="f-units-intro" label="所属单位引言" hint={`留空时为“${state.department.name}所属事业单位的设置及职责：”`}>
              <input id="f-units-intro" style={area} {...register('unitsIntro')} />
            </Field>
            <PairList title="所属单位及职责" prefix="units" fields={units.fields} register={register} onAdd={() => units.append({ name: '', duties: '' })} onRemove={units.remove} ro={ro} />
            <p className="muted">“部门机构设置情况”表由单位信息生成（单位名称、性质、规格、经费保障形式）。</p>
            <Generated section={generated('duties')} findings={findingsFor('duties')} />
          </fieldset>

          <fieldset id="form-overview" style={box} disabled={ro}>
            <legend>{SECTION_TITLES.overview}</legend>
            <Field id="f-overview-intro" label="引言" hint="留空时用“按照预算管理有关规定……”的标准表述">
              <textarea id="f-overview-intro" rows={2} style={area} {...register('overviewIntro')} />
            </Field>
            <Field id="f-style" label="收支说明的写法">
              <select id="f-style" {...register('style')} style={area}>
                <option value="brief">简要：收入、支出总额及来源（市级常用）</option>
                <option value="detailed">详细：一般公共预算分人员、公用、项目经费，逐项列出各类资金（县级常用）</option>
              </select>
            </Field>
            <h3 style={{ fontSize: 15 }}>支出说明中列出的主要项目（金额由项目支出自动汇总）</h3>
            {mainProjects.fields.map((f, i) => (
              <div key={f.id} className="card" style={{ marginBottom: 8, padding: 10 }}>
                <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr auto', gap: 8, alignItems: 'end' }}>
                  <Field id={`f-mp-${i}-label`} label={`主要项目 ${i + 1} 的名称`} error={errorOf(`mainProjects.${i}.label`)}>
                    <input id={`f-mp-${i}-label`} style={area} {...register(`mainProjects.${i}.label` as const)} />
                  </Field>
                  <Field id={`f-mp-${i}-codes`} label="包含的项目（可多选）">
                    <select id={`f-mp-${i}-codes`} multiple size={Math.min(4, state.projects.length)} style={area} {...register(`mainProjects.${i}.projectCodes` as const)}>
                      {state.projects.map((p) => (
                        <option key={p.code} value={p.code}>
                          {p.name}（{p.amount} 万元）
                        </option>
                      ))}
                    </select>
                  </Field>
                  <button type="button" className="btn" onClick={() => mainProjects.remove(i)} aria-label={`删除主要项目 ${i + 1}`}>
                    删除
                  </button>
                </div>
              </div>
            ))}
            {!ro && (
              <button type="button" className="btn" onClick={() => mainProjects.append({ label: '', projectCodes: [], parts: [] })}>
                添加主要项目
              </button>
            )}
            <PriorAndReasons keys={['total', 'personnel', 'public', 'project']} state={state} register={register} changeText={changeText} errorOf={errorOf} />
            <Field id="f-overview-extra" label="补充说明（可选）">
              <textarea id="f-overview-extra" rows={2} style={area} {...register('overviewExtra')} />
            </Field>
            <Generated section={generated('overview')} findings={findingsFor('overview')} />
          </fieldset>

          <fieldset id="form-operating" style={box} disabled={ro}>
            <legend>{SECTION_TITLES.operating}</legend>
            <p className="muted">机关运行经费 = 行政单位和参照公务员法管理（参公）单位基本支出中的公用经费，构成按经济分类列出。</p>
            {nonOperating.length > 0 && (
              <div role="group" aria-labelledby="cs-units-label" style={{ marginBottom: 10 }}>
                <div id="cs-units-label" style={{ fontWeight: 600 }}>
                  以下事业单位中参照公务员法管理（参公）的单位：
                </div>
                {nonOperating.map((u) => (
                  <label key={u.code} style={{ display: 'block' }}>
                    <input type="checkbox" value={u.code} {...register('civilServiceUnits')} /> {u.code} {u.name}（{u.nature || '未填性质'}）
                  </label>
                ))}
              </div>
            )}
            {state.economic.length > 0 && (
              <details>
                <summary>构成项目的名称（可改为本部门习惯的称呼，如“取暖费”写作“办公取暖费”）</summary>
                <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: 8, marginTop: 8 }}>
                  {state.economic.map((e) => (
                    <Field key={e.code} id={`f-label-${e.code}`} label={`${e.code}`}>
                      <input id={`f-label-${e.code}`} placeholder={e.name} style={area} {...register(`labels.${e.code}` as const)} />
                    </Field>
                  ))}
                </div>
              </details>
            )}
            <PriorAndReasons keys={['operatingCosts']} state={state} register={register} changeText={changeText} errorOf={errorOf} />
            <Field id="f-operating-extra" label="补充说明（可选）">
              <textarea id="f-operating-extra" rows={2} style={area} {...register('operatingExtra')} />
            </Field>
            <Generated section={generated('operating')} findings={findingsFor('operating')} />
          </fieldset>

          <fieldset id="form-threePublic" style={box} disabled={ro}>
            <legend>{SECTION_TITLES.threePublic}</legend>
            <p className="muted">
              金额取自“三公”经费表；公务用车购置数和年末保有量（本年购置 {state.vehicles.purchased ?? '未填'} 辆、保有 {state.vehicles.held ?? '未填'} 辆）在
              <Link href={`/workspace/disclosures/${state.id}`}>报表编制</Link>的“三公”经费中填写。
            </p>
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(4, minmax(0, 1fr))', gap: 8 }}>
              {(
                [
                  ['abroadGroups', '出国（境）团组数'],
                  ['abroadPersons', '出国（境）人次'],
                  ['receptionBatches', '公务接待批次'],
                  ['receptionPersons', '公务接待人次'],
                ] as const
              ).map(([k, label]) => (
                <Field key={k} id={`f-count-${k}`} label={label} error={errorOf(`counts.${k}`)}>
                  <input id={`f-count-${k}`} inputMode="numeric" style={area} {...register(`counts.${k}` as const)} />
                </Field>
              ))}
            </div>
            <PriorAndReasons keys={['threePublicTotal', 'threePublicAbroad', 'threePublicVehicle', 'threePublicReception']} state={state} register={register} changeText={changeText} errorOf={errorOf} />
            <Field id="f-threePublic-extra" label="补充说明（可选）">
              <textarea id="f-threePublic-extra" rows={2} style={area} {...register('threePublicExtra')} />
            </Field>
            <Generated section={generated('threePublic')} findings={findingsFor('threePublic')} />
          </fieldset>

          {(
            [
              ['performance', 'performanceExtra', '补充说明（部门整体及项目绩效目标在“绩效目标”页填写）'],
              ['procurement', 'procurementExtra', '补充说明（采购明细在“政府采购与资产”页填写）'],
              ['assets', 'assetsExtra', '补充说明（固定资产占用情况在“政府采购与资产”页填写）'],
            ] as const
          ).map(([id, field, label]) => (
            <fieldset key={id} id={`form-${id}`} style={box} disabled={ro}>
              <legend>{SECTION_TITLES[id]}</legend>
              <Field id={`f-${id}-extra`} label={label}>
                <textarea id={`f-${id}-extra`} rows={2} style={area} {...register(field)} />
              </Field>
              <Generated section={generated(id)} findings={findingsFor(id)} compact={id === 'performance'} />
            </fieldset>
          ))}

          <fieldset id="form-glossary" style={box}>
            <legend>{SECTION_TITLES.glossary}</legend>
            <p className="muted">名词解释由财政部门按地区统一维护。</p>
            <Generated section={generated('glossary')} findings={[]} compact />
          </fieldset>

          <fieldset id="form-other" style={box} disabled={ro}>
            <legend>{SECTION_TITLES.other}</legend>
            <Field id="f-other" label="其他需要说明的事项" error={errorOf('other')}>
              <textarea id="f-other" rows={3} style={area} {...register('other')} />
            </Field>
          </fieldset>

          {!ro && (
            <div className="no-print" style={{ position: 'sticky', bottom: 0, background: 'rgba(255,255,255,.96)', padding: '10px 0', borderTop: '1px solid var(--line)', display: 'flex', gap: 12, alignItems: 'center' }}>
              <button className="btn btn-primary" type="submit" disabled={pending}>
                保存情况说明
              </button>
              {pending && <span className="muted">正在保存并重新生成……</span>}
              {formState.isDirty && !pending && <span className="muted">有未保存的修改</span>}
            </div>
          )}
        </form>
        <aside aria-label="校验结果" className={styles.aside}>
          <h2 style={{ marginTop: 0 }}>校验结果</h2>
          <NotesFindings findings={state.generated.findings} onGo={go} goLabel={goLabel} />
          <p className="muted" style={{ fontSize: 13 }}>
            绩效目标的问题请到<Link href={`/workspace/disclosures/${state.id}/performance`}>绩效目标</Link>页修改；完整文档见<Link href={`/workspace/disclosures/${state.id}/preview`}>预览与下载</Link>。
          </p>
        </aside>
      </div>
    </div>
  )
}

function Field({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string | undefined; children: React.ReactNode }) {
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

function PairList({ title, prefix, fields, register, onAdd, onRemove, ro }: { title: string; prefix: 'offices' | 'units'; fields: { id: string }[]; register: UseFormRegister<NotesForm>; onAdd: () => void; onRemove: (i: number) => void; ro: boolean }) {
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

function PriorAndReasons({ keys, state, register, changeText, errorOf }: { keys: ChangeKey[]; state: NotesState; register: UseFormRegister<NotesForm>; changeText: (k: ChangeKey) => string; errorOf: (p: string) => string | undefined }) {
  return (
    <div style={{ margin: '10px 0' }}>
      <h3 style={{ fontSize: 15, margin: '6px 0' }}>比上年增减</h3>
      {keys.map((k) => {
        const fromSystem = state.prior.source[k] === 'system'
        return (
          <div key={k} style={{ display: 'grid', gridTemplateColumns: 'minmax(160px, 220px) 1fr', gap: 10, alignItems: 'start', marginBottom: 8 }}>
            <Field id={`f-prior-${k}`} label={`上年${CHANGE_LABELS[k]}（万元）`} hint={fromSystem ? `取自 ${state.prior.systemYear} 年已公开的部门预算` : '上年预算未在系统中，请按上年公开数填写'} error={errorOf(`prior.${k}`)}>
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
function Generated({ section, findings, compact }: { section: NotesSection | undefined; findings: NotesFinding[]; compact?: boolean }) {
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

