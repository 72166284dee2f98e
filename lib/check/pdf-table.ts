/** A word of a PDF page with its box (points), as `pdftotext -tsv` or pdf.js give it. */
export type PdfWord = { page: number; left: number; top: number; width: number; height: number; text: string }

/**
 * One table of a PDF page with a 栏次 row (the column numbers printed under the header), cut into
 * cells from the words' positions (docs/decisions/019, 023-pdf-tables):
 *
 * - **Column edges.** The 栏次 numbers are centred in their columns, so an edge lies between two
 *   numbers; where exactly is read from the body rows: the widest run of x that (almost) no body word
 *   covers — left-aligned names start right after it, right-aligned amounts end right before it. The
 *   edges are then made consistent with the centres (each column is centred on its 栏次 number, so
 *   one edge fixes the next); of the placements that fit, the one under which every column's cells
 *   are aligned (left, right or centred) and no cell holds words far apart. A word printed across two cells ("2275.24本年支出合计",
 *   no space between an amount and the next cell's name) is split where digits meet CJK.
 * - **Body rows** are cut at the edges: a blank cell stays blank, a long left-aligned name stays in
 *   its column.
 * - **Header** (the rows between the caption line and the 栏次 row): words are grouped into header
 *   cells (a cell's text wrapped over several lines is one cell), a cell with header cells below it
 *   spans the columns whose joint extent it is centred on (as a merged cell in a workbook or a
 *   gridSpan in Word), and each column's header cells from top to bottom become the header rows, a
 *   spanning cell repeated in every column it covers.
 */
export type TableCut = { lines: { index: number | null; cells: string[]; text: string }[] }

const CJK = /[\u4e00-\u9fff（）()“”：:、，]/
const isCjk = (ch: string) => CJK.test(ch)
const charWeight = (ch: string) => (isCjk(ch) ? 1 : 0.55)

/**
 * A word split where a decimal amount meets CJK text: two cells printed without a space between them
 * ("2275.24本年支出合计"). Widths are shared by character (a CJK character about twice a digit's).
 */
export function splitWord(w: PdfWord): PdfWord[] {
  const m = /^(-?[\d,]+\.\d+)([\u4e00-\u9fff].*)$/.exec(w.text) ?? /^(.*[\u4e00-\u9fff])(-?[\d,]+\.\d+)$/.exec(w.text)
  if (!m) return [w]
  const parts = [m[1]!, m[2]!]
  const total = [...w.text].reduce((s, ch) => s + charWeight(ch), 0)
  let x = w.left
  return parts.map((t) => {
    const width = (w.width * [...t].reduce((s, ch) => s + charWeight(ch), 0)) / total
    const piece = { ...w, left: x, width, text: t }
    x += width
    return piece
  })
}

const centre = (w: PdfWord) => w.left + w.width / 2
const right = (w: PdfWord) => w.left + w.width

/**
 * Edges of the columns: `edges[k]` and `edges[k + 1]` bound column k (k = 0 is the 栏次 label's column).
 */
export function columnEdges(centres: number[], body: PdfWord[][]): number[] {
  const n = centres.length
  const pieces = body.map((r) => r.flatMap(splitWord))
  // for each inner edge, the runs of x between the two centres that the fewest body rows cover
  const runs: Interval[][] = []
  for (let j = 1; j < n; j++) {
    const a = centres[j - 1]!
    const b = centres[j]!
    const step = 0.5
    const cover: number[] = []
    for (let x = a + step; x < b; x += step) cover.push(pieces.filter((r) => r.some((w) => w.left <= x && right(w) >= x)).length)
    const min = Math.min(...cover)
    const free: Interval[] = []
    for (let i = 0; i < cover.length; ) {
      if (cover[i] !== min) {
        i++
        continue
      }
      let k = i
      while (k < cover.length && cover[k] === min) k++
      free.push([a + step * (i + 1) - step / 2, a + step * k + step / 2])
      i = k
    }
    runs.push(free.length ? free : [[a, b]])
  }
  // each column is centred on its 栏次 number: edge[j] = 2·centre[j−1] − edge[j−1], so the table's
  // left edge t fixes them all; keep the t for which every inner edge falls in one of its runs
  let feasible: Interval[] = [[-Infinity, centres[0]!]]
  let d = 0
  let s = 1
  for (let j = 1; j < n; j++) {
    d = 2 * centres[j - 1]! - d
    s = -s
    const asT = runs[j - 1]!.map(([lo, hi]): Interval => (s > 0 ? [lo - d, hi - d] : [d - hi, d - lo]))
    feasible = intersect(feasible, asT)
  }
  // among the left edges that fit, the one under which every column's cells are aligned (left-aligned
  // names, right-aligned amounts, centred numbers): the spread of the cells' aligned sides, summed
  const edgesFrom = (t: number) => {
    const e = [t]
    for (let j = 1; j <= n; j++) e.push(2 * centres[j - 1]! - e[j - 1]!)
    return e
  }
  const misalignment = (e: number[]) => {
    const cols: { l: number; r: number }[][] = Array.from({ length: n }, () => [])
    // and words far apart in one cell ("4 74.96": two amounts) are two cells
    let apart = 0
    for (const r of pieces) {
      const cells = new Map<number, { l: number; r: number }>()
      for (const w of r) {
        const k = columnOf(e, centre(w))
        const c = cells.get(k)
        if (c) apart += Math.max(0, w.left - c.r - 0.5 * w.height)
        cells.set(k, c ? { l: Math.min(c.l, w.left), r: Math.max(c.r, right(w)) } : { l: w.left, r: right(w) })
      }
      for (const [k, c] of cells) cols[k]!.push(c)
    }
    const spread = (xs: number[]) => (xs.length < 2 ? 0 : Math.max(...xs) - Math.min(...xs))
    return apart + cols.reduce((sum, cs) => sum + Math.min(spread(cs.map((c) => c.l)), spread(cs.map((c) => c.r)), spread(cs.map((c) => (c.l + c.r) / 2))), 0)
  }
  const options = feasible.filter(([lo, hi]) => Number.isFinite(lo) && hi >= lo).map(([lo, hi]) => edgesFrom((lo + hi) / 2))
  const best = options.map((e) => ({ e, m: misalignment(e) })).sort((x, y) => x.m - y.m)[0]?.e
  const edges: number[] = []
  if (n > 1 && best) {
    edges.push(...best)
  } else {
    // centres and runs disagree (an uneven column): the middle of each edge's widest run
    const inner = runs.map((rs) => rs.reduce((x, y) => (y[1] - y[0] > x[1] - x[0] ? y : x))).map(([lo, hi]) => (lo + hi) / 2)
    edges.push(2 * centres[0]! - (inner[0] ?? centres[0]! + 20), ...inner)
    edges.push(2 * centres[n - 1]! - edges[n - 1]!)
  }
  return edges
}

type Interval = [number, number]
function intersect(xs: Interval[], ys: Interval[]): Interval[] {
  const out: Interval[] = []
  for (const [a, b] of xs) for (const [c, e] of ys) if (Math.max(a, c) <= Math.min(b, e)) out.push([Math.max(a, c), Math.min(b, e)])
  return out
}

export const columnOf = (edges: number[], x: number): number => {
  for (let k = 1; k < edges.length - 1; k++) if (x < edges[k]!) return k - 1
  return edges.length - 2
}

const joinInCell = (a: string, b: string) => (!a ? b : isCjk(a.slice(-1)) && isCjk(b[0]!) ? a + b : `${a} ${b}`)

/** A body row (or the caption line) cut into cells at the edges. */
export function cutRow(row: PdfWord[], edges: number[]): string[] {
  const cells = new Array<string>(edges.length - 1).fill('')
  for (const w of row.flatMap(splitWord)) {
    const k = columnOf(edges, centre(w))
    cells[k] = joinInCell(cells[k]!, w.text)
  }
  return cells
}

type HeaderCell = { top: number; bottom: number; left: number; right: number; text: string; lastTop: number; lastLeft: number; lastRight: number }

/** Header words grouped into cells: words on one line close together, and lines wrapped under each other. */
function headerCells(words: PdfWord[]): HeaderCell[] {
  const ws = [...words].sort((a, b) => a.top - b.top || a.left - b.left)
  const cells: HeaderCell[] = []
  for (const w of ws) {
    const h = w.height
    // the same line, right after a word of a cell
    const sameLine = cells.find((c) => Math.abs(c.lastTop - w.top) < 0.3 * h && w.left - c.lastRight >= -1 && w.left - c.lastRight < 0.4 * h)
    if (sameLine) {
      sameLine.text = joinInCell(sameLine.text, w.text)
      sameLine.lastRight = right(w)
      sameLine.right = Math.max(sameLine.right, right(w))
      continue
    }
    // the next line of a wrapped cell: one line below, overlapping it
    const below = cells.find((c) => {
      const dy = w.top - c.lastTop
      const overlap = Math.min(c.right, right(w)) - Math.max(c.left, w.left)
      return dy > 0.6 * h && dy < 1.4 * h && overlap > 0.5 * Math.min(w.width, c.right - c.left)
    })
    if (below) {
      below.text = joinInCell(below.text, w.text)
      below.lastTop = w.top
      below.lastLeft = w.left
      below.lastRight = right(w)
      below.bottom = w.top + h
      below.left = Math.min(below.left, w.left)
      below.right = Math.max(below.right, right(w))
      continue
    }
    cells.push({ top: w.top, bottom: w.top + h, left: w.left, right: right(w), text: w.text, lastTop: w.top, lastLeft: w.left, lastRight: right(w) })
  }
  return cells
}

/** Header rows of the table: each column's header cells from top to bottom, a spanning cell in every column it covers. */
export function headerRows(words: PdfWord[], edges: number[]): string[][] {
  const n = edges.length - 1
  const cells = headerCells(words)
  const colOfCell = (c: HeaderCell) => columnOf(edges, (c.left + c.right) / 2)
  const midY = (c: HeaderCell) => (c.top + c.bottom) / 2
  const firstBelow = (u: HeaderCell, k: number) =>
    cells.filter((c) => c !== u && c.top >= u.bottom - 1 && colOfCell(c) === k).sort((x, y) => x.top - y.top)[0]
  const spans = cells.map((u) => {
    const k0 = colOfCell(u)
    const h = u.bottom - u.top
    const sub = firstBelow(u, k0)
    if (!sub) return [k0, k0] as const
    // the columns under a spanning cell have their sub-headers on the same header row as k0's
    // (a cell spanning the header's rows, such as 合计, is centred lower than the cell above and higher than the sub-row)
    const cellsBelow = (_: HeaderCell, k: number) => {
      const c = firstBelow(u, k)
      return c !== undefined && Math.abs(midY(c) - midY(sub)) < 0.5 * Math.min(h, 20)
    }
    const xc = (u.left + u.right) / 2
    const tol = Math.max(3, 0.3 * Math.min(h, 20))
    let best: [number, number] = [k0, k0]
    let bestErr = Infinity
    for (let a = k0; a >= 0 && cellsBelow(u, a); a--) {
      for (let b = k0; b < n && cellsBelow(u, b); b++) {
        const err = Math.abs((edges[a]! + edges[b + 1]!) / 2 - xc)
        if (err <= tol && (err < bestErr - 1 || (Math.abs(err - bestErr) <= 1 && b - a > best[1] - best[0]))) {
          best = [a, b]
          bestErr = Math.min(err, bestErr)
        }
      }
    }
    return best
  })
  const stacks: HeaderCell[][] = Array.from({ length: n }, () => [])
  cells.forEach((c, i) => {
    const [a, b] = spans[i]!
    for (let k = a; k <= b; k++) stacks[k]!.push(c)
  })
  stacks.forEach((s) => s.sort((x, y) => x.top - y.top))
  const depth = Math.max(0, ...stacks.map((s) => s.length))
  return Array.from({ length: depth }, (_, r) => stacks.map((s) => s[r]?.text ?? ''))
}
