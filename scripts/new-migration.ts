import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { startEmbeddedPostgres } from '../lib/server/embedded-postgres'
import { migrateDeploy } from '../lib/server/migrate'

/**
 * Developer tool: writes prisma/migrations/<timestamp>_<name>/migration.sql for the schema changes.
 * `prisma migrate dev` panics in the offline wasm schema engine when it builds its shadow database,
 * so this diffs the committed schema (git HEAD) against the working one, then proves the new
 * migration applies on top of the existing ones in a throw-away embedded PostgreSQL.
 * Commit the schema together with its migration.
 */
const name = (process.argv[2] ?? 'change').replace(/[^a-z0-9_]/gi, '_')
const db = await startEmbeddedPostgres({ dir: '.tmp/pg-newmig', port: 55999, database: 'mig', persistent: false })
try {
  migrateDeploy(db.url)
  const base = path.resolve('.tmp/schema-at-head.prisma')
  fs.writeFileSync(base, execFileSync('git', ['show', 'HEAD:prisma/schema.prisma']))
  const sql = execFileSync('node_modules/.bin/prisma', ['migrate', 'diff', '--from-schema-datamodel', base, '--to-schema-datamodel', 'prisma/schema.prisma', '--script'], {
    env: { ...process.env, DATABASE_URL: db.url, NODE_OPTIONS: '--require ./scripts/unref-long-timers.cjs' },
  }).toString()
  if (!/CREATE|ALTER|DROP/.test(sql)) {
    console.log('没有需要迁移的变化')
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14)
    const dir = path.join('prisma/migrations', `${stamp}_${name}`)
    fs.mkdirSync(dir, { recursive: true })
    fs.writeFileSync(path.join(dir, 'migration.sql'), sql)
    migrateDeploy(db.url) // proves the new migration applies
    console.log(`已生成 ${dir}/migration.sql`)
  }
} finally {
  await db.stop()
}
