import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { loadPlanValue } from '../io/load.ts'
import type { Plan } from '../model/plan.ts'
import type { RuleCases } from '../testing/rule-cases.ts'
import { generateEstate } from '../testing/estate.ts'
import { arbitraryPlan } from '../testing/plan-arbitrary.ts'
import { RULES } from '../rules/registry.ts'
import { PlanIndex } from './plan-index.ts'
import { validateInSlices, type Validation } from './validate.ts'

const modules = import.meta.glob<{ cases: RuleCases[] }>('../rules/*.cases.ts', { eager: true })
const casePlans = Object.values(modules).flatMap((module) => module.cases).flatMap((table) => [...table.fires, ...table.silent].map((c) => c.plan))
const examples = Object.values(import.meta.glob<Plan>('../../../examples/*.json', { eager: true, import: 'default' })).map((value) => {
  const loaded = loadPlanValue(value)
  if (!loaded.ok) throw new Error('an example must load')
  return loaded.value
})

/** What a validation says, findings in order with their quick fixes, as plain data to compare. */
const said = ({ findings, quickFixes }: Validation) => findings.map((finding) => ({ rule: finding.rule, severity: finding.severity, subject: finding.subject, related: finding.related, message: finding.message, fix: finding.fix, source: finding.source, quickFix: quickFixes.get(finding) ?? null }))

describe('rules that run slice by slice (Rule.perHost)', () => {
  // One host per slice (slices of one VM) is the finest cut: a rule that reads another host's
  // things, or adds up over several hosts, says something else there than on the whole plan.
  // With quick fixes (the editor's call) and without (validate(), where rules that are per host for
  // their findings only run slice by slice too).
  const same = (plan: Plan) => {
    expect(said(validateInSlices(plan, 1))).toEqual(said(validateInSlices(plan, Infinity)))
    expect(said(validateInSlices(plan, 1, { fixes: false }))).toEqual(said(validateInSlices(plan, Infinity, { fixes: false })))
  }

  it('find the same, with the same quick fixes, on every case plan of every rule and every example', () => {
    for (const plan of [...casePlans, ...examples]) same(plan)
  })

  it('find the same on a generated estate cut into slices of several sizes', () => {
    const estate = loadPlanValue(generateEstate(400))
    if (!estate.ok) throw new Error('the estate must load')
    for (const fixes of [true, false]) {
      const whole = said(validateInSlices(estate.value, Infinity, { fixes }))
      for (const vms of [1, 7, 64, 399]) expect(said(validateInSlices(estate.value, vms, { fixes }))).toEqual(whole)
    }
  })

  it('find the same on generated plans', () => {
    fc.assert(fc.property(arbitraryPlan, same), { numRuns: 300 })
  })

  it('are most rules, so that slices pay off', () => {
    expect(RULES.filter((rule) => rule.perHost).length).toBeGreaterThan(RULES.length / 2)
  })
})

describe('PlanIndex.slices', () => {
  it('cuts whole hosts in plan order, and its lists are runs of the whole index’s', () => {
    const estate = loadPlanValue(generateEstate(100))
    if (!estate.ok) throw new Error('the estate must load')
    const index = new PlanIndex(estate.value)
    const slices = index.slices(30)
    expect(slices.length).toBeGreaterThan(1)
    for (const slice of slices) {
      expect(slice.whole).toBe(index)
      expect(slice.plan.storage).toBe(index.plan.storage)
      expect(slice.hosts.map((ref) => ref.host)).toEqual(slice.plan.hosts)
      expect(slice.luns).toEqual([])
      expect(slice.vms.length).toBeGreaterThanOrEqual(1)
    }
    expect(slices.flatMap((slice) => slice.plan.hosts)).toEqual(estate.value.hosts)
    expect(slices.flatMap((slice) => slice.vms)).toEqual(index.vms)
    expect(slices.flatMap((slice) => slice.physicalDisks)).toEqual(index.physicalDisks)
    expect(slices.flatMap((slice) => slice.exchangeServers)).toEqual(index.exchangeServers)
    expect(index.slices(100)).toEqual([index])
  })
})
