import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

/**
 * npm run bench: every figure the issues ask for, each as a ratio against a baseline measured in the
 * same run. Each area keeps its own bench module exporting `bench…(): Promise<string[]>`.
 * Timing never decides a test; it is printed here.
 */
const modules: [file: string, fn: string][] = [
  ['bench-kernel.ts', 'benchKernel'],
  ['bench-exchange.ts', 'benchExchange'],
  ['bench-document.ts', 'benchDocument'],
  ['bench-portal.ts', 'benchPortal'],
  ['bench-grid.ts', 'benchGrid'],
]
for (const [file, fn] of modules) {
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
