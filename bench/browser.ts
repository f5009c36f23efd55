/**
 * The browser harness of the benchmarks that need one: builds the app, serves the build, and drives
 * Debian's Chromium where it exists (Playwright's own browser elsewhere).
 */
import { execSync } from 'node:child_process'
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { preview } from 'vite'
import { encodeShareFragment, type Plan } from '../src/core/index.ts'
import { chromiumLaunchOptions } from '../tests/chromium.ts'

/** Builds the app, serves it on `port`, and runs `body` with a browser; cleans up after. */
export async function withApp<T>(port: number, body: (browser: Browser, origin: string) => Promise<T>): Promise<T> {
  execSync('npx vite build', { stdio: 'ignore' })
  const server = await preview({ preview: { port, strictPort: true }, logLevel: 'silent' })
  const browser = await chromium.launch(chromiumLaunchOptions())
  try {
    return await body(browser, `http://localhost:${port}/`)
  } finally {
    await browser.close()
    server.httpServer.close()
  }
}

/** A desktop-sized context that accepts downloads and can run functions compiled by tsx. */
export async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true })
  // tsx keeps function names with an `__name` helper, which functions sent to the page need too.
  await context.addInitScript('globalThis.__name = (fn) => fn')
  return context
}

/** The app's URL with the plan in a share-link fragment. */
export const planUrl = async (origin: string, plan: Plan): Promise<string> => `${origin}#${await encodeShareFragment(plan)}`

/** How many nodes the canvas draws for a plan: hosts with parent and disks, VMs with disks and roles, arrays with LUNs. */
export const canvasNodes = (plan: Plan): number =>
  plan.hosts.reduce((n, h) => n + 2 + h.disks.length + h.vms.reduce((m, vm) => m + 1 + vm.disks.length + (vm.exchange?.roles.length ?? 0), 0), 0)
  + plan.storage.reduce((n, a) => n + 1 + a.luns.length, 0)

/** Opens a URL and resolves when `expected` entity nodes are on the canvas, with the page's clock then. */
export async function openUntilDrawn(page: Page, url: string, expected: number): Promise<number> {
  await page.goto('about:blank')
  await page.goto(url)
  return page.evaluate((count) => new Promise<number>((resolve) => {
    const check = () => {
      if (document.querySelectorAll('.react-flow__node [data-entity-id]').length >= count) resolve(performance.now())
      else requestAnimationFrame(check)
    }
    check()
  }), expected)
}

/** Clicks "Export PNG" and times until the download is complete, in ms. */
export async function timePngExport(page: Page): Promise<number> {
  await page.locator('.react-flow__controls-fitview').click()
  const start = Date.now()
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('button', { name: 'Export PNG' }).click()])
  await download.path()
  return Date.now() - start
}

export const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN
}
