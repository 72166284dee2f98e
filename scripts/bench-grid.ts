/**
 * Grid benchmark, in Chromium via Playwright:
 *
 *   editor.grid_keystroke_5000: <ms> ms (baseline: <ms> ms, ratio: <r>, no target yet)
 *
 * op       = in the editor's spreadsheet grid holding 5,000 expenditure lines (components/grid, the
 *            columns of components/editor/line-columns), the time from a keystroke (Enter committing a
 *            typed amount) to the updated cell and the grid's totals row on screen: measured in the page
 *            from the keydown to the first animation frame after both show the new figures; median of 15.
 * baseline = mounting the same grid with one row until that row is on screen; median of 15.
 * The page is bundled with esbuild from the same sources the app uses. Timing is reported, never asserted.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { build } from 'esbuild'
import { chromium } from '@playwright/test'

const LINES = 5_000
const RUNS = 15
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

export async function benchGrid(): Promise<string[]> {
  const root = path.resolve(import.meta.dirname, '..')
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-grid-'))
  await build({
    entryPoints: [path.join(import.meta.dirname, 'bench-grid', 'harness.tsx')],
    bundle: true,
    format: 'iife',
    outfile: path.join(out, 'harness.js'),
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    alias: { '@': root },
    minify: true,
    logLevel: 'silent',
  })
  const js = fs.readFileSync(path.join(out, 'harness.js'), 'utf8')
  // the app's own stylesheet: the grid scrolls in its box as in the editor
  const css = fs.readFileSync(path.join(root, 'app', 'globals.css'), 'utf8')
  fs.rmSync(out, { recursive: true, force: true })
  const executablePath = process.env.CHROMIUM_PATH ?? (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ['--no-sandbox', '--disable-gpu'] })
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>${css}</style></head><body><div id="root"></div><script>window.__name = (f) => f</script><script>${js.replace(/<\/script/g, '<\\/script')}</script></body></html>`

    const baseline: number[] = []
    for (let i = 0; i < RUNS; i++) {
      await page.setContent(html)
      baseline.push(
        await page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              const t0 = performance.now()
              window.mountGrid(1)
              const tick = () => (document.querySelector('tbody tr[data-row-id="l0"]') ? requestAnimationFrame(() => resolve(performance.now() - t0)) : requestAnimationFrame(tick))
              tick()
            }),
        ),
      )
    }

    await page.setContent(html)
    await page.evaluate((n) => window.mountGrid(n), LINES)
    await page.waitForSelector(`tbody tr[data-row-id="l0"]`)
    const grid = page.getByRole('grid')
    const op: number[] = []
    for (let i = 0; i < RUNS; i++) {
      const row = 10 + i
      const value = String(100000 + i)
      // select the amount cell of `row`, type the figure; the timed keystroke is the Enter that commits it
      await page.evaluate((r) => {
        ;(document.querySelector(`tbody tr[data-row-id="l${r}"] td:last-child`) as HTMLElement).dispatchEvent(new MouseEvent('mousedown', { bubbles: true }))
      }, row)
      await grid.focus()
      await page.keyboard.type(value)
      await page.evaluate(
        ({ r, v }) => {
          const w = window as unknown as { __t0: number; __done: Promise<number> }
          window.addEventListener('keydown', () => (w.__t0 = performance.now()), { capture: true, once: true })
          const before = document.querySelector('tfoot td:last-child')!.textContent
          w.__done = new Promise<number>((resolve) => {
            const tick = () => {
              const cell = document.querySelector(`tbody tr[data-row-id="l${r}"] td:last-child`)!.textContent
              const total = document.querySelector('tfoot td:last-child')!.textContent
              if (cell === `${v.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.00` && total !== before) requestAnimationFrame(() => resolve(performance.now() - w.__t0))
              else requestAnimationFrame(tick)
            }
            tick()
          })
        },
        { r: row, v: value },
      )
      await page.keyboard.press('Enter')
      op.push(await page.evaluate(() => (window as unknown as { __done: Promise<number> }).__done))
    }
    const o = median(op)
    const b = median(baseline)
    return [`editor.grid_keystroke_5000: ${o.toFixed(1)} ms (baseline: ${b.toFixed(1)} ms one-row render, ratio: ${(o / b).toFixed(1)}, no target yet)`]
  } finally {
    await browser.close()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) for (const l of await benchGrid()) console.log(l)
