'use client'

import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { GridRow, Patch } from '@/components/grid/grid-model'
import { applyPatch } from '@/components/grid/grid-model'
import type { ActionResult } from '@/lib/disclosure/actions'
import { applyLinesAction } from '@/lib/disclosure/actions'
import type { TLineList } from '@/lib/disclosure/schemas'
import { PASTE_COLUMNS } from '@/lib/disclosure/paste'
import type { EditorLine } from '@/lib/disclosure/view'
import type { LineContext } from './line-columns'
import { canonLine, isBlankLine, lineErrors, lineToRow } from './line-columns'
import type { Conflict, Values } from './line-merge'
import { mergeServer, pendingOps } from './line-merge'

export type SaveStatus = 'saved' | 'saving' | 'unsaved'
const DEBOUNCE_MS = 600

/**
 * The grid's lines, kept locally and autosaved: every change is applied at once on screen and sent
 * (debounced) as a batch of line changes, each with the values it was typed against. The server's
 * answer merges in: untouched lines take others' edits; a line changed by both stays as typed here,
 * in conflict, until the person chooses.
 */
export function useLinesSync(a: { disclosureId: string; list: TLineList; serverLines: EditorLine[]; ctx: LineContext; onResult: (r: ActionResult) => void }) {
  const { list } = a
  const canon = useCallback((v: Values) => canonLine(list, v), [list])
  const [rows, setRows] = useState<GridRow[]>(() => a.serverLines.map(lineToRow))
  const base = useRef(new Map(a.serverLines.map((l) => [l.id, canon(lineToRow(l).values)])))
  const [conflicts, setConflicts] = useState<Map<string, Conflict>>(new Map())
  const [serverErrors, setServerErrors] = useState<Map<string, Record<string, string>>>(new Map())
  const [saving, setSaving] = useState(false)
  const live = useRef({ rows, conflicts })
  live.current = { rows, conflicts }

  const sets = useMemo(() => ({ fn: new Set(a.ctx.catalogue.function.map((x) => x[0])), ec: new Set(a.ctx.catalogue.economic.map((x) => x[0])), units: new Set(a.ctx.units.map((u) => u.code)), projects: new Set(a.ctx.projects.map((p) => p.code)) }), [a.ctx])
  const cache = useRef(new WeakMap<GridRow, Record<string, string> | undefined>())
  useEffect(() => {
    cache.current = new WeakMap()
  }, [sets])
  const check = useCallback((v: Values) => lineErrors(list, v, a.ctx, sets), [list, a.ctx, sets])
  const errorsOf = useCallback(
    (r: GridRow) => {
      if (isBlankLine(r.values)) return undefined
      if (!cache.current.has(r)) cache.current.set(r, check(r.values))
      return cache.current.get(r)
    },
    [check],
  )

  // the server's lines changed (a save's answer, or another action): merge them in
  const lastServer = useRef(a.serverLines)
  useEffect(() => {
    if (a.serverLines === lastServer.current) return
    lastServer.current = a.serverLines
    const m = mergeServer(live.current.rows, base.current, a.serverLines.map(lineToRow), canon, live.current.conflicts, isBlankLine)
    base.current = m.base
    setRows(m.rows)
  }, [a.serverLines, canon])

  const inFlight = useRef(false)
  const again = useRef(false)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    if (inFlight.current) {
      again.current = true
      return
    }
    const ops = pendingOps(live.current.rows, base.current, { canon, isBlank: isBlankLine, invalid: (v) => !!check(v), conflicts: live.current.conflicts })
    if (!ops.length) return
    inFlight.current = true
    setSaving(true)
    try {
      const res = await applyLinesAction({ disclosureId: a.disclosureId, list, ops })
      const errs = new Map<string, Record<string, string>>()
      if (!res.ok) for (const f of res.fields) {
        const [id, key] = f.path.split('.')
        if (id && key) errs.set(id, { ...errs.get(id), [key]: f.message })
      }
      setServerErrors(errs)
      if (res.ok && res.conflicts?.length) {
        const next = new Map(live.current.conflicts)
        for (const c of res.conflicts) {
          if (live.current.rows.some((r) => r.id === c.id)) next.set(c.id, { id: c.id, theirs: c.theirs })
          else base.current.delete(c.id) // a deletion the other person's edit outranks: their line comes back
        }
        live.current.conflicts = next
        setConflicts(next)
      }
      a.onResult(res)
    } finally {
      inFlight.current = false
      setSaving(false)
      if (again.current) {
        again.current = false
        void flush()
      }
    }
  }, [a, canon, check, list])

  const schedule = useCallback(() => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(() => void flush(), DEBOUNCE_MS)
  }, [flush])
  const apply = useCallback(
    (patch: Patch) => {
      const next = applyPatch(live.current.rows, patch)
      live.current.rows = next
      setRows(next)
      schedule()
    },
    [schedule],
  )

  const resolve = (id: string, keep: 'mine' | 'theirs') => {
    const c = conflicts.get(id)
    if (!c) return
    const next = new Map(conflicts)
    next.delete(id)
    live.current.conflicts = next
    setConflicts(next)
    if (keep === 'theirs') {
      const rowsNext = c.theirs ? rows.map((r) => (r.id === id ? { id, values: { ...r.values, ...c.theirs! } } : r)) : rows.filter((r) => r.id !== id)
      live.current.rows = rowsNext
      setRows(rowsNext)
    }
    schedule()
  }

  const pending = useMemo(() => pendingOps(rows, base.current, { canon, isBlank: isBlankLine, invalid: () => false, conflicts }), [rows, conflicts, canon])
  // the unsaved lines held back by an error: how many, and the first one's row and column (the status names it)
  const { invalidRows, firstInvalid } = useMemo(() => {
    const ids = new Set(pending.map((o) => o.id))
    let n = 0
    let first: { id: string; row: number; key: string; message: string } | null = null
    rows.forEach((r, i) => {
      const errs = ids.has(r.id) ? errorsOf(r) : undefined
      if (!errs) return
      n++
      if (!first) {
        const key = PASTE_COLUMNS[list].map((c) => c.key).find((k) => errs[k]) ?? Object.keys(errs)[0]!
        first = { id: r.id, row: i, key, message: errs[key]! }
      }
    })
    return { invalidRows: n, firstInvalid: first as { id: string; row: number; key: string; message: string } | null }
  }, [pending, rows, errorsOf, list])
  const status: SaveStatus = saving ? 'saving' : pending.length || conflicts.size ? 'unsaved' : 'saved'
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current)
  }, [])
  return { rows, apply, flush, status, conflicts, resolve, errorsOf, serverErrors, invalidRows, firstInvalid, check }
}
