import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../..')
const cli = (...args: string[]) => spawnSync('npx', ['tsx', '--import', './scripts/server-only-hook.mjs', 'scripts/budget.ts', 'check', ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 })

describe('npm run budget -- check', () => {
  it('--json prints exactly {findings, coverage, summary} and exits 1 when there are errors', () => {
    const r = cli('tests/fixtures/seeds/laiyuan-2024.txt', '--json')
    expect(r.status).toBe(1)
    const out = JSON.parse(r.stdout) as { findings: Record<string, unknown>[]; coverage: Record<string, unknown>[]; summary: Record<string, unknown> }
    expect(Object.keys(out)).toEqual(['findings', 'coverage', 'summary'])
    for (const f of out.findings) expect(Object.keys(f).sort()).toEqual(['actual', 'column', 'expected', 'message', 'page', 'quote', 'row', 'rule', 'section', 'severity', 'table'])
    for (const c of out.coverage) expect(Object.keys(c).sort()).toEqual(['reason', 'rule', 'status'])
    expect(out.findings.some((f) => f.severity === 'error' && String(f.row).includes('会议费'))).toBe(true)
  }, 130_000)

  it('exits 0 when there is no error, 2 when the file cannot be read', () => {
    const ok = cli('tests/fixtures/seeds/chengde-2023.txt')
    expect(ok.status).toBe(0)
    expect(ok.stdout).toContain('尾差 11 个')
    const missing = cli('tests/fixtures/seeds/nothing.pdf')
    expect(missing.status).toBe(2)
    expect(missing.stderr).toContain('文件不存在')
  }, 130_000)
})
