'use client'

import { useState } from 'react'
import type { Conflict } from '@/lib/disclosure/merge'

export type Choice = 'mine' | 'theirs'

const show = (v: unknown): string => {
  if (v === undefined || v === null || v === '') return '（空）'
  if (typeof v === 'string') return v
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' && x ? Object.values(x).filter((y) => typeof y === 'string' && y).join('：') : String(x))).join('\n') || '（空）'
  if (typeof v === 'object') return Object.values(v).map(show).join('；')
  return String(v)
}

/**
 * After a refused save: each value both people changed, side by side — what this person typed and
 * what the other saved — with a choice per value (theirs kept by default). 按所选保存 saves the choices on
 * the new version (the other person's other changes are already merged in); nothing is discarded
 * without a choice. Generic: `label` names a path in the editor's words.
 */
export function ConflictPanel({ conflicts, label, onResolve, onTakeTheirs, pending, testId = 'conflict-panel' }: { conflicts: Conflict[]; label: (path: string) => string; onResolve: (choices: Record<string, Choice>) => void; onTakeTheirs: () => void; pending?: boolean; testId?: string }) {
  const [choices, setChoices] = useState<Record<string, Choice>>(() => Object.fromEntries(conflicts.map((c) => [c.path, 'mine' as Choice])))
  return (
    <section className="alert alert-warn" role="alert" aria-label="与他人的修改冲突" data-testid={testId} style={{ display: 'block' }}>
      <h2 style={{ marginTop: 0, fontSize: 17 }}>他人在您编辑时保存了同一处内容（共 {conflicts.length} 处）</h2>
      <p style={{ margin: '4px 0 10px' }}>您的这次保存未生效，但您填写的内容没有丢失。他人修改的其他内容已合并到页面上。请逐处选择保留哪一份，然后保存。</p>
      {conflicts.map((c, i) => (
        <fieldset key={c.path} data-testid={`conflict-${c.path}`} style={{ border: '1px solid var(--line, #ccc)', borderRadius: 6, margin: '0 0 10px', padding: 10, background: '#fff' }}>
          <legend style={{ fontWeight: 600 }}>{label(c.path)}</legend>
          <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 12 }}>
            {(['mine', 'theirs'] as const).map((side) => (
              <label key={side} style={{ display: 'block', cursor: 'pointer', border: `2px solid ${choices[c.path] === side ? '#a4161a' : 'transparent'}`, borderRadius: 6, padding: 8, background: '#fafafa' }}>
                <input type="radio" name={`conflict-${i}`} value={side} checked={choices[c.path] === side} onChange={() => setChoices({ ...choices, [c.path]: side })} />{' '}
                <strong>{side === 'mine' ? '保留我填写的' : '采用他人保存的'}</strong>
                <span data-testid={`conflict-${side}`} style={{ display: 'block', whiteSpace: 'pre-wrap', marginTop: 6 }}>
                  {show(side === 'mine' ? c.mine : c.theirs)}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <div style={{ display: 'flex', gap: 10 }}>
        <button type="button" className="btn btn-primary" disabled={pending} onClick={() => onResolve(choices)}>
          按所选保存
        </button>
        <button type="button" className="btn" disabled={pending} onClick={onTakeTheirs}>
          全部采用他人保存的
        </button>
      </div>
    </section>
  )
}
