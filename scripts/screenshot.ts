/**
 * `npm run screenshot`: serves the built app, opens the seed article's template in Chromium and
 * saves docs/editor.png for the README.
 */
import { chromium } from '@playwright/test'
import { preview } from 'vite'
import { chromiumLaunchOptions } from '../tests/chromium.ts'

const server = await preview({ preview: { port: 4174, strictPort: true } })
const browser = await chromium.launch(chromiumLaunchOptions())
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 860 }, deviceScaleFactor: 1, colorScheme: 'light' })
  await page.goto('http://localhost:4174/')
  await page.evaluate(() => localStorage.clear())
  await page.reload()
  await page.getByRole('button', { name: 'Templates' }).click()
  await page.getByRole('button', { name: process.env.TEMPLATE ?? 'Open Seed article: two-disk host' }).click()
  await page.locator('[data-kind="host"]').first().waitFor()
  await page.locator('[data-kind="virtual-disk"]').first().click()
  await page.waitForTimeout(600)
  await page.screenshot({ path: process.env.OUT ?? 'docs/editor.png' })
  console.log(`wrote ${process.env.OUT ?? 'docs/editor.png'}`)
} finally {
  await browser.close()
  server.httpServer.close()
}
