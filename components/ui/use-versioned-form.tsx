'use client'

import { useRef, useState, useTransition } from 'react'
import type { FieldValues, UseFormReturn } from 'react-hook-form'
import { useWatch } from 'react-hook-form'
import type { Conflict } from '@/lib/disclosure/merge'
import { mergeThreeWay, setAt } from '@/lib/disclosure/merge'
import type { Choice } from './conflict-panel'
import { ConflictPanel } from './conflict-panel'
import type { NoticeMessage } from './notice-bar'
import type { SaveOutcome } from './use-autosave'
import { useAutosave, useLeaveGuard } from './use-autosave'

/** What a save or reload action answers (lib/notes/actions Result, lib/performance/actions Result). */
export type VersionedResult<S> = { ok: true; state: S; message: string } | { ok: false; code: string; message: string; fields: { path: string; message: string }[]; state?: S }

/**
 * A form saved against one part's version (docs/decisions/017), for every non-grid editor: debounced
 * autosave with a visible state, a warning before leaving while anything is unsaved, and after a refused
 * save (someone else saved the part) a three-way merge instead of taking the new number with the stale
 * form: what only the other changed is taken, what only this person changed is saved on the new version,
 * what both changed is shown side by side (`panel`) to choose. `reload` is the same merge: it never
 * throws typed text away.
 *
 * - `check`: the client's own validation (the server's schema); errors are placed on the form and the
 *   save waits for the next change.
 * - `save(values, version)`: the server action; `formOf`/`versionOf` read a returned state.
 */
export function useVersionedForm<F extends FieldValues, S>(opts: {
  form: UseFormReturn<F>
  initial: S
  formOf: (s: S) => F
  versionOf: (s: S) => number
  save: (values: F, version: number) => Promise<VersionedResult<S>>
  reload?: () => Promise<VersionedResult<S>>
  check?: (values: F) => { path: string; message: string }[]
  onState?: (s: S) => void
  /** where a server's field path lands in the form (notes: formPath); the client's `check` names form paths */
  fieldPath?: (path: string) => string
  enabled?: boolean
  /** the part in words, for the messages: “情况说明” */
  what: string
  delay?: number
}) {
  const { form, formOf, versionOf, onState, what } = opts
  const values = useWatch({ control: form.control }) as F
  const version = useRef(opts.versionOf(opts.initial))
  const lastMessage = useRef('')
  const [notice, setNotice] = useState<NoticeMessage>(null)
  const [conflict, setConflict] = useState<{ conflicts: Conflict[]; merged: F; theirs: F; version: number } | null>(null)
  const [pending, start] = useTransition()

  const placeErrors = (errors: { path: string; message: string }[], map: (path: string) => string = (p) => p) => {
    for (const e of errors) form.setError(map(e.path) as never, { message: e.message })
  }

  const send = async (v: F): Promise<SaveOutcome> => {
    form.clearErrors()
    const errors = opts.check?.(v) ?? []
    if (errors.length) {
      placeErrors(errors)
      setNotice({ kind: 'error', text: `${what}有 ${errors.length} 处需要修改，改好后自动保存：${errors.slice(0, 5).map((e) => e.message).join('；')}` })
      return { ok: false, conflict: false }
    }
    const r = await opts.save(v, version.current)
    if (r.ok) {
      lastMessage.current = r.message
      version.current = versionOf(r.state)
      onState?.(r.state)
      setNotice((n) => (n?.kind === 'error' ? null : n))
      return { ok: true }
    }
    if (r.code === 'CONFLICT' && r.state) {
      rebase(r.state)
      return { ok: false, conflict: true }
    }
    setNotice({ kind: 'error', text: r.message })
    placeErrors(r.fields, opts.fieldPath)
    return { ok: false, conflict: false }
  }
  const autosave = useAutosave<F>({ value: values, save: send, enabled: opts.enabled !== false && !conflict, ...(opts.delay ? { delay: opts.delay } : {}) })
  useLeaveGuard(opts.enabled !== false && autosave.status !== 'saved')

  function rebase(next: S) {
    const theirs = formOf(next)
    const m = mergeThreeWay(autosave.lastSaved(), form.getValues(), theirs)
    version.current = versionOf(next)
    onState?.(next)
    if (m.conflicts.length) {
      // the page shows the merge at once: the other's changes where only they changed, this person's
      // text where both did (until they choose); autosave waits for the choice
      form.reset(m.merged)
      setConflict({ conflicts: m.conflicts, merged: m.merged, theirs, version: version.current })
      setNotice({ kind: 'conflict', text: `${what}已被他人修改（或在其他窗口中修改），您的这次保存未生效。您填写的内容仍在页面上，请在下方对照选择。` })
      return
    }
    form.reset(m.merged)
    autosave.markSaved(theirs)
    setNotice({ kind: 'ok', text: m.theirsChanged.length ? `已合并他人对${what}的修改（${m.theirsChanged.length} 处）；您的修改保存在最新版本上。` : `${what}已是最新内容` })
  }
  const resolve = (choices: Record<string, Choice>) => {
    if (!conflict) return
    let merged = conflict.merged
    for (const c of conflict.conflicts) if (choices[c.path] === 'theirs') merged = setAt(merged, c.path, c.theirs)
    form.reset(merged)
    autosave.markSaved(conflict.theirs)
    setConflict(null)
    setNotice(null)
    start(async () => {
      if (await autosave.saveNow(merged)) setNotice({ kind: 'ok', text: `${what}已保存（在他人修改后的最新版本上）` })
    })
  }
  const takeTheirs = () => {
    if (!conflict) return
    form.reset(conflict.theirs)
    autosave.markSaved(conflict.theirs)
    setConflict(null)
    setNotice({ kind: 'ok', text: `已采用他人保存的${what}` })
  }
  const saveNow = () =>
    start(async () => {
      if (await autosave.saveNow(form.getValues())) setNotice({ kind: 'ok', text: lastMessage.current || `${what}已保存` })
    })
  const reload = () =>
    start(async () => {
      if (!opts.reload) return
      const r = await opts.reload()
      if (r.ok) rebase(r.state)
      else setNotice({ kind: 'error', text: r.message })
    })
  const labelOf = (path: string) => {
    const el = document.querySelector(`[name="${CSS.escape(path)}"]`) as HTMLInputElement | null
    return el?.labels?.[0]?.textContent?.trim() || el?.getAttribute('aria-label') || path
  }
  const panel = (label?: (path: string) => string) =>
    conflict ? <ConflictPanel key={conflict.version} conflicts={conflict.conflicts} label={(p) => label?.(p) ?? labelOf(p)} onResolve={resolve} onTakeTheirs={takeTheirs} pending={pending} /> : null

  return { status: autosave.status, notice, setNotice, pending, conflict: !!conflict, panel, saveNow, reload }
}
