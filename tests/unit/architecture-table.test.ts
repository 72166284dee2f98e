// docs/ARCHITECTURE.md's module table and docs/architecture.json (from which eslint.config.mjs builds its
// import boundaries) say the same thing, and every server module carries the `server-only` marker.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = path.resolve(import.meta.dirname, '../..')
const architecture = JSON.parse(fs.readFileSync(path.join(ROOT, 'docs/architecture.json'), 'utf8')) as { modules: Record<string, string[]> }

/** The `lib/…` rows of the table: module → the lib modules of its "depends on" column. */
function tableRows(): Record<string, string[]> {
  const md = fs.readFileSync(path.join(ROOT, 'docs/ARCHITECTURE.md'), 'utf8')
  const rows: Record<string, string[]> = {}
  for (const line of md.split('\n')) {
    const cells = line.split('|').map((c) => c.trim())
    const m = cells[1]?.match(/^`(lib\/[a-z-]+)`$/)
    if (!m || cells.length < 5) continue
    rows[m[1]!] = [...(cells[3]!.match(/lib\/[a-z-]+/g) ?? [])].sort()
  }
  return rows
}

function walk(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) walk(p, out)
    else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) out.push(p)
  }
  return out
}

describe('the architecture has one source', () => {
  it("ARCHITECTURE.md's table lists the modules of docs/architecture.json with the same arrows", () => {
    const expected = Object.fromEntries(Object.entries(architecture.modules).map(([m, deps]) => [m, [...deps].sort()]))
    expect(tableRows()).toEqual(expected)
  })

  it('every directory under lib/ is a module of docs/architecture.json', () => {
    const dirs = fs.readdirSync(path.join(ROOT, 'lib'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => `lib/${e.name}`)
    expect(dirs.sort()).toEqual(Object.keys(architecture.modules).sort())
  })

  it("every server module imports 'server-only' (lib/server/**, lib/*/server/**)", () => {
    const server = walk(path.join(ROOT, 'lib')).filter((f) => /\/lib\/(server|[a-z-]+\/server)\//.test(f))
    expect(server.length).toBeGreaterThan(40)
    const missing = server.filter((f) => !/^(?:'use server'\s*)?import 'server-only'$/m.test(fs.readFileSync(f, 'utf8'))).map((f) => path.relative(ROOT, f))
    expect(missing).toEqual([])
  })
})
