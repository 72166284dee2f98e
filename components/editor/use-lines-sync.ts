'use client'

import { useCallback, useMemo } from 'react'
import type { ActionResult } from '@/lib/disclosure/actions'
import { applyLinesAction } from '@/lib/disclosure/actions'
import type { TLineList } from '@/lib/disclosure/schemas'
import { PASTE_COLUMNS } from '@/lib/disclosure/paste'
import type { EditorLine } from '@/lib/disclosure/view'
import type { LineContext } from './line-columns'
import { canonLine, isBlankLine, lineErrors, lineToRow } from './line-columns'
import type { LineOp, Values } from './line-merge'
import { useRowSync } from './use-row-sync'

export type { SaveStatus } from './use-row-sync'

/**
 * The grid's lines, kept locally and autosaved (useRowSync): the server's answer merges in line by
 * line; a line changed by both stays as typed here, in conflict, until the person chooses.
 */
export function useLinesSync(a: { disclosureId: string; list: TLineList; serverLines: EditorLine[]; ctx: LineContext; onResult: (r: ActionResult) => void }) {
  const { list, disclosureId } = a
  const canon = useCallback((v: Values) => canonLine(list, v), [list])
  const serverRows = useMemo(() => a.serverLines.map(lineToRow), [a.serverLines])
  const sets = useMemo(() => ({ fn: new Set(a.ctx.catalogue.function.map((x) => x[0])), ec: new Set(a.ctx.catalogue.economic.map((x) => x[0])), units: new Set(a.ctx.units.map((u) => u.code)), projects: new Set(a.ctx.projects.map((p) => p.code)) }), [a.ctx])
  const check = useCallback((v: Values) => lineErrors(list, v, a.ctx, sets), [list, a.ctx, sets])
  const keyOrder = useMemo(() => PASTE_COLUMNS[list].map((c) => c.key), [list])
  const send = useCallback((ops: LineOp[]) => applyLinesAction({ disclosureId, list, ops }), [disclosureId, list])
  const sync = useRowSync({ serverRows, canon, isBlank: isBlankLine, check, keyOrder, send, onResult: a.onResult })
  return { ...sync, check }
}
