// Each architecture rule of eslint.config.mjs fails on a deliberately wrong file (tests/lint-fixtures/,
// left out of `npm run lint`). A fixture names the path it is linted as (`// lint-as:`) and the one rule it
// must break (`// expect:`, or `nothing` for a file that must pass).
import fs from 'node:fs'
import path from 'node:path'
import { ESLint } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'

const ROOT = path.resolve(import.meta.dirname, '../..')
const DIR = path.join(ROOT, 'tests/lint-fixtures')
const header = (src: string, key: string) => src.match(new RegExp(`^// ${key}: (.+)$`, 'm'))?.[1]?.trim()

const fixtures = fs
  .readdirSync(DIR)
  .filter((f) => /\.tsx?$/.test(f))
  .map((f) => ({ file: f, src: fs.readFileSync(path.join(DIR, f), 'utf8') }))
  .filter((f) => header(f.src, 'expect'))

let eslint: ESLint
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT, ignore: false })
})

describe('ESLint holds the architecture (docs/ARCHITECTURE.md, docs/decisions/013)', () => {
  it('has a fixture for every rule it promises', () => {
    const rules = new Set(fixtures.map((f) => header(f.src, 'expect')))
    for (const r of ['import-x/no-restricted-paths', 'no-restricted-imports', '@typescript-eslint/no-restricted-imports', 'no-restricted-properties', 'import-x/no-cycle', 'local/known-module']) expect(rules).toContain(r)
  })

  it.each(fixtures.map((f) => [f.file, f] as const))('%s', async (_name, f) => {
    const expected = header(f.src, 'expect')!
    const as = header(f.src, 'lint-as')
    const [result] = as ? await eslint.lintText(f.src, { filePath: path.join(ROOT, as) }) : await eslint.lintFiles([path.join(DIR, f.file)])
    const rules = result!.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`)
    if (expected === 'nothing') expect(rules).toEqual([])
    else expect(rules).toEqual([expected])
  }, 60_000)

  it('the real tree passes the same rules where the fixtures fail (lib/server/env.ts may read process.env)', async () => {
    const [result] = await eslint.lintText('export const url = process.env.DATABASE_URL\n', { filePath: path.join(ROOT, 'lib/server/env.ts') })
    expect(result!.messages.map((m) => m.ruleId)).toEqual([])
  })
})
