import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { forEachEntity } from '../edit/locate.ts'
import { loadPlanValue } from '../io/load.ts'
import type { Plan } from '../model/plan.ts'
import { generateEstate } from '../testing/estate.ts'
import { arbitraryPlan } from '../testing/plan-arbitrary.ts'
import type { RuleCases } from '../testing/rule-cases.ts'
import { validate, validateWithFixes } from '../validate/validate.ts'
import { RULES } from './registry.ts'
import { severitiesOf } from './types.ts'

const modules = import.meta.glob<{ cases: RuleCases[] }>('./*.cases.ts', { eager: true })
const tables = Object.values(modules).flatMap((module) => module.cases)

describe('every registered rule has a table of cases', () => {
  for (const rule of RULES) {
    it(`${rule.id} has a plan where it fires and one where it does not`, () => {
      const own = tables.filter((table) => table.rule === rule.id)
      expect(own.flatMap((table) => table.fires).length, `${rule.id}: no firing case`).toBeGreaterThan(0)
      expect(own.flatMap((table) => table.silent).length, `${rule.id}: no silent case`).toBeGreaterThan(0)
    })
  }
  it('no table names a rule that is not registered', () => {
    const ids = new Set(RULES.map((rule) => rule.id))
    expect(tables.map((table) => table.rule).filter((id) => !ids.has(id))).toEqual([])
  })
})

describe('rules about roles', () => {
  it('are the rules whose findings a role brings to its server by being there', () => {
    // The editor says their findings at once when a role is dropped (drop.ts), whatever the severity.
    expect(RULES.filter((rule) => rule.aboutRoles).map((rule) => rule.id).sort()).toEqual([
      'e19-no-um-role', 'e2010-um-no-oversubscription', 'e2010-um-only-role', 'e2010-um-rtm', 'e2010-um-vcpu',
      'edge-transport-alone', 'exchange-role-not-in-version', 'um-role-virtualized',
    ])
  })
})

describe('severities', () => {
  const byId = new Map(RULES.map((rule) => [rule.id, rule]))
  const undeclared = (plan: Plan) => validate(plan).filter((f) => !severitiesOf(byId.get(f.rule)!).includes(f.severity)).map((f) => `${f.rule}: ${f.severity}`)
  const casePlans = tables.flatMap((table) => [...table.fires, ...table.silent].map((c) => c.plan))

  it('every finding has a severity its rule declares (what `vexplan rules` lists), in every case plan, an estate and generated plans', () => {
    const estate = loadPlanValue(generateEstate(400))
    if (!estate.ok) throw new Error('the estate must load')
    for (const plan of [estate.value, ...casePlans]) expect(undeclared(plan)).toEqual([])
    fc.assert(fc.property(arbitraryPlan, (plan) => { expect(undeclared(plan)).toEqual([]) }), { numRuns: 300 })
  })

  it('lists a rule\'s own severity first, once', () => {
    for (const rule of RULES) {
      expect(severitiesOf(rule)[0], rule.id).toBe(rule.severity)
      expect(new Set(severitiesOf(rule)).size, rule.id).toBe(severitiesOf(rule).length)
    }
  })

  it('every severity a rule declares is one some case plan gives it', () => {
    const seen = new Set(casePlans.flatMap((plan) => validate(plan).map((f) => `${f.rule}: ${f.severity}`)))
    const unseen = RULES.flatMap((rule) => severitiesOf(rule).map((severity) => `${rule.id}: ${severity}`)).filter((key) => !seen.has(key))
    expect(unseen).toEqual([])
  })
})

describe('words of every finding in every case plan', () => {
  const findings = tables.flatMap((table) => table.fires.flatMap((c) => validate(c.plan)))
  it('list two or more names with "and" ("EX01 and EX02"), never with a bare comma', () => {
    // The estate puts several VMs on each host, so every list of VMs a rule writes has two names or more.
    const plans = [...tables.flatMap((table) => table.fires.map((c) => c.plan)), generateEstate(48)]
    const namesOf = (plan: Plan) => {
      const names = new Set<string>()
      forEachEntity(plan, (entity) => names.add(entity.name))
      return names
    }
    const bare = plans.flatMap((plan) => {
      const names = [...namesOf(plan)].sort((a, b) => b.length - a.length).map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')
      const name = `(?:${names})(?![\\w-])`
      const list = new RegExp(`${name}(?:, ${name})+(?!, | and ${name})`)
      return validate(plan).flatMap((f) => [f.message, f.fix]).filter((text) => list.test(text))
    })
    expect(bare).toEqual([])
  })
  it('have no empty parts (", .", ",,", a space before a full stop, two spaces), on any hypervisor', () => {
    // Every case plan as written and with its hosts moved to other hypervisors, as the words depend on them.
    const variants = (plan: Plan): Plan[] => [plan, ...(['vmware-esx', 'third-party', 'virtual-server-2005-r2-sp1', 'hyper-v-2008', 'hyper-v-2016'] as const).map((hypervisor) => {
      const copy = structuredClone(plan)
      for (const host of copy.hosts) {
        if (host.hypervisor === 'none') continue
        host.hypervisor = hypervisor
        host.svvpValidated = true
        host.parent.roles = hypervisor.startsWith('hyper-v') ? ['hyper-v'] : host.parent.roles.filter((role) => role !== 'hyper-v')
      }
      return copy
    })]
    const broken = tables.flatMap((table) => table.fires.flatMap((c) => variants(c.plan)))
      .flatMap((plan) => validateWithFixes(plan).findings)
      .flatMap((f) => [f.message, f.fix].map((text) => `${f.rule}: ${text}`))
      .filter((text) => /,\s*[.,;:]|\s[.,;:]|\s{2}|\(\s*\)/.test(text))
    expect([...new Set(broken)]).toEqual([])
  })
  it('write every size as gb() does, two decimals at most and thousands grouped, whatever sizes a plan holds', () => {
    // Every firing case plan as written, with odd memory (15 + 2.24 GB once showed as 17.240000000000002 GB)
    // and with every size scaled past a thousand; whatever fires then must still write its numbers right.
    const scaled = (plan: Plan, ram: (gb: number) => number, size: (gb: number) => number): Plan => {
      const copy = structuredClone(plan)
      for (const host of copy.hosts) {
        host.hardware.ramGB = ram(host.hardware.ramGB)
        for (const disk of host.disks) disk.sizeGB = size(disk.sizeGB)
        for (const vm of host.vms) {
          vm.ramGB = ram(vm.ramGB)
          for (const disk of vm.disks) disk.sizeGB = size(disk.sizeGB)
        }
      }
      for (const array of copy.storage) for (const lun of array.luns) lun.sizeGB = size(lun.sizeGB)
      return copy
    }
    const plans = tables.flatMap((table) => table.fires.flatMap((c) => [
      c.plan,
      scaled(c.plan, (gb) => gb + 0.24, (gb) => gb),
      scaled(c.plan, (gb) => gb * 1000.123, (gb) => gb * 1000.0071),
    ]))
    const badNumber = /\d\.\d{3,}(?!\d* ?(?:TB|%))|\b\d{4,}(?:\.\d+)? GB/
    const broken = plans.flatMap((plan) => validateWithFixes(plan))
      .flatMap(({ findings, quickFixes }) => findings.flatMap((f) => [f.message, f.fix, quickFixes.get(f)?.label ?? ''].map((text) => `${f.rule}: ${text}`)))
      .filter((text) => badNumber.test(text.replace(/^[^:]+: /, '')))
    expect([...new Set(broken)]).toEqual([])
  })
  it('nest no brackets: "(iSCSI disk (guest initiator))" reads badly', () => {
    expect(findings.flatMap((f) => [f.message, f.fix]).filter((text) => /\([^()]*\(/.test(text))).toEqual([])
  })
  it('write a disk kind in lower case inside a sentence ("a fixed VHDX", not "a Fixed VHDX")', () => {
    expect(findings.flatMap((f) => [f.message, f.fix]).filter((text) => /\b(a|an|the) (Fixed|Dynamic|Differencing|Pass-through)\b/.test(text))).toEqual([])
  })
})

for (const table of tables) {
  describe(table.rule, () => {
    for (const c of table.fires) {
      it(`fires: ${c.name}`, () => {
        expect(loadPlanValue(c.plan).ok, 'the case plan must be a valid plan file').toBe(true)
        const found = validate(c.plan).filter((f) => f.rule === table.rule)
        expect(found.map((f) => f.subject).sort()).toEqual([...c.subjects].sort())
        if (c.severity) expect(found.map((f) => f.severity)).toEqual(found.map(() => c.severity))
        for (const f of found) {
          expect(f.message.length).toBeGreaterThan(10)
          expect(f.fix.length).toBeGreaterThan(5)
          expect(f.source.length).toBeGreaterThan(3)
        }
      })
    }
    for (const c of table.silent) {
      it(`silent: ${c.name}`, () => {
        expect(loadPlanValue(c.plan).ok, 'the case plan must be a valid plan file').toBe(true)
        expect(validate(c.plan).filter((f) => f.rule === table.rule)).toEqual([])
      })
    }
  })
}
