/**
 * A file that cannot be read as a workbook at all. Nothing of it is used; the message says, in
 * Chinese, what is wrong and what to do. (Problems inside a readable workbook are findings instead.)
 */
export type ExchangeErrorCode = 'TOO_LARGE' | 'NOT_XLSX' | 'CORRUPT' | 'ENCRYPTED' | 'ZIP_BOMB' | 'OLD_XLS'

export class ExchangeError extends Error {
  constructor(
    readonly code: ExchangeErrorCode,
    message: string,
  ) {
    super(message)
  }
}

export const MAX_FILE_BYTES = 20 * 1024 * 1024
/**
 * Uncompressed size of all parts together, checked before any XML is parsed: four times the largest real
 * budget workbook (≈ 0.1–5 MB). XML parses into roughly 25× its size in memory, so this bounds one
 * import's memory; the import slot (server/import-slot.ts) lets only one parse run at a time.
 */
export const MAX_UNCOMPRESSED_BYTES = 20 * 1024 * 1024
export const MAX_ZIP_ENTRIES = 2000
export const MAX_SHEET_ROWS = 20_000
export const MAX_SHEET_COLUMNS = 200

export const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`
