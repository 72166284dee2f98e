'use client'

import { useCallback, useMemo } from 'react'
import type { GridRow, Patch } from '@/components/grid/grid-model'
import { applyPatch, newRowId } from '@/components/grid/grid-model'
import type { GridColumnDef } from '@/components/grid/grid-types'
import { SpreadsheetGrid } from '@/components/grid/spreadsheet-grid'
import type { TIndicator } from '@/lib/performance/schemas'
import { LEVEL1, normaliseLevel1, normaliseLevel2, OPERATOR_LABELS, OPERATORS, TAXONOMY } from '@/lib/performance/taxonomy'

const LEVEL2_OF = new Map(LEVEL1.flatMap((l1) => TAXONOMY[l1].map((l2) => [l2, l1] as const)))
const FIELDS = ['level1', 'level2', 'level3', 'description', 'operator', 'value', 'unit', 'basis'] as const

/** The indicator tree as grid columns: the 一级 follows from the 二级 chosen, so a 二级 sits under its own 一级 only. */
export const INDICATOR_COLUMNS: GridColumnDef[] = [
  { key: 'level1', label: '一级指标', kind: 'readonly', width: 110 },
  { key: 'level2', label: '二级指标', kind: 'choice', options: LEVEL1.flatMap((l1) => TAXONOMY[l1].map((l2): [string, string] => [l2, l2])), width: 170 },
  { key: 'level3', label: '三级指标', kind: 'text', width: 200, sticky: 'left' },
  { key: 'description', label: '指标描述', kind: 'text', width: 240 },
  { key: 'operator', label: '符号', kind: 'choice', options: OPERATORS.map((o): [string, string] => [o, OPERATOR_LABELS[o]]), width: 90 },
  { key: 'value', label: '指标值', kind: 'text', width: 110 },
  { key: 'unit', label: '单位', kind: 'text', width: 80 },
  { key: 'basis', label: '确定依据', kind: 'text', width: 200 },
]

export const indicatorToRow = (i: TIndicator): GridRow => ({ id: newRowId(), values: Object.fromEntries(FIELDS.map((k) => [k, String(i[k] ?? '')])) })
export const isBlankIndicator = (r: GridRow) => !r.values.level2 && !r.values.level3 && !r.values.value && !r.values.description && !r.values.basis
export const rowToIndicator = (r: GridRow): TIndicator => ({ level1: r.values.level1 ?? '', level2: r.values.level2 ?? '', level3: r.values.level3 ?? '', description: r.values.description ?? '', operator: (r.values.operator || '≥') as TIndicator['operator'], value: r.values.value ?? '', unit: r.values.unit ?? '', basis: r.values.basis ?? '' })

/** Rows in the tree's order (一级, then 二级 as the taxonomy lists them); rows of an unknown 二级 last. */
function treeOrder(rows: GridRow[]): GridRow[] {
  const rank = (r: GridRow) => {
    const l1 = LEVEL1.indexOf(normaliseLevel1(r.values.level1 ?? '') as (typeof LEVEL1)[number])
    const l2 = l1 >= 0 ? TAXONOMY[LEVEL1[l1]!].indexOf(normaliseLevel2(r.values.level2 ?? '')) : -1
    return l1 < 0 || l2 < 0 ? 1000 : l1 * 10 + l2
  }
  return rows.map((r, i) => ({ r, i, k: rank(r) })).sort((a, b) => a.k - b.k || a.i - b.i).map((x) => x.r)
}

/**
 * 绩效指标 of a project's 绩效目标表 in the spreadsheet grid: one row per 三级 indicator; typing a 二级
 * (数量指标, 满意度 …) places the row under its 一级. Errors from the live checks sit on their cells.
 */
export function IndicatorsGrid({ rows, onRows, ro, errors }: { rows: GridRow[]; onRows: (r: GridRow[]) => void; ro: boolean; errors: Map<number, Record<string, string>> }) {
  const apply = useCallback(
    (p: Patch) => {
      const next = applyPatch(rows, p).map((r) => {
        const l2 = normaliseLevel2(r.values.level2 ?? '')
        const l1 = LEVEL2_OF.get(l2)
        const operator = r.values.operator || (isBlankIndicator(r) ? '' : '≥')
        return l1 && (r.values.level1 !== l1 || r.values.level2 !== l2 || r.values.operator !== operator) ? { id: r.id, values: { ...r.values, level1: l1, level2: l2, operator } } : r
      })
      onRows(next)
    },
    [rows, onRows],
  )
  const index = useMemo(() => new Map(rows.map((r, i) => [r.id, i])), [rows])
  const cellErrors = useCallback((id: string) => errors.get(index.get(id) ?? -1), [errors, index])
  const blank = useCallback(() => ({ level1: '', level2: '', level3: '', description: '', operator: '≥', value: '', unit: '', basis: '' }), [])
  return (
    <>
      <SpreadsheetGrid label="绩效指标" testId="grid-indicators" columns={INDICATOR_COLUMNS} rows={rows} canEdit={!ro} canAddRows blankRow={blank} onApply={apply} cellErrors={cellErrors} totalLabel={`共 ${rows.filter((r) => !isBlankIndicator(r)).length} 个指标`} />
      {!ro && rows.some((r, i) => i > 0 && treeOrder(rows).indexOf(r) !== i) && (
        <p className="muted" style={{ fontSize: 13 }}>
          <button type="button" className="link" onClick={() => onRows(treeOrder(rows))}>
            按一级、二级指标排序
          </button>
        </p>
      )}
    </>
  )
}
