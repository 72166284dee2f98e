/**
 * Kernel benchmark: derive and validate every table of a large synthetic department.
 *
 *   npx tsx scripts/bench-kernel.ts
 *
 * prints
 *
 *   kernel.derive_validate_20k: <ms> ms (baseline: <ms> ms, ratio: <r>, target: ≤ 15)
 *
 * op       = computeDisclosure (derive the tables, validate lines and tables) on 20,000 expenditure
 *            lines (+ the revenue lines that fund them) over ~150 功能分类 项, ~60 经济分类 款, 8 units
 *            and 200 projects, all from the 2023 starter catalogue; median of 21 runs after a warm-up of
 *            at least 30 runs and 1.5 s (V8 needs some 30 calls to optimise the kernel's loops: with
 *            fewer, the samples measure the interpreter and the compiler rather than the kernel).
 * baseline = one bare pass summing the 20,000 expenditure amounts (integer 分) into a Map keyed by
 *            function code; repeated inside each timed sample to rise above timer resolution, then divided.
 *            Op and baseline samples alternate, so both are taken under the same load.
 * ratio    = op / baseline, one decimal. Timing is reported, never asserted.
 */
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { computeDisclosure } from '../lib/budget/compute'
import type { Fen } from '../lib/budget/money'
import type { Template } from '../lib/budget/template'
import type { BudgetData, ExpenditureLine, FiscalFund, Project, RevenueLine, RevenueSource, ThreePublicEntry, UnitInfo } from '../lib/budget/types'
import { starterCatalogue } from '../lib/catalogue/files'

export const BENCH_LINES = 20_000
export const TARGET_RATIO = 15

/** mulberry32: a small deterministic PRNG, so every run measures the same department. */
function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Every k-th element, so the picks spread over the whole catalogue (all 类, many 款). */
function spread<T>(all: T[], n: number): T[] {
  if (all.length <= n) return all
  const step = all.length / n
  return Array.from({ length: n }, (_, i) => all[Math.floor(i * step)]!)
}

export function loadTemplate(): Template {
  const file = path.resolve(import.meta.dirname, '../lib/budget/templates/hebei-dept-2023.json')
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Template
}

/** A synthetic, fully consistent department: revenue funds every (unit, 项, fund) exactly. */
export function syntheticDepartment(lineCount = BENCH_LINES, seed = 2023): BudgetData {
  const catalogue = starterCatalogue(2023)
  const rand = rng(seed)
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!

  const functionCodes = spread(
    [...catalogue.function.values()].filter((e) => e.level === 3).map((e) => e.code),
    150,
  )
  const economic = (classes: string[]) => [...catalogue.economic.values()].filter((e) => e.level === 2 && classes.includes(e.code.slice(0, 3))).map((e) => e.code)
  const basicEconomic = spread(economic(['301', '302', '303']), 45)
  const projectEconomic = spread(economic(['302', '310']), 30)

  const units: UnitInfo[] = Array.from({ length: 8 }, (_, i) => ({ code: `999${String(i + 1).padStart(3, '0')}`, name: `基准单位${i + 1}` }))
  const projects: Project[] = Array.from({ length: 200 }, (_, i) => ({ code: `999-2023-${String(i + 1).padStart(3, '0')}`, name: `基准项目${i + 1}`, unitCode: units[i % units.length]!.code }))

  // each unit works in a window of 45 项 (real units do not spread over all of them); together they cover all 150
  const unitFunctions = units.map((_, i) => Array.from({ length: 45 }, (_, j) => functionCodes[(i * 19 + j) % functionCodes.length]!))
  const fundOf = (): FiscalFund => {
    const x = rand()
    return x < 0.8 ? 'general' : x < 0.95 ? 'gov_fund' : 'state_capital'
  }
  // log-uniform from 10 元 to 1000 万元
  const amount = (): Fen => Math.max(1, Math.round(10 ** (3 + rand() * 6)))

  const expenditure: ExpenditureLine[] = []
  for (let i = 0; i < lineCount; i++) {
    const u = Math.floor(rand() * units.length)
    const isProject = rand() < 0.4
    const project = isProject ? projects[u + units.length * Math.floor(rand() * (projects.length / units.length))]! : null
    expenditure.push({
      id: `e${i}`,
      unitCode: units[u]!.code,
      functionCode: pick(unitFunctions[u]!),
      fund: fundOf(),
      category: isProject ? 'project' : 'basic',
      economicCode: isProject ? pick(projectEconomic) : pick(basicEconomic),
      projectCode: project?.code ?? null,
      amount: amount(),
    })
  }

  const current: Record<FiscalFund, RevenueSource> = { general: 'general_budget', gov_fund: 'gov_fund', state_capital: 'state_capital' }
  const carry: Record<FiscalFund, RevenueSource> = { general: 'carryover_general', gov_fund: 'carryover_gov_fund', state_capital: 'carryover_state_capital' }
  const groups = new Map<string, { l: ExpenditureLine; total: Fen }>()
  for (const l of expenditure) {
    const k = `${l.unitCode}|${l.functionCode}|${l.fund}`
    const g = groups.get(k)
    if (g) g.total += l.amount
    else groups.set(k, { l, total: l.amount })
  }
  const revenue: RevenueLine[] = []
  for (const { l, total } of groups.values()) {
    const carried = rand() < 0.3 ? Math.round(total * rand() * 0.2) : 0
    if (total - carried > 0) revenue.push({ unitCode: l.unitCode, functionCode: l.functionCode, source: current[l.fund as FiscalFund], amount: total - carried })
    if (carried > 0) revenue.push({ unitCode: l.unitCode, functionCode: l.functionCode, source: carry[l.fund as FiscalFund], amount: carried })
  }

  const threePublic: ThreePublicEntry[] = [{ item: 'abroad_other', fund: 'general', amount: 3_000_000 }]
  for (const l of expenditure) {
    if (l.fund !== 'general' || l.category !== 'basic') continue
    if (l.economicCode === '30231') threePublic.push({ item: 'vehicle_operation', fund: 'general', amount: l.amount })
    if (l.economicCode === '30217') threePublic.push({ item: 'reception', fund: 'general', amount: l.amount })
  }

  return {
    year: 2023,
    department: { code: '999', name: '基准部门' },
    units,
    revenue,
    expenditure,
    projects,
    threePublic,
    procurement: [],
    fixedAssets: [],
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

/** The baseline: one bare pass over the expenditure amounts into a Map by function code. */
export function baselinePass(lines: ExpenditureLine[]): Map<string, Fen> {
  const m = new Map<string, Fen>()
  for (const l of lines) m.set(l.functionCode, (m.get(l.functionCode) ?? 0) + l.amount)
  return m
}

export type KernelBench = { opMs: number; baselineMs: number; ratio: number; findings: number; errors: number }

export function measureKernel(opts: { warmup?: number; warmupMs?: number; runs?: number } = {}): KernelBench {
  const warmup = opts.warmup ?? 30
  const warmupMs = opts.warmupMs ?? 1500
  const runs = opts.runs ?? 21
  const data = syntheticDepartment()
  const template = loadTemplate()
  const catalogue = starterCatalogue(2023)

  let sink = 0
  // op
  let last = computeDisclosure(data, template, catalogue)
  const warmStart = performance.now()
  for (let i = 1; i < warmup || performance.now() - warmStart < warmupMs; i++) last = computeDisclosure(data, template, catalogue)
  // baseline: calibrate repetitions so one sample takes ≥ 20 ms, well above timer resolution
  for (let i = 0; i < 50; i++) sink += baselinePass(data.expenditure).size
  let reps = 1
  for (;;) {
    const t0 = performance.now()
    for (let i = 0; i < reps; i++) sink += baselinePass(data.expenditure).size
    if (performance.now() - t0 >= 20) break
    reps *= 2
  }
  // op and baseline samples taken in turns, so that both see the same machine: on a shared machine
  // the load changes from second to second, and measuring one after the other skews the ratio
  const opSamples: number[] = []
  const baseSamples: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    const r = computeDisclosure(data, template, catalogue)
    opSamples.push(performance.now() - t0)
    sink += r.findings.length
    const t1 = performance.now()
    for (let k = 0; k < reps; k++) sink += baselinePass(data.expenditure).size
    baseSamples.push((performance.now() - t1) / reps)
  }
  if (sink === -1) console.log('') // keep the work observable

  const opMs = median(opSamples)
  const baselineMs = median(baseSamples)
  return {
    opMs,
    baselineMs,
    ratio: opMs / baselineMs,
    findings: last.findings.length,
    errors: last.findings.filter((f) => f.severity === 'error').length,
  }
}

export function formatKernelBench(b: KernelBench): string {
  return `kernel.derive_validate_20k: ${b.opMs.toFixed(2)} ms (baseline: ${b.baselineMs.toFixed(3)} ms, ratio: ${b.ratio.toFixed(1)}, target: ≤ ${TARGET_RATIO})`
}

/** Printable lines for the benchmark report. */
export async function benchKernel(): Promise<string[]> {
  return [formatKernelBench(measureKernel())]
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href
if (invokedDirectly) {
  void benchKernel().then((lines) => {
    for (const line of lines) console.log(line)
  })
}
