import zlib from 'node:zlib'
import { ExchangeError, MAX_UNCOMPRESSED_BYTES, MAX_ZIP_ENTRIES, mb } from './errors'

/**
 * The zip container of an .xlsx, checked before any XML parser sees it. The central directory gives
 * each part's sizes, but those can lie, so every part is also inflated here with a hard output cap:
 * a zip bomb stops at the cap instead of filling memory, and a truncated or corrupt file is found
 * before exceljs would fail somewhere inside.
 */
export type ZipEntry = { name: string; method: number; flags: number; compressedSize: number; size: number; offset: number }

const EOCD = 0x06054b50
const CDH = 0x02014b50
const LFH = 0x04034b50

export function listZipEntries(buf: Buffer): ZipEntry[] {
  const min = Math.max(0, buf.length - 65_557)
  let eocd = -1
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw new ExchangeError('CORRUPT', '文件不完整或已损坏（找不到压缩包目录，可能下载或复制未完成）。请重新导出或重新下载工作簿后再导入。')
  const count = buf.readUInt16LE(eocd + 10)
  const cdSize = buf.readUInt32LE(eocd + 12)
  const cdOffset = buf.readUInt32LE(eocd + 16)
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ExchangeError('TOO_LARGE', '工作簿使用了 ZIP64 格式（超过 4 GB 或 65535 个部件），远超导入上限。')
  if (count > MAX_ZIP_ENTRIES) throw new ExchangeError('ZIP_BOMB', `工作簿包含 ${count} 个部件，超过上限 ${MAX_ZIP_ENTRIES}，已拒绝。`)
  if (cdOffset + cdSize > eocd) throw new ExchangeError('CORRUPT', '文件不完整或已损坏（压缩包目录越界）。')
  const entries: ZipEntry[] = []
  let p = cdOffset
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CDH) throw new ExchangeError('CORRUPT', '文件已损坏（压缩包目录记录无效）。')
    const flags = buf.readUInt16LE(p + 8)
    const method = buf.readUInt16LE(p + 10)
    const compressedSize = buf.readUInt32LE(p + 20)
    const size = buf.readUInt32LE(p + 24)
    const nameLen = buf.readUInt16LE(p + 28)
    const extraLen = buf.readUInt16LE(p + 30)
    const commentLen = buf.readUInt16LE(p + 32)
    const offset = buf.readUInt32LE(p + 42)
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen)
    entries.push({ name, method, flags, compressedSize, size, offset })
    p += 46 + nameLen + extraLen + commentLen
  }
  return entries
}

/** Inflates one entry, never producing more than `cap` bytes. */
function inflateEntry(buf: Buffer, e: ZipEntry, cap: number): Buffer {
  if (e.offset + 30 > buf.length || buf.readUInt32LE(e.offset) !== LFH) throw new ExchangeError('CORRUPT', `文件已损坏（部件 ${e.name} 的位置无效）。`)
  const start = e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28)
  const end = start + e.compressedSize
  if (end > buf.length) throw new ExchangeError('CORRUPT', `文件不完整或已损坏（部件 ${e.name} 被截断）。`)
  const data = buf.subarray(start, end)
  if (e.method === 0) return data
  if (e.method !== 8) throw new ExchangeError('CORRUPT', `工作簿部件 ${e.name} 使用了不支持的压缩方式（${e.method}）。`)
  try {
    return zlib.inflateRawSync(data, { maxOutputLength: cap + 1 })
  } catch (err) {
    const code = (err as { code?: string }).code
    if (code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) throw bomb(cap)
    throw new ExchangeError('CORRUPT', `文件已损坏（部件 ${e.name} 无法解压）。请重新导出工作簿后再导入。`)
  }
}

const bomb = (total: number) => new ExchangeError('ZIP_BOMB', `工作簿解压后超过 ${mb(total)}（上限 ${mb(MAX_UNCOMPRESSED_BYTES)}），疑似压缩炸弹或超大工作表，已拒绝。`)

/** Checks an .xlsx container and returns its entries with their real uncompressed sizes. */
export function checkXlsxContainer(buf: Buffer): Map<string, number> {
  const entries = listZipEntries(buf)
  if (entries.some((e) => e.flags & 0x1)) throw new ExchangeError('ENCRYPTED', '工作簿的部件已加密（设置了密码），无法读取。请取消密码后另存为 .xlsx 再导入。')
  const names = new Set(entries.map((e) => e.name))
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) {
    throw new ExchangeError('NOT_XLSX', names.has('word/document.xml') ? '这是 Word 文档，不是 Excel 工作簿（.xlsx）。' : '压缩包中没有 Excel 工作簿的内容（缺少 xl/workbook.xml），不是 .xlsx 文件。')
  }
  const declared = entries.reduce((s, e) => s + e.size, 0)
  if (declared > MAX_UNCOMPRESSED_BYTES) throw bomb(declared)
  const sizes = new Map<string, number>()
  let total = 0
  for (const e of entries) {
    if (e.name.endsWith('/')) continue
    const out = inflateEntry(buf, e, MAX_UNCOMPRESSED_BYTES - total)
    total += out.length
    if (total > MAX_UNCOMPRESSED_BYTES) throw bomb(total)
    sizes.set(e.name, out.length)
  }
  return sizes
}

// ---------------------------------------------------------------- writing

const CRC_TABLE = (() => {
  const t = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    t[n] = c >>> 0
  }
  return t
})()

function crc32(b: Buffer): number {
  let c = 0xffffffff
  for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]!) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

/** A plain deflated zip (UTF-8 names), for a bundle of CSV files. */
export function writeZip(files: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const f of files) {
    const name = Buffer.from(f.name, 'utf8')
    const body = zlib.deflateRawSync(f.data)
    const crc = crc32(f.data)
    const lh = Buffer.alloc(30)
    lh.writeUInt32LE(LFH, 0)
    lh.writeUInt16LE(20, 4)
    lh.writeUInt16LE(0x0800, 6) // names in UTF-8
    lh.writeUInt16LE(8, 8)
    lh.writeUInt32LE(crc, 14)
    lh.writeUInt32LE(body.length, 18)
    lh.writeUInt32LE(f.data.length, 22)
    lh.writeUInt16LE(name.length, 26)
    const ch = Buffer.alloc(46)
    ch.writeUInt32LE(CDH, 0)
    ch.writeUInt16LE(20, 4)
    ch.writeUInt16LE(20, 6)
    ch.writeUInt16LE(0x0800, 8)
    ch.writeUInt16LE(8, 10)
    ch.writeUInt32LE(crc, 16)
    ch.writeUInt32LE(body.length, 20)
    ch.writeUInt32LE(f.data.length, 24)
    ch.writeUInt16LE(name.length, 28)
    ch.writeUInt32LE(offset, 42)
    locals.push(lh, name, body)
    centrals.push(ch, name)
    offset += lh.length + name.length + body.length
  }
  const cd = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(EOCD, 0)
  end.writeUInt16LE(files.length, 8)
  end.writeUInt16LE(files.length, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cd, end])
}
