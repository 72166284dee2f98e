import type { AmountUnit } from '../budget/money'
import type { RawCell } from './grid'
import { cellText } from './grid'
import { address, cleanText } from './text'

/** What the line under a table's title says: "447 承德市医疗保障局 | 预算年度：2023 | 单位：万元". */
export type MetaLine = {
  departmentCode?: string
  departmentName?: string
  year?: number
  unit?: AmountUnit
  /** Cell addresses (A1) where each was read, for findings. */
  at: { department?: string; year?: string; unit?: string }
}

const UNIT_RE = /(?:金额)?单位[:：]\s*(万元|元)(?![\u4e00-\u9fff])/
const YEAR_RE = /(?:预算)?年度[:：]?\s*(\d{4})(?:\s*年)?|^(\d{4})\s*年度?$/
const DEPT_PREFIX = '(?:(?:主管)?部门|预算单位|单位名称|编制单位|部门名称|单位)(?:编码|代码)?(?:及名称|名称)?[:：]\\s*'
// codes are digits in every system seen (447, 460001); letters are accepted when mixed with digits
const CODE_SHAPE = '\\d{2,12}|(?=[A-Za-z0-9-]*\\d)[A-Za-z][A-Za-z0-9-]{1,19}'
/** A department or unit code as a workbook can print it and this reader read it back (an export must round-trip). */
export const READABLE_CODE = new RegExp(`^(?:${CODE_SHAPE})$`)
const DEPT_WITH_CODE = new RegExp(`^(?:${DEPT_PREFIX})?[\\[【(（]?(${CODE_SHAPE})[\\]】)）]?[\\s\\-—_:：]+([^\\d\\s].*)$|^(?:${DEPT_PREFIX})?[\\[【(（]?(\\d{2,12})[\\]】)）]?([^\\d\\s].*)$`)
const DEPT_NAME_ONLY = new RegExp(`^${DEPT_PREFIX}([^\\d\\s].*)$`)
// the code on its own line or cell, the name printed elsewhere ("单位编码：447001" beside "单位名称：…本级")
const DEPT_CODE_ONLY = /^(?:(?:主管)?部门|预算单位|单位)(?:编码|代码)[:：]\s*[\[【(（]?(\d{2,12})[\]】)）]?$/
// a name printed alone on the line under the title ("上海市普陀区文化和旅游局"): an organisation's name
const ORG_NAME = /^[\u4e00-\u9fff（）()·]{2,40}(?:局|委员会|委|办公室|办|院|中心|所|馆|站|会|部|厅|处|队|学校|校|园|署|社|台|室|公司|团|宫|场|本级|机关|政府|法院|检察院)$/

/**
 * Reads department, year and unit from the cells of one row, where present. Exports put them in
 * three cells or all in one ("部门：447 承德市医疗保障局　预算年度：2023　单位：万元"); each part
 * is taken out of the text once read, and what is left may name the department.
 */
export function readMetaRow(cells: (RawCell | undefined)[], row: number, into: MetaLine): boolean {
  let found = false
  cells.forEach((c, i) => {
    let t = cleanText(cellText(c))
    if (!t || typeof c?.v !== 'string') return
    const at = address(row, i + 1)
    const u = UNIT_RE.exec(t)
    if (u) {
      into.unit ??= u[1] as AmountUnit
      into.at.unit ??= at
      found = true
      t = cleanText(t.replace(u[0], ' '))
    }
    const y = YEAR_RE.exec(t)
    if (y) {
      into.year ??= Number(y[1] ?? y[2])
      into.at.year ??= at
      found = true
      t = cleanText(t.replace(y[0], ' '))
    }
    if (!t) return
    const d = DEPT_WITH_CODE.exec(t)
    if (d) {
      if (!into.departmentCode) {
        into.departmentCode = (d[1] ?? d[3])!
        into.departmentName = cleanText((d[2] ?? d[4])!)
        into.at.department = at
      }
      found = true
      return
    }
    const k = DEPT_CODE_ONLY.exec(t)
    if (k) {
      if (!into.departmentCode) {
        into.departmentCode = k[1]!
        into.at.department ??= at
      }
      found = true
      return
    }
    const n = DEPT_NAME_ONLY.exec(t)
    if (n && !into.departmentName) {
      into.departmentName = cleanText(n[1]!)
      into.at.department = at
      found = true
    } else if (!into.departmentName && ORG_NAME.test(t)) {
      into.departmentName = t
      into.at.department = at
      found = true
    }
  })
  return found
}

/** A year in a title such as "承德市医疗保障局2023年部门预算收支总表". */
export function yearInTitle(title: string): number | undefined {
  const m = /(20\d{2}|19\d{2})\s*年/.exec(title)
  return m ? Number(m[1]) : undefined
}
