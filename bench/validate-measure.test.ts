import { describe, expect, it } from 'vitest'
import { BUDGET_MS, MAX_GROWTH, cacheEvictor, combineSessions, measureInRounds, measureValidate, report, type Row } from './validate-measure.ts'

const row = (vms: number, median: number, warm = median): Row => ({ vms, hosts: vms / 8, findings: vms * 6, median, warm, runs: 31, faults: null })
const evict = cacheEvictor(1 << 20)
const verdict = (rows: Row[]) => {
  const lines: string[] = []
  return { ok: report('test', rows, (line) => lines.push(line)), lines }
}

describe('the validate benchmark', () => {
  it('takes per size the median of the sessions\' medians, and keeps each', () => {
    const combined = combineSessions([
      [row(100, 0.8), row(1000, 5), row(10000, 41)],
      [row(100, 0.6), row(1000, 4), row(10000, 60)],
      [row(100, 0.7), row(1000, 6), row(10000, 39)],
    ])
    expect(combined.map((r) => r.median)).toEqual([0.7, 5, 41])
    expect(combined[2]!.sessions).toEqual([41, 60, 39])
  })

  it('budgets the cold-cache runs and shows the warm ones beside them', () => {
    // Warm, the small estate sits in the caches and the large one cannot: 15× here, shown only.
    const cold = verdict([row(100, 0.6, 0.5), row(1000, 4, 3), row(10000, 40, 45)])
    expect(cold.ok).toBe(true)
    expect(cold.lines.join('\n')).toMatch(/growth per 10× VMs: 6\.7×, 10\.0× \(budget ≤ 12×\) OK; warm: 6\.0×, 15\.0×/)
    expect(cold.lines.join('\n')).toMatch(/ 10000 +1250 +60000 +40\.00 +45\.00 +31/)
    expect(verdict([row(100, 0.5, 0.5), row(1000, 3, 4), row(10000, 40, 40)]).ok).toBe(false)
  })

  it('evicts the caches by reading its whole buffer (written once, so its pages are real memory)', () => {
    expect(cacheEvictor(1 << 20)()).toBe((1 << 20) / 64)
  })

  it('passes only within both budgets: the time at the largest size and the growth per 10×', () => {
    expect(verdict([row(100, 0.5), row(1000, 4), row(10000, 40)]).ok).toBe(true)
    expect(verdict([row(100, 0.5), row(1000, 4), row(10000, BUDGET_MS + 1)]).ok).toBe(false)
    const steep = verdict([row(100, 0.5), row(1000, 3), row(10000, 3 * MAX_GROWTH + 1)])
    expect(steep.ok).toBe(false)
    expect(steep.lines.join('\n')).toMatch(/growth per 10× VMs: 6\.0×, 12\.3× \(budget ≤ 12×\) OVER BUDGET/)
  })

  it('measures validateWithFixes, the editor\'s call, on the same estate with the same findings', () => {
    const [plain] = measureValidate([100], undefined, evict, undefined, false, 2)
    const [withFixes] = measureValidate([100], undefined, evict, undefined, true, 2)
    expect(withFixes!.findings).toBe(plain!.findings)
    expect(withFixes!.findings).toBeGreaterThan(500)
    expect(plain!.median).toBeGreaterThan(0)
    expect(plain!.warm).toBeGreaterThan(0)
  })

  it('times the sizes in turn, round after round, so that they share the machine\'s slow and fast minutes', () => {
    const order: number[] = []
    const subject = (vms: number) => ({ vms, hosts: vms / 8, run: () => { order.push(vms); return vms * 6 } })
    const gcs: number[] = []
    const rows = measureInRounds([subject(100), subject(1000), subject(10000)], () => gcs.push(order.length), evict, undefined, 2)
    // Five warm-up runs each, then per round: the small sizes three times, the largest once, each run twice (warm, then cold).
    const round = [100, 100, 100, 100, 100, 100, 1000, 1000, 1000, 1000, 1000, 1000, 10000, 10000]
    expect(order).toEqual([...Array(5).fill(100), ...Array(5).fill(1000), ...Array(5).fill(10000), ...round, ...round])
    // A full GC before each timed run, warm and cold.
    expect(gcs).toHaveLength(2 * round.length)
    expect(rows.map((r) => [r.vms, r.runs, r.findings])).toEqual([[100, 6, 600], [1000, 6, 6000], [10000, 2, 60000]])
  })
})
