/**
 * `npm run bench`: validate's median time on generated estates of 100, 1,000 and 10,000 VMs, in
 * Node (the engine of the `vexplan` CLI) and in Chromium (the editor's, which recomputes findings on
 * every change). Budget, in each: 10,000 VMs in ≤ 50 ms median, and 10× more VMs costs ≤ 12× more.
 */
import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'
import { build } from 'vite'
import { SIZES, measureValidate, report, type Row } from './validate-measure.ts'

const SYSTEM_CHROMIUM = '/usr/bin/chromium'
const collectGarbage = (globalThis as { gc?: () => void }).gc
if (!collectGarbage) throw new Error('run with node --expose-gc (npm run bench does)')

const nodeRows = SIZES.map((vms) => measureValidate(vms, collectGarbage, () => process.resourceUsage().minorPageFault))
const nodeOk = report(`Node ${process.versions.node} (the CLI)`, nodeRows, console.log)
console.log()

/** The same measurement in a blank Chromium page, with the core bundled as the app bundles it. */
async function inChromium(): Promise<{ version: string; rows: Row[] }> {
  const output = await build({
    configFile: false, logLevel: 'silent',
    build: { write: false, minify: true, lib: { entry: 'bench/validate-page.ts', formats: ['iife'], name: 'validateBench' } },
  })
  const bundle = Array.isArray(output) ? output[0] : output
  const code = bundle && 'output' in bundle ? bundle.output[0].code : undefined
  if (!code) throw new Error('the page script did not bundle')
  const browser = await chromium.launch({
    ...(existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--js-flags=--expose-gc'],
  })
  try {
    const page = await browser.newPage()
    await page.addScriptTag({ content: code })
    const rows = await page.evaluate(() => (globalThis as unknown as { measureAll: () => Row[] }).measureAll())
    return { version: browser.version(), rows }
  } finally {
    await browser.close()
  }
}

const chrome = await inChromium()
const chromeOk = report(`Chromium ${chrome.version} (the editor)`, chrome.rows, console.log)
if (!nodeOk || !chromeOk) process.exitCode = 1
