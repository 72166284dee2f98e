import { startEmbeddedPostgres } from '../lib/server/embedded-postgres'
import { execFileSync } from 'node:child_process'
const db = await startEmbeddedPostgres({ dir: '.tmp/pg-mig', port: 55999, database: 'mig', persistent: false })
try {
  execFileSync('node_modules/.bin/prisma', ['migrate', 'dev', '--name', process.argv[2] ?? 'init', '--skip-seed', '--skip-generate'], { stdio: 'inherit', env: { ...process.env, DATABASE_URL: db.url, NODE_OPTIONS: '--require ./scripts/unref-long-timers.cjs' } })
} finally { await db.stop() }
