'use client'

import { useCallback, useEffect, useRef, useState } from 'react'
import { same } from '@/lib/disclosure/merge'

/** saved: the server holds what is on screen; dirty: typed, not yet sent; saving: sent; error: refused (fix it); conflict: someone else saved the same part (choose). */
export type SaveStatus = 'saved' | 'dirty' | 'saving' | 'error' | 'conflict'
export type SaveOutcome = { ok: true } | { ok: false; conflict: boolean }

/**
 * Debounced autosave of one editor's values, generic over the value (a form's values, a row set).
 * `save` sends a snapshot and says how it went; the hook remembers the last snapshot the server
 * accepted (`saved`) and saves again whenever the value differs from it, `delay` ms after the last
 * change, one request at a time. A refused save (validation) waits for the next change; a conflict
 * stops autosaving until the editor resolves it and calls `markSaved(theirs)` (docs/decisions/017).
 * `saveNow(value?)` saves at once (a 保存 button; pass the value when the form was just reset, as the
 * hook sees a reset only at the next render). Pair it with `useLeaveGuard(status !== 'saved')`.
 */
export function useAutosave<T>({ value, save, delay = 1200, enabled = true }: { value: T; save: (v: T) => Promise<SaveOutcome>; delay?: number; enabled?: boolean }) {
  const [status, setStatus] = useState<SaveStatus>('saved')
  const saved = useRef<T>(value)
  const latest = useRef<T>(value)
  const refused = useRef<T | null>(null)
  const inFlight = useRef(false)
  const flight = useRef<Promise<boolean> | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const statusRef = useRef<SaveStatus>('saved')
  /** bumped by markSaved: a save that ends after the editor rebased is not a conflict any more */
  const generation = useRef(0)
  const saveRef = useRef(save)
  saveRef.current = save
  latest.current = value

  const set = (s: SaveStatus) => {
    statusRef.current = s
    setStatus(s)
  }

  const run = useCallback(async (value?: T): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    if (value !== undefined) latest.current = value
    // one request at a time: an explicit save waits for the one in flight, then saves what is newer
    if (inFlight.current && value !== undefined && flight.current) await flight.current.catch(() => false)
    if (inFlight.current || statusRef.current === 'conflict') return false
    const snapshot = latest.current
    const gen = generation.current
    if (same(snapshot, saved.current)) {
      set('saved')
      return true
    }
    inFlight.current = true
    set('saving')
    let outcome: SaveOutcome
    const p = saveRef.current(snapshot).catch((): SaveOutcome => ({ ok: false, conflict: false }))
    flight.current = p.then((o) => o.ok)
    outcome = await p
    inFlight.current = false
    flight.current = null
    if (outcome.ok) {
      saved.current = snapshot
      refused.current = null
      if (same(latest.current, snapshot)) {
        set('saved')
        return true
      }
      set('dirty')
      timer.current = setTimeout(() => void run(), delay)
      return false
    }
    if (gen !== generation.current) {
      // the editor took the other change in (markSaved) while this save was refused: go on from there
      if (!same(latest.current, saved.current)) timer.current = setTimeout(() => void run(), delay)
      return false
    }
    if (outcome.conflict) set('conflict')
    else {
      refused.current = snapshot
      set('error')
    }
    return false
  }, [delay])

  useEffect(() => {
    if (!enabled || statusRef.current === 'conflict' || inFlight.current) return
    if (same(value, saved.current)) {
      if (statusRef.current !== 'saved') set('saved')
      return
    }
    if (refused.current !== null && same(value, refused.current)) return
    if (statusRef.current !== 'dirty') set('dirty')
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(() => void run(), delay)
  })

  // leaving the page by a way no guard can stop (the browser's back button is a soft navigation in
  // the App Router): what was typed is sent anyway, once, as the component goes
  const enabledRef = useRef(enabled)
  enabledRef.current = enabled
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current)
      if (enabledRef.current && !inFlight.current && statusRef.current !== 'conflict' && statusRef.current !== 'error' && !same(latest.current, saved.current)) void saveRef.current(latest.current).catch(() => undefined)
    },
    [],
  )

  /** The server now holds `v` (a reload, a merge's “theirs”): autosave resumes against it. */
  const markSaved = useCallback((v: T) => {
    generation.current += 1
    saved.current = v
    refused.current = null
    set(same(latest.current, v) ? 'saved' : 'dirty')
  }, [])

  return { status, saveNow: run, markSaved, lastSaved: () => saved.current }
}

/**
 * Warns before leaving while `active`: closing or reloading the tab (beforeunload), and in-app
 * navigation — a click on a same-origin link (Next.js <Link> included: the listener runs in the capture
 * phase on window, before React's, and stops the click when the person stays). The App Router exposes
 * no cancellable route events, so links are intercepted where they are clicked; the back button cannot
 * be stopped without confusing the router's history, so useAutosave sends unsaved text as the editor
 * unmounts instead.
 */
export function useLeaveGuard(active: boolean, message = '有未保存的修改（或与他人的修改冲突、有错误未改），离开本页可能丢失。确定离开吗？') {
  useEffect(() => {
    if (!active) return
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault()
      e.returnValue = message
      return message
    }
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return
      const a = (e.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null
      if (!a || (a.target && a.target !== '_self') || a.hasAttribute('download')) return
      const url = new URL(a.href, window.location.href)
      if (url.origin !== window.location.origin) return
      if (url.pathname === window.location.pathname && url.search === window.location.search) return // an anchor on this page
      if (window.confirm(message)) return
      e.preventDefault()
      e.stopPropagation()
      e.stopImmediatePropagation()
    }
    window.addEventListener('beforeunload', onBeforeUnload)
    window.addEventListener('click', onClick, true)
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload)
      window.removeEventListener('click', onClick, true)
    }
  }, [active, message])
}
