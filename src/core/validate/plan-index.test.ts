/**
 * The index is built for speed (one pass, shared objects, lists made at first use), so these check
 * it against the plain reading of the plan, on random plans.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DISK_KINDS, EXCHANGE_VERSIONS, HOST_DISK_CONTENTS } from '../model/enums.ts'
import { holdsData } from '../rules/storage-shared.ts'
import { arbitraryPlan } from '../testing/plan-arbitrary.ts'
import { edit, soundPlan } from '../testing/plan-builder.ts'
import { HOLDS, HOLDS_DATA, PlanIndex, isFileProtocol } from './plan-index.ts'

const RUNS = { numRuns: 200 }

/** Every virtual disk's ref, VM by VM (the index keeps no list of them all). */
const virtualDisks = (index: PlanIndex) => index.vms.flatMap((ref) => ref.disks)

describe('PlanIndex', () => {
  it('lists hosts, their disks and VMs, and every VM\'s virtual disks, in plan order', () => {
    fc.assert(fc.property(arbitraryPlan, (plan) => {
      const index = new PlanIndex(plan)
      expect(index.hosts.map((ref) => ref.host)).toEqual(plan.hosts)
      for (const [i, { host, disks, vms }] of index.hosts.entries()) {
        expect(host).toBe(plan.hosts[i])
        expect(disks.map((ref) => ref.disk)).toEqual(host.disks)
        expect(vms.map((ref) => ref.vm)).toEqual(host.vms)
        for (const { vm, disks: vmDisks } of vms) expect(vmDisks.map((ref) => ref.disk)).toEqual(vm.disks)
      }
      expect(index.vms.map((ref) => ref.vm)).toEqual(plan.hosts.flatMap((host) => host.vms))
      expect(virtualDisks(index).map((ref) => ref.disk)).toEqual(plan.hosts.flatMap((host) => host.vms.flatMap((vm) => vm.disks)))
      for (const ref of virtualDisks(index)) expect(ref.exchange).toBe(ref.vm.exchange)
    }), RUNS)
  })

  it('resolves each backing once: the host disk, the LUN, the storage, and each disk\'s users', () => {
    fc.assert(fc.property(arbitraryPlan, (plan) => {
      const index = new PlanIndex(plan)
      const hostDisks = new Map(plan.hosts.flatMap((host) => host.disks.map((disk) => [disk.id, disk] as const)))
      const luns = new Map(plan.storage.flatMap((array) => array.luns.map((lun) => [lun.id, lun] as const)))
      for (const ref of virtualDisks(index)) {
        const { backing } = ref.disk
        const hostDisk = backing === null ? undefined : hostDisks.get(backing)
        expect(ref.hostDisk?.disk).toBe(hostDisk)
        if (hostDisk) {
          expect(ref.storage).toBe(ref.hostDisk)
          expect(ref.storage.physicalDisk).toBe(hostDisk)
        } else if (backing !== null && luns.has(backing)) {
          expect(ref.storage.lun?.lun).toBe(luns.get(backing))
          expect(ref.storage.physicalDisk).toBeNull()
        } else {
          expect(ref.storage.spindle).toBeNull()
        }
      }
      const backedBy = (id: string) => virtualDisks(index).filter((vd) => vd.disk.backing === id)
      for (const ref of index.physicalDisks) {
        expect(ref.users).toEqual(backedBy(ref.disk.id))
        expect(ref.passThroughUsers).toBe(ref.users.filter((user) => user.disk.kind === 'pass-through').length)
      }
      for (const ref of index.luns) expect(ref.users).toEqual(backedBy(ref.lun.id))
      const arrays = new Map(plan.storage.flatMap((array) => array.luns.map((lun) => [lun.id, array] as const)))
      for (const ref of index.physicalDisks) {
        expect(ref.storage).toBe(ref)
        expect(ref.physicalDisk).toBe(ref.disk)
        const lun = ref.disk.lun === null ? undefined : luns.get(ref.disk.lun)
        expect(ref.spindle).toBe(lun ? lun.id : ref.disk.id)
        expect(ref.spindleName).toBe(lun ? lun.name : ref.disk.name)
        expect(ref.protocol).toBe(lun ? arrays.get(lun.id)!.protocol : null)
      }
      const onLun = (id: string) => index.physicalDisks.filter((ref) => ref.disk.lun === id)
      for (const ref of index.luns) {
        expect(ref.hostDisks).toEqual(onLun(ref.lun.id))
        expect(index.hostDisksOnLun(ref.lun.id)).toEqual(onLun(ref.lun.id))
      }
    }), RUNS)
  })

  it('gives the host disks that name a LUN the plan lacks under that id, and none for an id nothing names', () => {
    // A plan that is wrong (loading refuses it), which validate() must still read as written.
    const plan = edit(soundPlan(), (draft) => {
      const host = draft.hosts[0]!
      host.disks.push({ id: 'orphan1', name: 'Orphan 1', sizeGB: 100, online: true, contents: [], lun: 'gone' })
      host.disks.push({ id: 'orphan2', name: 'Orphan 2', sizeGB: 100, online: true, contents: [], lun: 'gone' })
    })
    const index = new PlanIndex(plan)
    expect(index.hostDisksOnLun('gone').map((ref) => ref.disk.id)).toEqual(['orphan1', 'orphan2'])
    expect(index.hostDisksOnLun('nothing')).toEqual([])
  })

  it('says what each disk holds as bits, one for each kind of contents', () => {
    const bits: Record<(typeof HOST_DISK_CONTENTS)[number], number> = {
      os: HOLDS.os, 'vm-files': HOLDS.vmFiles, database: HOLDS.database, logs: HOLDS.logs, queue: HOLDS.queue, pagefile: HOLDS.pagefile, other: HOLDS.other,
    }
    fc.assert(fc.property(arbitraryPlan, (plan) => {
      const index = new PlanIndex(plan)
      const refs = [...virtualDisks(index), ...index.physicalDisks]
      for (const ref of refs) {
        for (const content of HOST_DISK_CONTENTS) {
          expect((ref.holds & bits[content]) !== 0).toBe((ref.disk.contents as readonly string[]).includes(content))
        }
      }
      expect(virtualDisks(index).filter((ref) => (ref.holds & HOLDS_DATA) !== 0)).toEqual(virtualDisks(index).filter((ref) => holdsData(ref.disk.contents)))
    }), RUNS)
  })

  it('gives the virtual disks of some kinds, kind by kind, and the Exchange VMs of a version', () => {
    fc.assert(fc.property(arbitraryPlan, (plan) => {
      const index = new PlanIndex(plan)
      for (const kind of DISK_KINDS) expect(index.virtualDisksOfKind(kind)).toEqual(virtualDisks(index).filter((ref) => ref.disk.kind === kind))
      expect(index.virtualDisksOfKind('fixed-vhd', 'pass-through')).toEqual([
        ...virtualDisks(index).filter((ref) => ref.disk.kind === 'fixed-vhd'),
        ...virtualDisks(index).filter((ref) => ref.disk.kind === 'pass-through'),
      ])
      for (const version of EXCHANGE_VERSIONS) {
        expect(index.exchangeVms(version)).toEqual(index.exchangeServers.filter((server) => server.vm !== null && server.exchange.version === version))
        expect(index.exchangeServersOfVersion(version)).toEqual(index.exchangeServers.filter((server) => server.exchange.version === version))
      }
    }), RUNS)
  })

  it('gives every virtual disk whose data lives on a file share, and no other', () => {
    fc.assert(fc.property(arbitraryPlan, (plan) => {
      const index = new PlanIndex(plan)
      const onShares = virtualDisks(index).filter((ref) => ref.storage.lun !== null && isFileProtocol(ref.storage.protocol))
      const ids = (refs: readonly { disk: { id: string } }[]) => refs.map((ref) => ref.disk.id).sort()
      expect(ids(index.virtualDisksOnShares())).toEqual(ids(onShares))
    }), RUNS)
  })
})

describe('PlanIndex lookups by id', () => {
  it('finds a VM by id, with its host and disks, and nothing for an id that is no VM', () => {
    fc.assert(fc.property(arbitraryPlan, (plan) => {
      const index = new PlanIndex(plan)
      for (const host of plan.hosts) {
        expect(index.vm(host.id)).toBeUndefined()
        for (const vm of host.vms) {
          const ref = index.vm(vm.id)
          expect(ref?.vm).toBe(vm)
          expect(ref?.host).toBe(host)
          expect(ref?.disks.map((d) => d.disk)).toEqual(vm.disks)
        }
      }
    }), { numRuns: 50 })
  })
})
