import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { createScenario, E2E_DATABASE_URL, expect, login, shot, test } from './support'

/**
 * Issue 11 finding 4: a page served from another port of the same host is the same *site*, so the
 * SameSite=Lax session cookie goes along with its requests. It must still not be able to import a
 * workbook, save a line or submit: the server refuses mutations whose Origin is not its own.
 */
const APP = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100)}`
const EVIL_PORT = Number(process.env.E2E_PORT ?? 3100) + 100

function actionId(exportName: string, file: string): string {
  const dist = process.env.NEXT_DIST_DIR ?? '.next'
  const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'server/server-reference-manifest.json'), 'utf8')) as { node: Record<string, { exportedName?: string; filename?: string }> }
  const hit = Object.entries(manifest.node).find(([, v]) => v.exportedName === exportName && (v.filename ?? '').includes(file))
  if (!hit) throw new Error(`action ${exportName} not in the manifest`)
  return hit[0]
}

test('[SECURITY][CSRF] a page on another port of 127.0.0.1 cannot import, save or submit for the signed-in accountant', async ({ page }) => {
  const s = await createScenario({ year: 2024 })
  process.env.DATABASE_URL = E2E_DATABASE_URL
  const { db } = await import('../../lib/server/db')
  const before = await db().disclosure.findUniqueOrThrow({ where: { id: s.disclosure.id }, select: { version: true, status: true, _count: { select: { expenditureLines: true } } } })
  const audits = await db().auditLog.count({ where: { disclosureId: s.disclosure.id } })
  const disclosures = await db().disclosure.count({ where: { departmentId: s.department.id } })

  const saveLine = actionId('applyLinesAction', 'lib/disclosure/actions')
  const submit = actionId('submitAction', 'lib/workflow/actions')
  const workbook = fs.readFileSync('tests/fixtures/chengde-2023.xlsx')
  const evilPage = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>恶意页面</title></head><body><h1>恶意页面</h1><pre id="log"></pre>
<form id="f" method="POST" action="${APP}/api/imports" enctype="multipart/form-data"><input name="confirm" value="true"><input name="acceptErrors" value="true"></form>
<script>
const log = (s) => { document.getElementById('log').textContent += s + '\\n' }
async function attack() {
  const wb = await (await fetch('/wb.xlsx')).blob()
  const fd = new FormData(); fd.set('file', wb, 'x.xlsx'); fd.set('confirm', 'true'); fd.set('acceptErrors', 'true'); fd.set('year', '2024')
  await fetch('${APP}/api/imports', { method: 'POST', body: fd, credentials: 'include', mode: 'no-cors' }).then(() => log('import sent'), (e) => log('import failed ' + e))
  // a server action as a plain (CORS-simple) POST: text/plain body, the action id in a form field
  const line = JSON.stringify([{ disclosureId: '${s.disclosure.id}', list: 'expenditure', ops: [{ kind: 'put', id: 'evil-line', row: 1, base: null, values: { unitCode: 'x', functionCode: '2010101', economicCode: '30101', fund: 'general', category: 'basic', amount: '1.00' } }] }])
  await fetch('${APP}/workspace/disclosures/${s.disclosure.id}', { method: 'POST', body: line, credentials: 'include', mode: 'no-cors', headers: { 'Next-Action': '${saveLine}' } }).then(() => log('save sent'), (e) => log('save blocked ' + e))
  const sub = new FormData(); sub.set('$ACTION_ID_${submit}', ''); sub.set('disclosureId', '${s.disclosure.id}')
  await fetch('${APP}/workspace/disclosures/${s.disclosure.id}/submit', { method: 'POST', body: sub, credentials: 'include', mode: 'no-cors' }).then(() => log('submit sent'), (e) => log('submit failed ' + e))
  log('done')
}
attack()
</script></body></html>`
  const evil = http.createServer((req, res) => {
    if (req.url === '/wb.xlsx') {
      res.writeHead(200, { 'content-type': 'application/octet-stream' })
      res.end(workbook)
      return
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    res.end(evilPage)
  })
  await new Promise<void>((resolve) => evil.listen(EVIL_PORT, '127.0.0.1', resolve))
  try {
    await login(page, s.accountant)
    // the attacker's page, fetching in the background with the victim's cookie
    await page.goto(`http://127.0.0.1:${EVIL_PORT}/`)
    await expect(page.locator('#log')).toContainText('done')
    // and a top-level form post (navigates to the app's answer)
    const answer = page.waitForResponse((r) => r.url() === `${APP}/api/imports`)
    await page.evaluate(() => (document.getElementById('f') as HTMLFormElement).submit())
    const res = await answer
    expect(res.status()).toBe(403)
    expect(await res.text()).toMatch(/拒绝跨站请求/)
    await shot(page, 'security-csrf-refused')

    const after = await db().disclosure.findUniqueOrThrow({ where: { id: s.disclosure.id }, select: { version: true, status: true, _count: { select: { expenditureLines: true } } } })
    expect(after).toEqual(before)
    expect(await db().auditLog.count({ where: { disclosureId: s.disclosure.id } })).toBe(audits)
    expect(await db().disclosure.count({ where: { departmentId: s.department.id } })).toBe(disclosures)

    // the same requests from the app's own pages still work: the accountant can save in the editor
    await page.goto(`${APP}/workspace/disclosures/${s.disclosure.id}`)
    await expect(page.getByRole('heading').first()).toBeVisible()
  } finally {
    await new Promise<void>((resolve) => evil.close(() => resolve()))
  }
})
