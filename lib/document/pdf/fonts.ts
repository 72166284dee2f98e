import fs from 'node:fs'
import path from 'node:path'
import type PDFKit from 'pdfkit'

export const FONT_REGULAR = 'NotoSansSC'
export const FONT_BOLD = 'NotoSansSC-Bold'

/**
 * Noto Sans SC from the @expo-google-fonts/noto-sans-sc package (real TrueType files), embedded
 * and subset into every PDF: the document needs no font on the reader's or the server's machine.
 */
const FILES = {
  [FONT_REGULAR]: 'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  [FONT_BOLD]: 'node_modules/@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const

let cache: Record<string, Buffer> | undefined

export function fontBuffers(root = process.cwd()): Record<string, Buffer> {
  if (cache) return cache
  const out: Record<string, Buffer> = {}
  for (const [name, rel] of Object.entries(FILES)) {
    const file = path.join(root, rel)
    if (!fs.existsSync(file)) throw new Error(`缺少中文字体文件 ${rel}：请运行 npm install`)
    out[name] = fs.readFileSync(file)
  }
  cache = out
  return out
}

export function registerFonts(doc: PDFKit.PDFDocument): void {
  for (const [name, buf] of Object.entries(fontBuffers())) doc.registerFont(name, buf)
  doc.font(FONT_REGULAR)
}
