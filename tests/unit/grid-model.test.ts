import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { GridRow } from '../../components/grid/grid-model'
import { applyPatch, clearRange, deleteRows, fillDown, invertPatch, move, parseTsv, record, redoStep, toTsv, undoStep, writeBlock, emptyHistory } from '../../components/grid/grid-model'
import { parseCell, showCell } from '../../components/grid/grid-types'
import { mergeServer, pendingOps } from '../../components/editor/line-merge'

const keys = ['code', 'amount']
const rows = (n: number): GridRow[] => Array.from({ length: n }, (_, i) => ({ id: `r${i}`, values: { code: `c${i}`, amount: `${i}.00` } }))

describe('grid moves, as Excel', () => {
  it('Tab wraps to the next row, Shift+Tab back; arrows stop at the edges', () => {
    expect(move({ row: 0, col: 1 }, 'next', 3, 2)).toEqual({ row: 1, col: 0 })
    expect(move({ row: 1, col: 0 }, 'prev', 3, 2)).toEqual({ row: 0, col: 1 })
    expect(move({ row: 2, col: 1 }, 'next', 3, 2)).toEqual({ row: 2, col: 1 })
    expect(move({ row: 0, col: 0 }, 'up', 3, 2)).toEqual({ row: 0, col: 0 })
    expect(move({ row: 2, col: 0 }, 'down', 3, 2)).toEqual({ row: 2, col: 0 })
    expect(move({ row: 1, col: 1 }, 'home', 3, 2)).toEqual({ row: 1, col: 0 })
  })
})

describe('clipboard', () => {
  it('copies a range as TSV and reads it back, quoted cells included', () => {
    const r = rows(3)
    const tsv = toTsv(r, keys, { top: 0, bottom: 1, left: 0, right: 1 })
    expect(tsv).toBe('c0\t0.00\r\nc1\t1.00')
    expect(parseTsv(tsv + '\r\n')).toEqual([['c0', '0.00'], ['c1', '1.00']])
    expect(parseTsv('"a\tb"\t1\n"say ""hi"""\t2')).toEqual([['a\tb', '1'], ['say "hi"', '2']])
  })
  it('pastes a block at the cursor, growing rows from the blank row', () => {
    const r = rows(2)
    const p = writeBlock(r, keys, { row: 1, col: 1 }, [['9'], ['8'], ['7']], () => ({ code: '', amount: '' }), 'paste')
    const after = applyPatch(r, p)
    expect(after.map((x) => x.values.amount)).toEqual(['0.00', '9', '8', '7'])
    expect(after[0]).toBe(r[0])
    expect(applyPatch(after, invertPatch(p))).toEqual(r)
  })
  it('a label or "code name" cell becomes its value', () => {
    const col = { key: 'f', label: 'f', width: 1, kind: 'choice' as const, options: [['2010101', '行政运行'], ['general', '一般公共预算']] as [string, string][], showCode: true }
    expect(parseCell(col, '2010101 行政运行')).toBe('2010101')
    expect(parseCell(col, '一般公共预算')).toBe('general')
    expect(parseCell({ key: 'a', label: 'a', width: 1, kind: 'amount' }, ' 1,234.50 ')).toBe('1234.50')
    expect(showCell(col, '2010101', new Map(col.options))).toBe('2010101 行政运行')
  })
})

describe('fill, clear, delete rows and undo/redo', () => {
  it('Ctrl+D fills three rows from the top of the range, Delete clears, and both undo', () => {
    const r = rows(4)
    const p = fillDown(r, keys, { top: 0, bottom: 3, left: 1, right: 1 })
    const after = applyPatch(r, p)
    expect(after.map((x) => x.values.amount)).toEqual(['0.00', '0.00', '0.00', '0.00'])
    expect(p.changes).toHaveLength(3)
    const cleared = applyPatch(after, clearRange(after, keys, { top: 1, bottom: 2, left: 0, right: 1 }))
    expect(cleared[1]!.values).toEqual({ code: '', amount: '' })
    expect(applyPatch(applyPatch(after, invertPatch(p)), p)).toEqual(after)
  })
  it('deleting five selected rows is one change; undo puts them back in place, redo removes them again', () => {
    const r = rows(8)
    let h = emptyHistory
    const del = deleteRows(r, 2, 6)
    h = record(h, del)
    const after = applyPatch(r, del)
    expect(after.map((x) => x.id)).toEqual(['r0', 'r1', 'r7'])
    const u = undoStep(h)!
    const back = applyPatch(after, u.patch)
    expect(back).toEqual(r)
    const re = redoStep(u.history)!
    expect(applyPatch(back, re.patch)).toEqual(after)
  })
  it('any sequence of patches undone in reverse restores the rows', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(6), fc.nat(3), fc.constantFrom('fill', 'clear', 'del', 'paste')), { maxLength: 12 }), (steps) => {
        const start = rows(6)
        let cur = start
        const done = []
        for (const [a, b, kind] of steps) {
          const top = Math.min(a, cur.length - 1)
          const bottom = Math.min(cur.length - 1, top + b)
          if (cur.length === 0 && kind !== 'paste') continue
          const p = kind === 'fill' ? fillDown(cur, keys, { top, bottom, left: 0, right: 1 }) : kind === 'clear' ? clearRange(cur, keys, { top, bottom, left: 0, right: 0 }) : kind === 'del' ? deleteRows(cur, top, bottom) : writeBlock(cur, keys, { row: Math.max(0, top), col: 0 }, [['x', '1'], ['y', '2']], () => ({ code: '', amount: '' }), 'p')
          cur = applyPatch(cur, p)
          done.push(p)
        }
        for (const p of done.reverse()) cur = applyPatch(cur, invertPatch(p))
        expect(cur).toEqual(start)
      }),
    )
  })
})

describe('line merge (two people, one list)', () => {
  const canon = (v: Record<string, string>) => ({ code: v.code ?? '', amount: v.amount ?? '' })
  const blank = (v: Record<string, string>) => !v.code && !v.amount
  const base = (r: GridRow[]) => new Map(r.map((x) => [x.id, canon(x.values)]))
  it('sends only changed rows, each with the values it was typed against; a removed row is a deletion', () => {
    const r = rows(3)
    const b = base(r)
    const local = [{ id: 'r0', values: { code: 'c0', amount: '5.00' } }, r[2]!, { id: 'n1', values: { code: 'new', amount: '1.00' } }]
    const ops = pendingOps(local, b, { canon, isBlank: blank, invalid: () => false, conflicts: new Map() })
    expect(ops).toEqual([
      { kind: 'put', id: 'r0', row: 1, base: { code: 'c0', amount: '0.00' }, values: { code: 'c0', amount: '5.00' } },
      { kind: 'put', id: 'n1', row: 3, base: null, values: { code: 'new', amount: '1.00' } },
      // a deleted row is named by where it stood when last seen (the 2nd row), so a refusal names that row
      { kind: 'delete', id: 'r1', row: 2, base: { code: 'c1', amount: '1.00' } },
    ])
  })
  it("another person's edit to an untouched row merges in; a row changed here keeps its value and its old base", () => {
    const r = rows(3)
    const b = base(r)
    const local = [{ id: 'r0', values: { code: 'c0', amount: 'mine' } }, r[1]!, r[2]!]
    const server = [{ id: 'r0', values: { code: 'c0', amount: 'theirs' } }, { id: 'r1', values: { code: 'c1', amount: 'other' } }, r[2]!, { id: 'x', values: { code: 'added', amount: '3' } }]
    const m = mergeServer(local, b, server, canon, new Map(), blank)
    expect(m.rows.map((x) => x.values.amount)).toEqual(['mine', 'other', '2.00', '3'])
    expect(m.base.get('r0')).toEqual({ code: 'c0', amount: '0.00' })
    expect(m.base.get('r1')).toEqual({ code: 'c1', amount: 'other' })
  })
})
