'use client'

import { useCallback, useMemo, useRef } from 'react'
import type { GridRow } from '@/components/grid/grid-model'
import type { ActionResult } from '@/lib/disclosure/actions'
import { applyProjectsAction } from '@/lib/disclosure/actions'
import { canonProject, duplicateCodes, isBlankProject, PROJECT_FIELDS, projectErrors } from '@/lib/disclosure/project-rows'
import type { EditorState } from '@/lib/disclosure/view'
import type { LineOp, Values } from './line-merge'
import { useRowSync } from './use-row-sync'

const KEY_ORDER: string[] = [...PROJECT_FIELDS]
type Project = EditorState['projects'][number]
export const projectToRow = (p: Project): GridRow => ({ id: p.id, values: { code: p.code, name: p.name, unitCode: p.unitCode ?? '', purpose: p.purpose ?? '', amount: p.amount } })

/**
 * The projects grid's rows, autosaved as batches on the projects part's version (docs/decisions/017):
 * a stale version brings the current projects, merged row by row, and the batch goes again; a project
 * both people changed stays as typed, in conflict, until the person chooses. Rows with an error
 * (a missing name, a code used twice) are held back and named by row and column.
 */
export function useProjectsSync(a: { disclosureId: string; version: number; projects: Project[]; units: { code: string }[]; onResult: (r: ActionResult) => void; onStale: (r: ActionResult) => void }) {
  const serverRows = useMemo(() => a.projects.map(projectToRow), [a.projects])
  const unitCodes = useMemo(() => new Set(a.units.map((u) => u.code)), [a.units])
  const dups = useRef(new WeakMap<GridRow[], Map<number, string>>())
  const check = useCallback(
    (v: Values, i: number, rows: GridRow[]) => {
      let d = dups.current.get(rows)
      if (!d) dups.current.set(rows, (d = duplicateCodes(rows)))
      const own = projectErrors(canonProject(v), unitCodes)
      const dup = d.get(i)
      return dup && !own?.code ? { ...own, code: dup } : own
    },
    [unitCodes],
  )
  const version = useRef(a.version)
  version.current = a.version
  const { disclosureId } = a
  const send = useCallback((ops: LineOp[]) => applyProjectsAction({ disclosureId, version: version.current, ops }), [disclosureId])
  return useRowSync({ serverRows, canon: canonProject, isBlank: isBlankProject, check, keyOrder: KEY_ORDER, send, onResult: a.onResult, onStale: a.onStale, crossRow: true })
}
