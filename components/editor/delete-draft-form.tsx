'use client'

import { useState, useTransition } from 'react'
import { deleteDraftAction } from '@/lib/disclosure/actions'

/** Deleting a never-submitted draft (e.g. a wrong import): the owner types 删除 to confirm; the server checks again and audits it. */
export function DeleteDraftForm({ disclosureId, version, year }: { disclosureId: string; version: number; year: number }) {
  const [confirm, setConfirm] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  const [pending, start] = useTransition()
  return (
    <details className="card" style={{ marginTop: 24 }}>
      <summary>删除此草稿</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          start(async () => {
            const r = await deleteDraftAction({ disclosureId, version, confirm })
            if (r.ok) window.location.assign(r.redirectTo ?? '/workspace')
            else setMessage(r.message)
          })
        }}
      >
        <p>删除后，{year} 年的这份草稿及其全部数据将不可恢复（已提交过的预算不能删除）。</p>
        <div className="form-field">
          <label htmlFor="delete-confirm">请输入“删除”确认</label>
          <input id="delete-confirm" value={confirm} onChange={(e) => setConfirm(e.target.value)} autoComplete="off" />
        </div>
        {message && (
          <div className="alert alert-error" role="alert">
            {message}
          </div>
        )}
        <button className="btn" type="submit" disabled={pending || confirm.trim() !== '删除'}>
          {pending ? '正在删除…' : '删除草稿'}
        </button>
      </form>
    </details>
  )
}
