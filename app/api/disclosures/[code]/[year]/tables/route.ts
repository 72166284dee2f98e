import { NextResponse } from 'next/server'
import { toFixtureTable } from '@/lib/budget/table'
import { computeFor } from '@/lib/disclosure/server/compute-disclosure'
import { findReadableDisclosure } from '@/lib/disclosure/server/find-disclosure'
import { getActor } from '@/lib/server/auth'
import { AppError } from '@/lib/server/errors'
import { handle } from '@/lib/server/route'

export const dynamic = 'force-dynamic'

/** The disclosure's tables in the fixture format. Public once published; drafts only for those who may read them. */
export const GET = handle(async (_req: Request, ctx: { params: Promise<{ code: string; year: string }> }) => {
  const { code, year } = await ctx.params
  const y = Number(year)
  if (!/^\d{4}$/.test(year)) throw new AppError('BAD_REQUEST', '年度应为四位数字')
  const actor = await getActor()
  const d = await findReadableDisclosure(actor, code, y)
  const { tables } = await computeFor(d)
  return NextResponse.json({ tables: tables.map(toFixtureTable) }, { headers: { 'Cache-Control': d.status === 'published' ? 'public, max-age=60' : 'private, no-store' } })
})
