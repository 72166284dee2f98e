import fs from 'node:fs'
import path from 'node:path'
import type { Template } from '@/lib/budget/template'

/** The shipped templates are data in the kernel's folder (docs/decisions/002); reading files is not the kernel's job. */
const DIR = path.join(import.meta.dirname, '../budget/templates')

/** The shipped templates, read from their JSON files (Node-only: seed, CLI, tests). */
export function shippedTemplate(id: string): Template {
  return JSON.parse(fs.readFileSync(path.join(DIR, `${id}.json`), 'utf8')) as Template
}

export function shippedTemplateIds(): string[] {
  return fs
    .readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort()
}
