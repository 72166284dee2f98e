import { NextResponse } from 'next/server'
import { searchPublished } from '@/lib/portal/server/search'
import { AppError } from '@/lib/server/errors'
import { intParam, text } from '@/lib/server/request'
import { handle } from '@/lib/server/route'

export const dynamic = 'force-dynamic'

/** GET /api/search?q=…&limit=&offset= — the portal search as JSON (published disclosures only). */
export const GET = handle(async (req: Request) => {
  const sp = new URL(req.url).searchParams
  const q = (sp.get('q') ?? '').trim()
  if (!q) throw new AppError('BAD_REQUEST', '请输入搜索词（参数 q）')
  if (q.length > 100) throw new AppError('BAD_REQUEST', '搜索词最多 100 个字')
  const limit = intParam(sp.get('limit'), 'limit', { min: 1, max: 100, fallback: 20 })
  const offset = intParam(sp.get('offset'), 'offset', { min: 0, max: 10_000, fallback: 0 })
  const result = await searchPublished(text(q, '搜索词'), { limit, offset })
  return NextResponse.json(result, { headers: { 'Cache-Control': 'public, max-age=30' } })
})
