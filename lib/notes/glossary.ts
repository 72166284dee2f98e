import { z } from 'zod'

export type GlossaryItem = { term: string; definition: string }

/**
 * 名词解释 as the Hebei seeds print them (乐亭 2022 wording, “本级财政”). A region's admin edits its
 * own list (app/admin/glossary); a region without one prints these. `level` replaces 本级 with
 * 市级 / 县级 where a region words it so (承德: 市级财政).
 */
export function defaultGlossary(level = '本级'): GlossaryItem[] {
  return [
    { term: '一般公共预算拨款收入', definition: `指${level}财政当年拨付的资金。` },
    { term: '事业收入', definition: '指事业单位开展专业业务活动及辅助活动所取得的收入。' },
    { term: '其他收入', definition: '指除“一般公共预算拨款收入”、“事业收入”等以外的收入。主要是按规定动用的租房收入、存款利息收入等。' },
    { term: '基本支出', definition: '指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。' },
    { term: '项目支出', definition: '指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。' },
    { term: '上缴上级支出', definition: '指下级单位上缴上级的支出。' },
    {
      term: '“三公”经费',
      definition: `纳入${level}财政预算管理的“三公”经费，是指${level === '本级' ? '本级' : ''}部门用财政拨款安排的因公出国（境）费、公务用车购置及运维费和公务接待费。其中，因公出国（境）费反映单位公务出国（境）的住宿费、旅费、伙食补助费、杂费、培训费等支出；公务用车购置及运维费反映单位公务用车购置费及租用费、燃料费、维修费、过路过桥费、保险费、安全奖励费用等支出；公务接待费反映单位按规定开支的各类公务接待（含外宾接待）支出。`,
    },
    {
      term: '机关运行费',
      definition: '是指各部门的公用经费，包括办公及印刷费、邮电费、差旅费、会议费、福利费、日常维修费、专用材料及一般设备购置费、办公用房水电费、办公用房取暖费、办公用房物业管理费、公务用车运行维护费以及其他费用。',
    },
    { term: '上年结转', definition: '指以前年度尚未完成、结转到本年仍按原规定用途继续使用的资金。' },
    { term: '事业单位经营支出', definition: '指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动发生的支出。' },
  ]
}

export const ZGlossaryItem = z.object({
  term: z.string().trim().min(1, '请填写名词').max(60, '名词不能超过 60 字'),
  definition: z.string().trim().min(1, '请填写解释').max(2000, '解释不能超过 2000 字'),
})

export const ZSaveGlossary = z
  .object({ regionId: z.string().min(1), items: z.array(ZGlossaryItem).max(100, '最多 100 条') })
  .superRefine((v, ctx) => {
    const seen = new Map<string, number>()
    v.items.forEach((it, i) => {
      const prev = seen.get(it.term)
      if (prev !== undefined) ctx.addIssue({ code: 'custom', path: ['items', i, 'term'], message: `名词“${it.term}”与第 ${prev + 1} 条重复` })
      seen.set(it.term, i)
    })
  })
export type TSaveGlossary = z.infer<typeof ZSaveGlossary>
