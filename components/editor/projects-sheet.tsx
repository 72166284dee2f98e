'use client'

import { useCallback, useMemo, useState } from 'react'
import type { Patch } from '@/components/grid/grid-model'
import type { GridColumnDef } from '@/components/grid/grid-types'
import { SpreadsheetGrid } from '@/components/grid/spreadsheet-grid'
import { PROJECT_FIELD_LABELS } from '@/lib/disclosure/project-rows'
import { RowConflicts, SyncStatus } from './sheet-parts'
import type { useProjectsSync } from './use-projects-sync'

type Sync = ReturnType<typeof useProjectsSync>
const PURPOSE_MAX = 2000

/**
 * 项目 in the spreadsheet grid: 项目编码, 项目名称, 所属单位 and 用途说明 are typed (a long 用途说明
 * is written in the detail panel under the grid, which follows the cursor's row); 金额 is the sum
 * of the project's expenditure lines (one source), never typed. Autosaved; renaming a code moves its
 * lines with it; a project still carrying lines cannot be deleted (the message names the row).
 */
export function ProjectsSheet({ units, sync, canEdit }: { units: { code: string; name: string }[]; sync: Sync; canEdit: boolean }) {
  const columns = useMemo<GridColumnDef[]>(
    () => [
      { key: 'code', label: PROJECT_FIELD_LABELS.code!, kind: 'text', width: 150, sticky: 'left' },
      { key: 'name', label: PROJECT_FIELD_LABELS.name!, kind: 'text', width: 300, sticky: 'left' },
      { key: 'unitCode', label: PROJECT_FIELD_LABELS.unitCode!, kind: 'choice', options: units.map((u): [string, string] => [u.code, u.name]), showCode: true, width: 240 },
      { key: 'purpose', label: PROJECT_FIELD_LABELS.purpose!, kind: 'text', width: 320 },
      { key: 'amount', label: '金额（元）', kind: 'readonly', width: 150, sticky: 'right' },
    ],
    [units],
  )
  const { rows, errorsOf, serverErrors, conflicts } = sync
  const byId = useMemo(() => new Map(rows.map((r, i) => [r.id, { r, i }])), [rows])
  const cellErrors = useCallback(
    (id: string) => {
      const x = byId.get(id)
      return serverErrors.get(id) ?? (x ? errorsOf(x.r, x.i) : undefined)
    },
    [byId, errorsOf, serverErrors],
  )
  const rowClass = useCallback((id: string) => (conflicts.has(id) ? 'row-conflict' : ''), [conflicts])
  const blank = useCallback(() => ({ code: '', name: '', unitCode: units[0]?.code ?? '', purpose: '', amount: '' }), [units])
  const [cursorId, setCursorId] = useState<string | null>(null)
  const current = cursorId ? byId.get(cursorId) : undefined
  const setPurpose = (text: string) => {
    if (!current) return
    const patch: Patch = { label: '修改用途说明', changes: [{ id: current.r.id, index: current.i, before: current.r, after: { id: current.r.id, values: { ...current.r.values, purpose: text } } }] }
    sync.apply(patch)
  }
  return (
    <div>
      <p className="muted">项目金额 = 该项目下支出明细之和（只有一个来源，不另行填写）。在最后一行输入即新增项目；用途说明较长时在表格下方的“项目详情”中填写。</p>
      <RowConflicts conflicts={conflicts} byId={byId} columns={columns} what="项目" onResolve={sync.resolve} />
      <SpreadsheetGrid
        label="项目清单"
        testId="grid-projects"
        columns={columns}
        rows={rows}
        canEdit={canEdit}
        canAddRows
        blankRow={blank}
        onApply={sync.apply}
        rowClass={rowClass}
        cellErrors={cellErrors}
        onCursorRow={setCursorId}
        totalLabel={`共 ${rows.length} 个项目`}
        toolbar={canEdit && <SyncStatus status={sync.status} testId="save-state-projects" columns={columns} rows={rows} firstInvalid={sync.firstInvalid} invalidRows={sync.invalidRows} />}
      />
      <section className="card" style={{ marginTop: 12 }} aria-labelledby="project-detail-h" data-testid="project-detail">
        <h3 id="project-detail-h" style={{ margin: '0 0 8px', fontSize: 15 }}>
          项目详情{current ? `：第 ${current.i + 1} 行 ${current.r.values.code ?? ''} ${current.r.values.name ?? ''}` : ''}
        </h3>
        {current ? (
          <div className="form-field">
            <label htmlFor="project-purpose">用途说明（资金用途、主要内容）</label>
            <textarea id="project-purpose" rows={4} maxLength={PURPOSE_MAX} disabled={!canEdit} value={current.r.values.purpose ?? ''} onChange={(e) => setPurpose(e.target.value)} aria-describedby="project-purpose-count" style={{ width: '100%' }} />
            <span id="project-purpose-count" className="muted" style={{ fontSize: 13 }}>
              {(current.r.values.purpose ?? '').length} / {PURPOSE_MAX} 字 · 自动保存
            </span>
          </div>
        ) : (
          <p className="muted" style={{ margin: 0 }}>
            在表格中选中一个项目，即可在此查看和填写它的用途说明。
          </p>
        )}
      </section>
    </div>
  )
}
