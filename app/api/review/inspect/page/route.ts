import { NextResponse } from 'next/server'
import { pageImage } from '@/lib/check/server/page-store'
import { getActor } from '@/lib/server/auth'
import { handle } from '@/lib/server/route'

export const dynamic = 'force-dynamic'

/** GET ?doc=<id>&page=<n>: a page of an inspected document as a PNG, for the reviewer who uploaded it. */
export const GET = handle(async (req: Request) => {
  const url = new URL(req.url)
  const png = await pageImage(await getActor(), url.searchParams.get('doc') ?? '', Number(url.searchParams.get('page')))
  return new NextResponse(new Uint8Array(png), { headers: { 'Content-Type': 'image/png', 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' } })
})
