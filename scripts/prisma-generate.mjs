// `prisma generate` reads DATABASE_URL from the schema even though it does not connect;
// without it the CLI falls back to downloading a query engine, which fails offline.
import { execFileSync } from 'node:child_process'
const env = { ...process.env, DATABASE_URL: process.env.DATABASE_URL || 'postgresql://postgres:postgres@127.0.0.1:5432/postgres' }
execFileSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['prisma', 'generate'], { stdio: 'inherit', env })
