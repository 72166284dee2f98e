import { NextResponse } from 'next/server'
import { toFixtureTable } from '@/lib/budget/table'
import { computeFor } from '@/lib/disclosure/server/compute-disclosure'
import { findDisclosureById, findReadableRef } from '@/lib/disclosure/server/find-disclosure'
import { anonymousPublishedFile } from '@/lib/portal/server/anonymous-published'
import { publishedFile, storedFileResponse } from '@/lib/portal/server/published-files'
import { FILE } from '@/lib/portal/server/revision-files'
import { getActor } from '@/lib/server/auth'
import { AppError, notFound } from '@/lib/server/errors'
import { handle } from '@/lib/server/route'

export const dynamic = 'force-dynamic'

/**
 * The disclosure's tables in the fixture format. Public once published, and then the tables frozen at
 * publication (docs/decisions/015), as stored, with an ETag; drafts only for those who may read them
 * (an anonymous reader never reaches the draft path),
 * computed from their data on each request.
 */
export const GET = handle(async (req: Request, ctx: { params: Promise<{ code: string; year: string }> }) => {
  const { code, year } = await ctx.params
  const y = Number(year)
  if (!/^\d{4}$/.test(year)) throw new AppError('BAD_REQUEST', '年度应为四位数字')
  const actor = await getActor()
  if (!actor) {
    // anonymous: only ever the latest published revision, as stored (a short in-memory answer, forgotten on publication)
    const f = await anonymousPublishedFile(code, y, FILE.tables)
    if (!f) throw notFound(`${code} 的 ${year} 年预算公开`)
    return storedFileResponse(req, f)
  }
  const ref = await findReadableRef(actor, code, y)
  if (ref.status === 'published') {
    const f = await publishedFile(ref.id, FILE.tables)
    if (!f) throw notFound(`${code} 的 ${year} 年预算公开表`)
    return storedFileResponse(req, f)
  }
  const d = await findDisclosureById(actor, ref.id)
  const { tables } = await computeFor(d)
  return NextResponse.json({ tables: tables.map(toFixtureTable) }, { headers: { 'Cache-Control': 'private, no-store' } })
})
