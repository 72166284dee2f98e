/**
 * The app's HTTP API, described once (OpenAPI 3.1) and served at GET /api/openapi.json.
 * tests/unit/exchange-openapi.test.ts checks that every route handler under app/api is described here.
 */
const error = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', enum: ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'VALIDATION', 'CONFLICT', 'LOCKED', 'BAD_REQUEST', 'TOO_LARGE', 'RATE_LIMITED', 'BUSY', 'INTERNAL'] },
        message: { type: 'string', description: '中文说明，指出问题所在' },
        file: { type: 'string', description: '无法读取的文件的原因：NOT_XLSX、CORRUPT、ENCRYPTED、OLD_XLS、ZIP_BOMB、TOO_LARGE' },
      },
    },
  },
}
const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } })
const codeYear = [
  { name: 'code', in: 'path', required: true, description: '部门编码或其所属单位的编码，如 447', schema: { type: 'string' } },
  { name: 'year', in: 'path', required: true, description: '预算年度，四位数字', schema: { type: 'string', pattern: '^\\d{4}$' } },
]

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: '预算公开 API',
    version: '1.0.0',
    description:
      '部门预算信息公开：九张表的读取、导入与导出，公开目录的搜索与开放数据。金额单位为万元（两位小数，与公开表一致）。已公开的预算对所有人可读；草稿等仅对有权查看的登录用户（会话 Cookie，经 /api/auth 登录）可读。',
  },
  servers: [{ url: '/' }],
  components: {
    securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'next-auth.session-token', description: 'next-auth 会话（生产环境为 __Secure-next-auth.session-token）' } },
    schemas: {
      Error: error,
      FixtureTable: {
        type: 'object',
        required: ['key', 'title', 'columns', 'rows'],
        properties: {
          key: { type: 'string', enum: ['income_expenditure_summary', 'income_summary', 'expenditure_summary', 'fiscal_income_expenditure_summary', 'general_budget_expenditure', 'general_budget_basic_expenditure', 'gov_fund_expenditure', 'state_capital_expenditure', 'three_public_expenses', 'procurement', 'fixed_assets', 'expenditure_by_unit'] },
          title: { type: 'string' },
          columns: { type: 'array', items: { type: 'string' }, description: '表头，多级表头以 “/” 连接；不含序号列与栏次行。表按模板印制的方向给出：横向印制的“三公”经费表（河南、上海）每行为一个资金列（如“预算数”），各项目为列' },
          rows: { type: 'array', items: { type: 'array', items: { type: ['string', 'number', 'null'] } }, description: '金额为万元数字（如 2350.5），编码为字符串，空单元格为 null' },
          note: { type: 'string' },
        },
      },
      Finding: {
        type: 'object',
        required: ['rule', 'severity', 'table', 'sheet', 'cell', 'rowLabel', 'column', 'expected', 'actual', 'message'],
        properties: {
          rule: { type: 'string', description: '规则编号，如 tree.parent、summary.balance、code.unknown、exchange.not_amount' },
          severity: { type: 'string', enum: ['error', 'warning', 'rounding'], description: 'error 错误；warning 提示；rounding 尾差（各单元格分别四舍五入所致）' },
          table: { type: ['string', 'null'], description: '表的 key' },
          sheet: { type: ['string', 'null'], description: '工作表名' },
          cell: { type: ['string', 'null'], description: 'A1 形式的单元格地址' },
          rowLabel: { type: ['string', 'null'] },
          column: { type: ['string', 'null'] },
          expected: { type: ['number', 'null'], description: '应为（万元）' },
          actual: { type: ['number', 'null'], description: '实为（万元）' },
          message: { type: 'string', description: '中文说明' },
        },
      },
      ValidationReport: {
        type: 'object',
        required: ['findings', 'summary'],
        properties: {
          findings: { type: 'array', items: { $ref: '#/components/schemas/Finding' } },
          summary: { type: 'object', required: ['error', 'warning', 'rounding'], properties: { error: { type: 'integer' }, warning: { type: 'integer' }, rounding: { type: 'integer' } } },
        },
      },
      ImportResult: {
        type: 'object',
        required: ['report', 'preview', 'target', 'imported'],
        properties: {
          report: { $ref: '#/components/schemas/ValidationReport' },
          preview: {
            type: 'object',
            description: '读出的各表及每个单元格在工作簿中的位置',
            properties: {
              fileName: { type: 'string' },
              department: { type: 'object', properties: { code: { type: ['string', 'null'] }, name: { type: ['string', 'null'] } } },
              year: { type: ['integer', 'null'] },
              unit: { type: 'string', enum: ['万元', '元'] },
              template: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } },
              tables: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    table: { $ref: '#/components/schemas/FixtureTable' },
                    loc: { type: 'object', properties: { sheet: { type: 'string' }, titleCell: { type: 'string' }, rows: { type: 'array', items: { type: 'integer' } }, cols: { type: 'array', items: { type: 'string' } }, noteCell: { type: 'string' } } },
                  },
                },
              },
              sheets: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, tables: { type: 'array', items: { type: 'string' } } } } },
            },
          },
          target: {
            type: 'object',
            properties: {
              department: { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' } } },
              year: { type: 'integer' },
              existing: { type: ['object', 'null'], properties: { id: { type: 'string' }, status: { type: 'string' }, source: { type: 'string' }, revision: { type: 'integer' } } },
              canImport: { type: 'boolean' },
              reason: { type: ['string', 'null'] },
            },
          },
          imported: { type: ['object', 'null'], properties: { disclosureId: { type: 'string' }, version: { type: 'integer' }, url: { type: 'string' } } },
        },
      },
    },
  },
  paths: {
    '/api/disclosures/{code}/{year}/tables': {
      get: {
        summary: '九张表（及政府采购、固定资产表）',
        description: '公开格式的报表（与 ../shared/fixtures 的 JSON 格式相同）。已公开的预算任何人可读；草稿仅对有权查看的用户可读，否则 404。',
        parameters: codeYear,
        security: [{}, { session: [] }],
        responses: {
          '200': { description: '报表', content: { 'application/json': { schema: { type: 'object', required: ['tables'], properties: { tables: { type: 'array', items: { $ref: '#/components/schemas/FixtureTable' } } } } } } },
          '400': errorResponse('年度格式不正确'),
          '404': errorResponse('不存在或无权查看'),
        },
      },
    },
    '/api/disclosures/{code}/{year}/export': {
      get: {
        summary: '导出报表：XLSX（官方表样）、CSV 或 JSON',
        description: 'XLSX：每表一个工作表，标题、部门/年度/单位行、合并的多级表头、栏次、序号、两位小数、边框、A4 横向打印并重复表头。CSV：UTF-8（带 BOM），默认为每表一个文件的 zip，指定 table 时为单个表。JSON：fixture 格式。以 = + - @ 开头的文本前加撇号，打开时不会作为公式执行。权限同 …/tables。',
        parameters: [
          ...codeYear,
          { name: 'format', in: 'query', required: false, schema: { type: 'string', enum: ['xlsx', 'csv', 'json'], default: 'xlsx' } },
          { name: 'table', in: 'query', required: false, description: '仅 CSV：只导出这张表（表的 key）', schema: { type: 'string' } },
        ],
        security: [{}, { session: [] }],
        responses: {
          '200': {
            description: '文件（Content-Disposition: attachment）',
            content: {
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
              'application/zip': { schema: { type: 'string', format: 'binary' } },
              'text/csv': { schema: { type: 'string' } },
              'application/json': { schema: { type: 'object', properties: { source: { type: 'string' }, department: { type: 'object' }, year: { type: 'integer' }, amountUnit: { type: 'string' }, tables: { type: 'array', items: { $ref: '#/components/schemas/FixtureTable' } } } } },
            },
          },
          '400': errorResponse('年度或格式不正确'),
          '404': errorResponse('不存在或无权查看'),
        },
      },
    },
    '/api/disclosures/{code}/{year}/document': {
      get: {
        summary: '完整的预算公开文档：PDF、Word 或网页',
        description: '封面、目录、九张表与情况说明。权限同 …/tables：已公开的任何人可读，草稿仅对有权查看的用户可读（否则 404）。',
        parameters: [
          ...codeYear,
          { name: 'format', in: 'query', required: false, schema: { type: 'string', enum: ['pdf', 'docx', 'html'], default: 'pdf' } },
          { name: 'revision', in: 'query', required: false, description: '版本号（更正后的历史版本）', schema: { type: 'integer' } },
          { name: 'inline', in: 'query', required: false, description: 'PDF 在浏览器中打开而非下载', schema: { type: 'string' } },
          { name: 'download', in: 'query', required: false, description: '网页以附件下载', schema: { type: 'string' } },
        ],
        security: [{}, { session: [] }],
        responses: {
          '200': {
            description: '文档',
            content: {
              'application/pdf': { schema: { type: 'string', format: 'binary' } },
              'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: { type: 'string', format: 'binary' } },
              'text/html': { schema: { type: 'string' } },
            },
          },
          '400': errorResponse('年度、格式或版本号不正确'),
          '404': errorResponse('不存在或无权查看'),
        },
      },
    },
    '/api/catalogue': {
      post: {
        summary: '导入一个年度的支出功能分类或部门预算支出经济分类科目（CSV 或 XLSX，不超过 5 MB，全部成功或全部不导入）：系统管理员',
        security: [{ session: [] }],
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                required: ['file', 'year', 'kind'],
                properties: { file: { type: 'string', format: 'binary' }, year: { type: 'string', pattern: '^\\d{4}$' }, kind: { type: 'string', enum: ['function', 'economic'] } },
              },
            },
          },
        },
        responses: { '200': { description: '导入的科目条数' }, '400': errorResponse('年度、类别或文件内容不正确（指明行和列）'), '401': errorResponse('未登录'), '403': errorResponse('无科目管理权限或跨站请求'), '413': errorResponse('文件超过 5 MB') },
      },
    },
    '/api/imports': {
      post: {
        summary: '上传预算管理一体化系统导出的工作簿：校验、预览、导入',
        description:
          '按标题和表头识别各表（不依赖位置），读取“单位：万元/元”，以与录入数据相同的校验内核校验，每条问题定位到工作表和单元格。不带 confirm 时只校验和预览，不写入任何数据。confirm=true 时在一个事务中替换该部门该年度预算的数据；报表有错误时须同时 acceptErrors=true（用户已确认）才导入，否则 422 且不写入。只有本部门会计可导入，且预算须为草稿或已退回状态。',
        security: [{ session: [] }],
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                required: ['file'],
                properties: {
                  file: { type: 'string', format: 'binary', description: '.xlsx，不超过 20 MB' },
                  year: { type: 'string', description: '预算年度（默认读自工作簿）' },
                  confirm: { type: 'string', enum: ['true', 'false'] },
                  acceptErrors: { type: 'string', enum: ['true', 'false'] },
                },
              },
            },
          },
        },
        responses: {
          '200': { description: '校验报告与预览（未导入）', content: { 'application/json': { schema: { $ref: '#/components/schemas/ImportResult' } } } },
          '201': { description: '已导入', content: { 'application/json': { schema: { $ref: '#/components/schemas/ImportResult' } } } },
          '400': errorResponse('请求格式不正确（不是 multipart，或缺少 file）'),
          '401': errorResponse('未登录'),
          '403': errorResponse('无导入权限'),
          '409': errorResponse('导入期间数据已被他人修改'),
          '413': errorResponse('文件超过 20 MB，或解压后过大（疑似压缩炸弹），或工作表行列过多'),
          '422': errorResponse('无法读取的文件（不是 .xlsx、已损坏、加密、旧版 .xls），或有错误而未确认（此时响应同时包含 report 与 preview）'),
          '423': errorResponse('预算已提交、已审核或已公开，不能导入覆盖'),
        },
      },
    },
    '/api/review/inspect': {
      post: {
        summary: '公开文件检查（财政局审核人员、管理员）：上传一个或多个已公开的预算公开文件（有文字层的 PDF、Word .docx 或文本），返回每份文件的检查报告（findings、coverage、summary）与各页文字',
        requestBody: { required: true, content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'array', items: { type: 'string', format: 'binary' } } }, required: ['file'] } } } },
        responses: {
          '200': { description: '{"documents": [...]}（检查结果不保存；PDF 与 Word 文件的页面保留 6 小时供上传者查看页面图像）', content: { 'application/json': { schema: { type: 'object' } } } },
          '400': errorResponse('不是 multipart、文件过多'),
          '401': errorResponse('未登录'),
          '403': errorResponse('无检查权限'),
          '413': errorResponse('文件过大'),
        },
      },
    },
    '/api/review/inspect/page': {
      get: {
        summary: '检查过的文件的一页（PNG 图像，80 dpi）：仅上传该文件的审核人员可读取，检查后保留 6 小时（Word 文件为 LibreOffice 排版后的页面）',
        parameters: [
          { name: 'doc', in: 'query', required: true, schema: { type: 'string', format: 'uuid' } },
          { name: 'page', in: 'query', required: true, schema: { type: 'integer', minimum: 1 } },
        ],
        responses: { '200': { description: '页面图像', content: { 'image/png': {} } }, '400': errorResponse('页码不正确'), '401': errorResponse('未登录'), '403': errorResponse('无检查权限'), '404': errorResponse('文件不存在、已过期或不是本人上传的') },
      },
    },
    '/api/review/inspect/summary': {
      post: {
        summary: '地区检查汇总（按部门：找到的表、错误、警告、未检查）下载为 XLSX 或 PDF',
        parameters: [{ name: 'format', in: 'query', required: false, schema: { type: 'string', enum: ['xlsx', 'pdf'], default: 'xlsx' } }],
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } },
        responses: { '200': { description: '汇总文件' }, '400': errorResponse('汇总数据或格式不正确'), '401': errorResponse('未登录'), '403': errorResponse('无检查权限') },
      },
    },
    '/api/search': {
      get: {
        summary: '公开目录全文检索（部门与地区名称、科目编码和名称、项目、政府采购品目、情况说明；同义词如 三公经费 ~ “三公”经费），每条命中附页面锚点（anchor）',
        parameters: [
          { name: 'q', in: 'query', required: true, schema: { type: 'string', maxLength: 100 } },
          { name: 'limit', in: 'query', required: false, schema: { type: 'integer', default: 20 } },
          { name: 'offset', in: 'query', required: false, schema: { type: 'integer', default: 0 } },
        ],
        responses: { '200': { description: '检索结果（仅已公开的预算）。total 为命中数；capped 为真时只统计了前 5000 处匹配（至少 total 个）；window 不为空时检索词出现在大多数已公开预算中，只在最近公开的 window 份中排序（请缩小范围）', content: { 'application/json': { schema: { type: 'object' } } } }, '400': errorResponse('缺少或过长的检索词') },
      },
    },
    '/api/open-data/disclosures/{code}/{year}/{file}': {
      get: {
        summary: '一个已公开预算的开放数据包（Fiscal Data Package）',
        parameters: [...codeYear, { name: 'file', in: 'path', required: true, schema: { type: 'string', enum: ['datapackage.json', 'expenditure.csv', 'revenue.csv', 'tables.csv'] } }],
        responses: { '200': { description: '数据包描述或 CSV 资源' }, '404': errorResponse('不存在或未公开') },
      },
    },
    '/api/open-data/regions/{region}/{year}/{file}': {
      get: {
        summary: '一个地区一个年度全部已公开部门的开放数据包',
        parameters: [
          { name: 'region', in: 'path', required: true, description: '地区代码，如 130800', schema: { type: 'string' } },
          { name: 'year', in: 'path', required: true, schema: { type: 'string', pattern: '^\\d{4}$' } },
          { name: 'file', in: 'path', required: true, schema: { type: 'string', enum: ['datapackage.json', 'expenditure.csv', 'revenue.csv', 'tables.csv'] } },
        ],
        responses: { '200': { description: '数据包描述或 CSV 资源' }, '404': errorResponse('不存在') },
      },
    },
    '/api/auth/{nextauth}': {
      get: { summary: 'next-auth：会话、CSRF 令牌、登出页等', parameters: [{ name: 'nextauth', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': { description: 'next-auth 响应' } } },
      post: { summary: 'next-auth：用户名密码登录（callback/credentials）、登出', parameters: [{ name: 'nextauth', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': { description: 'next-auth 响应' }, '302': { description: '重定向' } } },
    },
    '/api/me': {
      get: {
        summary: '当前登录用户（站点页头用）：本人姓名与角色；未登录为 null',
        responses: { '200': { description: '{"user": {"name", "role", "roleLabel"} | null}，不缓存', content: { 'application/json': { schema: { type: 'object' } } } } },
      },
    },
    '/api/openapi.json': {
      get: { summary: '本 API 文档（OpenAPI 3.1）', responses: { '200': { description: 'OpenAPI 文档', content: { 'application/json': { schema: { type: 'object' } } } } } },
    },
  },
} as const
