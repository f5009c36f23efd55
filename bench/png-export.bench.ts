/**
 * `npm run bench` (last part): PNG export of a generated 200-VM plan in headless Chromium, from
 * clicking "Export PNG" to the finished download. Budget: ≤ 5 s (median of 3 exports). Each export
 * is the first of a freshly opened page: a second export of the same picture finds the browser's
 * image cache warm and would flatter the figure.
 */
import { generateEstate } from '../src/core/testing/estate.ts'
import { canvasNodes, newContext, openUntilDrawn, percentile, planUrl, timePngExport, withApp } from './browser.ts'

const PORT = 4181
const VMS = 200
const RUNS = 3
const BUDGET_MS = 5000

const times = await withApp(PORT, async (browser, origin) => {
  const plan = generateEstate(VMS)
  const url = await planUrl(origin, plan)
  const runs: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const context = await newContext(browser)
    const page = await context.newPage()
    await openUntilDrawn(page, url, canvasNodes(plan) - plan.hosts.length)
    runs.push(await timePngExport(page))
    await context.close()
  }
  return runs
})
const median = percentile(times, 50)
console.log(`PNG export, ${VMS} VMs: ${times.map((t) => `${t} ms`).join(', ')}; median ${median} ms (budget ≤ ${BUDGET_MS} ms) ${median <= BUDGET_MS ? 'OK' : 'OVER BUDGET'}`)
if (median > BUDGET_MS) process.exitCode = 1
