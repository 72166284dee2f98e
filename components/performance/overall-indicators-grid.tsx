'use client'

import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { GridRow, Patch } from '@/components/grid/grid-model'
import { applyPatch, newRowId } from '@/components/grid/grid-model'
import type { GridColumnDef } from '@/components/grid/grid-types'
import { SpreadsheetGrid } from '@/components/grid/spreadsheet-grid'
import type { OverallLayout } from '@/lib/performance/overall'
import type { TOverallIndicator } from '@/lib/performance/schemas'

const KEYS = ['level1', 'level2', 'level3', 'value', 'note'] as const
const toRow = (i: TOverallIndicator): GridRow => ({ id: newRowId(), values: Object.fromEntries(KEYS.map((k) => [k, String(i[k] ?? '')])) })
const isBlank = (r: GridRow) => !r.values.level2 && !r.values.level3 && !r.values.value && !r.values.note
const toIndicator = (r: GridRow): TOverallIndicator => ({ level1: r.values.level1 ?? '', level2: r.values.level2 ?? '', level3: r.values.level3 ?? '', value: r.values.value ?? '', note: r.values.note ?? '' })
const keyOf = (list: TOverallIndicator[]) => JSON.stringify(list.map((i) => KEYS.map((k) => i[k] ?? '')))

/**
 * 年度绩效指标 of the 部门（单位）整体绩效目标表 in the spreadsheet grid (the same grid as a project's
 * indicators): 一级 and 二级 are chosen from the template's tree — typing a 二级 that belongs to one
 * 一级 only puts the row under it; a 二级 outside its 一级 is marked on the cell with the rule's message.
 * The rows are the form's `indicators` (blank rows left out), so the form's autosave and conflict
 * merge cover them; errors arrive by form index and are placed on their cells.
 */
export function OverallIndicatorsGrid({ layout, indicators, onChange, ro, errorAt }: { layout: OverallLayout; indicators: TOverallIndicator[]; onChange: (list: TOverallIndicator[]) => void; ro: boolean; errorAt: (index: number, key: string) => string | undefined }) {
  const [rows, setRows] = useState<GridRow[]>(() => indicators.map(toRow))
  const written = useRef(keyOf(indicators))
  // the form changed from outside (a merge, a reload, the other person's version taken): show it
  useEffect(() => {
    const k = keyOf(indicators)
    if (k === written.current) return
    written.current = k
    setRows(indicators.map(toRow))
  }, [indicators])
  const parents = useMemo(() => {
    const m = new Map<string, string[]>()
    for (const n of layout.indicators) for (const l2 of n.level2) m.set(l2, [...(m.get(l2) ?? []), n.level1])
    return m
  }, [layout])
  const columns = useMemo<GridColumnDef[]>(() => {
    const labels = layout.indicatorColumns
    const level1: [string, string][] = layout.indicators.map((n) => [n.level1, n.level1])
    const level2: [string, string][] = [...parents.keys()].map((l2) => [l2, l2])
    return [
      { key: 'level1', label: labels[0] ?? '一级指标', kind: 'choice', options: level1, width: 150 },
      {
        key: 'level2',
        label: labels[1] ?? '二级指标',
        kind: 'choice',
        options: level2,
        // the 二级 under the row's 一级 first, then the rest (typing one of those moves the row under its 一级)
        optionsFor: (v) => {
          const under = layout.indicators.find((n) => n.level1 === v.level1)?.level2 ?? []
          return under.length ? [...under.map((l2): [string, string] => [l2, l2]), ...level2.filter(([l2]) => !under.includes(l2))] : level2
        },
        width: 180,
      },
      { key: 'level3', label: labels[2] ?? '三级指标', kind: 'text', width: 260, sticky: 'left' },
      { key: 'value', label: labels[3] ?? '指标值', kind: 'text', width: 150 },
      { key: 'note', label: labels[4] ?? '指标值说明', kind: 'text', width: 280 },
    ]
  }, [layout, parents])
  const apply = useCallback(
    (p: Patch) => {
      // a 二级 typed (or pasted) that belongs to exactly one 一级 takes the row under that 一级; a 一级 typed alone stays as typed
      const retyped = new Set(p.changes.filter((c) => c.after && c.after.values.level2 !== c.before?.values.level2).map((c) => c.id))
      const next = applyPatch(rows, p).map((r) => {
        const of = retyped.has(r.id) ? parents.get(r.values.level2 ?? '') : undefined
        return of?.length === 1 && r.values.level1 !== of[0] ? { id: r.id, values: { ...r.values, level1: of[0]! } } : r
      })
      setRows(next)
      const list = next.filter((r) => !isBlank(r)).map(toIndicator)
      written.current = keyOf(list)
      onChange(list)
    },
    [rows, parents, onChange],
  )
  const formIndex = useMemo(() => {
    const m = new Map<string, number>()
    let n = 0
    for (const r of rows) if (!isBlank(r)) m.set(r.id, n++)
    return m
  }, [rows])
  const cellErrors = useCallback(
    (id: string) => {
      const i = formIndex.get(id)
      if (i === undefined) return undefined
      const out: Record<string, string> = {}
      for (const k of KEYS) {
        const e = errorAt(i, k)
        if (e) out[k] = e
      }
      return Object.keys(out).length ? out : undefined
    },
    [formIndex, errorAt],
  )
  const blank = useCallback(() => ({ level1: '', level2: '', level3: '', value: '', note: '' }), [])
  return <SpreadsheetGrid label="年度绩效指标" testId="overall-indicators" columns={columns} rows={rows} canEdit={!ro} canAddRows blankRow={blank} onApply={apply} cellErrors={cellErrors} totalLabel={`共 ${formIndex.size} 个指标`} />
}
