import { describe, expect, it } from 'vitest'
import { defineRule, type Explanation } from '../rules/types.ts'
import { soundPlan } from '../testing/plan-builder.ts'
import type { VmRef } from './plan-index.ts'
import { validate } from './validate.ts'

/** A rule that reports each VM with its words deferred, counting how often they are built. */
function countingRule() {
  const built: string[] = []
  const explain = ({ vm, host }: VmRef): Explanation => {
    built.push(vm.id)
    return { related: [host.id], message: `${vm.name} was looked at.`, fix: `Nothing to do for ${vm.name}.` }
  }
  const rule = defineRule({
    id: 'test-deferred', severity: 'info', title: 'Test', section: 'Test', source: 'Test source',
    check({ index, report }) {
      for (const ref of index.vms) report(ref.vm.id, ref, explain)
    },
  })
  return { rule, built }
}

describe('findings', () => {
  it('build the words of a deferred report when first read, once, and keep them', () => {
    const { rule, built } = countingRule()
    const [finding, ...rest] = validate(soundPlan(), [rule])
    expect(rest).toEqual([])
    expect(built).toEqual([])
    expect(finding!.message).toBe('EX01 was looked at.')
    expect(finding!.fix).toBe('Nothing to do for EX01.')
    expect(finding!.related).toEqual(['hv01'])
    expect(finding!.related).toBe(finding!.related)
    expect(built).toEqual(['ex01'])
  })

  it('write every field in the order of plan-format.md, deferred or not', () => {
    const eager = defineRule({
      id: 'test-eager', severity: 'warning', title: 'Test', section: 'Test', source: 'Eager source',
      check({ reportWords }) { reportWords({ subject: 'ex01', message: 'Said at once.', fix: 'Fix it.' }) },
    })
    const findings = validate(soundPlan(), [countingRule().rule, eager])
    expect(JSON.parse(JSON.stringify(findings))).toEqual([
      { rule: 'test-eager', severity: 'warning', subject: 'ex01', related: [], message: 'Said at once.', fix: 'Fix it.', source: 'Eager source' },
      { rule: 'test-deferred', severity: 'info', subject: 'ex01', related: ['hv01'], message: 'EX01 was looked at.', fix: 'Nothing to do for EX01.', source: 'Test source' },
    ])
    expect(Object.keys(JSON.parse(JSON.stringify(findings[1])))).toEqual(['rule', 'severity', 'subject', 'related', 'message', 'fix', 'source'])
  })

  it('are read-only: a finding that relates to nothing cannot be given ids that every such finding would share', () => {
    const eager = defineRule({
      id: 'test-eager', severity: 'info', title: 'Test', section: 'Test', source: 'Test',
      check({ reportWords }) { reportWords({ subject: 'ex01', message: 'One.', fix: 'Fix.' }); reportWords({ subject: 'hv01', message: 'Two.', fix: 'Fix.' }) },
    })
    const [first, second] = validate(soundPlan(), [eager])
    expect(() => (first!.related as string[]).push('x')).toThrow(TypeError)
    expect(second!.related).toEqual([])
  })

  it('keep the severity and words of each report where one rule alternates explanations and severities', () => {
    const first = ({ vm }: VmRef): Explanation => ({ message: `${vm.name} first.`, fix: 'One.' })
    const second = ({ vm }: VmRef): Explanation => ({ message: `${vm.name} second.`, fix: 'Two.' })
    const rule = defineRule({
      id: 'test-alternating', severity: 'warning', title: 'Test', section: 'Test', source: 'Test',
      check({ index, report, reportWords }) {
        for (const ref of index.vms) {
          report(`${ref.vm.id}-a`, ref, first)
          report(`${ref.vm.id}-b`, ref, second, 'error')
          reportWords({ subject: `${ref.vm.id}-c`, message: 'Said.', fix: 'Three.', severity: 'info' })
          report(`${ref.vm.id}-d`, ref, first, 'error')
        }
      },
    })
    // Twice: the second validation reuses the first one's lists and must not show its findings.
    for (let run = 0; run < 2; run++) {
      const findings = validate(soundPlan(), [rule])
      expect(findings.map((f) => `${f.severity} ${f.subject} ${f.message} ${f.fix}`)).toEqual([
        'error ex01-b EX01 second. Two.',
        'error ex01-d EX01 first. One.',
        'warning ex01-a EX01 first. One.',
        'info ex01-c Said. Three.',
      ])
      expect(findings.map((f) => f.severity)).toEqual(['error', 'error', 'warning', 'info'])
    }
  })
})

