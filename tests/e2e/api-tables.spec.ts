import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from './support'

const fixture = (name: string) => JSON.parse(fs.readFileSync(path.resolve('tests/fixtures', `${name}.json`), 'utf8')) as { tables: unknown[] }

test('[PUBLIC][API] GET /api/disclosures/447/2023/tables equals the published chengde-2023 tables cell for cell', async ({ request }) => {
  const res = await request.get('/api/disclosures/447/2023/tables')
  expect(res.status()).toBe(200)
  const body = (await res.json()) as { tables: unknown[] }
  expect(body.tables).toEqual(fixture('chengde-2023').tables)
})

test('[PUBLIC][API] the demo 乐亭 2022 disclosure, derived from lines, equals laoting-2022 cell for cell; a unit code finds its department', async ({ request }) => {
  const res = await request.get('/api/disclosures/460001/2022/tables')
  expect(res.status()).toBe(200)
  expect(((await res.json()) as { tables: unknown[] }).tables).toEqual(fixture('laoting-2022').tables)
})

test('[PUBLIC][API] a draft is 404 for the public, with a Chinese message', async ({ request }) => {
  const res = await request.get('/api/disclosures/447/2024/tables')
  expect(res.status()).toBe(404)
  const body = (await res.json()) as { error: { message: string } }
  expect(body.error.message).toContain('不存在或您无权查看')
})
