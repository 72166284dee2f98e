/**
 * A new year copied from last year (issue 12 item 4): text that still names the old year — a project
 * called “2023 年度…”, a sentence of the notes, a performance target — is flagged for review until it is
 * changed or marked as checked (“已核对”, kept with the text it was checked for: a later edit of the text
 * asks again). Pure: the server collects the texts, the editors and the submission gate show the flags.
 */
export type YearText = { key: string; part: 'projects' | 'notes' | 'targets' | 'procurement'; where: string; text: string; href: string }
export type YearFlag = YearText & { snippet: string }
export type Reviewed = { key: string; text: string }[]

const CN_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九']
const FULL = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)))

/** The ways a year is written: 2023, ２０２３, 二〇二三 / 二零二三 (not part of a longer number). */
export function yearPattern(year: number): RegExp {
  const y = String(year)
  const cn = [...y].map((d) => CN_DIGITS[Number(d)]).join('')
  const alts = [y, FULL(y), cn, cn.replace(/〇/g, '零')].map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  return new RegExp(`(?<![0-9０-９〇零一二三四五六七八九])(?:${alts.join('|')})(?![0-9０-９〇零一二三四五六七八九])`, 'u')
}

/** The texts that name `fromYear` and are not marked as checked for exactly that text. */
export function yearFlags(texts: YearText[], fromYear: number, reviewed: Reviewed): YearFlag[] {
  const re = yearPattern(fromYear)
  const ok = new Set(reviewed.map((r) => `${r.key}\u0000${r.text}`))
  return texts.flatMap((t) => {
    const m = re.exec(t.text)
    if (!m || ok.has(`${t.key}\u0000${t.text}`)) return []
    const start = Math.max(0, m.index - 12)
    const end = Math.min(t.text.length, m.index + m[0].length + 16)
    return [{ ...t, snippet: `${start > 0 ? '…' : ''}${t.text.slice(start, end)}${end < t.text.length ? '…' : ''}` }]
  })
}

const NOTES_LABELS: Record<string, string> = {
  duties: '主要职能',
  organisation: '机构设置',
  overview: '预算概况',
  reasons: '增减原因',
  operatingCosts: '机关运行经费',
  threePublic: '“三公”经费',
  performance: '绩效目标情况',
  procurement: '政府采购情况',
  assets: '国有资产占用情况',
  other: '其他需要说明的事项',
}

/** Every string of a JSON value with its dotted path (the notes, a target's goals and indicators). */
export function stringsOf(value: unknown, path = ''): { path: string; text: string }[] {
  if (typeof value === 'string') return value.trim() ? [{ path, text: value }] : []
  if (Array.isArray(value)) return value.flatMap((v, i) => stringsOf(v, path ? `${path}.${i}` : String(i)))
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringsOf(v, path ? `${path}.${k}` : k))
  return []
}

/** The notes' texts (the figures of the prior year, `prior`, are numbers of that year by design). */
export function notesTexts(notes: unknown, href: string): YearText[] {
  return stringsOf(notes)
    .filter((s) => !s.path.startsWith('prior.'))
    .map((s) => ({ key: `notes:${s.path}`, part: 'notes' as const, where: `情况说明·${NOTES_LABELS[s.path.split('.')[0] ?? ''] ?? '其他'}`, text: s.text, href }))
}

export const flagMessage = (f: YearFlag, fromYear: number, year: number) => `${f.where}仍写着“${f.snippet}”，提到上年（${fromYear} 年），本预算为 ${year} 年：请修改，或确认无误后在编辑页标记“已核对”`
