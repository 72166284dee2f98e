import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { defineConfig } from '@playwright/test'

// The tests set up their data through lib/**/server modules, which `import 'server-only'`: the workers
// (forked after this file is read) resolve it to an empty module through the hook (docs/decisions/013).
const serverOnlyHook = `--import ${pathToFileURL(path.resolve(import.meta.dirname, 'scripts/server-only-hook.mjs')).href}`
if (!process.env.NODE_OPTIONS?.includes('server-only-hook')) process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} ${serverOnlyHook}`.trim()

const PORT = Number(process.env.E2E_PORT ?? 3100)
// Debian's Chromium on these machines; elsewhere Playwright's own browser (npx playwright install).
const executablePath = process.env.CHROMIUM_PATH ?? (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)

export default defineConfig({
  testDir: './tests/e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  reporter: process.env.CI ? [['list']] : 'list',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    locale: 'zh-CN',
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  webServer: {
    // a fresh embedded PostgreSQL with the demo data, the production build, on its own port
    command: 'npx tsx --import ./scripts/server-only-hook.mjs scripts/start.ts',
    url: `http://127.0.0.1:${PORT}/login`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: { PORT: String(PORT), EMBEDDED_PG_DIR: `.tmp/e2e-pg-${PORT}`, EMBEDDED_PG_PORT: String(Number(process.env.E2E_PG_PORT ?? 55433)), EMBEDDED_PG_FRESH: '1', NEXTAUTH_URL: `http://127.0.0.1:${PORT}`, DATABASE_URL: process.env.E2E_DATABASE_URL ?? '', NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? '.next' },
  },
})
