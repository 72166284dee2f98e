import { headingForLevel } from '@/lib/document/model'
import type { SectionId } from '@/lib/notes/types'
import { SECTION_TITLES } from '@/lib/notes/types'
import { DutiesFields, ExtraField, OperatingFields, OrganisationFields, OtherField, OverviewFields, ThreePublicFields } from './content-fields'
import type { EditorCtx } from './fields'
import { box, Generated } from './fields'

/**
 * The notes as the seeds (Hebei) write them: sections 一 to 九, each with its fields and the text generated
 * for it. A unit's own budget heads them as its document does (二、单位预算安排的总体情况).
 */
export function HebeiSections({ ctx }: { ctx: EditorCtx }) {
  const { state, ro } = ctx
  const title = (id: SectionId) => headingForLevel(SECTION_TITLES[id], ctx.level)
  const generated = (id: SectionId) => {
    const s = state.generated.sections.find((x) => x.id === id)
    return s && { ...s, title: headingForLevel(s.title, ctx.level) }
  }
  const findingsFor = (id: SectionId) => state.generated.findings.filter((f) => f.notes?.section === id)
  return (
    <>
      <fieldset id="form-duties" style={box} disabled={ro}>
        <legend>{title('duties')}</legend>
        <DutiesFields ctx={ctx} />
        <OrganisationFields ctx={ctx} />
        <Generated section={generated('duties')} findings={findingsFor('duties')} />
      </fieldset>

      <fieldset id="form-overview" style={box} disabled={ro}>
        <legend>{title('overview')}</legend>
        <OverviewFields ctx={ctx} />
        <Generated section={generated('overview')} findings={findingsFor('overview')} />
      </fieldset>

      <fieldset id="form-operating" style={box} disabled={ro}>
        <legend>{title('operating')}</legend>
        <OperatingFields ctx={ctx} />
        <Generated section={generated('operating')} findings={findingsFor('operating')} />
      </fieldset>

      <fieldset id="form-threePublic" style={box} disabled={ro}>
        <legend>{title('threePublic')}</legend>
        <ThreePublicFields ctx={ctx} />
        <Generated section={generated('threePublic')} findings={findingsFor('threePublic')} />
      </fieldset>

      {(
        [
          ['performance', 'performanceExtra', `补充说明（${ctx.level === 'unit' ? '单位' : '部门'}整体及项目绩效目标在“绩效目标”页填写）`],
          ['procurement', 'procurementExtra', '补充说明（采购明细在“政府采购与资产”页填写）'],
          ['assets', 'assetsExtra', '补充说明（固定资产占用情况在“政府采购与资产”页填写）'],
        ] as const
      ).map(([id, field, label]) => (
        <fieldset key={id} id={`form-${id}`} style={box} disabled={ro}>
          <legend>{title(id)}</legend>
          <ExtraField ctx={ctx} id={id} field={field} label={label} />
          <Generated section={generated(id)} findings={findingsFor(id)} compact={id === 'performance'} />
        </fieldset>
      ))}

      <fieldset id="form-glossary" style={box}>
        <legend>{title('glossary')}</legend>
        <p className="muted">名词解释由财政部门按地区统一维护。</p>
        <Generated section={generated('glossary')} findings={[]} compact />
      </fieldset>

      <fieldset id="form-other" style={box} disabled={ro}>
        <legend>{title('other')}</legend>
        <OtherField ctx={ctx} />
      </fieldset>
    </>
  )
}
