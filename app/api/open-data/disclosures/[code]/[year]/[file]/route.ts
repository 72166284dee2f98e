import { urls } from '@/lib/portal/format'
import { loadDisclosureOpenData } from '@/lib/portal/server/open-data'
import { openDataResponse, parseOpenDataFile, parseYear } from '@/lib/portal/server/open-data-response'
import { handle } from '@/lib/server/route'

export const dynamic = 'force-dynamic'

/**
 * The open-data package of one published disclosure (Fiscal Data Package), at stable URLs:
 * /api/open-data/disclosures/<部门编码>/<年度>/datapackage.json, expenditure.csv, revenue.csv, tables.csv
 */
export const GET = handle(async (req: Request, ctx: { params: Promise<{ code: string; year: string; file: string }> }) => {
  const { code, year, file } = await ctx.params
  const y = parseYear(year)
  const f = parseOpenDataFile(file)
  const set = await loadDisclosureOpenData(decodeURIComponent(code), y)
  return openDataResponse(req, set, f, set ? urls.disclosure(set.scope.code, y) : '/', `yusuan-${code}-${y}`)
})
