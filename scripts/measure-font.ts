/**
 * `npm run measure-font`: measures the advances of U+0020–U+00FF in the app's font, in the three
 * styles of a disk node, in Chromium, and writes them into src/ui/canvas/nodes/text-width.ts. Run it
 * after changing the font or those styles (the end-to-end test "disk nodes are as wide as their
 * names" fails until then).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { chromium } from '@playwright/test'
import { build, preview } from 'vite'
import { chromiumLaunchOptions } from '../tests/chromium.ts'

const FILE = 'src/ui/canvas/nodes/text-width.ts'
const STYLES = { name: '700 12px', detail: '400 11px', kind: '600 11px' } as const

await build({ logLevel: 'warn' })
const server = await preview({ preview: { port: 4175, strictPort: true } })
const browser = await chromium.launch(chromiumLaunchOptions())
try {
  const page = await browser.newPage()
  await page.goto('http://localhost:4175/')
  const measured = await page.evaluate(async (styles) => {
    const context = new OffscreenCanvas(10, 10).getContext('2d')!
    const result: Record<string, { average: number; advances: number[] }> = {}
    for (const [name, style] of Object.entries(styles)) {
      await document.fonts.load(`${style} "Inter Variable"`)
      context.font = `${style} "Inter Variable"`
      const advances: number[] = []
      // The C1 controls (U+007F–U+009F) are never shown: 0 stands for "no advance of its own".
      for (let code = 0x20; code <= 0xff; code++) advances.push(code >= 0x7f && code < 0xa0 ? 0 : context.measureText(String.fromCharCode(code)).width)
      result[name] = { average: context.measureText('abcdefghijklmnopqrstuvwxyz').width / 26, advances }
    }
    return result
  }, STYLES)
  let source = readFileSync(FILE, 'utf8')
  for (const [name, { average, advances }] of Object.entries(measured)) {
    const hundredths = advances.map((advance) => Math.round(advance * 100)).join(',')
    const line = new RegExp(`(  ${name}: \\{ px: \\d+, average: )[\\d.]+(, advances: table\\(')[\\d,]*('\\) \\},)`)
    if (!line.test(source)) throw new Error(`${FILE} has no table line for "${name}"`)
    source = source.replace(line, `$1${Math.round(average * 100) / 100}$2${hundredths}$3`)
  }
  writeFileSync(FILE, source)
  console.log(`wrote ${FILE}`)
} finally {
  await browser.close()
  server.httpServer.close()
}
