import 'server-only'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '@/src/generated/prisma/client'
import { env } from './env'

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient }

function create(): PrismaClient {
  const url = env().DATABASE_URL
  if (!url) throw new Error('DATABASE_URL 未设置：请用 npm start 启动（会启动内置 PostgreSQL），或设置 DATABASE_URL')
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) })
}

/** One client per process (Next.js dev reloads modules; the global keeps the pool). */
export function db(): PrismaClient {
  globalForPrisma.prisma ??= create()
  return globalForPrisma.prisma
}

export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0]
