import fs from 'node:fs'
import path from 'node:path'
import type { Catalogue } from '../budget/catalogue'
import { catalogueFromEntries } from '../budget/catalogue'
import type { CatalogueRow } from '../budget/catalogue-csv'
import { parseCatalogueCsv, rowsForYear } from '../budget/catalogue-csv'

const DATA_DIR = path.resolve(import.meta.dirname, '../../prisma/data/catalogue')

let rows: CatalogueRow[] | undefined

/** The starter catalogue shipped in prisma/data/catalogue (all years). */
export function starterCatalogueRows(): CatalogueRow[] {
  rows ??= [
    ...parseCatalogueCsv(fs.readFileSync(path.join(DATA_DIR, 'function.csv'), 'utf8'), 'function'),
    ...parseCatalogueCsv(fs.readFileSync(path.join(DATA_DIR, 'economic.csv'), 'utf8'), 'economic'),
  ]
  return rows
}

export function starterCatalogue(year: number): Catalogue {
  return catalogueFromEntries(year, rowsForYear(starterCatalogueRows(), year))
}
