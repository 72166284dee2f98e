import type { Printed } from '@/lib/budget/money'
import { formatPrinted } from '@/lib/budget/money'

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (numbering of duties and offices, up to 99). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n)
  const tens = Math.floor(n / 10)
  const ones = n % 10
  if (tens === 0) return DIGITS[ones]!
  return `${tens === 1 ? '' : DIGITS[tens]!}十${ones ? DIGITS[ones]! : ''}`
}

/** “2350.50万元”: the notes print amounts as the tables do, two decimals, 万元. */
export const wanText = (p: Printed): string => `${formatPrinted(p)}万元`

/** Already numbered (“（一）”, “(1)”, “1、”, “一、”)? Then the generator keeps the accountant's numbering. */
export function isNumbered(s: string): boolean {
  return /^\s*([（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[、.．])/.test(s)
}

/** A reason as typed, as the clause after “主要原因是”: no leading “主要原因是/由于”, no final full stop. */
export function reasonClause(reason: string): string {
  return reason
    .trim()
    .replace(/^(预算)?(增长|增加|减少|下降|变化|变动)?(的)?主要原因(是|为|：|:)?/, '')
    .replace(/^(由于|因为|系)/, '')
    .replace(/[。；;，,\s]+$/, '')
}

export const paragraphs = (s: string): string[] =>
  s
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')

/** “…本级内设机构：” for a department; a unit (often named …本级) lists its own 内设机构. */
export function defaultOfficesIntro(name: string, level: 'department' | 'unit' | undefined): string {
  return level === 'unit' || name.endsWith('本级') ? `${name}内设机构：` : `${name}本级内设机构：`
}
