import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openApiDocument } from '@/lib/exchange/openapi'

const API = path.resolve(import.meta.dirname, '../../app/api')

/** app/api/disclosures/[code]/[year]/tables/route.ts → /api/disclosures/{code}/{year}/tables, with its methods. */
function routes(dir = API): { path: string; methods: string[] }[] {
  const out: { path: string; methods: string[] }[] = []
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) out.push(...routes(p))
    else if (e.name === 'route.ts') {
      const rel = path.relative(path.dirname(API), path.dirname(p)).split(path.sep)
      const url = `/${rel.map((s) => s.replace(/^\[\.\.\.(.+)\]$/, '{$1}').replace(/^\[(.+)\]$/, '{$1}')).join('/')}`
      const src = fs.readFileSync(p, 'utf8')
      const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => new RegExp(`export (const|async function|function) ${m}\\b|export \\{[^}]*\\b${m}\\b`).test(src))
      out.push({ path: url, methods })
    }
  }
  return out
}

describe('the OpenAPI document', () => {
  it('describes every route handler under app/api with each of its methods', () => {
    const paths = openApiDocument.paths as Record<string, Record<string, unknown>>
    const missing = routes().flatMap((r) => r.methods.filter((m) => !paths[r.path]?.[m.toLowerCase()]).map((m) => `${m} ${r.path}`))
    expect(missing).toEqual([])
  })

  it('documents the tables, export and import endpoints with their parameters and error responses', () => {
    const p = openApiDocument.paths
    expect(p['/api/disclosures/{code}/{year}/tables'].get.parameters.map((x) => x.name)).toEqual(['code', 'year'])
    expect(p['/api/disclosures/{code}/{year}/export'].get.parameters.map((x) => x.name)).toEqual(['code', 'year', 'format', 'table'])
    expect(Object.keys(p['/api/imports'].post.responses)).toEqual(expect.arrayContaining(['200', '201', '401', '403', '413', '422', '423']))
    expect(openApiDocument.components.schemas.Finding.required).toEqual(['rule', 'severity', 'table', 'sheet', 'cell', 'rowLabel', 'column', 'expected', 'actual', 'message'])
    // every $ref resolves
    const refs = JSON.stringify(openApiDocument).match(/#\/components\/schemas\/\w+/g) ?? []
    for (const r of new Set(refs)) expect(openApiDocument.components.schemas).toHaveProperty(r.split('/').pop()!)
  })
})
