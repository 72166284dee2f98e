'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { defineFormAction, type FormState } from '@/lib/server/action'
import { text } from '@/lib/server/request'
import { importCatalogue, MAX_CATALOGUE_BYTES } from './server/import-catalogue'

export type CatalogueImportState = FormState

const ZCatalogueImport = z.object({
  file: z
    .instanceof(File, { message: '请选择科目文件（CSV 或 XLSX）' })
    .refine((f) => f.size > 0, '请选择科目文件（CSV 或 XLSX）')
    .refine((f) => f.size <= MAX_CATALOGUE_BYTES, '科目文件超过 5 MB'),
  year: z.string({ error: '请选择预算年度' }).regex(/^\d{4}$/, '预算年度应为四位数字').transform(Number),
  kind: z.enum(['function', 'economic'], { message: '请选择科目类别' }),
})

export const importCatalogueAction = defineFormAction(ZCatalogueImport, async ({ file, year, kind }, actor) => {
  const { count } = await importCatalogue(actor, { year, kind, fileName: text(file.name, '文件名', { max: 255 }), content: Buffer.from(await file.arrayBuffer()) })
  revalidatePath('/admin/catalogue')
  return { message: `已导入 ${year} 年${kind === 'function' ? '支出功能分类' : '部门预算支出经济分类'}科目 ${count} 条` }
})
