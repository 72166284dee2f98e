import { execFileSync } from 'node:child_process'
import path from 'node:path'

/** Applies the committed migrations (never `db push`): the same path in start, tests and production. */
export function migrateDeploy(databaseUrl: string, cwd = process.cwd()): void {
  execFileSync(path.join(cwd, 'node_modules/.bin/prisma'), ['migrate', 'deploy'], {
    cwd,
    stdio: 'pipe',
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_OPTIONS: `--require ${path.join(cwd, 'scripts/unref-long-timers.cjs')}` },
  })
}
