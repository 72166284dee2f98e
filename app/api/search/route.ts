import { NextResponse } from 'next/server'
import { searchPublished } from '@/lib/portal/server/search'
import { AppError } from '@/lib/server/errors'
import { handle } from '@/lib/server/route'

export const dynamic = 'force-dynamic'

/** GET /api/search?q=…&limit=&offset= — the portal search as JSON (published disclosures only). */
export const GET = handle(async (req: Request) => {
  const sp = new URL(req.url).searchParams
  const q = (sp.get('q') ?? '').trim()
  if (!q) throw new AppError('BAD_REQUEST', '请输入搜索词（参数 q）')
  if (q.length > 100) throw new AppError('BAD_REQUEST', '搜索词最多 100 个字')
  const limit = Number(sp.get('limit') ?? 20)
  const offset = Number(sp.get('offset') ?? 0)
  const result = await searchPublished(q, { limit: Number.isFinite(limit) ? limit : 20, offset: Number.isFinite(offset) ? offset : 0 })
  return NextResponse.json(result, { headers: { 'Cache-Control': 'public, max-age=30' } })
})
