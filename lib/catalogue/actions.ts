'use server'

import { revalidatePath } from 'next/cache'
import { getActor } from '@/lib/server/auth'
import { AppError } from '@/lib/server/errors'
import { importCatalogue, MAX_CATALOGUE_BYTES } from './server/import-catalogue'

export type CatalogueImportState = { ok: boolean; message: string } | null

export async function importCatalogueAction(_prev: CatalogueImportState, form: FormData): Promise<CatalogueImportState> {
  const file = form.get('file')
  const year = Number(form.get('year'))
  const kind = form.get('kind')
  if (!(file instanceof File) || file.size === 0) return { ok: false, message: '请选择科目文件（CSV 或 XLSX）' }
  if (file.size > MAX_CATALOGUE_BYTES) return { ok: false, message: '科目文件超过 5 MB' }
  if (kind !== 'function' && kind !== 'economic') return { ok: false, message: '请选择科目类别' }
  try {
    const { count } = await importCatalogue(await getActor(), { year, kind, fileName: file.name, content: Buffer.from(await file.arrayBuffer()) })
    revalidatePath('/admin/catalogue')
    return { ok: true, message: `已导入 ${year} 年${kind === 'function' ? '支出功能分类' : '部门预算支出经济分类'}科目 ${count} 条` }
  } catch (e) {
    if (e instanceof AppError) return { ok: false, message: e.message }
    console.error('[catalogue import]', e)
    return { ok: false, message: '导入失败：服务器内部错误' }
  }
}
