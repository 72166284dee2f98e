'use client'

import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useMemo, useRef, useState } from 'react'
import type { ImportResult } from '@/lib/exchange/preview'
import type { ReportFinding } from '@/lib/exchange/report'
import { BudgetTableView } from '../tables/budget-table-view'
import type { Meaning } from './column-reading'
import { ColumnReading, meaningsToVocabulary } from './column-reading'
import { ExtraTableView } from '../tables/extra-table-view'
import styles from './import.module.css'

type Phase = 'idle' | 'uploading' | 'validating' | 'done' | 'importing' | 'imported'
type CellRef = { table: string; row?: number; col?: number }
type Reply = { status: number; body: (Partial<ImportResult> & { error?: { message: string }; imported?: { disclosureId: string; url: string } | null }) | null }

const SEVERITY = { error: '错误', warning: '提示', rounding: '尾差' } as const
const ORDER = { error: 0, warning: 1, rounding: 2 } as const
const STATUS: Record<string, string> = { draft: '草稿', submitted: '已提交', returned: '已退回', approved: '已审核', published: '已公开' }

/** "D9" → row 9, column "D". */
function splitCell(cell: string): { col: string; row: number } | null {
  const m = /^([A-Z]+)(\d+)$/.exec(cell)
  return m ? { col: m[1]!, row: Number(m[2]) } : null
}

/** A finding's place in the preview: the table it belongs to and, when it names a data cell, that cell. */
function placeOf(f: ReportFinding, result: ImportResult): CellRef | null {
  const p = result.preview.tables.find((t) => (f.table ? t.table.key === f.table : t.loc.sheet === f.sheet))
  if (!p) return null
  const at = f.cell && f.sheet === p.loc.sheet ? splitCell(f.cell) : null
  if (!at) return { table: p.table.key }
  const row = p.loc.rows.indexOf(at.row)
  const col = p.loc.cols.indexOf(at.col)
  return row >= 0 && col >= 0 ? { table: p.table.key, row, col } : { table: p.table.key }
}

/** Sends the file with real upload progress (fetch cannot report it). */
function send(form: FormData, onProgress: (pct: number) => void, onUploaded: () => void): Promise<Reply> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', '/api/imports')
    xhr.responseType = 'json'
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100))
    }
    xhr.upload.onload = onUploaded
    xhr.onload = () => resolve({ status: xhr.status, body: xhr.response as Reply['body'] })
    xhr.onerror = () => resolve({ status: 0, body: null })
    xhr.send(form)
  })
}

/**
 * Upload a workbook, see the tables as read with every finding beside them (a click shows the cell),
 * and import it: at once when there is no error, after an explicit confirmation when there are.
 */
export function ImportWorkbench({ department }: { department: { code: string; name: string } }) {
  const router = useRouter()
  const input = useRef<HTMLInputElement>(null)
  const [file, setFile] = useState<File | null>(null)
  const [phase, setPhase] = useState<Phase>('idle')
  const [progress, setProgress] = useState(0)
  const [result, setResult] = useState<ImportResult | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [accept, setAccept] = useState(false)
  const [focus, setFocus] = useState<CellRef | null>(null)
  const [current, setCurrent] = useState<number | null>(null)
  const [announce, setAnnounce] = useState('')
  const [dragging, setDragging] = useState(false)
  // meanings the user gave to columns the reader did not understand; sent with every upload of this file
  const [meanings, setMeanings] = useState<Meaning[]>([])
  const [saveWords, setSaveWords] = useState(false)

  const findings = useMemo(() => (result ? [...result.report.findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]) : []), [result])
  const marks = useMemo(() => {
    const m = new Map<string, { row: number; col: number; severity: ReportFinding['severity'] }[]>()
    if (!result) return m
    for (const f of result.report.findings) {
      const p = placeOf(f, result)
      if (!p || p.row === undefined || p.col === undefined) continue
      const list = m.get(p.table) ?? []
      // an error wins over a warning or rounding mark on the same cell
      const same = list.findIndex((x) => x.row === p.row && x.col === p.col)
      if (same < 0) list.push({ row: p.row, col: p.col, severity: f.severity })
      else if (ORDER[f.severity] < ORDER[list[same]!.severity]) list[same] = { row: p.row, col: p.col, severity: f.severity }
      m.set(p.table, list)
    }
    return m
  }, [result])

  async function upload(f: File, confirm: boolean) {
    setError(null)
    setPhase(confirm ? 'importing' : 'uploading')
    setProgress(0)
    const form = new FormData()
    form.set('file', f)
    const chosen = meanings.filter((m) => m.concept)
    if (chosen.length) {
      form.set('columnMeanings', JSON.stringify(meaningsToVocabulary(chosen)))
      if (saveWords) form.set('saveVocabulary', 'true')
    }
    if (confirm) {
      form.set('confirm', 'true')
      if (accept) form.set('acceptErrors', 'true')
    }
    const reply = await send(form, setProgress, () => setPhase(confirm ? 'importing' : 'validating'))
    const body = reply.body
    if (body && body.report && body.preview && body.target) {
      setResult({ report: body.report, preview: body.preview, target: body.target, imported: null })
      if (reply.status === 201 && body.imported) {
        setPhase('imported')
        router.push(body.imported.url)
        return
      }
      if (reply.status !== 200) setError(body.error?.message ?? '导入未完成')
      setPhase('done')
      return
    }
    setResult(null)
    setPhase('idle')
    setError(body?.error?.message ?? (reply.status === 0 ? '网络错误，上传未完成，请重试' : `上传失败（${reply.status}）`))
  }

  function choose(f: File | null) {
    setFile(f)
    setMeanings([])
    setResult(null)
    setAccept(false)
    setFocus(null)
    setCurrent(null)
    if (f) void upload(f, false)
  }

  function go(f: ReportFinding, i: number) {
    if (!result) return
    const p = placeOf(f, result)
    setCurrent(i)
    if (!p) return
    setFocus(p)
    setAnnounce(`已定位到${f.sheet ? `工作表「${f.sheet}」` : ''}${f.cell ?? ''}`)
    setTimeout(() => {
      const section = document.getElementById(`imp-${p.table}`)
      const cell = p.row !== undefined ? section?.querySelector<HTMLElement>(`td[data-row="${p.row}"][data-col="${p.col}"]`) : null
      ;(cell ?? section)?.scrollIntoView({ block: 'center' })
    }, 30)
  }

  const busy = phase === 'uploading' || phase === 'validating' || phase === 'importing'
  const s = result?.report.summary
  const t = result?.target
  return (
    <div>
      <div
        className={`${styles.drop} ${dragging ? styles.active : ''}`}
        onDragOver={(e) => {
          e.preventDefault()
          setDragging(true)
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault()
          setDragging(false)
          const f = e.dataTransfer.files[0]
          if (f) choose(f)
        }}
      >
        <label htmlFor="workbook">
          <strong>选择工作簿</strong>（预算管理一体化系统导出的 .xlsx，不超过 20 MB）
        </label>
        <input
          id="workbook"
          ref={input}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={busy}
          onChange={(e) => {
            choose(e.target.files?.[0] ?? null)
            e.target.value = ''
          }}
        />
        {file && <span data-testid="import-file">当前文件：{file.name}</span>}
        {file && !busy && (
          <button type="button" className="btn" onClick={() => void upload(file, false)}>
            重新校验
          </button>
        )}
      </div>
      <p className="muted" style={{ fontSize: 13 }}>
        按表的标题和表头识别各表，读取“单位：万元 / 元”，逐个单元格校验。只校验不会改动任何数据；确认导入后，{department.code} {department.name}该年度预算的报表将整体替换为工作簿中的报表（全部或全不）。
      </p>

      <div aria-live="polite" role="status" className={styles.progress} data-testid="import-progress">
        {phase === 'uploading' && (
          <>
            <progress max={100} value={progress} aria-label="上传进度" /> 正在上传 {file?.name}…{progress}%
          </>
        )}
        {phase === 'validating' && (
          <>
            <progress aria-label="正在校验" /> 已上传，正在读取和校验工作簿…
          </>
        )}
        {phase === 'importing' && (
          <>
            <progress aria-label="正在导入" /> 正在导入…
          </>
        )}
        {phase === 'imported' && <span className="alert alert-ok">已导入，正在打开报表…</span>}
        <span className="visually-hidden" style={{ position: 'absolute', left: -9999 }}>
          {announce}
        </span>
      </div>
      {error && (
        <div className="alert alert-error" role="alert" data-testid="import-error">
          {error}
        </div>
      )}

      {result && s && t && (
        <>
          <h2>
            {result.preview.fileName}：{result.preview.department.code} {result.preview.department.name} · {result.preview.year ?? '年度未注明'} 年 · 单位：{result.preview.unit}
          </h2>
          <div className={styles.summary} data-testid="import-summary">
            <span>读出 {result.preview.tables.length} 张表（表样：{result.preview.template.name}）</span>
            <span className="badge badge-error">错误 {s.error}</span>
            <span className="badge badge-warning">提示 {s.warning}</span>
            <span className="badge badge-rounding">尾差 {s.rounding}</span>
            {result.preview.extras.length > 0 && <span data-testid="import-extras">另有 {result.preview.extras.length} 张模板以外的表，按原样导入：{result.preview.extras.map((e) => `「${e.table.title}」`).join('、')}</span>}
            {result.preview.sheets.some((x) => x.tables.length === 0 && !x.extras?.length) && <span className="muted">未识别、已忽略的工作表：{result.preview.sheets.filter((x) => x.tables.length === 0 && !x.extras?.length).map((x) => x.name).join('、')}</span>}
          </div>
          {meanings.some((m) => m.concept) && (
            <div className={styles.confirm} data-testid="import-meanings">
              已为 {meanings.filter((m) => m.concept).length} 列指定含义：{meanings.filter((m) => m.concept).map((m) => `「${m.header}」`).join('、')}
              {result.preview.canSaveVocabulary && (
                <label>
                  <input type="checkbox" checked={saveWords} onChange={(e) => setSaveWords(e.target.checked)} />
                  <span>同时加入本表样系列的表头词库（以后同样的表头自动识别）</span>
                </label>
              )}
              <button type="button" className="btn" disabled={busy || !file} onClick={() => file && void upload(file, false)}>
                按指定的列含义重新校验
              </button>
            </div>
          )}
          <div className={styles.confirm} data-testid="import-confirm">
            <div>
              导入到：<strong>
                {t.unit ? `${t.unit.code} ${t.unit.name} ${t.year} 年单位预算` : `${t.department.code} ${t.department.name} ${t.year} 年部门预算`}
              </strong>
              {t.existing ? `（已有${STATUS[t.existing.status] ?? t.existing.status}，第 ${t.existing.revision} 版；导入将替换其报表）` : '（尚无该年度预算，将新建草稿）'}
            </div>
            {!t.canImport ? (
              <p className="alert alert-warn">{t.reason}</p>
            ) : s.error === 0 ? (
              <button type="button" className="btn btn-primary" style={{ marginTop: 8 }} disabled={busy || !file} onClick={() => file && void upload(file, true)}>
                确认导入
              </button>
            ) : (
              <>
                <p className="alert alert-error" style={{ margin: '8px 0' }}>
                  工作簿有 {s.error} 个错误。建议修正工作簿后重新上传；如确需按原样导入（例如迁移历史数据），请先确认。
                </p>
                <label>
                  <input type="checkbox" checked={accept} onChange={(e) => setAccept(e.target.checked)} />
                  <span>我已查看上述 {s.error} 个错误，确认仍按工作簿原样导入</span>
                </label>
                <button type="button" className="btn btn-primary" disabled={!accept || busy || !file} onClick={() => file && void upload(file, true)}>
                  仍然导入（含 {s.error} 个错误）
                </button>
              </>
            )}
          </div>

          <div className={styles.layout}>
            <div>
              {result.preview.tables.map((p) => (
                <div key={p.table.key}>
                  <p className={styles.sheet}>
                    工作表「{p.loc.sheet}」{p.loc.titleCell}
                  </p>
                  <ColumnReading p={p} meanings={meanings} onChange={(m) => setMeanings((ms) => [...ms.filter((x) => !(x.table === m.table && x.header === m.header)), m])} />
                  <BudgetTableView
                    id={`imp-${p.table.key}`}
                    table={p.table}
                    department={`${result.preview.department.code ?? ''} ${result.preview.department.name ?? ''}`}
                    year={result.preview.year ?? undefined}
                    marks={marks.get(p.table.key) ?? []}
                    highlight={focus?.table === p.table.key && focus.row !== undefined ? focus : null}
                  />
                </div>
              ))}
              {result.preview.extras.map((e, i) => (
                <div key={`extra-${i}`}>
                  <p className={styles.sheet}>
                    工作表「{e.loc.sheet}」{e.loc.titleCell} · 模板以外的表，按原样导入
                  </p>
                  <ExtraTableView id={`imp-extra-${i}`} table={e.table} department={`${result.preview.department.code ?? ''} ${result.preview.department.name ?? ''}`} year={result.preview.year ?? undefined} />
                </div>
              ))}
            </div>
            <aside className={styles.side} aria-label="校验结果">
              <h2 style={{ marginTop: 0 }}>校验结果（{findings.length}）</h2>
              {findings.length === 0 ? (
                <p className="alert alert-ok">校验通过：表内、表间的勾稽关系全部相符，科目均在本年度科目表中。</p>
              ) : (
                <ul className="findings" data-testid="import-findings">
                  {findings.map((f, i) => (
                    <li key={i} className={`${f.severity} ${current === i ? styles.current : ''}`} data-rule={f.rule}>
                      <button type="button" className={styles.finding} onClick={() => go(f, i)} aria-label={`${SEVERITY[f.severity]}：${f.sheet ?? ''}${f.cell ? ` ${f.cell}` : ''}，${f.message}。定位到单元格`}>
                        <span className={`badge badge-${f.severity}`}>{SEVERITY[f.severity]}</span>
                        <span className={styles.where}>{f.sheet ? `${f.sheet}!${f.cell ?? ''}` : '工作簿'}</span>
                        <span>{f.message}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </aside>
          </div>
        </>
      )}
      {phase === 'idle' && !result && !error && (
        <p className="muted">
          也可以把文件拖到上面的框中。导入后可在 <Link href="/workspace">工作台</Link> 打开该年度预算查看报表。
        </p>
      )}
    </div>
  )
}
