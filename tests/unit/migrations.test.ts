import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

// prisma migrate deploy through the pg driver adapter splits a migration script on every ';', even inside
// comments and string literals, so a ';' there breaks `npm start` and every test run.
describe('migration scripts', () => {
  const dir = path.resolve('prisma/migrations')
  for (const name of fs.readdirSync(dir).filter((n) => fs.statSync(path.join(dir, n)).isDirectory())) {
    it(`${name}: no ';' inside comments or string literals`, () => {
      const sql = fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8')
      const bad = sql.split('\n').flatMap((line, i) => {
        const comment = line.indexOf('--')
        const inComment = comment >= 0 && line.slice(comment).includes(';')
        const inString = /'[^']*;[^']*'/.test(comment >= 0 ? line.slice(0, comment) : line)
        return inComment || inString ? [`line ${i + 1}: ${line}`] : []
      })
      expect(bad).toEqual([])
    })
  }
})
