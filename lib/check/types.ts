/**
 * The checker's model of a published disclosure (docs/decisions/019-checker-documents.md): lines in
 * reading order, each on its page, a table row carrying its cells. Readers (text, PDF, DOCX) produce
 * it; the table recogniser, the notes reader and the rules only read it.
 */
export type DocLine = {
  /** 1-based page; null when the source has no pages (a DOCX without page breaks). */
  page: number | null
  text: string
  /** The row's cells when the source shows them (tab-separated text, a DOCX table, a PDF table row aligned to its columns). */
  cells: string[] | null
}

/**
 * Where the pages come from: the PDF's own pages, a DOCX laid out by LibreOffice, a DOCX's explicit page
 * breaks, a text's form feeds, or none (a document without pages).
 */
export type Pagination = 'pdf' | 'libreoffice' | 'page-breaks' | 'form-feeds' | 'none'
export const PAGINATION_LABELS: Record<Pagination, string> = {
  pdf: 'PDF 原有页码',
  libreoffice: '按 LibreOffice 排版估计的页码',
  'page-breaks': '按文档中的分页符计算的页码',
  'form-feeds': '按文本中的分页符计算的页码',
  none: '文档没有页码',
}

export type CheckDocument = { name: string; kind: 'pdf' | 'docx' | 'text'; lines: DocLine[]; pageCount: number | null; pagination?: Pagination }

export type CheckSeverity = 'error' | 'warning' | 'rounding' | 'info'

/** One finding, in the CLI's --json shape (issue 13). */
export type CheckFinding = {
  rule: string
  severity: CheckSeverity
  page: number | null
  section: string | null
  quote: string | null
  table: string | null
  row: string | null
  column: string | null
  expected: number | string | null
  actual: number | string | null
  message: string
}

export type CoverageStatus = 'passed' | 'failed' | 'not_run'
export type CoverageEntry = { rule: string; status: CoverageStatus; reason: string | null }

export type CheckSummary = {
  document: string
  year: number | null
  department: string | null
  template: string | null
  tablesFound: string[]
  tablesMissing: string[]
  sections: string[]
  /** Where the findings' page numbers come from. */
  pagination: Pagination
  error: number
  warning: number
  rounding: number
  info: number
  rulesRun: number
  rulesNotRun: number
}

export type CheckReport = { findings: CheckFinding[]; coverage: CoverageEntry[]; summary: CheckSummary }

export const SEVERITY_LABELS: Record<CheckSeverity, string> = { error: '错误', warning: '提示', rounding: '尾差', info: '信息' }

export function finding(rule: string, severity: CheckSeverity, message: string, at: Partial<Omit<CheckFinding, 'rule' | 'severity' | 'message'>> = {}): CheckFinding {
  return { rule, severity, page: null, section: null, quote: null, table: null, row: null, column: null, expected: null, actual: null, ...at, message }
}
