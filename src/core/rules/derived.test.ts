/** Wording of the suggested generic rules (rules-catalogue.md 8.2) where it depends on the plan. */
import { describe, expect, it } from 'vitest'
import { edit, first, soundPlan, vm } from '../testing/plan-builder.ts'
import { validate } from '../validate/validate.ts'
import { install, soundFor } from './exchange-modern.cases.ts'
import { vdisk, withLun } from './storage-case-plans.ts'

const finding = (plan: ReturnType<typeof soundPlan>, rule: string, subject: string) =>
  validate(plan).find((f) => f.rule === rule && f.subject === subject)

describe('redundant-roles-same-host', () => {
  it('names what each partner shares when they differ, and the anti-affinity of a host cluster', () => {
    const plan = edit(soundFor('2010'), (d) => {
      const { host: h, vm: ex01 } = first(d)
      h.cluster = 'hc1'
      ex01.roles = ['ad-ds']
      h.vms.push(vm({ id: 'ex02', guestOs: ex01.guestOs, exchange: install('2010') }))
      h.vms.push(vm({ id: 'dc02', guestOs: ex01.guestOs, exchange: null, roles: ['ad-ds'] }))
    })
    const ex01 = finding(plan, 'redundant-roles-same-host', 'ex01')!
    expect(ex01.message).toBe('EX01 shares HV01 with servers that stand in for it: EX02 (like it, a Client Access and Hub Transport server of Exchange Server 2010) and DC02 (like it, a domain controller), so one failure of HV01 takes them down together.')
    expect(ex01.fix).toBe('Run EX01 on a different host of cluster "hc1" from EX02 and DC02, and keep them apart with an anti-affinity class (AntiAffinityClassNames) on the cluster.')
    expect(ex01.related).toEqual(['ex02', 'dc02', 'hv01'])
    // DC02 shares only the domain controller with EX01, and nothing with EX02.
    expect(finding(plan, 'redundant-roles-same-host', 'dc02')!.message).toBe('DC02 shares HV01 with EX01; both are domain controllers, so one failure of HV01 takes them down together.')
  })
})

describe('capacity-sum-check', () => {
  it('names a LUN once, whatever it is called', () => {
    const plan = (name: string) => edit(soundPlan(), (d) => {
      withLun(d, 'iscsi')
      d.storage[0]!.luns[0]!.name = name
      Object.assign(vdisk(d, 'ex01-db'), { kind: 'iscsi-guest', controller: null, sizeGB: 600, backing: 'lun1' })
    })
    expect(finding(plan('LUN 7'), 'capacity-sum-check', 'ex01-db')!.message).toBe("EX01's disk Database is 600 GB, but the LUN behind it, SAN's LUN 7, has 500 GB.")
    expect(finding(plan('Mail data'), 'capacity-sum-check', 'ex01-db')!.fix).toBe("Size EX01's disk Database to 500 GB, or grow LUN Mail data to 600 GB.")
  })

  it('counts only fixed VHDs on a disk, and says what is to be moved', () => {
    const plan = edit(soundPlan(), (d) => {
      Object.assign(vdisk(d, 'ex01-db'), { kind: 'fixed-vhd', sizeGB: 250.5 })
      Object.assign(vdisk(d, 'ex01-logs'), { kind: 'fixed-vhd', sizeGB: 60, backing: 'hv01-db' })
      first(d).vm.disks.push({ ...vdisk(d, 'ex01-logs'), id: 'ex01-spare', name: 'Spare', kind: 'dynamic-vhd', sizeGB: 500 })
    })
    const f = finding(plan, 'capacity-sum-check', 'hv01-db')!
    expect(f.message).toContain('310.5 GB of fixed VHDs')
    expect(f.fix).toBe("Give HV01's Disk 2 at least 310.5 GB, or move 10.5 GB of fixed VHDs to another disk.")
    expect(f.related).toEqual(['hv01', 'ex01-db', 'ex01-logs'])
  })
})
