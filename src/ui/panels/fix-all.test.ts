import { describe, expect, it } from 'vitest'
import { loadPlanValue, ruleById, validateWithFixes } from '../../core/index.ts'
import { generateEstate } from '../../core/testing/estate.ts'
import { edit, first, soundPlan } from '../../core/testing/plan-builder.ts'
import { fixAllByRule } from './fix-all.ts'

describe('fixAllByRule', () => {
  it('combines the fixes of a rule that allows it, in the findings\' order, when there are two or more', () => {
    const plan = edit(soundPlan(), (d) => {
      for (const disk of first(d).vm.disks.slice(1)) { disk.kind = 'dynamic-vhd'; disk.backing = 'hv01-os' }
      first(d).host.disks[0]!.sizeGB = 1000 // room for both once they are fixed
    })
    const { findings, quickFixes } = validateWithFixes(plan)
    const dynamic = findings.filter((f) => f.rule === 'dynamic-vhd-unsupported')
    expect(dynamic).toHaveLength(2)
    const all = fixAllByRule(findings, quickFixes)
    expect(all.get('dynamic-vhd-unsupported')).toEqual({ count: 2, edits: dynamic.flatMap((f) => quickFixes.get(f)!.edits), words: 'Make it a fixed VHD' })
    // A rule with a single fixable finding offers no "Fix all".
    for (const [, entry] of all) expect(entry.count).toBeGreaterThan(1)
  })

  it('names fixes that differ from finding to finding by the first and how many more', () => {
    const plan = edit(soundPlan(), (d) => { first(d).host.disks[2]!.online = true; first(d).host.disks[3]!.online = true })
    const { findings, quickFixes } = validateWithFixes(plan)
    const all = fixAllByRule(findings, quickFixes).get('passthrough-offline-on-host')!
    expect(all.count).toBe(2)
    expect(all.words).toBe('Take Disk 2 offline on HV01 and 1 similar fix')
  })

  it('leaves out rules whose fixes are not independent, and findings without a fix', () => {
    const loaded = loadPlanValue(generateEstate(200))
    if (!loaded.ok) throw new Error('estate must load')
    const { findings, quickFixes } = validateWithFixes(loaded.value)
    const all = fixAllByRule(findings, quickFixes)
    for (const [rule, entry] of all) {
      const fixed = findings.filter((f) => f.rule === rule && quickFixes.has(f))
      expect(entry.count).toBe(fixed.length)
      expect(entry.edits).toEqual(fixed.flatMap((f) => quickFixes.get(f)!.edits))
    }
    const fixable = new Set(findings.filter((f) => quickFixes.has(f)).map((f) => f.rule))
    for (const rule of fixable) {
      const count = findings.filter((f) => f.rule === rule && quickFixes.has(f)).length
      expect(all.has(rule), rule).toBe(Boolean(ruleById(rule)?.fixAll) && count > 1)
    }
    expect(all.size).toBeGreaterThan(3)
  })
})
