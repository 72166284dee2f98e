'use client'

import { forwardRef, useId, useMemo, useState } from 'react'

export type CodeEntry = [code: string, name: string]

/**
 * A combobox for classification codes: type digits to match by code prefix, or Chinese to match by
 * name; ↑/↓ choose, Enter or Tab accepts, Esc closes. Free text stays possible (validated on save).
 */
export const CodePicker = forwardRef<
  HTMLInputElement,
  { entries: CodeEntry[]; value: string; onChange: (v: string) => void; onCommit?: (v: string) => void; onCancel?: () => void; label: string; invalid?: boolean; autoFocus?: boolean; name?: string }
>(function CodePicker({ entries, value, onChange, onCommit, onCancel, label, invalid, autoFocus, name }, ref) {
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const listId = useId()
  const q = value.trim()
  const matches = useMemo(() => {
    if (!q) return entries.slice(0, 12)
    const digits = /^\d+$/.test(q)
    return entries.filter(([c, n]) => (digits ? c.startsWith(q) : n.includes(q) || c.includes(q))).slice(0, 12)
  }, [entries, q])
  const exact = entries.find(([c]) => c === q)
  const accept = (code: string) => {
    onChange(code)
    setOpen(false)
    onCommit?.(code)
  }
  return (
    <div className="picker">
      <input
        ref={ref}
        name={name}
        aria-label={label}
        role="combobox"
        aria-expanded={open && matches.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-invalid={invalid || undefined}
        autoFocus={autoFocus}
        autoComplete="off"
        title={exact ? `${exact[0]} ${exact[1]}` : undefined}
        value={value}
        onChange={(e) => {
          onChange(e.target.value)
          setOpen(true)
          setActive(0)
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 120)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault()
            setOpen(true)
            setActive((a) => Math.min(a + 1, matches.length - 1))
          } else if (e.key === 'ArrowUp') {
            e.preventDefault()
            setActive((a) => Math.max(a - 1, 0))
          } else if (e.key === 'Escape') {
            if (open) {
              e.stopPropagation()
              setOpen(false)
            } else onCancel?.()
          } else if ((e.key === 'Enter' || e.key === 'Tab') && open && matches[active] && !exact && !e.shiftKey) {
            if (e.key === 'Enter') e.preventDefault()
            e.stopPropagation()
            accept(matches[active]![0])
          }
        }}
      />
      {open && matches.length > 0 && (
        <ul className="picker-list" id={listId} role="listbox">
          {matches.map(([c, n], i) => (
            <li
              key={c}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault()
                accept(c)
              }}
            >
              <span className="code">{c}</span>
              {n}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
})
