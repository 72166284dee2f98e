import 'server-only'
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { processEnvironment } from './env'

/** Applies the committed migrations (never `db push`): the same path in start, tests and production. */
export function migrateDeploy(databaseUrl: string, cwd = process.cwd()): void {
  try {
    execFileSync(path.join(cwd, 'node_modules/.bin/prisma'), ['migrate', 'deploy'], {
      cwd,
      stdio: 'pipe',
      env: { ...processEnvironment(), DATABASE_URL: databaseUrl, NODE_OPTIONS: `--require ${path.join(cwd, 'scripts/unref-long-timers.cjs')}` },
    })
  } catch (e) {
    const err = e as { stderr?: Buffer; stdout?: Buffer }
    const detail = [err.stderr, err.stdout].map((b) => b?.toString('utf8') ?? '').join('\n').trim()
    throw new Error(`数据库迁移失败（prisma migrate deploy）：\n${detail}`)
  }
}
