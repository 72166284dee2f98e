import type { Catalogue, ClassificationKind } from './catalogue'
import { levelOf, LEVEL_NAMES, suggestCodes } from './catalogue'
import type { Finding } from './findings'
import type { BudgetData } from './types'
import { CATEGORY_LABELS, REVENUE_SOURCES } from './types'
import type { ExpenditureIndex } from './line-index'
import { CATEGORY_OTHER, categoryIndex, FUND_OTHER, indexExpenditure } from './line-index'

type List = NonNullable<Finding['line']>['list']
const LIST_LABEL: Record<List, string> = {
  revenue: '收入明细',
  expenditure: '支出明细',
  projects: '项目',
  threePublic: '“三公”经费',
  procurement: '政府采购',
  fixedAssets: '固定资产',
  units: '单位',
}

/** Economic classes allowed per category: 基本支出 is 工资福利 / 商品和服务 / 对个人和家庭的补助 (and 资本性支出 for 公用). */
const BASIC_CLASSES = new Set(['301', '302', '303', '310'])
const BASIC = categoryIndex('basic')
const PROJECT = categoryIndex('project')

function codeFinding(catalogue: Catalogue, kind: ClassificationKind, code: string, wantLevel: number, where: { list: List; index: number; id?: string; field: string }): Finding | null {
  const kindName = kind === 'function' ? '支出功能分类科目' : '经济分类科目'
  const at = `${LIST_LABEL[where.list]}第 ${where.index + 1} 行`
  const lvl = levelOf(kind, code)
  const line = { list: where.list, index: where.index, field: where.field, ...(where.id ? { id: where.id } : {}) }
  if (!lvl || lvl !== wantLevel) {
    const suggestions = suggestCodes(catalogue, kind, code.padEnd(kind === 'function' ? 7 : 5, '0').slice(0, kind === 'function' ? 7 : 5)).map((e) => ({ code: e.code, name: e.name }))
    return {
      rule: 'line.code_level',
      severity: 'error',
      line,
      suggestions,
      message: `${at}：${kindName}“${code}”应填到${LEVEL_NAMES[wantLevel - 1]}级（${kind === 'function' ? 7 : 5} 位编码）`,
    }
  }
  if (!catalogue[kind].has(code)) {
    const suggestions = suggestCodes(catalogue, kind, code).map((e) => ({ code: e.code, name: e.name }))
    return {
      rule: 'line.code_unknown',
      severity: 'error',
      line,
      suggestions,
      message: `${at}：${kindName} ${code} 不在 ${catalogue.year} 年科目表中${suggestions.length ? `，是否为：${suggestions.map((s) => `${s.code} ${s.name}`).join('、')}` : ''}`,
    }
  }
  return null
}

/** Rules on the entered lines themselves: codes, levels, categories, projects, units, signs. */
/** `index`: the expenditure lines' index when the caller has built it already (computeDisclosure). */
export function validateLines(data: BudgetData, catalogue: Catalogue, index?: ExpenditureIndex): Finding[] {
  const out: Finding[] = []
  const units = new Set(data.units.map((u) => u.code))
  const projects = new Set(data.projects.map((p) => p.code))
  const sources = new Set<string>(REVENUE_SOURCES)
  const lineRef = (list: List, index: number, id: string | undefined, field: string) => ({ list, index, field, ...(id ? { id } : {}) })
  const atExp = (i: number) => `支出明细第 ${i + 1} 行`
  const okFunction = new Set<string>()
  const checkCode = (kind: ClassificationKind, ok: Set<string>, code: string, wantLevel: number, where: { list: List; index: number; id?: string; field: string }) => {
    if (ok.has(code)) return
    const f = codeFinding(catalogue, kind, code, wantLevel, where)
    if (f) out.push(f)
    else ok.add(code)
  }
  /** 1 when the code is good, else 2 with the line's finding added. */
  const codeLineCheck = (kind: ClassificationKind, code: string, wantLevel: number, where: { list: List; index: number; id?: string; field: string }): number => {
    const f = codeFinding(catalogue, kind, code, wantLevel, where)
    if (!f) return 1
    out.push(f)
    return 2
  }

  data.revenue.forEach((l, i) => {
    const at = `收入明细第 ${i + 1} 行`
    checkCode('function', okFunction, l.functionCode, 3, { list: 'revenue', index: i, id: l.id, field: 'functionCode' })
    if (!sources.has(l.source)) out.push({ rule: 'line.source', severity: 'error', line: lineRef('revenue', i, l.id, 'source'), message: `${at}：收入来源“${l.source}”无效` })
    if (!units.has(l.unitCode)) out.push({ rule: 'line.unit_unknown', severity: 'error', line: lineRef('revenue', i, l.id, 'unitCode'), message: `${at}：单位 ${l.unitCode} 不属于本部门` })
    if (l.amount < 0) out.push({ rule: 'line.negative', severity: 'error', line: lineRef('revenue', i, l.id, 'amount'), message: `${at}：金额不能为负数` })
  })
  // hot loop over every line: the codes, fund and category come as indexes from the shared line
  // index; each distinct code is looked up in the catalogue once, and a line with a bad code still
  // gets its own finding
  const ix = index ?? indexExpenditure(data.expenditure)
  const fnState = new Uint8Array(ix.functionCodes.length) // 0 not yet checked, 1 good, 2 bad
  const ecoState = new Uint8Array(ix.economicCodes.length)
  const basicState = new Uint8Array(ix.economicCodes.length) // 0 not yet, 1 fits 基本支出, 2 does not
  const unitOk = Uint8Array.from(ix.unitCodes, (u) => (units.has(u as string) ? 1 : 0))
  const projectOk = Uint8Array.from(ix.projectCodes, (p) => (projects.has(p as string) ? 1 : 0))
  const exp = data.expenditure
  for (let i = 0; i < exp.length; i++) {
    const f = ix.fn[i]!
    const e = ix.eco[i]!
    const category = ix.category[i]!
    const p = ix.project[i]!
    // the line object only when there is something to check or to say
    if (fnState[f] === 1 && ecoState[e] === 1 && ix.fund[i] !== FUND_OTHER && category !== CATEGORY_OTHER && unitOk[ix.unit[i]!] === 1 && ix.amount[i]! >= 0 && (category !== BASIC || basicState[e] === 1) && (p < 0 ? category !== PROJECT : category === PROJECT && projectOk[p] === 1)) continue
    const l = exp[i]!
    if (fnState[f] !== 1) fnState[f] = codeLineCheck('function', l.functionCode, 3, { list: 'expenditure', index: i, id: l.id, field: 'functionCode' })
    if (ecoState[e] !== 1) ecoState[e] = codeLineCheck('economic', l.economicCode, 2, { list: 'expenditure', index: i, id: l.id, field: 'economicCode' })
    if (ix.fund[i] === FUND_OTHER) out.push({ rule: 'line.fund', severity: 'error', line: lineRef('expenditure', i, l.id, 'fund'), message: `${atExp(i)}：资金性质“${l.fund}”无效` })
    if (category === CATEGORY_OTHER) out.push({ rule: 'line.category', severity: 'error', line: lineRef('expenditure', i, l.id, 'category'), message: `${atExp(i)}：支出类型“${l.category}”无效` })
    if (unitOk[ix.unit[i]!] !== 1) out.push({ rule: 'line.unit_unknown', severity: 'error', line: lineRef('expenditure', i, l.id, 'unitCode'), message: `${atExp(i)}：单位 ${l.unitCode} 不属于本部门` })
    if (l.amount < 0) out.push({ rule: 'line.negative', severity: 'error', line: lineRef('expenditure', i, l.id, 'amount'), message: `${atExp(i)}：金额不能为负数` })
    if (category === BASIC) {
      if (basicState[e] === 0) basicState[e] = typeof l.economicCode !== 'string' || l.economicCode.length !== 5 || BASIC_CLASSES.has(l.economicCode.slice(0, 3)) ? 1 : 2
      if (basicState[e] === 2) {
        out.push({ rule: 'line.economic_category', severity: 'error', line: lineRef('expenditure', i, l.id, 'economicCode'), message: `${atExp(i)}：基本支出只能使用 301 工资福利支出、302 商品和服务支出、303 对个人和家庭的补助或 310 资本性支出，不能使用 ${l.economicCode}` })
      }
    }
    if (p < 0) {
      if (category === PROJECT) out.push({ rule: 'line.project_missing', severity: 'error', line: lineRef('expenditure', i, l.id, 'projectCode'), message: `${atExp(i)}：项目支出须注明所属项目` })
      continue
    }
    if (projectOk[p] !== 1) {
      out.push({ rule: 'line.project_unknown', severity: 'error', line: lineRef('expenditure', i, l.id, 'projectCode'), message: `${atExp(i)}：项目 ${l.projectCode} 不在本部门项目清单中` })
    }
    if (category !== PROJECT) {
      out.push({ rule: 'line.project_on_basic', severity: 'warning', line: lineRef('expenditure', i, l.id, 'projectCode'), message: `${atExp(i)}：${CATEGORY_LABELS[l.category] ?? l.category}不应挂项目 ${l.projectCode}` })
    }
  }
  const seen = new Set<string>()
  data.projects.forEach((p, i) => {
    if (seen.has(p.code)) out.push({ rule: 'project.duplicate', severity: 'error', line: lineRef('projects', i, undefined, 'code'), message: `项目第 ${i + 1} 行：项目编码 ${p.code} 重复` })
    seen.add(p.code)
  })
  data.threePublic.forEach((e, i) => {
    if (e.amount < 0) out.push({ rule: 'line.negative', severity: 'error', line: lineRef('threePublic', i, undefined, 'amount'), message: `“三公”经费第 ${i + 1} 项金额不能为负数` })
  })
  return out
}
