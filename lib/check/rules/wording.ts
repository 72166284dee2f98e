import type { Sentence } from '../notes'
import type { CheckFinding } from '../types'
import { finding } from '../types'

/** Wording rules: each looks at one sentence at a time and needs nothing but the text and the budget year. */
export type SentenceRule = { id: string; title: string; run: (s: Sentence, year: number | null) => CheckFinding[] }

const at = (s: Sentence) => ({ page: s.page, section: s.section || null, quote: s.text.length > 160 ? `${s.text.slice(0, 157)}…` : s.text })

const DOUBLED = /(增加|减少|增长|下降|上升|降低|持平|预算|支出|收入|经费|主要|其中|原因|万元)\1/
const CONTRA = /(增加|减少|增长|下降|上升|降低)持平|持平(增加|减少|增长|下降)|比[^，。；、]{0,14}持平/
const RESIDUE: [RegExp, string][] = [
  [/【\s*[XxＸｘ×*＊]*\s*】|\[\s*[Xx×]*\s*\]/, '括号占位“【XX】”'],
  [/(?<![A-Za-z])[XxＸｘ]{2,}(?![A-Za-z])|×{2,}|＊{2,}/, '占位符“XX”'],
  [/某某|待填|待补充|请填写|此处填写|填写说明/, '未填写的模板文字'],
  [/\{[^{}]{0,20}\}|｛[^｛｝]{0,20}｝/, '模板变量“{…}”'],
  [/[（(](?:请|此处|需|应|须)[^（）()]{0,20}(?:填写|填报|注明|列明|补充|说明|根据实际)[^（）()]{0,20}[）)]/, '括号中的填写说明'],
]
const OUTDATED: [RegExp, string, string, number][] = [
  [/医疗卫生与计划生育支出/, '医疗卫生与计划生育支出', '卫生健康支出', 2019],
  [/(?<!旅游)(?<!其他)文化体育与传媒支出/, '文化体育与传媒支出', '文化旅游体育与传媒支出', 2019],
  [/其他文化体育与传媒支出/, '其他文化体育与传媒支出', '其他文化旅游体育与传媒支出', 2019],
  [/计划生育事务/, '计划生育事务', '计划生育事务（已并入卫生健康支出）', 2019],
]
/** A year a sentence may cite besides the budget year: a dated document, a multi-year period, a comparison. */
const CITES_DOCUMENT = /[《〔\[［(（]\s*20\d{2}|20\d{2}\s*[〕\]］)）]|号/
const PERIOD = /20\d{2}\s*(?:年)?\s*(?:[-—–~至到])\s*20\d{2}|至\s*20\d{2}|20\d{2}\s*年(?:以来|以前|之前|起|底前|年底|末)|截至|截止|十[四五六]五|规划|年度之间/
const COMPARE_BEFORE = /(?:比|较|与|同|对比|相比|比较|上年|去年|上一年)\s*$/

export const wordingRules: SentenceRule[] = [
  {
    id: 'text.doubled_word',
    title: '词语重复（如“增加增加”）',
    run: (s) => {
      const m = DOUBLED.exec(s.text)
      return m ? [finding('text.doubled_word', 'error', `“${m[0]}”词语重复`, { ...at(s), actual: m[0] })] : []
    },
  },
  {
    id: 'text.contradiction',
    title: '自相矛盾的表述（如“增加持平”“比…持平”）',
    run: (s) => {
      const m = CONTRA.exec(s.text)
      return m ? [finding('text.contradiction', 'error', `“${m[0]}”自相矛盾：金额不能既${m[1] ?? m[2] ?? '比较'}又持平`, { ...at(s), actual: m[0] })] : []
    },
  },
  {
    id: 'text.template_residue',
    title: '模板残留（XX、××、某某、待填、{单位}、括号中的填写说明）',
    run: (s) => {
      for (const [re, what] of RESIDUE) {
        const m = re.exec(s.text)
        if (m) return [finding('text.template_residue', 'error', `模板残留：${what}（“${m[0]}”）`, { ...at(s), actual: m[0] })]
      }
      return []
    },
  },
  {
    id: 'text.outdated_name',
    title: '过时的科目名称',
    run: (s, year) => {
      if (!year) return []
      for (const [re, old, now, since] of OUTDATED) {
        if (year >= since && re.test(s.text)) return [finding('text.outdated_name', 'warning', `“${old}”是 ${since} 年以前的科目名称，${year} 年应为“${now}”`, { ...at(s), actual: old, expected: now })]
      }
      return []
    },
  },
  {
    id: 'text.year_reference',
    title: '年份与预算年度不符',
    run: (s, year) => {
      if (!year) return []
      const out: CheckFinding[] = []
      for (const m of s.text.matchAll(/(20\d{2})\s*年/g)) {
        const y = Number(m[1])
        if (y === year) continue
        const idx = m.index ?? 0
        const before = s.text.slice(Math.max(0, idx - 8), idx)
        const around = s.text.slice(Math.max(0, idx - 12), idx + 14)
        if (CITES_DOCUMENT.test(around) || PERIOD.test(around)) continue
        // a comparison of the budget year with the year before, in one sentence
        if (y === year - 1 && new RegExp(`${year}\\s*年`).test(s.text) && /比|较|与|上年|增加|减少|持平/.test(s.text)) continue
        const after = s.text.slice(idx + m[0].length, idx + m[0].length + 8)
        const reason = /(?:原因是|原因为|由于|因为)[^，。；]{0,6}$/.test(s.text.slice(Math.max(0, idx - 14), idx))
        // this budget's own figures stated under another year: "2022年，本部门收入预算…" in a 2023 budget
        const statesBudget = !COMPARE_BEFORE.test(before) && (/^[，,]?\s*(?:本|我)?(?:部门|单位)?[^，。；]{0,14}(?:收入预算|支出预算|预算收入|预算支出|部门预算|单位预算|“三公”经费预算|三公经费预算|收支预算|预算安排)/.test(after) || (idx < 3 && /^[，,]/.test(after)))
        if (y > year + 0 && !COMPARE_BEFORE.test(before) && !/以后|之后|前|规划|目标/.test(around)) {
          out.push(finding('text.year_reference', 'warning', `提到“${m[0]}”，晚于预算年度 ${year} 年`, { ...at(s), actual: m[0], expected: `${year}年` }))
        } else if (statesBudget) {
          out.push(finding('text.year_reference', 'warning', `本年预算的表述写作“${m[0]}”，预算年度是 ${year} 年`, { ...at(s), actual: m[0], expected: `${year}年` }))
        } else if (reason && y < year) {
          out.push(finding('text.year_reference', 'info', `变化原因引用“${m[0]}”，不是预算年度 ${year} 年（可能沿用了上年的说明）`, { ...at(s), actual: m[0], expected: `${year}年` }))
        }
      }
      return out
    },
  },
  {
    id: 'text.punctuation',
    title: '引号不配对、全角直引号',
    run: (s) => {
      const open = (s.text.match(/“/g) ?? []).length
      const close = (s.text.match(/”/g) ?? []).length
      if (s.text.includes('＂')) return [finding('text.punctuation', 'info', '使用了全角直引号“＂”，应为“”', { ...at(s), actual: '＂' })]
      if (open !== close) return [finding('text.punctuation', 'info', `引号不配对（“ ${open} 个，” ${close} 个）`, at(s))]
      return []
    },
  },
]
