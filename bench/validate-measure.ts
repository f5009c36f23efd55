/**
 * How the validate benchmark measures, shared by its Node run (the CLI's engine) and its Chromium
 * run (the editor's, where findings are recomputed on every change): the same estates, warm-up,
 * clean heap before each run and median, so the two sets of figures compare.
 */
import { loadPlanValue, validate, validateWithFixes } from '../src/core/index.ts'
import { generateEstate } from '../src/core/testing/estate.ts'

export const SIZES = [100, 1_000, 10_000]
export const BUDGET_MS = 50
export const MAX_GROWTH = 12

export interface Row {
  vms: number; hosts: number; findings: number; median: number; runs: number; faults: number | null
  /** With several sessions: each one's median (`median` is then their median). */
  sessions?: number[]
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/**
 * Validates a generated estate of `vms` VMs many times; `collectGarbage` (a full GC) runs before
 * each, and `faults`, where the runtime can count them, reads the process's page faults.
 */
export function measureValidate(vms: number, collectGarbage: (() => void) | undefined, faults?: () => number, withFixes = false): Row {
  const run = withFixes ? (plan: Parameters<typeof validate>[0]) => validateWithFixes(plan).findings : validate
  const loaded = loadPlanValue(generateEstate(vms))
  if (!loaded.ok) throw new Error(`generated plan is invalid: ${JSON.stringify(loaded.problems.slice(0, 3))}`)
  const plan = loaded.value
  const runs = vms >= 10_000 ? 31 : 101
  for (let i = 0; i < 5; i++) run(plan) // warm-up: let the JIT settle
  const times: number[] = []
  const faultCounts: number[] = []
  let findings = 0
  for (let i = 0; i < runs; i++) {
    // Start every run from a clean heap, as benchmark harnesses such as mitata do, so a run does
    // not pay for the garbage of the one before it. It also catches code that a full GC
    // deoptimizes (see PlanIndex.keepsHiddenClassAlive).
    collectGarbage?.()
    const faultsBefore = faults?.() ?? 0
    const start = performance.now()
    findings = run(plan).length
    times.push(performance.now() - start)
    // Pages the heap touches for the first time: on some virtual machines each costs 10 µs or more.
    if (faults) faultCounts.push(faults() - faultsBefore)
  }
  return { vms, hosts: plan.hosts.length, findings, median: median(times), runs, faults: faults ? median(faultCounts) : null }
}

/**
 * One runtime's rows from several independent sessions (a fresh process or browser each): per size
 * the median of the sessions' medians, with each session's median kept for the table. A single
 * session's figure moves by ±10% with the engine's JIT and heap decisions; the verdict should not.
 */
export function combineSessions(sessions: readonly (readonly Row[])[]): Row[] {
  return sessions[0]!.map((first, i) => {
    const medians = sessions.map((rows) => rows[i]!.median)
    const faults = sessions.map((rows) => rows[i]!.faults)
    return {
      ...first,
      median: median(medians),
      sessions: medians,
      faults: faults.every((f) => f !== null) ? median(faults as number[]) : null,
    }
  })
}

/** The table of one runtime's figures and its verdict; true when within budget. */
export function report(title: string, rows: readonly Row[], log: (line: string) => void): boolean {
  log(`validate() median time, ${title}`)
  log(`   VMs   hosts  findings   median ms${rows[0]?.faults === null ? '' : '   page faults'}   runs${rows[0]?.sessions ? '   median of each session (ms)' : ''}`)
  for (const r of rows) {
    const faults = r.faults === null ? '' : String(r.faults).padStart(14)
    const sessions = r.sessions ? `   ${r.sessions.map((m) => m.toFixed(2)).join(', ')}` : ''
    log(`${String(r.vms).padStart(6)} ${String(r.hosts).padStart(7)} ${String(r.findings).padStart(9)} ${r.median.toFixed(2).padStart(11)}${faults} ${String(r.runs).padStart(6)}${sessions}`)
  }
  const largest = rows.at(-1)!
  const growth = rows.slice(1).map((r, i) => r.median / rows[i]!.median)
  const okTime = largest.median <= BUDGET_MS
  const okGrowth = growth.every((g) => g <= MAX_GROWTH)
  log(`growth per 10× VMs: ${growth.map((g) => `${g.toFixed(1)}×`).join(', ')} (budget ≤ ${MAX_GROWTH}×) ${okGrowth ? 'OK' : 'OVER BUDGET'}`)
  log(`${largest.vms.toLocaleString('en-US')} VMs: ${largest.median.toFixed(2)} ms (budget ≤ ${BUDGET_MS} ms) ${okTime ? 'OK' : 'OVER BUDGET'}`)
  return okTime && okGrowth
}
