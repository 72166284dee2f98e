/**
 * Tables by meaning from any grid of cells — the reader's pure core, with no spreadsheet library.
 *
 * Interface
 *   recogniseTables(grids, options) → ParsedWorkbook
 *     grids:   GridInput[] — one per sheet or page: { name, cells, merges? }
 *              cells:  rows of cell values as printed (string | number | null), top to bottom;
 *              merges: merged ranges, 0-based inclusive ({ top, left, bottom, right }); each range's
 *                      top-left value then stands in every cell it covers (as a printed header shows it).
 *     options: { candidates: Template[]; year?: number; vocabulary?: Record<concept, string[]> }
 *              candidates: the templates the tables may follow (the best-matching one is taken);
 *              vocabulary: header words for this reading, added to the template family's.
 *   The result (lib/exchange/parse-workbook.ts):
 *     template, meta { department { code, name }, year, unit }, tables: ParsedTable[] where each is
 *       table    the fixture format (codes joined, amounts as printed in `amountUnit`, 万元 when absent;
 *                `codeParts`: the printed 类/款/项 headers when the code was split),
 *       loc      sheet, title cell and the A1 address of every row and column read,
 *       reading  every printed header column → the concept it was read as (null: not understood),
 *       unreadable  true when the table's columns were not understood (then one structural finding
 *                "无法识别「X」表的列：…" and no arithmetic);
 *     findings  problems of reading, located (sheet + A1 cell).
 *   validateRecognised(parsed, catalogue) → the kernel's findings on what was read (lib/exchange/report.ts).
 *
 * What it understands: titles with or without a year, 部门/单位 prefix or numbering ("3.16", "表2");
 * one to three header rows, merged or repeated at page breaks; 序号 and 栏次 present or absent;
 * codes in one column, code and name in one cell, split over 类/款/项 columns, or printed with only
 * their own two digits; 合计 first, last or absent; spacer rows; short rows; 元 or 万元 per sheet.
 */
import type { Catalogue } from '../budget/catalogue'
import type { MergedRange, RawWorkbook } from './grid'
import { sheetFromGrid } from './grid'
import type { ParsedWorkbook, ParseOptions } from './parse-workbook'
import { parseWorkbook } from './parse-workbook'
import { validateParsed } from './report'

export type GridInput = { name: string; cells: (string | number | null | undefined)[][]; merges?: MergedRange[] }

export function gridWorkbook(grids: GridInput[]): RawWorkbook {
  return { sheets: grids.map((g) => sheetFromGrid(g.name, g.cells, g.merges)) }
}

export function recogniseTables(grids: GridInput[], options: ParseOptions): ParsedWorkbook {
  return parseWorkbook(gridWorkbook(grids), options)
}

export function validateRecognised(parsed: ParsedWorkbook, catalogue: Catalogue | undefined) {
  return validateParsed(parsed, catalogue)
}
