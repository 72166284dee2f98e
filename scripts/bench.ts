import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

/**
 * npm run bench: every figure the issues ask for, each as a ratio against a baseline measured in the
 * same run. Each area keeps its own bench module exporting `bench…(): Promise<string[]>`.
 * Timing never decides a test; it is printed here.
 */
// npm run bench -- --scale N [--keep-db]: the province-scale bench only (scripts/bench-scale.ts)
const scaleAt = process.argv.indexOf('--scale')
if (scaleAt >= 0) {
  const n = Number(process.argv[scaleAt + 1])
  if (!Number.isInteger(n) || n < 1000) throw new Error('用法：npm run bench -- --scale N（N 为已公开预算份数，至少 1000）')
  const { benchScale } = await import('./bench-scale')
  for (const line of await benchScale(n, { keepDb: process.argv.includes('--keep-db') })) console.log(line)
  process.exit(0)
}
// npm run bench -- --only portal,grid (areas: the files' names without bench-) or --only portal:tables,portal:editor
// (figures of an area whose name contains the text): the rest is skipped; the area's module reads BENCH_ONLY
const onlyAt = process.argv.indexOf('--only')
const only = onlyAt >= 0 ? (process.argv[onlyAt + 1] ?? '').split(',').filter(Boolean) : []
if (only.length) process.env.BENCH_ONLY = only.join(',')
const modules: [file: string, fn: string][] = [
  ['bench-kernel.ts', 'benchKernel'],
  ['bench-exchange.ts', 'benchExchange'],
  ['bench-document.ts', 'benchDocument'],
  ['bench-portal.ts', 'benchPortal'],
  ['bench-grid.ts', 'benchGrid'],
]
for (const [file, fn] of modules) {
  const area = file.replace(/^bench-|\.ts$/g, '')
  if (only.length && !only.some((o) => o === area || o.startsWith(`${area}:`))) continue
  const p = path.join(import.meta.dirname, file)
  if (!fs.existsSync(p)) continue
  const mod = (await import(pathToFileURL(p).href)) as Record<string, () => Promise<string[]>>
  const run = mod[fn]
  if (!run) continue
  try {
    for (const line of await run()) console.log(line)
  } catch (e) {
    console.log(`${file}: failed — ${(e as Error).message}`)
  }
}
