import type { z } from 'zod'

/**
 * A value as a Json column stores it (docs/decisions/013): what JSON keeps, undefined fields dropped.
 * Structurally a Prisma InputJsonValue, without the kernel importing the database client.
 */
export type JsonInput = string | number | boolean | { readonly [key: string]: JsonInput | null } | readonly (JsonInput | null)[]

export class JsonColumnError extends Error {}

/**
 * One accessor per Json column: `read` checks the stored value against the column's zod schema and
 * returns it typed (the stored value itself, so nothing the schema does not name is lost), `write`
 * turns the typed value into what the column stores. No `as unknown as` on a column anywhere else.
 */
export function jsonColumn<T>(column: string, schema: z.ZodType) {
  // stored values already checked: `read` returns the value itself, so an object read again in the same
  // request (a template definition is read by the editor state, the tables, the notes and the findings)
  // need not be parsed again; the values are loaded fresh per request and never mutated
  const checked = new WeakSet<object>()
  return {
    read(value: unknown): T {
      if (typeof value === 'object' && value !== null && checked.has(value)) return value as T
      const r = schema.safeParse(value)
      if (!r.success) {
        const first = r.error.issues[0]
        throw new JsonColumnError(`${column}中保存的数据不符合格式${first ? `（${first.path.join('.') || '根'}：${first.message}）` : ''}`)
      }
      if (typeof value === 'object' && value !== null) checked.add(value)
      return value as T
    },
    write(value: T): JsonInput {
      return JSON.parse(JSON.stringify(value)) as JsonInput
    },
  }
}
