/** Multi-level headers from "组/列" labels: the cells of each header row with their spans. */
export type HeaderCell = { label: string; colSpan: number; rowSpan: number; col: number }

export function headerRows(columns: string[]): HeaderCell[][] {
  const parts = columns.map((c) => c.split('/'))
  const depth = Math.max(1, ...parts.map((p) => p.length))
  const rows: HeaderCell[][] = Array.from({ length: depth }, () => [])
  for (let level = 0; level < depth; level++) {
    let i = 0
    while (i < parts.length) {
      const p = parts[i]!
      if (p.length <= level) {
        i++
        continue
      }
      if (level === p.length - 1) {
        rows[level]!.push({ label: p[level]!, colSpan: 1, rowSpan: depth - level, col: i })
        i++
        continue
      }
      let j = i + 1
      while (j < parts.length && parts[j]!.length > level + 1 && parts[j]!.slice(0, level + 1).join('/') === p.slice(0, level + 1).join('/')) j++
      rows[level]!.push({ label: p[level]!, colSpan: j - i, rowSpan: 1, col: i })
      i = j
    }
  }
  return rows
}
