import { defineConfig } from 'prisma/config'
import { PrismaPg } from '@prisma/adapter-pg'
import { compatPoolConfig } from './prisma/pg-compat'

// Offline-capable: the WebAssembly schema engine shipped on npm, through the pg driver adapter.
export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  adapter: async () => new PrismaPg(compatPoolConfig(process.env.DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:5432/postgres')),
})
