import { shippedTemplate, shippedTemplateIds } from '../lib/templates/files'
import { checkDocument } from '../lib/check/check'
import { CheckFileError, readCheckFile } from '../lib/check/server/read-file-node'
import { PAGINATION_LABELS, SEVERITY_LABELS } from '../lib/check/types'

/** `npm run budget -- check <file>`: no database; the shipped templates decide how tables are recognised. */
export async function runCheck(file: string | undefined, json: boolean, year: number | undefined, readFile: (p: string | undefined) => { file: Buffer; name: string }, FileProblem: new (m: string) => Error): Promise<number> {
  let input
  try {
    input = readFile(file)
  } catch (e) {
    if (e instanceof FileProblem) {
      console.error(`无法读取：${e.message}`)
      return 2
    }
    throw e
  }
  let doc
  try {
    doc = await readCheckFile(input.name, input.file)
  } catch (e) {
    if (e instanceof CheckFileError) {
      console.error(`无法读取：${e.message}`)
      return 2
    }
    throw e
  }
  const report = checkDocument(doc, shippedTemplateIds().map(shippedTemplate), year ? { year } : {})
  if (json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
  else {
    for (const f of report.findings) {
      const where = [f.page ? `第${f.page}页` : null, f.section, f.table, f.row ? `「${f.row}」行` : null, f.column ? `「${f.column}」列` : null].filter(Boolean).join(' ')
      console.log(`[${SEVERITY_LABELS[f.severity]}] ${where || '文档'}  ${f.message}${f.quote ? `\n        “${f.quote}”` : ''}  （${f.rule}）`)
    }
    const notRun = report.coverage.filter((c) => c.status === 'not_run')
    if (notRun.length) {
      console.log('\n未能执行的检查：')
      for (const c of notRun) console.log(`  ${c.rule}：${c.reason}`)
    }
    const s = report.summary
    console.log(`\n${s.document}：识别报表 ${s.tablesFound.length} 张，错误 ${s.error} 个，提示 ${s.warning} 个，尾差 ${s.rounding} 个，信息 ${s.info} 个；执行检查 ${s.rulesRun} 项，未能执行 ${s.rulesNotRun} 项；页码：${PAGINATION_LABELS[s.pagination]}`)
  }
  return report.summary.error > 0 ? 1 : 0
}
