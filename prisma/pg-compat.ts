import pg from 'pg'

// Work around prisma/orm#27403 (adapter-pg 6.x: UnsupportedNativeDataType for catalog columns of
// type name (oid 19) / "char" (oid 18) read by the schema engine). Used only by the Prisma CLI.
const REMAP: Record<number, number> = { 19: 25, 18: 25 }
type Res = { fields?: { dataTypeID: number }[] }
function patch<T>(res: T): T {
  for (const r of (Array.isArray(res) ? res : [res]) as Res[]) for (const f of r?.fields ?? []) if (REMAP[f.dataTypeID]) f.dataTypeID = REMAP[f.dataTypeID]!
  return res
}

export class CompatClient extends pg.Client {
  override emit(event: string | symbol, ...a: unknown[]): boolean {
    // swallow the admin-shutdown error the forced shadow-DB drop causes on its own idle client
    if (event === 'error' && String((this as unknown as { database: string }).database).startsWith('prisma_migrate_shadow_db_')) return false
    return super.emit(event, ...a)
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    if (typeof args[0] === 'string' && /^DROP DATABASE "prisma_migrate_shadow_db_[^"]+"$/.test(args[0].trim())) args[0] = args[0].trim() + ' WITH (FORCE)'
    const cbIdx = args.findIndex((a) => typeof a === 'function')
    if (cbIdx >= 0) {
      const cb = args[cbIdx]
      args[cbIdx] = (err: unknown, res: unknown) => cb(err, err ? res : patch(res))
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const ret = (super.query as any)(...args)
    return ret && typeof ret.then === 'function' ? ret.then(patch) : ret
  }
}

/** Discrete fields, not connectionString: a connectionString would override the shadow database name. */
export function compatPoolConfig(url: string) {
  const u = new URL(url)
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password) || undefined,
    database: u.pathname.slice(1),
    Client: CompatClient as unknown as typeof pg.Client,
    allowExitOnIdle: true,
  }
}
