'use client'

import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { GridRow, Patch } from '@/components/grid/grid-model'
import { applyPatch } from '@/components/grid/grid-model'
import type { ActionResult } from '@/lib/disclosure/actions'
import type { Conflict, LineOp, Values } from './line-merge'
import { mergeServer, pendingOps } from './line-merge'

export type SaveStatus = 'saved' | 'saving' | 'unsaved'
const DEBOUNCE_MS = 600

export type RowSyncOptions = {
  /** the rows as the server has them (memoised: a new array means the server's rows changed) */
  serverRows: GridRow[]
  canon: (v: Values) => Values
  isBlank: (v: Values) => boolean
  /** the same checks as the server, per column, in Chinese; a row with errors is held back */
  check: (v: Values, index: number, rows: GridRow[]) => Record<string, string> | undefined
  /** column keys in the order the held-back message names the first error */
  keyOrder: string[]
  send: (ops: LineOp[]) => Promise<ActionResult>
  onResult: (r: ActionResult) => void
  /** a stale part version (docs/decisions/017): the current state arrives, is merged, and the batch is sent again */
  onStale?: (r: ActionResult) => void
  /** the check looks at other rows too (duplicate codes): its answers are not cached across changes */
  crossRow?: boolean
}

/**
 * A grid's rows kept locally and autosaved (lines, projects): every change is applied at once on
 * screen and sent (debounced) as a batch of row changes, each with the values it was typed against.
 * The server's answer merges in: untouched rows take others' edits; a row changed by both stays as
 * typed here, in conflict, until the person chooses.
 */
export function useRowSync(a: RowSyncOptions) {
  const { canon, isBlank } = a
  const [rows, setRows] = useState<GridRow[]>(a.serverRows)
  const base = useRef(new Map(a.serverRows.map((r) => [r.id, canon(r.values)])))
  const [conflicts, setConflicts] = useState<Map<string, Conflict>>(new Map())
  const [serverErrors, setServerErrors] = useState<Map<string, Record<string, string>>>(new Map())
  const [saving, setSaving] = useState(false)
  const live = useRef({ rows, conflicts })
  live.current = { rows, conflicts }
  const opts = useRef(a)
  opts.current = a

  const cache = useRef(new WeakMap<GridRow, Record<string, string> | undefined>())
  useEffect(() => {
    cache.current = new WeakMap()
  }, [a.check, a.crossRow ? rows : null])
  const errorsOf = useCallback(
    (r: GridRow, i?: number) => {
      if (isBlank(r.values)) return undefined
      if (!cache.current.has(r)) cache.current.set(r, a.check(r.values, i ?? live.current.rows.indexOf(r), live.current.rows))
      return cache.current.get(r)
    },
    [a.check, isBlank],
  )

  const inFlight = useRef(false)
  const again = useRef(false)
  const resendOnMerge = useRef(false)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const flushRef = useRef<() => Promise<void>>(async () => {})
  const schedule = useCallback(() => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(() => void flushRef.current(), DEBOUNCE_MS)
  }, [])

  // the server's rows changed (a save's answer, or another action): merge them in
  const lastServer = useRef(a.serverRows)
  useEffect(() => {
    if (a.serverRows === lastServer.current) return
    lastServer.current = a.serverRows
    const m = mergeServer(live.current.rows, base.current, a.serverRows, canon, live.current.conflicts, isBlank)
    base.current = m.base
    live.current.rows = m.rows
    setRows(m.rows)
    if (resendOnMerge.current) {
      resendOnMerge.current = false
      schedule()
    }
  }, [a.serverRows, canon, isBlank, schedule])

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    if (inFlight.current) {
      again.current = true
      return
    }
    const o = opts.current
    const all = live.current.rows
    const at = new Map(all.map((r, i) => [r.values, i]))
    const ops = pendingOps(all, base.current, { canon, isBlank, invalid: (v) => !!o.check(v, at.get(v) ?? -1, all), conflicts: live.current.conflicts })
    if (!ops.length) return
    inFlight.current = true
    setSaving(true)
    try {
      const res = await o.send(ops)
      if (!res.ok && res.code === 'CONFLICT' && res.state && o.onStale) {
        resendOnMerge.current = true
        o.onStale(res)
        return
      }
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
          else base.current.delete(c.id) // a deletion the other person's edit outranks: their row comes back
        }
        live.current.conflicts = next
        setConflicts(next)
      }
      o.onResult(res)
    } finally {
      inFlight.current = false
      setSaving(false)
      if (again.current) {
        again.current = false
        void flushRef.current()
      }
    }
  }, [canon, isBlank])
  flushRef.current = flush

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

  const pending = useMemo(() => pendingOps(rows, base.current, { canon, isBlank, invalid: () => false, conflicts }), [rows, conflicts, canon, isBlank])
  // the unsaved rows held back by an error: how many, and the first one's row and column (the status names it)
  const { invalidRows, firstInvalid } = useMemo(() => {
    const ids = new Set(pending.map((o) => o.id))
    let n = 0
    let first: { id: string; row: number; key: string; message: string } | null = null
    rows.forEach((r, i) => {
      const errs = ids.has(r.id) ? errorsOf(r, i) : undefined
      if (!errs) return
      n++
      if (!first) {
        const key = a.keyOrder.find((k) => errs[k]) ?? Object.keys(errs)[0]!
        first = { id: r.id, row: i, key, message: errs[key]! }
      }
    })
    return { invalidRows: n, firstInvalid: first as { id: string; row: number; key: string; message: string } | null }
  }, [pending, rows, errorsOf, a.keyOrder])
  const status: SaveStatus = saving ? 'saving' : pending.length || conflicts.size ? 'unsaved' : 'saved'
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current)
    },
    [],
  )
  return { rows, apply, flush, status, conflicts, resolve, errorsOf, serverErrors, invalidRows, firstInvalid }
}
