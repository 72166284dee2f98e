import type { Finding } from '@/lib/budget/findings'
import { splitSentences } from './notes'
import { wordingRules } from './rules/wording'

/** Every string in a form's values (the accountant's own words), in field order. */
function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v)
  else if (Array.isArray(v)) for (const x of v) strings(x, out)
  else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out)
  return out
}

/**
 * The checker's wording rules (doubled words, contradictions, template residue, outdated names,
 * years) run on the notes as they are typed, before saving: the same rules a reviewer's check of
 * the published document runs. Findings the saved notes already report (same words) are left out.
 */
export function liveTextFindings(values: unknown, year: number, already: Finding[] = []): Finding[] {
  const out: Finding[] = []
  const seen = new Set<string>()
  for (const text of strings(values)) {
    for (const sentence of splitSentences(text)) {
      for (const rule of wordingRules) {
        for (const f of rule.run({ text: sentence, page: null, section: '', line: 0 }, year)) {
          if (f.severity === 'info') continue
          const token = String(f.actual ?? '')
          const key = `${f.rule}|${token}|${sentence}`
          if (seen.has(key) || (token && already.some((a) => a.message.includes(token)))) continue
          seen.add(key)
          out.push({ rule: f.rule, severity: f.severity === 'error' ? 'error' : 'warning', message: `${f.message}：“${sentence.length > 40 ? `${sentence.slice(0, 40)}…` : sentence}”（未保存的文字）` })
        }
      }
    }
  }
  return out
}
