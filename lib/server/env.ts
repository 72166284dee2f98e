import 'server-only'
import { z } from 'zod'

/** The only place that reads process.env. */
const ZEnv = z.object({
  DATABASE_URL: z.string().url().optional(),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().positive().default(3000),
})

export type Env = z.infer<typeof ZEnv>

/** The whole environment, for a child process that inherits it (lib/server/migrate.ts). */
export function processEnvironment(): NodeJS.ProcessEnv {
  return process.env
}

let cached: Env | undefined
export function env(): Env {
  cached ??= ZEnv.parse(process.env)
  return cached
}
