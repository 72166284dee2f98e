import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { DISCLOSURE_STATUSES, STATUS_LABELS } from '@/lib/domain/status'

const ROOT = path.resolve(import.meta.dirname, '../..')
function sources(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) sources(p, out)
    else if (/\.tsx?$/.test(e.name)) out.push(p)
  }
  return out
}

describe('status labels', () => {
  it('label every status; the past-tense ones already carry their 已', () => {
    expect(Object.keys(STATUS_LABELS).sort()).toEqual([...DISCLOSURE_STATUSES].sort())
    for (const s of DISCLOSURE_STATUSES.filter((s) => s !== 'draft')) expect(STATUS_LABELS[s]).toMatch(/^已/)
  })

  it('no message puts another 已 before a label (「预算已已提交」)', () => {
    const offenders = ['app', 'components', 'lib'].flatMap((d) => sources(d)).filter((f) => /已\$\{STATUS_LABELS/.test(fs.readFileSync(path.join(ROOT, f), 'utf8')))
    expect(offenders).toEqual([])
  })
})
