'use client'

import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { focusAtEnd } from './grid-types'

export type Choice = [value: string, label: string]

/** Matches typed text: digits by code prefix; other text by name (or code) containing it. */
export function filterChoices(options: Choice[], q: string, showCode: boolean, limit = 12): Choice[] {
  const t = q.trim()
  if (!t) return options.slice(0, limit)
  const out: Choice[] = []
  const digits = showCode && /^\d+$/.test(t)
  for (const o of options) {
    if (digits ? o[0].startsWith(t) : o[1].includes(t) || o[0].startsWith(t)) out.push(o)
    if (out.length >= limit) break
  }
  return out
}

type Props = {
  id: string
  label: string
  options: Choice[]
  showCode: boolean
  value: string
  onChange: (v: string) => void
  /** a choice was accepted (Enter/Tab on the list, or a click): the cell commits it and moves */
  onAccept: (value: string, key: 'Enter' | 'Tab' | 'ShiftTab' | 'click') => void
  onKeyDown: (e: React.KeyboardEvent<HTMLInputElement>) => void
  invalid?: boolean
  onBlur?: () => void
}

/**
 * The grid's combobox (codes, units, projects, enumerations). Its list is drawn in a layer on top of
 * the page (a portal placed under the cell), so no scroll box ever clips it; ↑/↓ choose, Enter or Tab
 * accepts, Esc cancels the edit.
 */
export function ChoiceEditor(p: Props) {
  const listId = useId()
  const inputRef = useRef<HTMLInputElement>(null)
  const [active, setActive] = useState(0)
  const [box, setBox] = useState<{ left: number; top?: number; bottom?: number; width: number; maxHeight: number } | null>(null)
  const matches = useMemo(() => filterChoices(p.options, p.value, p.showCode), [p.options, p.value, p.showCode])
  const exact = p.options.find((o) => o[0] === p.value.trim())
  const open = matches.length > 0 && !(exact && matches.length === 1)

  useLayoutEffect(() => {
    const place = () => {
      const r = inputRef.current?.getBoundingClientRect()
      if (!r) return
      // below the cell, or above it when the page has no room below: the list is always on screen
      const below = window.innerHeight - r.bottom
      const width = Math.max(r.width, 380)
      const left = Math.max(0, Math.min(r.left, window.innerWidth - width - 8))
      if (below >= 200 || below >= r.top) setBox({ left, top: r.bottom, width, maxHeight: Math.max(120, Math.min(260, below - 8)) })
      else setBox({ left, bottom: window.innerHeight - r.top, width, maxHeight: Math.max(120, Math.min(260, r.top - 8)) })
    }
    place()
    window.addEventListener('scroll', place, true)
    window.addEventListener('resize', place)
    return () => {
      window.removeEventListener('scroll', place, true)
      window.removeEventListener('resize', place)
    }
  }, [p.value])
  useEffect(() => setActive(0), [p.value])

  const keys = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (open && e.key === 'ArrowDown') {
      e.preventDefault()
      setActive((a) => Math.min(a + 1, matches.length - 1))
      return
    }
    if (open && e.key === 'ArrowUp') {
      e.preventDefault()
      setActive((a) => Math.max(a - 1, 0))
      return
    }
    if (open && (e.key === 'Enter' || e.key === 'Tab') && matches[active] && !e.nativeEvent.isComposing) {
      e.preventDefault()
      e.stopPropagation()
      p.onAccept(matches[active]![0], e.key === 'Tab' ? (e.shiftKey ? 'ShiftTab' : 'Tab') : 'Enter')
      return
    }
    p.onKeyDown(e)
  }

  return (
    <>
      <input
        ref={(el) => {
          inputRef.current = el
          focusAtEnd(el)
        }}
        className="grid-editor"
        aria-label={p.label}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        aria-invalid={p.invalid || undefined}
        autoComplete="off"
        onBlur={p.onBlur}
        value={p.value}
        onChange={(e) => p.onChange(e.target.value)}
        onKeyDown={keys}
      />
      {box &&
        createPortal(
          <ul className="picker-list picker-layer" id={listId} role="listbox" aria-label={`${p.label} 候选`} hidden={!open} style={{ position: 'fixed', left: box.left, top: box.top ?? 'auto', bottom: box.bottom ?? 'auto', minWidth: box.width, maxHeight: box.maxHeight }} data-testid="picker-list">
            {matches.map(([v, l], i) => (
              <li
                key={v}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                onMouseDown={(e) => {
                  e.preventDefault()
                  p.onAccept(v, 'click')
                }}
              >
                {p.showCode && <span className="code">{v}</span>}
                {l}
              </li>
            ))}
          </ul>,
          document.body,
        )}
    </>
  )
}
