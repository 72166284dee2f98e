import fs from 'node:fs'
import path from 'node:path'
import type PDFKit from 'pdfkit'

export const FONT_REGULAR = 'NotoSansSC'
export const FONT_BOLD = 'NotoSansSC-Bold'

/**
 * Noto Sans SC from the @expo-google-fonts/noto-sans-sc package (real TrueType files), embedded
 * and subset into every PDF: the document needs no font on the reader's or the server's machine.
 * The paths are written out in full so that the build traces exactly these two files.
 */
let cache: Record<string, Buffer> | undefined

export function fontBuffers(): Record<string, Buffer> {
  if (cache) return cache
  try {
    cache = {
      [FONT_REGULAR]: fs.readFileSync(path.join(process.cwd(), 'node_modules', '@expo-google-fonts', 'noto-sans-sc', '400Regular', 'NotoSansSC_400Regular.ttf')),
      [FONT_BOLD]: fs.readFileSync(path.join(process.cwd(), 'node_modules', '@expo-google-fonts', 'noto-sans-sc', '700Bold', 'NotoSansSC_700Bold.ttf')),
    }
  } catch {
    throw new Error('缺少中文字体文件（@expo-google-fonts/noto-sans-sc）：请运行 npm install')
  }
  return cache
}

export function registerFonts(doc: PDFKit.PDFDocument): void {
  for (const [name, buf] of Object.entries(fontBuffers())) doc.registerFont(name, buf)
  doc.font(FONT_REGULAR)
}
