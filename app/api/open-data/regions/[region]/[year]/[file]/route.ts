import { urls } from '@/lib/portal/format'
import { loadRegionOpenData } from '@/lib/portal/server/open-data'
import { openDataResponse, parseOpenDataFile, parseYear } from '@/lib/portal/server/open-data-response'
import { handle } from '@/lib/server/route'

export const dynamic = 'force-dynamic'

/**
 * The open-data package of a region's year: every published department (latest revision each), at
 * /api/open-data/regions/<地区代码>/<年度>/datapackage.json, expenditure.csv, revenue.csv, tables.csv
 */
export const GET = handle(async (req: Request, ctx: { params: Promise<{ region: string; year: string; file: string }> }) => {
  const { region, year, file } = await ctx.params
  const y = parseYear(year)
  const f = parseOpenDataFile(file)
  const set = await loadRegionOpenData(decodeURIComponent(region), y)
  return openDataResponse(req, set, f, urls.regionYear(region, y), `yusuan-region-${region}-${y}`)
})
