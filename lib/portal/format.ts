import type { PrintedNumber } from '@/lib/budget/money'
import { formatPrintedNumber } from '@/lib/budget/money'
import { formatPerMille } from './figures'

/** Printed hundredths of 万元 → "2350.50". */
export const wan = (p: PrintedNumber): string => formatPrintedNumber(p)

/** A change with its sign: "+10.00", "-0.01", "0.00". */
export function signedWan(p: PrintedNumber): string {
  return p > 0 ? `+${formatPrintedNumber(p)}` : formatPrintedNumber(p)
}

/** A change in per-mille with its sign: "+22.0%"; "—" when the base is zero. */
export function signedPct(pm: number | null): string {
  if (pm === null) return '—'
  return pm > 0 ? `+${formatPerMille(pm)}` : formatPerMille(pm)
}

/** ISO timestamp → 2023年2月16日 (China time). */
export function chineseDate(iso: string | null): string {
  if (!iso) return ''
  return new Date(iso).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' })
}

/**
 * Whose budget a public page shows (docs/decisions/009): the department's 部门预算, or for a unit's
 * own 单位预算 the unit — its code names the page, its name heads it.
 */
export function budgetSubject(v: { department: { code: string; name: string }; unit?: { code: string; name: string } | null }): { code: string; name: string; level: '部门预算' | '单位预算' } {
  return v.unit ? { code: v.unit.code, name: v.unit.name, level: '单位预算' } : { code: v.department.code, name: v.department.name, level: '部门预算' }
}

/** Stable public URLs. */
export const urls = {
  disclosure: (code: string, year: number) => `/disclosures/${encodeURIComponent(code)}/${year}`,
  revision: (code: string, year: number, revision: number) => `/disclosures/${encodeURIComponent(code)}/${year}/revisions/${revision}`,
  compare: (code: string, year: number, base: number) => `/disclosures/${encodeURIComponent(code)}/${year}/compare/${base}`,
  regions: (province?: string, page = 1) => {
    const q = new URLSearchParams()
    if (province) q.set('province', province)
    if (page > 1) q.set('page', String(page))
    return q.size ? `/regions?${q}` : '/regions'
  },
  region: (code: string) => `/regions/${encodeURIComponent(code)}`,
  regionYear: (code: string, year: number) => `/regions/${encodeURIComponent(code)}/${year}`,
  search: (q: string) => `/search?q=${encodeURIComponent(q)}`,
  openData: (code: string, year: number, file = 'datapackage.json') => `/api/open-data/disclosures/${encodeURIComponent(code)}/${year}/${file}`,
  regionOpenData: (code: string, year: number, file = 'datapackage.json') => `/api/open-data/regions/${encodeURIComponent(code)}/${year}/${file}`,
  tablesJson: (code: string, year: number) => `/api/disclosures/${encodeURIComponent(code)}/${year}/tables`,
  exportFile: (code: string, year: number, format: 'xlsx' | 'csv' | 'json') => `/api/disclosures/${encodeURIComponent(code)}/${year}/export?format=${format}`,
  document: (code: string, year: number, format: 'pdf' | 'docx' | 'html') => `/api/disclosures/${encodeURIComponent(code)}/${year}/document?format=${format}`,
}
