import { spawn, execFileSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '../src/generated/prisma/client'
import { migrateDeploy } from '../lib/server/migrate'
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '../prisma/seed'
import { EMBEDDED_DIR, resolveDatabase } from './lib/database'

/**
 * npm start: a real PostgreSQL (embedded unless DATABASE_URL is set), migrations, demo data once,
 * a production build when the sources are newer than it, then `next start` on PORT (default 3000).
 */
const dev = process.argv.includes('--dev')
const port = Number(process.env.PORT ?? 3000)
const root = process.cwd()
const nextBin = path.join(root, 'node_modules/.bin/next')

function secret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET
  const file = path.join(root, '.data/nextauth-secret')
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, crypto.randomBytes(32).toString('base64url'), { mode: 0o600 })
  }
  return fs.readFileSync(file, 'utf8').trim()
}

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0
  const st = fs.statSync(p)
  if (!st.isDirectory()) return st.mtimeMs
  let m = st.mtimeMs
  for (const e of fs.readdirSync(p)) if (e !== 'node_modules' && !e.startsWith('.')) m = Math.max(m, newestMtime(path.join(p, e)))
  return m
}

function needsBuild(): boolean {
  const id = path.join(root, process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID')
  if (!fs.existsSync(id)) return true
  const built = fs.statSync(id).mtimeMs
  return ['app', 'components', 'lib', 'src', 'package.json', 'next.config.js'].some((p) => newestMtime(path.join(root, p)) > built)
}

const t0 = Date.now()
const db = await resolveDatabase()
console.log(db.startedHere ? `内置 PostgreSQL 已启动（数据目录 ${path.relative(root, EMBEDDED_DIR)}）` : `使用数据库 ${db.url.replace(/:[^:@/]*@/, ':***@')}`)
migrateDeploy(db.url)
const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url }) })
const { seeded } = await seedDemo(prisma)
await prisma.$disconnect()
// the portal's read model: index what was published without it (the seed, a failed indexing)
process.env.DATABASE_URL = db.url
const { indexMissingPublications } = await import('../lib/portal/server/publication-index')
const indexed = await indexMissingPublications()
if (indexed > 0) console.log(`公开目录：已为 ${indexed} 份已公开预算建立索引`)
if (seeded) console.log('已写入演示数据（承德市医疗保障局 2023 年已公开、2024 年草稿；乐亭县医疗保障局 2022 年已公开）')
{
  // published revisions without their frozen files (the demo's, or published before snapshots existed) get them now (docs/decisions/015)
  process.env.DATABASE_URL = db.url
  const { backfillRevisionFiles } = await import('../lib/portal/server/published-files')
  const frozen = await backfillRevisionFiles()
  if (frozen > 0) console.log(`已为 ${frozen} 个已公开版本生成冻结文件（表格、页面、PDF、DOCX、导出与开放数据）`)
  await (await import('../lib/server/db')).db().$disconnect()
}

const env = { ...process.env, DATABASE_URL: db.url, NEXTAUTH_SECRET: secret(), NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`, NEXT_TELEMETRY_DISABLED: '1' }
if (!dev && needsBuild()) {
  console.log('正在构建应用（首次启动或代码有更新，约需 1 分钟）…')
  execFileSync(nextBin, ['build'], { stdio: 'inherit', env })
}
const child = spawn(nextBin, [dev ? 'dev' : 'start', '-p', String(port)], { stdio: ['inherit', 'pipe', 'inherit'], env })
let announced = false
child.stdout.on('data', (chunk: Buffer) => {
  process.stdout.write(chunk)
  if (!announced && /Ready|ready|started server/i.test(chunk.toString())) {
    announced = true
    console.log(`\n预算公开已启动：http://localhost:${port}  （用时 ${((Date.now() - t0) / 1000).toFixed(1)} 秒）`)
    console.log('演示账号（密码均为 ' + DEMO_PASSWORD + '）：')
    for (const u of DEMO_USERS) console.log(`  ${u.username.padEnd(10)} ${u.name}`)
  }
})
const shutdown = async () => {
  child.kill('SIGTERM')
  await db.stop()
  process.exit(0)
}
process.on('SIGINT', shutdown)
process.on('SIGTERM', shutdown)
child.on('exit', async (code) => {
  await db.stop()
  process.exit(code ?? 0)
})
