/**
 * How the validate benchmark measures, shared by its Node run (the CLI's engine) and its Chromium
 * run (the editor's, where findings are recomputed on every change): the same estates, loaded from
 * their JSON text as a plan file is, warm-up, sizes timed in turn, clean heap and cold caches before
 * each run, and median, so the two sets of figures compare.
 *
 * Cold caches: a run starts as the CLI's one validation does, with the plan in memory but not in
 * the processor's caches. Right after a full GC, which has just read every live object, a
 * 1,000-VM estate (3 MB) sits in the caches while a 10,000-VM one (30 MB) cannot: comparing those
 * runs measures the cache, not whether validation is linear. Those warm figures are shown too.
 */
import { loadPlan, validate, validateWithFixes } from '../src/core/index.ts'
import { generateEstate } from '../src/core/testing/estate.ts'

export const SIZES = [100, 1_000, 10_000]
export const BUDGET_MS = 50
export const MAX_GROWTH = 12

export interface Row {
  vms: number; hosts: number; findings: number; runs: number; faults: number | null
  /** The median time of runs from cold caches (the budgeted figure). */
  median: number
  /** The median time of runs right after a full GC, caches warm (shown, not budgeted). */
  warm: number
  /** With several sessions: each one's median (`median` is then their median). */
  sessions?: number[]
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Bytes read to push everything else out of the processor's caches: more than any server's L3. */
const EVICT_BYTES = 128 * 1024 * 1024

/**
 * A function that reads a buffer larger than the processor's caches (written once, so that its
 * pages are memory of their own and not the kernel's shared zero page), evicting the plan from
 * every cache level and the TLB. Returns what it read, so that no engine drops the reads.
 */
export function cacheEvictor(bytes = EVICT_BYTES): () => number {
  const buffer = new Uint8Array(bytes).fill(1)
  return () => {
    let sum = 0
    for (let i = 0; i < buffer.length; i += 64) sum += buffer[i]!
    return sum
  }
}

/** How often each size is timed in a round: the small estates more often, their runs being short. */
const runsPerRound = (vms: number) => (vms >= 10_000 ? 1 : 3)
/** Rounds per session: 31 timed runs of the largest estate, 93 of the others. */
const ROUNDS = 31

/** One estate to time: its size, and one validation of it, returning its number of findings. */
export interface Subject { vms: number; hosts: number; run: () => number }

/**
 * Times each subject in rounds, one after the other within each round (100, 1,000, 10,000 VMs,
 * then again), so that the sizes compared share the machine's slow and fast minutes: timed one size
 * after the other, a neighbour that slowed the machine while the largest ran made validation look
 * superlinear. Each run is timed twice: right after `collectGarbage` (a full GC), and after another
 * full GC and `evict` (cold caches, the budgeted figure). `faults`, where the runtime can count
 * them, reads the process's page faults.
 */
export function measureInRounds(
  subjects: readonly Subject[], collectGarbage: (() => void) | undefined, evict: () => number, faults?: () => number, rounds = ROUNDS,
): Row[] {
  for (const subject of subjects) for (let i = 0; i < 5; i++) subject.run() // warm-up: let the JIT settle
  const times = subjects.map((): number[] => [])
  const warmTimes = subjects.map((): number[] => [])
  const faultCounts = subjects.map((): number[] => [])
  const findings = subjects.map(() => 0)
  let evicted = 0
  for (let round = 0; round < rounds; round++) {
    subjects.forEach((subject, s) => {
      for (let i = 0; i < runsPerRound(subject.vms); i++) {
        // Start every run from a clean heap, as benchmark harnesses such as mitata do, so a run does
        // not pay for the garbage of the one before it. It also catches code that a full GC
        // deoptimizes (see PlanIndex.keepsHiddenClassAlive).
        collectGarbage?.()
        let start = performance.now()
        subject.run()
        warmTimes[s]!.push(performance.now() - start)
        collectGarbage?.()
        evicted += evict()
        const faultsBefore = faults?.() ?? 0
        start = performance.now()
        findings[s] = subject.run()
        times[s]!.push(performance.now() - start)
        // Pages the heap touches for the first time: on some virtual machines each costs 10 µs or more.
        if (faults) faultCounts[s]!.push(faults() - faultsBefore)
      }
    })
  }
  if (evicted === 0) throw new Error('the cache evictor read nothing')
  return subjects.map(({ vms, hosts }, s) => ({
    vms, hosts, findings: findings[s]!, median: median(times[s]!), warm: median(warmTimes[s]!), runs: times[s]!.length,
    faults: faults ? median(faultCounts[s]!) : null,
  }))
}

/** Validates generated estates of each of `sizes` VMs, loaded from their text (validateWithFixes, the editor's call, with `withFixes`), in rounds. */
export function measureValidate(
  sizes: readonly number[], collectGarbage: (() => void) | undefined, evict: () => number, faults?: () => number, withFixes = false, rounds = ROUNDS,
): Row[] {
  const subjects = sizes.map((vms): Subject => {
    // From the plan's text, as the CLI and the editor get a plan: JSON.parse makes every string
    // anew, which a plan built in code does not (see src/core/io/canonical-words.ts).
    const loaded = loadPlan(JSON.stringify(generateEstate(vms)))
    if (!loaded.ok) throw new Error(`generated plan is invalid: ${JSON.stringify(loaded.problems.slice(0, 3))}`)
    const plan = loaded.value
    return { vms, hosts: plan.hosts.length, run: withFixes ? () => validateWithFixes(plan).findings.length : () => validate(plan).length }
  })
  return measureInRounds(subjects, collectGarbage, evict, faults, rounds)
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
      warm: median(sessions.map((rows) => rows[i]!.warm)),
      sessions: medians,
      faults: faults.every((f) => f !== null) ? median(faults as number[]) : null,
    }
  })
}

/** The table of one runtime's figures and its verdict; true when within budget. */
export function report(title: string, rows: readonly Row[], log: (line: string) => void): boolean {
  log(`validate() median time, ${title}; each run from a clean heap and cold caches (warm: right after a full GC, shown, not budgeted)`)
  log(`   VMs   hosts  findings   median ms    warm ms${rows[0]?.faults === null ? '' : '   page faults'}   runs${rows[0]?.sessions ? '   median of each session (ms)' : ''}`)
  for (const r of rows) {
    const faults = r.faults === null ? '' : String(r.faults).padStart(14)
    const sessions = r.sessions ? `   ${r.sessions.map((m) => m.toFixed(2)).join(', ')}` : ''
    log(`${String(r.vms).padStart(6)} ${String(r.hosts).padStart(7)} ${String(r.findings).padStart(9)} ${r.median.toFixed(2).padStart(11)} ${r.warm.toFixed(2).padStart(10)}${faults} ${String(r.runs).padStart(6)}${sessions}`)
  }
  const largest = rows.at(-1)!
  const growthOf = (of: (r: Row) => number) => rows.slice(1).map((r, i) => of(r) / of(rows[i]!))
  const growth = growthOf((r) => r.median)
  const okTime = largest.median <= BUDGET_MS
  const okGrowth = growth.every((g) => g <= MAX_GROWTH)
  const times = (values: number[]) => values.map((g) => `${g.toFixed(1)}×`).join(', ')
  log(`growth per 10× VMs: ${times(growth)} (budget ≤ ${MAX_GROWTH}×) ${okGrowth ? 'OK' : 'OVER BUDGET'}; warm: ${times(growthOf((r) => r.warm))}`)
  log(`${largest.vms.toLocaleString('en-US')} VMs: ${largest.median.toFixed(2)} ms (budget ≤ ${BUDGET_MS} ms) ${okTime ? 'OK' : 'OVER BUDGET'}`)
  return okTime && okGrowth
}
