import { describe, expect, it } from 'vitest'
import { loadPlanValue } from '../io/load.ts'
import { edit, first, host, soundPlan } from '../testing/plan-builder.ts'
import { checkReferences } from './references.ts'

/** The problems of loading a plan document (a deep copy, so tests may change it freely). */
const problemsOf = (document: unknown) => {
  const result = loadPlanValue(JSON.parse(JSON.stringify(document)))
  if (result.ok) throw new Error('expected the load to fail')
  return result.problems
}

const withSan = () => edit(soundPlan(), (d) => {
  d.storage.push({ id: 'san', name: 'SAN', protocol: 'iscsi', luns: [{ id: 'lun1', name: 'LUN 1', sizeGB: 100 }] })
})

describe('checkReferences', () => {
  it('says where the earlier holder of a duplicate id is, and what it is: a host, a storage array', () => {
    const hostTwice = edit(soundPlan(), (d) => { first(d).vm.id = 'hv01' })
    expect(checkReferences(hostTwice)).toEqual([{ path: 'hosts[0].vms[0].id', message: '"hv01" is already the id of the host at hosts[0]; every id must be unique across the plan' }])
    const arrayTwice = edit(withSan(), (d) => { d.storage[0]!.luns[0]!.id = 'san' })
    expect(checkReferences(arrayTwice)).toEqual([{ path: 'storage[0].luns[0].id', message: '"san" is already the id of the storage array at storage[0]; every id must be unique across the plan' }])
  })

  it('says what a wrong-kind target is and where: a backing that names a host', () => {
    const plan = edit(soundPlan(), (d) => { first(d).vm.disks[1]!.backing = 'hv01' })
    expect(checkReferences(plan)).toEqual([{ path: 'hosts[0].vms[0].disks[1].backing', message: 'refers to "hv01", which is a host (hosts[0]); it must be a physical disk' }])
  })

  it('checks the backing of a guest-attached disk: it must name a LUN that exists', () => {
    const onHostDisk = edit(withSan(), (d) => {
      first(d).vm.disks.push({ id: 'ex01-iscsi', name: 'iSCSI', kind: 'iscsi-guest', controller: null, sizeGB: 100, backing: 'hv01-db', contents: [] })
    })
    expect(checkReferences(onHostDisk)).toEqual([{ path: 'hosts[0].vms[0].disks[3].backing', message: 'refers to "hv01-db", which is a physical disk (hosts[0].disks[2]); it must be a LUN' }])
    const dangling = edit(withSan(), (d) => {
      first(d).vm.disks.push({ id: 'ex01-fc', name: 'FC', kind: 'fc-guest', controller: null, sizeGB: 100, backing: 'lun9', contents: [] })
    })
    expect(checkReferences(dangling)).toEqual([{ path: 'hosts[0].vms[0].disks[3].backing', message: 'refers to "lun9", but no entity has that id' }])
    const sound = edit(withSan(), (d) => {
      first(d).vm.disks.push({ id: 'ex01-fc', name: 'FC', kind: 'fc-guest', controller: null, sizeGB: 100, backing: 'lun1', contents: [] })
    })
    expect(checkReferences(sound)).toEqual([])
  })
})

describe('references of a document that failed the schema', () => {
  it('resolves LUNs of its storage arrays, and finds a duplicate LUN id there', () => {
    const document = edit(withSan(), (d) => {
      first(d).host.disks[1]!.lun = 'lun1'
      ;(first(d).host as { hypervisor: string }).hypervisor = 'kvm'
    })
    expect(problemsOf(document).map((p) => p.path)).toEqual(['hosts[0].hypervisor'])
    const duplicate = edit(document, (d) => { d.storage[0]!.luns.push({ id: 'lun1', name: 'again', sizeGB: 1 }) })
    expect(problemsOf(duplicate).map((p) => p.path)).toEqual(['hosts[0].hypervisor', 'storage[0].luns[1].id'])
  })

  it('does not check the kind of what a disk of unknown kind names: its kind is the problem', () => {
    const document = edit(soundPlan(), (d) => { (first(d).vm.disks[1] as { kind: string }).kind = 'floppy' })
    expect(problemsOf(document).map((p) => p.path)).toEqual(['hosts[0].vms[0].disks[1].kind'])
  })

  it('leaves a reference that is no id at all to the schema: one problem, not two', () => {
    const document = edit(soundPlan(), (d) => { first(d).vm.disks[1]!.backing = 'not an id!' })
    expect(problemsOf(document).map((p) => p.path)).toEqual(['hosts[0].vms[0].disks[1].backing'])
  })

  it('does not call a reference dangling when a list that may hold its target is unreadable', () => {
    const base = edit(withSan(), (d) => { first(d).host.disks[1]!.lun = 'lun1' })
    const nullArray = edit(base, (d) => { (d.storage as unknown[])[0] = null })
    expect(problemsOf(nullArray).map((p) => p.path)).toEqual(['storage[0]'])
    const notAList = edit(base, (d) => { (d as { storage: unknown }).storage = 'san' })
    expect(problemsOf(notAList).map((p) => p.path)).toEqual(['storage'])
  })

  it('still calls a reference dangling when a list is only left out', () => {
    const document = edit(soundPlan(), (d) => {
      first(d).vm.disks[1]!.backing = 'nowhere'
      ;(first(d).host as { hypervisor: string }).hypervisor = 'kvm'
      delete (d as { storage?: unknown }).storage
    })
    expect(problemsOf(document).map((p) => p.path)).toEqual(['hosts[0].hypervisor', 'hosts[0].vms[0].disks[1].backing'])
  })

  it('names the host of a cross-host backing', () => {
    const plan = edit(soundPlan(), (d) => {
      d.hosts.push(host({ id: 'hv02', name: 'HV02', disks: [{ id: 'hv02-d', name: 'D', sizeGB: 10, online: false, contents: [], lun: null }] }))
      first(d).vm.disks[1]!.backing = 'hv02-d'
    })
    expect(checkReferences(plan)).toEqual([{ path: 'hosts[0].vms[0].disks[1].backing', message: 'refers to "hv02-d", a disk of host HV02; a VM on HV01 can only use disks of its own host' }])
  })
})
