/**
 * Hand-over of large server-rendered markup from a Server Component to the server-side render of
 * ServerHtml in the same request (both run in this Node process). See ServerHtml for why.
 */
type Registry = Map<string, string>
const KEY = '__portalServerHtml'
const MAX = 200

function registry(): Registry {
  const g = globalThis as unknown as Record<string, Registry | undefined>
  return (g[KEY] ??= new Map())
}

export function registerServerHtml(id: string, html: string): void {
  const r = registry()
  r.delete(id)
  r.set(id, html)
  while (r.size > MAX) r.delete(r.keys().next().value!)
}

export function readServerHtml(id: string): string | undefined {
  return registry().get(id)
}
