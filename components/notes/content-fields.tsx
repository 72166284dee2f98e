import Link from 'next/link'
import { useFieldArray, useWatch } from 'react-hook-form'
import { defaultOfficesIntro } from '@/lib/notes/format'
import type { EditorCtx } from './fields'
import { area, Field, PairList, PriorAndReasons } from './fields'

/**
 * The fields of the notes, one group per content of the 情况说明 (duties, organisation, overview, …):
 * only what is typed — texts, reasons, labels, counts. The Hebei editor shows them under sections
 * 一 to 九, a template's layout (Henan) under its own parts and sections; the ids are the same in both,
 * so a finding's “定位” finds its field either way.
 */

/** 部门 or 单位: what the notes call the budget's owner (lib/notes words its text the same way). */
const who = (ctx: EditorCtx) => (ctx.level === 'unit' ? '单位' : '部门')

export function DutiesFields({ ctx }: { ctx: EditorCtx }) {
  const { register } = ctx.form
  return (
    <>
      <Field id="f-duties-intro" label={`${who(ctx)}职责引言`} hint={`留空时为“${ctx.name}主要职责是：”`} error={ctx.errorOf('dutiesIntro')}>
        <input id="f-duties-intro" style={area} {...register('dutiesIntro')} />
      </Field>
      <Field id="f-duties-text" label={`${who(ctx)}职责（每行一条，自动编号“（一）（二）……”）`}>
        <textarea id="f-duties-text" rows={8} style={area} {...register('dutiesText')} />
      </Field>
    </>
  )
}

export function OrganisationFields({ ctx }: { ctx: EditorCtx }) {
  const { register, control } = ctx.form
  const offices = useFieldArray({ control, name: 'offices' })
  const units = useFieldArray({ control, name: 'units' })
  const name = ctx.name
  return (
    <>
      <Field id="f-offices-intro" label="内设机构引言" hint={`留空时为“${defaultOfficesIntro(name, ctx.level)}”`}>
        <input id="f-offices-intro" style={area} {...register('officesIntro')} />
      </Field>
      <PairList title="内设机构" prefix="offices" fields={offices.fields} register={register} onAdd={() => offices.append({ name: '', duties: '' })} onRemove={offices.remove} ro={ctx.ro} />
      <Field id="f-units-intro" label="所属单位引言" hint={`留空时为“${name}所属事业单位的设置及职责：”`}>
        <input id="f-units-intro" style={area} {...register('unitsIntro')} />
      </Field>
      <PairList title="所属单位及职责" prefix="units" fields={units.fields} register={register} onAdd={() => units.append({ name: '', duties: '' })} onRemove={units.remove} ro={ctx.ro} />
      <p className="muted">“{who(ctx)}机构设置情况”表由单位信息生成（单位名称、性质、规格、经费保障形式）。</p>
    </>
  )
}

export function OverviewFields({ ctx }: { ctx: EditorCtx }) {
  const { register, control } = ctx.form
  const mainProjects = useFieldArray({ control, name: 'mainProjects' })
  const { state, errorOf, ro } = ctx
  return (
    <>
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
      <PriorAndReasons keys={['total', 'personnel', 'public', 'project']} ctx={ctx} />
      <Field id="f-overview-extra" label="补充说明（可选）">
        <textarea id="f-overview-extra" rows={2} style={area} {...register('overviewExtra')} />
      </Field>
    </>
  )
}

export function OperatingFields({ ctx }: { ctx: EditorCtx }) {
  const { register } = ctx.form
  const { state } = ctx
  const nonOperating = state.units.filter((u) => !/行政|参公|参照公务员/.test(u.nature))
  return (
    <>
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
      <PriorAndReasons keys={['operatingCosts']} ctx={ctx} />
      <Field id="f-operating-extra" label="补充说明（可选）">
        <textarea id="f-operating-extra" rows={2} style={area} {...register('operatingExtra')} />
      </Field>
    </>
  )
}

const COUNTS = [
  ['abroadGroups', '出国（境）团组数'],
  ['abroadPersons', '出国（境）人次'],
  ['receptionBatches', '公务接待批次'],
  ['receptionPersons', '公务接待人次'],
] as const

export function ThreePublicFields({ ctx }: { ctx: EditorCtx }) {
  const { register } = ctx.form
  const { state, errorOf } = ctx
  return (
    <>
      <p className="muted">
        金额取自“三公”经费表；公务用车购置数和年末保有量（本年购置 {state.vehicles.purchased ?? '未填'} 辆、保有 {state.vehicles.held ?? '未填'} 辆）在
        <Link href={`/workspace/disclosures/${state.id}`}>报表编制</Link>的“三公”经费中填写。
      </p>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(4, minmax(0, 1fr))', gap: 8 }}>
        {COUNTS.map(([k, label]) => (
          <Field key={k} id={`f-count-${k}`} label={label} error={errorOf(`counts.${k}`)}>
            <input id={`f-count-${k}`} inputMode="numeric" style={area} {...register(`counts.${k}` as const)} />
          </Field>
        ))}
      </div>
      <PriorAndReasons keys={['threePublicTotal', 'threePublicAbroad', 'threePublicVehicle', 'threePublicReception']} ctx={ctx} />
      <Field id="f-threePublic-extra" label="补充说明（可选）">
        <textarea id="f-threePublic-extra" rows={2} style={area} {...register('threePublicExtra')} />
      </Field>
    </>
  )
}

export function ExtraField({ ctx, id, field, label }: { ctx: EditorCtx; id: 'performance' | 'procurement' | 'assets'; field: 'performanceExtra' | 'procurementExtra' | 'assetsExtra'; label: string }) {
  return (
    <Field id={`f-${id}-extra`} label={label}>
      <textarea id={`f-${id}-extra`} rows={2} style={area} {...ctx.form.register(field)} />
    </Field>
  )
}

/**
 * 国有资产占用情况 by the template's vehicle types: the vehicles held at the end of last year, one count
 * per type (0 where there is none), their sum shown as typed; and the high-value equipment, optional.
 */
export function VehicleFields({ ctx }: { ctx: EditorCtx }) {
  const { register, control } = ctx.form
  const { errorOf, state } = ctx
  const vehicles = useWatch({ control, name: 'vehicles' }) ?? []
  const typed = vehicles.map((v) => v.count.trim()).filter((c) => c !== '')
  const sum = typed.every((c) => /^\d+$/.test(c)) ? typed.reduce((s, c) => s + Number(c), 0) : null
  const last = state.year - 1
  return (
    <div role="group" aria-labelledby="vehicles-label" style={{ margin: '6px 0 10px' }}>
      <h3 id="vehicles-label" style={{ fontSize: 15, margin: '6px 0' }}>
        截至 {last} 年底的车辆数（按车型，单位：辆）
      </h3>
      <p className="muted" style={{ margin: '0 0 6px', fontSize: 13 }}>
        每个车型都要填写，没有的填 0；合计应等于<Link href={`/workspace/disclosures/${state.id}/procurement`}>政府采购与资产</Link>页“固定资产占用情况”中的车辆数量。
      </p>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: 8 }}>
        {(state.layout?.vehicleTypes ?? []).map((type, i) => (
          <Field key={type} id={`f-vehicle-${i}`} label={type} error={errorOf(`vehicles.${i}.count`)}>
            <input id={`f-vehicle-${i}`} inputMode="numeric" style={area} {...register(`vehicles.${i}.count` as const)} />
          </Field>
        ))}
      </div>
      <p className="muted" style={{ margin: '6px 0', fontSize: 13 }} aria-live="polite" data-testid="vehicles-sum">
        已填 {typed.length} / {vehicles.length} 个车型{sum !== null && typed.length ? `，合计 ${sum} 辆` : ''}
      </p>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: 8 }}>
        <Field id="f-equipment-general" label="单价50万元以上通用设备（台、套）" hint="可不填；填写后写入说明" error={errorOf('equipment.general')}>
          <input id="f-equipment-general" inputMode="numeric" style={area} {...register('equipment.general')} />
        </Field>
        <Field id="f-equipment-special" label="单价100万元以上专用设备（台、套）" hint="可不填；填写后写入说明" error={errorOf('equipment.special')}>
          <input id="f-equipment-special" inputMode="numeric" style={area} {...register('equipment.special')} />
        </Field>
      </div>
    </div>
  )
}

export function OtherField({ ctx }: { ctx: EditorCtx }) {
  return (
    <Field id="f-other" label="其他需要说明的事项" error={ctx.errorOf('other')}>
      <textarea id="f-other" rows={3} style={area} {...ctx.form.register('other')} />
    </Field>
  )
}
