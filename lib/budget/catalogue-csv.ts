import { parse } from 'csv-parse/sync'
import type { ClassificationKind } from './catalogue'

/**
 * The catalogue file format (prisma/data/catalogue/*.csv, and what an admin uploads):
 * code,name,level,parent,from_year,to_year,aliases,verified — one row per code and period of a name.
 */
export type CatalogueRow = { kind: ClassificationKind; code: string; name: string; fromYear: number | null; toYear: number | null; aliases: string[]; verified: boolean }

export class CatalogueFormatError extends Error {}

export function parseCatalogueCsv(text: string, kind: ClassificationKind): CatalogueRow[] {
  let records: Record<string, string>[]
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[]
  } catch (e) {
    throw new CatalogueFormatError(`科目文件不是有效的 CSV：${(e as Error).message}`)
  }
  const want = kind === 'function' ? [3, 5, 7] : [3, 5]
  return records.map((r, i) => {
    const line = i + 2
    const code = (r.code ?? r['编码'] ?? r['科目编码'] ?? '').trim()
    const name = (r.name ?? r['名称'] ?? r['科目名称'] ?? '').trim()
    if (!/^\d+$/.test(code) || !want.includes(code.length)) throw new CatalogueFormatError(`第 ${line} 行：科目编码“${code}”应为 ${want.join('、')} 位数字`)
    if (!name) throw new CatalogueFormatError(`第 ${line} 行：科目 ${code} 缺少名称`)
    const year = (s: string | undefined) => (s && s.trim() ? Number(s) : null)
    const fromYear = year(r.from_year)
    const toYear = year(r.to_year)
    if ((fromYear !== null && !Number.isInteger(fromYear)) || (toYear !== null && !Number.isInteger(toYear))) throw new CatalogueFormatError(`第 ${line} 行：起止年度应为整数`)
    return {
      kind,
      code,
      name,
      fromYear,
      toYear,
      aliases: (r.aliases ?? '').split('|').map((a) => a.trim()).filter(Boolean),
      verified: r.verified === '1' || r.verified === 'true',
    }
  })
}

/** The rows in force in a budget year. */
export function rowsForYear(rows: CatalogueRow[], year: number): CatalogueRow[] {
  return rows.filter((r) => (r.fromYear === null || r.fromYear <= year) && (r.toYear === null || year <= r.toYear))
}
