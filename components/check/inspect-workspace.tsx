'use client'

import { useState } from 'react'
import type { InspectedDocument } from '@/lib/check/view'
import type { CheckFinding, CheckReport } from '@/lib/check/types'
import { SEVERITY_LABELS } from '@/lib/check/types'
import { PageView } from './page-view'

type Checked = Extract<InspectedDocument, { report: CheckReport }>
const isChecked = (d: InspectedDocument): d is Checked => 'report' in d

const STATUS = { passed: '通过', failed: '未通过', not_run: '未能执行' } as const

function summaryRows(docs: InspectedDocument[]) {
  return docs.map((d) =>
    isChecked(d)
      ? {
          document: d.name,
          department: d.report.summary.department,
          year: d.report.summary.year,
          tablesFound: d.report.summary.tablesFound.length,
          tablesExpected: d.report.summary.tablesFound.length + d.report.summary.tablesMissing.length,
          error: d.report.summary.error,
          warning: d.report.summary.warning,
          rounding: d.report.summary.rounding,
          info: d.report.summary.info,
          notRun: d.report.summary.rulesNotRun,
          unreadable: null,
        }
      : { document: d.name, department: null, year: null, tablesFound: 0, tablesExpected: 0, error: 0, warning: 0, rounding: 0, info: 0, notRun: 0, unreadable: d.error },
  )
}

const where = (f: CheckFinding) => [f.page ? `第 ${f.page} 页` : null, f.section, f.table, f.row ? `「${f.row}」行` : null, f.column ? `「${f.column}」列` : null].filter(Boolean).join(' · ')

/** Upload a region's published documents, read each one's report with the page beside the finding, download the summary. */
export function InspectWorkspace({ region: initialRegion }: { region: string }) {
  const [docs, setDocs] = useState<InspectedDocument[]>([])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [region, setRegion] = useState(initialRegion)
  const [open, setOpen] = useState<number | null>(null)
  const [finding, setFinding] = useState<number | null>(null)

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault()
    const form = new FormData(e.currentTarget)
    const files = form.getAll('file').filter((f) => f instanceof File && f.size > 0)
    if (files.length === 0) {
      setError('请选择要检查的文件')
      return
    }
    setBusy(true)
    setError(null)
    try {
      const res = await fetch('/api/review/inspect', { method: 'POST', body: form })
      const body = (await res.json().catch(() => null)) as { documents?: InspectedDocument[]; error?: { message: string } } | null
      if (!res.ok || !body?.documents) throw new Error(body?.error?.message ?? `检查失败（${res.status}）`)
      setDocs(body.documents)
      setOpen(body.documents.findIndex(isChecked) >= 0 ? body.documents.findIndex(isChecked) : null)
      setFinding(null)
    } catch (err) {
      setError(err instanceof Error ? err.message : '检查失败')
    } finally {
      setBusy(false)
    }
  }

  async function download(format: 'xlsx' | 'pdf') {
    setError(null)
    const res = await fetch(`/api/review/inspect/summary?format=${format}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ region, rows: summaryRows(docs) }) })
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as { error?: { message: string } } | null
      setError(body?.error?.message ?? '下载失败')
      return
    }
    const url = URL.createObjectURL(await res.blob())
    const a = document.createElement('a')
    a.href = url
    a.download = `${region}预算公开检查汇总.${format}`
    document.body.append(a)
    a.click()
    a.remove()
    URL.revokeObjectURL(url)
  }

  const current = open !== null ? docs[open] : undefined
  const checked = current && isChecked(current) ? current : null
  const selected = checked && finding !== null ? checked.report.findings[finding] : undefined
  return (
    <>
      <form onSubmit={submit} className="card" style={{ marginBottom: 16, display: 'flex', gap: 12, alignItems: 'end', flexWrap: 'wrap' }}>
        <label>
          公开文件（可多选）
          <br />
          <input type="file" name="file" multiple accept=".pdf,.docx,.txt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain" data-testid="inspect-files" />
        </label>
        <label>
          地区（用于汇总标题）
          <br />
          <input value={region} onChange={(e) => setRegion(e.target.value)} maxLength={100} />
        </label>
        <button className="btn btn-primary" type="submit" disabled={busy}>
          {busy ? '正在检查…' : '开始检查'}
        </button>
      </form>
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      {docs.length > 0 && (
        <section aria-labelledby="inspect-summary" className="card" style={{ marginBottom: 16 }}>
          <h2 id="inspect-summary" style={{ marginTop: 0 }}>
            检查汇总（{docs.length} 份）
          </h2>
          <table className="list-table" data-testid="inspect-summary">
            <thead>
              <tr>
                <th scope="col">文件</th>
                <th scope="col">部门</th>
                <th scope="col">年度</th>
                <th scope="col">识别报表</th>
                <th scope="col">错误</th>
                <th scope="col">提示</th>
                <th scope="col">尾差</th>
                <th scope="col">未能执行</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {summaryRows(docs).map((r, i) => (
                <tr key={`${r.document}-${i}`} aria-current={open === i ? 'true' : undefined}>
                  <td>{r.document}</td>
                  <td>{r.department ?? '—'}</td>
                  <td>{r.year ?? '—'}</td>
                  {r.unreadable ? (
                    <td colSpan={5} className="muted">
                      无法读取：{r.unreadable}
                    </td>
                  ) : (
                    <>
                      <td>
                        {r.tablesFound}/{r.tablesExpected}
                      </td>
                      <td>
                        <span className="badge badge-error">{r.error}</span>
                      </td>
                      <td>
                        <span className="badge badge-warning">{r.warning}</span>
                      </td>
                      <td>
                        <span className="badge badge-rounding">{r.rounding}</span>
                      </td>
                      <td>{r.notRun}</td>
                    </>
                  )}
                  <td>
                    {!r.unreadable && (
                      <button
                        className="btn"
                        type="button"
                        onClick={() => {
                          setOpen(i)
                          setFinding(null)
                        }}
                        aria-label={`查看 ${r.document} 的检查结果`}
                      >
                        查看
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p style={{ marginBottom: 0 }}>
            <button className="btn" type="button" onClick={() => void download('xlsx')}>
              下载汇总（Excel）
            </button>{' '}
            <button className="btn" type="button" onClick={() => void download('pdf')}>
              下载汇总（PDF）
            </button>
          </p>
        </section>
      )}
      {checked && (
        <section aria-labelledby="inspect-report" className="card">
          <h2 id="inspect-report" style={{ marginTop: 0 }}>
            {checked.name}
          </h2>
          <p className="muted">
            {checked.report.summary.department ?? ''} {checked.report.summary.year ? `${checked.report.summary.year} 年` : ''} · 识别报表 {checked.report.summary.tablesFound.length} 张 · 执行检查 {checked.report.summary.rulesRun} 项，未能执行 {checked.report.summary.rulesNotRun} 项
          </p>
          <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: 16 }}>
            <div>
              <h3 style={{ fontSize: 15 }}>发现的问题（{checked.report.findings.length}）</h3>
              {checked.report.findings.length === 0 && <p className="muted">没有发现问题。</p>}
              <ol style={{ paddingLeft: 20 }} data-testid="inspect-findings">
                {checked.report.findings.map((f, i) => (
                  <li key={i} style={{ marginBottom: 8 }}>
                    <button type="button" className="btn" style={{ textAlign: 'left', display: 'block', width: '100%' }} aria-pressed={finding === i} onClick={() => setFinding(i)}>
                      <span className={`badge badge-${f.severity === 'info' ? 'rounding' : f.severity}`}>{SEVERITY_LABELS[f.severity]}</span> {f.message}
                      <br />
                      <span className="muted" style={{ fontSize: 12 }}>
                        {where(f) || '文档'}（{f.rule}）
                      </span>
                    </button>
                  </li>
                ))}
              </ol>
              <details>
                <summary>检查覆盖情况（{checked.report.coverage.length} 项）</summary>
                <table className="list-table" data-testid="inspect-coverage">
                  <thead>
                    <tr>
                      <th scope="col">检查</th>
                      <th scope="col">结果</th>
                      <th scope="col">原因</th>
                    </tr>
                  </thead>
                  <tbody>
                    {checked.report.coverage.map((c) => (
                      <tr key={c.rule}>
                        <td>{c.rule}</td>
                        <td>{STATUS[c.status]}</td>
                        <td>{c.reason ?? ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
            </div>
            <div>{selected ? <PageView finding={selected} pages={checked.pages} image={checked.pageImages} documentName={checked.name} marks={checked.marks[finding ?? -1] ?? []} /> : <p className="muted">点击左侧的问题，在此查看其所在页面。</p>}</div>
          </div>
        </section>
      )}
    </>
  )
}
