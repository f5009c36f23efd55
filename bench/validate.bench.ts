/**
 * `npm run bench`: validate's median time on generated estates of 100, 1,000 and 10,000 VMs, in
 * Node (the engine of the `vexplan` CLI) and in Chromium (the editor's, which recomputes findings on
 * every change). Budget, in each: 10,000 VMs in ≤ 50 ms median, and 10× more VMs costs ≤ 12× more.
 *
 * Each runtime is measured in five independent sessions (a fresh Node process, a fresh browser),
 * each timing the sizes in turn, round after round, and the figures are the medians of the sessions' medians.
 * Each run starts from a clean heap and cold caches; warm-cache figures are shown beside them
 * (validate-measure.ts says why).
 */
import { spawnSync } from 'node:child_process'
import { chromium } from '@playwright/test'
import { build } from 'vite'
import { chromiumLaunchOptions } from '../tests/chromium.ts'
import { combineSessions, report, type Row } from './validate-measure.ts'

const SESSIONS = 5

function inNode(): Row[] {
  const { status, stdout, stderr } = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/validate-node.ts'], { encoding: 'utf8' })
  if (status !== 0) throw new Error(`the Node session failed: ${stderr}`)
  return JSON.parse(stdout) as Row[]
}

/** The script a Chromium session runs: the core bundled as the app bundles it. */
async function pageScript(): Promise<string> {
  const output = await build({
    configFile: false, logLevel: 'silent',
    build: { write: false, minify: true, lib: { entry: 'bench/validate-page.ts', formats: ['iife'], name: 'validateBench' } },
  })
  const bundle = Array.isArray(output) ? output[0] : output
  const code = bundle && 'output' in bundle ? bundle.output[0].code : undefined
  if (!code) throw new Error('the page script did not bundle')
  return code
}

/** One Chromium session: a fresh browser, one blank page. */
async function inChromium(code: string): Promise<{ version: string; rows: Row[]; withFixes: Row }> {
  const browser = await chromium.launch(chromiumLaunchOptions(['--js-flags=--expose-gc']))
  try {
    const page = await browser.newPage()
    await page.addScriptTag({ content: code })
    const { rows, withFixes } = await page.evaluate(() => (globalThis as unknown as { measureAll: () => { rows: Row[]; withFixes: Row } }).measureAll())
    return { version: browser.version(), rows, withFixes }
  } finally {
    await browser.close()
  }
}

const nodeOk = report(`Node ${process.versions.node} (the CLI)`, combineSessions(Array.from({ length: SESSIONS }, inNode)), console.log)
console.log()

const code = await pageScript()
const chrome: { version: string; rows: Row[]; withFixes: Row }[] = []
for (let i = 0; i < SESSIONS; i++) chrome.push(await inChromium(code))
const chromeOk = report(`Chromium ${chrome[0]!.version} (the editor's engine)`, combineSessions(chrome.map((session) => session.rows)), console.log)
// The editor calls validateWithFixes, which also builds every finding's quick fix; validate() skips them.
const [fixes] = combineSessions(chrome.map((session) => [session.withFixes]))
console.log(`validateWithFixes() in Chromium, ${fixes!.vms.toLocaleString('en-US')} VMs (the editor's call on each change, quick fixes included; shown, not budgeted): median ${fixes!.median.toFixed(2)} ms, warm ${fixes!.warm.toFixed(2)} ms (sessions ${fixes!.sessions!.map((m) => m.toFixed(2)).join(', ')})`)
if (!nodeOk || !chromeOk) process.exitCode = 1
