import { describe, expect, it } from 'vitest'
import { BUDGET_MS, MAX_GROWTH, combineSessions, measureValidate, report, type Row } from './validate-measure.ts'

const row = (vms: number, median: number): Row => ({ vms, hosts: vms / 8, findings: vms * 6, median, runs: 31, faults: null })
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

  it('passes only within both budgets: the time at the largest size and the growth per 10×', () => {
    expect(verdict([row(100, 0.5), row(1000, 4), row(10000, 40)]).ok).toBe(true)
    expect(verdict([row(100, 0.5), row(1000, 4), row(10000, BUDGET_MS + 1)]).ok).toBe(false)
    const steep = verdict([row(100, 0.5), row(1000, 3), row(10000, 3 * MAX_GROWTH + 1)])
    expect(steep.ok).toBe(false)
    expect(steep.lines.join('\n')).toMatch(/growth per 10× VMs: 6\.0×, 12\.3× \(budget ≤ 12×\) OVER BUDGET/)
  })

  it('measures validateWithFixes, the editor\'s call, on the same estate with the same findings', () => {
    const plain = measureValidate(100, undefined)
    const withFixes = measureValidate(100, undefined, undefined, true)
    expect(withFixes.findings).toBe(plain.findings)
    expect(withFixes.findings).toBeGreaterThan(500)
  })
})
