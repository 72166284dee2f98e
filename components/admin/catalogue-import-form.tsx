'use client'

import { useRouter } from 'next/navigation'
import { useState, type FormEvent } from 'react'
import { CATALOGUE_LIMIT_TEXT, MAX_CATALOGUE_BYTES } from '@/lib/catalogue/limits'

type Outcome = { ok: boolean; message: string } | null

/**
 * Uploads a year's catalogue to POST /api/catalogue (a route handler: a catalogue with its history runs to a
 * few MB, beyond a server action's 1 MB). The stated limit is the enforced one (lib/catalogue/limits.ts).
 */
export function CatalogueImportForm({ defaultYear }: { defaultYear: number }) {
  const router = useRouter()
  const [outcome, setOutcome] = useState<Outcome>(null)
  const [pending, setPending] = useState(false)

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault()
    const form = new FormData(e.currentTarget)
    const file = form.get('file')
    if (file instanceof File && file.size > MAX_CATALOGUE_BYTES) {
      setOutcome({ ok: false, message: `科目文件超过 ${CATALOGUE_LIMIT_TEXT}，请拆分或删去不需要的年度后再上传` })
      return
    }
    setPending(true)
    setOutcome(null)
    try {
      const res = await fetch('/api/catalogue', { method: 'POST', body: form })
      const body = (await res.json().catch(() => null)) as { message?: string; error?: { message?: string } } | null
      if (res.ok) {
        setOutcome({ ok: true, message: body?.message ?? '已导入' })
        router.refresh()
      } else setOutcome({ ok: false, message: body?.error?.message ?? `导入失败（${res.status}），请稍后再试` })
    } catch {
      setOutcome({ ok: false, message: '网络中断，科目未导入，请重试' })
    } finally {
      setPending(false)
    }
  }

  return (
    <form onSubmit={submit} className="card" style={{ display: 'grid', gridTemplateColumns: '140px 220px 1fr auto', gap: 12, alignItems: 'end' }}>
      <div className="form-field">
        <label htmlFor="cat-year">预算年度</label>
        <input id="cat-year" name="year" type="number" min={2000} max={2100} defaultValue={defaultYear} required />
      </div>
      <div className="form-field">
        <label htmlFor="cat-kind">科目类别</label>
        <select id="cat-kind" name="kind" defaultValue="function">
          <option value="function">支出功能分类科目</option>
          <option value="economic">部门预算支出经济分类科目</option>
        </select>
      </div>
      <div className="form-field">
        <label htmlFor="cat-file">科目文件（CSV 或 XLSX，不超过 {CATALOGUE_LIMIT_TEXT}）</label>
        <input id="cat-file" name="file" type="file" accept=".csv,.xlsx,text/csv" required />
      </div>
      <div className="form-field">
        <button className="btn btn-primary" type="submit" disabled={pending}>
          {pending ? '正在导入…' : '导入并替换'}
        </button>
      </div>
      {outcome && (
        <div className={`alert ${outcome.ok ? 'alert-ok' : 'alert-error'}`} role={outcome.ok ? 'status' : 'alert'} style={{ gridColumn: '1 / -1' }}>
          {outcome.message}
        </div>
      )}
    </form>
  )
}
