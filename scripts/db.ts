import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '../src/generated/prisma/client'
import { resolveDatabase } from './lib/database'
import { migrateDeploy } from '../lib/server/migrate'
import { seedDemo } from '../prisma/seed'

/** npm run db:migrate | db:seed — against DATABASE_URL, or the embedded PostgreSQL of `npm start`. */
const cmd = process.argv[2]
const db = await resolveDatabase()
try {
  migrateDeploy(db.url)
  console.log('数据库迁移完成')
  if (cmd === 'seed') {
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url }) })
    const r = await seedDemo(prisma)
    console.log(r.seeded ? '演示数据已写入' : '数据库已有数据，未重复写入演示数据')
    await prisma.$disconnect()
    process.env.DATABASE_URL = db.url
    const { indexMissingPublications } = await import('../lib/portal/server/publication-index')
    console.log(`公开目录索引：新建 ${await indexMissingPublications()} 份`)
  }
} finally {
  await db.stop()
}
