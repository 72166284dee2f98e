import type { NotesContent } from '@/lib/budget/template'
import { headingForLevel } from '@/lib/document/model'
import type { LaidPart } from '@/lib/notes/layout'
import { DutiesFields, ExtraField, OperatingFields, OrganisationFields, OtherField, OverviewFields, ThreePublicFields, VehicleFields } from './content-fields'
import type { EditorCtx } from './fields'
import { box, Generated } from './fields'

const sub = { border: '1px solid var(--line)', borderRadius: 6, padding: '8px 14px 12px', margin: '10px 0' } as const

/** The fields a content of the layout takes; none for the paragraphs made from the tables alone. */
function ContentFields({ ctx, content, vehicleTypes }: { ctx: EditorCtx; content: NotesContent; vehicleTypes?: string[] | undefined }) {
  switch (content) {
    case 'duties':
      return <DutiesFields ctx={ctx} />
    case 'organisation':
      return <OrganisationFields ctx={ctx} />
    case 'overview':
      return <OverviewFields ctx={ctx} />
    case 'operating':
      return <OperatingFields ctx={ctx} />
    case 'threePublic':
      return <ThreePublicFields ctx={ctx} />
    case 'performance':
      return <ExtraField ctx={ctx} id="performance" field="performanceExtra" label={`补充说明（${ctx.level === 'unit' ? '单位' : '部门'}整体及项目绩效目标在“绩效目标”页填写）`} />
    case 'procurement':
    case 'procurement.byKind':
      return (
        <>
          {content === 'procurement.byKind' && <p className="muted">政府采购货物、工程、服务的预算按采购明细的政府采购品目编码汇总：A 开头为货物，B 开头为工程，C 开头为服务。</p>}
          <ExtraField ctx={ctx} id="procurement" field="procurementExtra" label="补充说明（采购明细在“政府采购与资产”页填写）" />
        </>
      )
    case 'assets':
    case 'assets.byVehicleType':
      return (
        <>
          {vehicleTypes?.length ? <VehicleFields ctx={ctx} /> : null}
          <ExtraField ctx={ctx} id="assets" field="assetsExtra" label="补充说明（固定资产占用情况在“政府采购与资产”页填写）" />
        </>
      )
    case 'glossary':
      return <p className="muted">名词解释由财政部门按地区统一维护。</p>
    case 'other':
      return <OtherField ctx={ctx} />
    default:
      return <p className="muted">本节文字全部由报表数据生成，无需填写。</p>
  }
}

const generatedIdOf = (content: NotesContent) => (content === 'organisation' ? 'organisation' : content.split('.')[0]!)

/**
 * The notes as the disclosure's template lays them out (Henan: 第一部分 部门概况, 第二部分 情况说明 一–九,
 * 第三部分 名词解释): its parts and sections in the template's order and wording, each with the fields
 * its content takes and the text that will be published, read-only. A unit's own budget heads a part
 * that names the 部门预算 as its document does (第二部分 …年单位预算情况说明).
 */
export function LayoutSections({ ctx, parts }: { ctx: EditorCtx; parts: LaidPart[] }) {
  const { ro } = ctx
  return (
    <>
      {parts.map((part, p) => (
        <section key={p} aria-labelledby={`part-${p}`} data-testid={`notes-part-${p + 1}`}>
          <h2 id={`part-${p}`} style={{ fontSize: 18, margin: '8px 0 10px' }}>
            {headingForLevel(part.title, ctx.level)}
          </h2>
          {part.sections.map((s) => (
            <fieldset key={s.id} id={`form-${s.id}`} style={box} disabled={ro && s.content !== 'glossary'}>
              <legend>{s.title}</legend>
              {s.content === 'items' ? (
                s.items.map((it) => (
                  <fieldset key={it.content} id={`form-${generatedIdOf(it.content)}`} style={sub}>
                    <legend>{it.label}</legend>
                    <ContentFields ctx={ctx} content={it.content} vehicleTypes={it.vehicleTypes} />
                    <Generated section={{ id: generatedIdOf(it.content), title: it.label, blocks: it.blocks }} findings={[]} compact={it.content === 'performance'} />
                  </fieldset>
                ))
              ) : (
                <>
                  <ContentFields ctx={ctx} content={s.content} />
                  <Generated section={{ id: s.id, title: s.title, blocks: s.blocks }} findings={[]} compact={s.content === 'performance' || s.content === 'glossary'} />
                </>
              )}
            </fieldset>
          ))}
        </section>
      ))}
    </>
  )
}
