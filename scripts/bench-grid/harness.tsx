/**
 * The bench page: the editor's spreadsheet grid with N expenditure lines, its rows owned here as the
 * editor owns them (each change a patch applied to the rows, the totals row recomputed).
 */
import { useCallback, useState } from 'react'
import { createRoot } from 'react-dom/client'
import type { GridRow, Patch } from '../../components/grid/grid-model'
import { applyPatch } from '../../components/grid/grid-model'
import { SpreadsheetGrid } from '../../components/grid/spreadsheet-grid'
import { blankLine, lineColumns } from '../../components/editor/line-columns'

const ctx = {
  year: 2024,
  units: [{ code: '447001', name: '本级' }],
  projects: Array.from({ length: 50 }, (_, i) => ({ code: `P${i}`, name: `项目 ${i}` })),
  catalogue: {
    function: Array.from({ length: 400 }, (_, i): [string, string] => [String(2010101 + i * 100), `科目 ${i}`]),
    economic: Array.from({ length: 60 }, (_, i): [string, string] => [String(30101 + i), `经济科目 ${i}`]),
  },
}
const columns = lineColumns('expenditure', ctx)

function rowsOf(n: number): GridRow[] {
  return Array.from({ length: n }, (_, i) => ({ id: `l${i}`, values: { unitCode: '447001', functionCode: ctx.catalogue.function[i % 400]![0], economicCode: ctx.catalogue.economic[i % 60]![0], fund: 'general', category: 'basic', projectCode: '', amount: `${(i % 997) + 1}.${String(i % 100).padStart(2, '0')}` } }))
}

function Bench({ n }: { n: number }) {
  const [rows, setRows] = useState(() => rowsOf(n))
  const apply = useCallback((p: Patch) => setRows((r) => applyPatch(r, p)), [])
  const blank = useCallback(() => blankLine('expenditure', ctx), [])
  return <SpreadsheetGrid label="支出明细" columns={columns} rows={rows} canEdit canAddRows blankRow={blank} onApply={apply} />
}

declare global {
  interface Window {
    mountGrid: (n: number) => void
  }
}
window.mountGrid = (n: number) => {
  const el = document.getElementById('root')!
  createRoot(el).render(<Bench n={n} />)
}
