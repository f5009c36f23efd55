import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyEdits } from '../edit/edits.ts'
import { loadPlanValue } from '../io/load.ts'
import type { Plan } from '../model/plan.ts'
import { arbitraryPlan } from '../testing/plan-arbitrary.ts'
import { edit, first, soundPlan } from '../testing/plan-builder.ts'
import { soundFor } from './exchange-modern.cases.ts'
import { twinHost } from './ha.cases.ts'
import type { RuleCases } from '../testing/rule-cases.ts'
import { validate, validateWithFixes } from '../validate/validate.ts'
import { RULES } from './registry.ts'
import type { Finding, QuickFix } from './types.ts'

const modules = import.meta.glob<{ cases: RuleCases[] }>('./*.cases.ts', { eager: true })
const tables = Object.values(modules).flatMap((module) => module.cases)
/** Every firing case of every table: a rule's fix is tried wherever that rule fires, not only in its own table. */
const firing = tables.flatMap((table) => table.fires.map((c) => ({ name: `${table.rule}: ${c.name}`, plan: c.plan })))
const allPlans = tables.flatMap((table) => [...table.fires, ...table.silent].map((c) => c.plan))

/** The rules that offer a quick fix somewhere in the case tables; a rule losing its fix fails here. */
const RULES_WITH_FIXES = [
  'backup-in-guest-recommended', 'backup-must-be-exchange-aware', 'data-disks-on-scsi', 'differencing-vhd-unsupported',
  'dynamic-memory-unsupported', 'dynamic-vhd-unsupported', 'e2003-min-sp2', 'e2010-sp1-saved-state', 'host-ha-cold-boot-only', 'e2003-no-undo-disks', 'e2003-standalone-only',
  'e2003-virtual-server-guest-limits', 'e2003-vm-additions', 'e2003-ws2003-vcpu-max2', 'e2007-guest-os-disk-size',
  'e2007-guest-os-ws2008', 'e2007-min-sp1', 'exchange-role-not-in-version', 'fixed-vhd-size-limit', 'guest-ic-rtm-update', 'guest-integration-components',
  'host-cpu-virtualization-prereqs', 'host-lp-limit', 'host-vss-backup-excludes-passthrough', 'parent-hyperv-only-role',
  'parent-server-core-recommended', 'passthrough-offline-on-host', 'vm-boot-disk-on-ide', 'vm-ide-limit', 'vm-memory-max',
  'vm-snapshot-count', 'vm-snapshot-unsupported', 'vm-vcpu-max', 'vhd-on-offline-host-disk', 'host-edition-in-version',
]

const key = (finding: Pick<Finding, 'rule' | 'subject'>) => `${finding.rule} ${finding.subject}`
const errorKeys = (findings: readonly Finding[]) => new Set(findings.filter((f) => f.severity === 'error').map(key))

function applied(plan: Plan, fixes: readonly QuickFix[]): Plan {
  const result = applyEdits(plan, fixes.flatMap((fix) => fix.edits))
  if (!result.ok) throw new Error(`the quick fix does not apply: ${JSON.stringify(result.problems)}`)
  return result.value
}

/** Errors after the fix that were not there before, leaving out the fixed findings themselves. */
function newErrors(before: readonly Finding[], after: readonly Finding[], fixed: readonly Finding[]): string[] {
  const old = errorKeys(before)
  const gone = new Set(fixed.map(key))
  return [...errorKeys(after)].filter((k) => !old.has(k) && !gone.has(k))
}

interface FixCase { name: string; plan: Plan; finding: Finding; fix: QuickFix }

const fixCases: FixCase[] = firing.flatMap(({ name, plan }) => {
  const { quickFixes } = validateWithFixes(plan)
  return [...quickFixes].map(([finding, fix]) => ({ name, plan, finding, fix }))
})

describe('quick fixes', () => {
  it('are offered by exactly the expected rules', () => {
    const offering = new Set(allPlans.flatMap((plan) => [...validateWithFixes(plan).quickFixes.keys()].map((f) => f.rule)))
    expect([...offering].sort()).toEqual([...RULES_WITH_FIXES].sort())
  })

  it('each fix is tried on at least one firing case', () => {
    const tried = new Set(fixCases.map((c) => c.finding.rule))
    expect(RULES_WITH_FIXES.filter((id) => !tried.has(id))).toEqual([])
  })

  it('can all be applied rule by rule ("Fix all"): every fix touches only its own finding', () => {
    const fixAll = RULES.filter((rule) => rule.fixAll).map((rule) => rule.id)
    expect(fixAll.sort()).toEqual([...RULES_WITH_FIXES].sort())
  })

  it('have short, plain labels', () => {
    for (const { fix } of fixCases) {
      expect(fix.label.length).toBeGreaterThan(3)
      expect(fix.label.length).toBeLessThanOrEqual(48)
      expect(fix.label).not.toMatch(/undefined|NaN|\[object/)
      expect(fix.edits.length).toBeGreaterThan(0)
    }
  })
})

for (const rule of RULES_WITH_FIXES) {
  describe(`quick fix of ${rule}`, () => {
    for (const { name, plan, finding, fix } of fixCases.filter((c) => c.finding.rule === rule)) {
      it(`${fix.label} (${finding.subject}) — ${name}`, () => {
        const before = validate(plan)
        const after = validate(applied(plan, [fix]))
        expect(after.map(key), 'the finding must disappear').not.toContain(key(finding))
        expect(newErrors(before, after, [finding]), 'the fix must not introduce an error').toEqual([])
      })
    }
  })
}

for (const rule of RULES.filter((r) => r.fixAll)) {
  describe(`fix all of ${rule.id}`, () => {
    for (const { name, plan } of firing) {
      const { findings, quickFixes } = validateWithFixes(plan)
      const own = findings.filter((f) => f.rule === rule.id)
      const fixes = own.flatMap((f) => quickFixes.get(f) ?? [])
      // "Fix all" clears the rule where every one of its findings has a fix.
      if (fixes.length === 0 || fixes.length !== own.length) continue
      it(name, () => {
        const after = validate(applied(plan, fixes))
        expect(after.filter((f) => f.rule === rule.id)).toEqual([])
        expect(newErrors(findings, after, own)).toEqual([])
      })
    }
  })
}

describe('quick fixes on random plans', () => {
  it('always apply and leave a plan that loads', () => {
    fc.assert(fc.property(arbitraryPlan, (plan) => {
      for (const [finding, fix] of validateWithFixes(plan).quickFixes) {
        const result = applyEdits(plan, fix.edits)
        if (!result.ok) throw new Error(`${key(finding)}: ${JSON.stringify(result.problems)}`)
        const loaded = loadPlanValue(JSON.parse(JSON.stringify(result.value)))
        if (!loaded.ok) throw new Error(`${key(finding)}: ${JSON.stringify(loaded.problems)}`)
      }
    }), { numRuns: 150 })
  }, 30_000)

  it('make their finding disappear without a new error', () => {
    fc.assert(fc.property(arbitraryPlan, (plan) => {
      const { findings, quickFixes } = validateWithFixes(plan)
      for (const [finding, fix] of quickFixes) {
        const after = validate(applied(plan, [fix]))
        expect(after.map(key), fix.label).not.toContain(key(finding))
        expect(newErrors(findings, after, [finding]), fix.label).toEqual([])
      }
    }), { numRuns: 100 })
  }, 30_000)
})

/** The quick fix of `rule` on `subject` in `plan`, or undefined when the finding has none. */
function fixOf(plan: Plan, rule: string, subject: string): QuickFix | undefined {
  const { findings, quickFixes } = validateWithFixes(plan)
  const finding = findings.find((f) => f.rule === rule && f.subject === subject)
  if (!finding) throw new Error(`${rule} does not fire on ${subject}`)
  return quickFixes.get(finding)
}

describe('quick fixes carry what the rule computed', () => {
  it('the vCPU limit of the guest OS', () => {
    const plan = edit(soundPlan(), (d) => { Object.assign(first(d).vm, { vcpus: 4, guestOs: 'ws2003-sp2-x64' }) })
    expect(fixOf(plan, 'vm-vcpu-max', 'ex01')).toEqual({ label: 'Set 2 vCPUs', edits: [{ op: 'set', target: 'ex01', field: 'vcpus', value: 2 }] })
  })

  it('the backing host disk, by name, for a pass-through disk online on the host', () => {
    const plan = edit(soundPlan(), (d) => { first(d).host.disks[2]!.online = true })
    expect(fixOf(plan, 'passthrough-offline-on-host', 'ex01-db')).toEqual({
      label: 'Take Disk 2 offline on HV01', edits: [{ op: 'set', target: 'hv01-db', field: 'online', value: false }],
    })
  })

  it('15 GB plus the VM memory, rounded up, for the OS disk', () => {
    const plan = edit(soundPlan(), (d) => { first(d).vm.ramGB = 3.5; Object.assign(first(d).vm.disks[0]!, { kind: 'fixed-vhd', backing: 'hv01-os', sizeGB: 10 }) })
    expect(fixOf(plan, 'e2007-guest-os-disk-size', 'ex01-boot')?.edits).toEqual([{ op: 'set', target: 'ex01-boot', field: 'sizeGB', value: 19 }])
  })

  it('a pass-through OS disk entered smaller than the host disk it is the whole of is set to that disk\'s size, not grown by a few GB', () => {
    // The walk: a pass-through Boot entered as 40 GB on a 300 GB host disk, in a VM with 28 GB.
    const plan = edit(soundPlan(), (d) => { first(d).vm.ramGB = 28; first(d).vm.disks[0]!.sizeGB = 40; first(d).host.disks[1]!.sizeGB = 300 })
    expect(fixOf(plan, 'e2007-guest-os-disk-size', 'ex01-boot')).toEqual({ label: "Set it to 300 GB, the size of HV01's Disk 1", edits: [{ op: 'set', target: 'ex01-boot', field: 'sizeGB', value: 300 }] })
    expect(validate(plan).find((f) => f.rule === 'e2007-guest-os-disk-size')?.fix).toBe("Set Boot's size to 300 GB: EX01 sees the whole of HV01's Disk 1.")
  })

  it('a fixed VHD, not a VHDX, for a dynamic VHDX (Exchange 2007 and 2010 list fixed VHDs), and none when it is too big for a VHD', () => {
    const dynamicVhdx = (sizeGB: number, hypervisor: 'hyper-v-2008-r2' | 'hyper-v-2012', backing = 'hv01-db') => edit(soundPlan(), (d) => {
      first(d).host.hypervisor = hypervisor
      Object.assign(first(d).vm.disks[1]!, { kind: 'dynamic-vhdx', sizeGB, backing })
    })
    expect(fixOf(dynamicVhdx(300, 'hyper-v-2008-r2'), 'dynamic-vhd-unsupported', 'ex01-db')).toEqual({
      label: 'Make it a fixed VHD', edits: [{ op: 'set', target: 'ex01-db', field: 'kind', value: 'fixed-vhd' }],
    })
    expect(fixOf(dynamicVhdx(3000, 'hyper-v-2008-r2'), 'dynamic-vhd-unsupported', 'ex01-db')).toBeUndefined()
    expect(fixOf(dynamicVhdx(300, 'hyper-v-2012'), 'dynamic-vhd-unsupported', 'ex01-db')?.label).toBe('Make it a fixed VHD')
    expect(fixOf(dynamicVhdx(3000, 'hyper-v-2012'), 'dynamic-vhd-unsupported', 'ex01-db')).toBeUndefined()
  })

  it('a fixed VHDX for a dynamic VHD of Exchange 2013 and later where Hyper-V has VHDX, whatever its size within the VHDX limit', () => {
    const dynamicVhd = (sizeGB: number, hypervisor: 'hyper-v-2008-r2' | 'hyper-v-2019') => edit(soundFor('2019'), (d) => {
      first(d).host.hypervisor = hypervisor
      first(d).host.disks[2]!.sizeGB = 8000
      Object.assign(first(d).vm.disks[1]!, { kind: 'dynamic-vhd', sizeGB, backing: 'hv01-db' })
    })
    expect(fixOf(dynamicVhd(3000, 'hyper-v-2019'), 'dynamic-vhd-unsupported', 'ex01-db')).toEqual({
      label: 'Make it a fixed VHDX', edits: [{ op: 'set', target: 'ex01-db', field: 'kind', value: 'fixed-vhdx' }],
    })
    expect(validate(dynamicVhd(3000, 'hyper-v-2019')).find((f) => f.rule === 'dynamic-vhd-unsupported')?.fix)
      .toBe('Convert Database on EX01 to a fixed-size VHDX, or give EX01 a pass-through disk instead.')
    expect(fixOf(dynamicVhd(300, 'hyper-v-2019'), 'dynamic-vhd-unsupported', 'ex01-db')?.label).toBe('Make it a fixed VHDX')
    // Without VHDX in the hypervisor, a fixed VHD where it fits.
    expect(fixOf(dynamicVhd(300, 'hyper-v-2008-r2'), 'dynamic-vhd-unsupported', 'ex01-db')?.label).toBe('Make it a fixed VHD')
  })

  it('no fixed VHD where the host disk has no room for its full size', () => {
    const dynamic = (sizeGB: number, backing: string) => edit(soundPlan(), (d) => {
      Object.assign(first(d).vm.disks[1]!, { kind: 'dynamic-vhd', sizeGB, backing })
    })
    // Disk 0 (146 GB) holds nothing fixed yet; Disk 2 (300 GB) holds only this disk.
    expect(fixOf(dynamic(300, 'hv01-os'), 'dynamic-vhd-unsupported', 'ex01-db')).toBeUndefined()
    expect(fixOf(dynamic(140, 'hv01-os'), 'dynamic-vhd-unsupported', 'ex01-db')?.label).toBe('Make it a fixed VHD')
    // Two dynamic disks of 200 GB on Disk 2: "Fix all" may make only one of them fixed.
    const two = edit(dynamic(200, 'hv01-db'), (d) => { Object.assign(first(d).vm.disks[2]!, { kind: 'dynamic-vhd', sizeGB: 200, backing: 'hv01-db' }) })
    expect(fixOf(two, 'dynamic-vhd-unsupported', 'ex01-db')?.label).toBe('Make it a fixed VHD')
    expect(fixOf(two, 'dynamic-vhd-unsupported', 'ex01-logs')).toBeUndefined()
    // Two hosts' disks on one LUN (a Cluster Shared Volume) share its 500 GB.
    const csv = (dynamicGB: number) => edit(soundPlan(), (d) => {
      d.storage.push({ id: 'san', name: 'SAN', protocol: 'fc', luns: [{ id: 'lun1', name: 'LUN 1', sizeGB: 500 }] })
      d.hosts.push(twinHost(d, 2))
      for (const h of d.hosts) h.disks.push({ id: `${h.id}-csv`, name: 'CSV', sizeGB: 500, online: true, contents: ['vm-files'], lun: 'lun1' })
      Object.assign(d.hosts[0]!.vms[0]!.disks[1]!, { kind: 'fixed-vhd', sizeGB: 250, backing: 'hv01-csv' })
      Object.assign(d.hosts[1]!.vms[0]!.disks[1]!, { kind: 'dynamic-vhd', sizeGB: dynamicGB, backing: 'hv02-csv' })
    })
    expect(fixOf(csv(200), 'dynamic-vhd-unsupported', 'ex02-db')?.label).toBe('Make it a fixed VHD')
    expect(fixOf(csv(300), 'dynamic-vhd-unsupported', 'ex02-db')).toBeUndefined()
    // Growing a fixed OS disk needs the room too.
    const os = (hostGB: number) => edit(soundPlan(), (d) => {
      Object.assign(first(d).vm.disks[0]!, { kind: 'fixed-vhd', sizeGB: 10 })
      first(d).host.disks[1]!.sizeGB = hostGB
    })
    expect(fixOf(os(30), 'e2007-guest-os-disk-size', 'ex01-boot')?.label).toBe('Grow it to 23 GB')
    expect(fixOf(os(20), 'e2007-guest-os-disk-size', 'ex01-boot')).toBeUndefined()
  })

  it('an agent product kept for the in-guest backup, Windows Server Backup not', () => {
    const backedUp = (product: string) => edit(soundPlan(), (d) => { first(d).vm.backup = { method: 'host-vss', product } })
    expect(fixOf(backedUp('DPM 2007 SP1'), 'backup-in-guest-recommended', 'ex01')?.edits)
      .toEqual([{ op: 'set', target: 'ex01', field: 'backup', value: { method: 'agent', product: 'DPM 2007 SP1' } }])
    expect(fixOf(backedUp('Windows Server Backup'), 'backup-in-guest-recommended', 'ex01')?.edits)
      .toEqual([{ op: 'set', target: 'ex01', field: 'backup', value: { method: 'agent' } }])
  })
})

describe('no quick fix where the fix is not mechanical', () => {
  it('a VM that a host moves by Quick Migration resumes from a saved state whatever its stop action', () => {
    const saving = edit(soundFor('2016'), (d) => { first(d).vm.stopAction = 'save'; first(d).host.cluster = 'hc1' })
    expect(fixOf(edit(saving, (d) => { first(d).host.mobility = 'live-migration' }), 'host-ha-cold-boot-only', 'ex01'))
      .toEqual({ label: 'Shut down instead of saving', edits: [{ op: 'set', target: 'ex01', field: 'stopAction', value: 'shutdown' }] })
    expect(fixOf(edit(saving, (d) => { first(d).host.mobility = 'quick-migration' }), 'host-ha-cold-boot-only', 'ex01')).toBeUndefined()
  })

  it('a processor that is not x64 needs new hardware', () => {
    expect(fixOf(edit(soundPlan(), (d) => { first(d).host.hardware.x64 = false }), 'host-cpu-virtualization-prereqs', 'hv01')).toBeUndefined()
  })

  it('a host disk the host keeps its own files on stays online', () => {
    const plan = edit(soundPlan(), (d) => { Object.assign(first(d).host.disks[2]!, { online: true, contents: ['other'] }) })
    expect(fixOf(plan, 'passthrough-offline-on-host', 'ex01-db')).toBeUndefined()
  })

  it('a data disk stays on IDE while the guest has no integration components for SCSI', () => {
    const plan = edit(soundPlan(), (d) => { first(d).vm.integrationComponents = 'none'; first(d).vm.disks[1]!.controller = 'ide1' })
    expect(fixOf(plan, 'data-disks-on-scsi', 'ex01-db')).toBeUndefined()
  })

  it('a pass-through OS disk cannot grow past the host disk behind it', () => {
    const plan = edit(soundPlan(), (d) => { first(d).vm.ramGB = 16; first(d).vm.disks[0]!.sizeGB = 20; first(d).host.disks[1]!.sizeGB = 25 })
    expect(fixOf(plan, 'e2007-guest-os-disk-size', 'ex01-boot')).toBeUndefined()
  })
})
