/**
 * `npm run bench`: validate's median time on generated estates of 100, 1,000 and 10,000 VMs.
 * Budget: 10,000 VMs in ≤ 50 ms median, and 10× more VMs costs ≤ 12× more time.
 */
import { loadPlanValue, validate } from '../src/core/index.ts'
import { generateEstate } from '../src/core/testing/estate.ts'

const SIZES = [100, 1_000, 10_000]
const collectGarbage = (globalThis as { gc?: () => void }).gc
const BUDGET_MS = 50
const MAX_GROWTH = 12

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

function measure(vms: number) {
  const loaded = loadPlanValue(generateEstate(vms))
  if (!loaded.ok) throw new Error(`generated plan is invalid: ${JSON.stringify(loaded.problems.slice(0, 3))}`)
  const plan = loaded.value
  const runs = vms >= 10_000 ? 31 : 101
  for (let i = 0; i < 5; i++) validate(plan) // warm-up: let the JIT settle
  const times: number[] = []
  const faults: number[] = []
  let findings = 0
  for (let i = 0; i < runs; i++) {
    // Start every run from a clean heap, as benchmark harnesses such as mitata do, so a run does
    // not pay for the garbage of the one before it.
    collectGarbage?.()
    const faultsBefore = process.resourceUsage().minorPageFault
    const start = performance.now()
    findings = validate(plan).length
    times.push(performance.now() - start)
    // Pages the heap touches for the first time: on some virtual machines each costs 10 µs or more.
    faults.push(process.resourceUsage().minorPageFault - faultsBefore)
  }
  return { vms, hosts: plan.hosts.length, findings, median: median(times), faults: median(faults), runs }
}

const rows = SIZES.map(measure)
console.log('validate() median time')
console.log('   VMs   hosts  findings   median ms   page faults   runs')
for (const r of rows) {
  console.log(`${String(r.vms).padStart(6)} ${String(r.hosts).padStart(7)} ${String(r.findings).padStart(9)} ${r.median.toFixed(2).padStart(11)} ${String(r.faults).padStart(13)} ${String(r.runs).padStart(6)}`)
}
const largest = rows.at(-1)!
const growth = rows.slice(1).map((r, i) => r.median / rows[i]!.median)
console.log(`growth per 10× VMs: ${growth.map((g) => `${g.toFixed(1)}×`).join(', ')} (budget ≤ ${MAX_GROWTH}×)`)
const okTime = largest.median <= BUDGET_MS
const okGrowth = growth.every((g) => g <= MAX_GROWTH)
console.log(`10,000 VMs: ${largest.median.toFixed(2)} ms (budget ≤ ${BUDGET_MS} ms) ${okTime ? 'OK' : 'OVER BUDGET'}`)
console.log(`linear growth: ${okGrowth ? 'OK' : 'OVER BUDGET'}`)
if (!okTime || !okGrowth) process.exitCode = 1
