'use client'

import type { ParsedTable } from '@/lib/exchange/parse-workbook'
import styles from './import.module.css'

/** A column meaning chosen in the preview: the table, the printed header, the concept (or `ignore`). */
export type Meaning = { table: string; header: string; concept: string }

const LEVEL = ['类', '款', '项']

/** How the rows were read: 合计 rows and codes by level (3 digits 类, 5 款, 7 项), other rows. */
function rowSummary(p: ParsedTable): string | null {
  const codeCol = p.reading?.columns.some((c) => c.concept === 'code') ? 0 : -1
  if (codeCol < 0) return null
  const counts = [0, 0, 0]
  let total = 0
  let other = 0
  for (const r of p.table.rows) {
    const code = r[0]
    if (typeof code === 'string' && /^\d+$/.test(code)) {
      const lvl = code.length <= 3 ? 0 : code.length <= 5 ? 1 : 2
      counts[lvl]!++
    } else if (r.some((v) => typeof v === 'string' && /^合\s*计$/.test(v.trim()))) total++
    else other++
  }
  const parts = [total ? `合计 ${total} 行` : '', ...counts.map((n, i) => (n ? `${LEVEL[i]}级科目 ${n} 行` : '')), other ? `其他 ${other} 行` : ''].filter(Boolean)
  return parts.join('，')
}

/**
 * How each printed column of a table was understood (column → concept) and its rows (合计, 类/款/项);
 * a column the reader did not understand can be given its meaning here before importing.
 */
export function ColumnReading({ p, meanings, onChange }: { p: ParsedTable; meanings: Meaning[]; onChange: (m: Meaning) => void }) {
  const reading = p.reading
  if (!reading) return null
  const unknown = reading.columns.filter((c) => c.concept === null)
  const rows = rowSummary(p)
  return (
    <details className={styles.reading} open={unknown.length > 0} data-testid={`reading-${p.table.key}`}>
      <summary>
        列的识别{unknown.length > 0 ? <strong className={styles.unknown}>（{unknown.length} 列未识别）</strong> : '（全部识别）'}
        {rows ? <span className="muted">　行：{rows}</span> : null}
      </summary>
      <table className={styles.readingTable}>
        <caption className="visually-hidden">「{p.table.title}」各列的识别</caption>
        <thead>
          <tr>
            <th scope="col">单元格</th>
            <th scope="col">表头（如印）</th>
            <th scope="col">识别为</th>
          </tr>
        </thead>
        <tbody>
          {reading.columns.map((c) => {
            const chosen = meanings.find((m) => m.table === p.table.key && m.header === c.header)?.concept ?? ''
            return (
              <tr key={c.cell} className={c.concept === null ? styles.unknownRow : undefined}>
                <td>{c.cell}</td>
                <td>{c.header}</td>
                <td>
                  {c.concept !== null ? (
                    (c.label ?? c.concept)
                  ) : (
                    <select aria-label={`「${c.header}」列（${c.cell}）的含义`} value={chosen} onChange={(e) => onChange({ table: p.table.key, header: c.header, concept: e.target.value })}>
                      <option value="">未识别（请选择）</option>
                      {reading.concepts.map((k) => (
                        <option key={k.id} value={k.id}>
                          {k.label}
                        </option>
                      ))}
                      <option value="ignore">忽略此列（不是本表的金额）</option>
                    </select>
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </details>
  )
}

/** The meanings as the import expects them: concept → printed headers. */
export function meaningsToVocabulary(meanings: Meaning[]): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const m of meanings) if (m.concept) (out[m.concept] ??= []).push(m.header.split('/').join(''))
  return out
}
