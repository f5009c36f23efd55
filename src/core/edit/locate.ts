/**
 * Finding an entity by id, and replacing one entity with structural sharing: only the objects on
 * the path from the plan to the entity are copied, so untouched hosts, VMs and disks keep their
 * identity (memoized canvas nodes then skip re-rendering).
 */
import type { Host, Lun, PhysicalDisk, Plan, StorageArray, VirtualDisk, Vm } from '../model/plan.ts'

export const ENTITY_KINDS = ['host', 'parent-partition', 'vm', 'physical-disk', 'virtual-disk', 'exchange-role', 'storage-array', 'lun'] as const
export type EntityKind = (typeof ENTITY_KINDS)[number]

export type Located =
  | { kind: 'host'; host: Host; h: number }
  | { kind: 'physical-disk'; disk: PhysicalDisk; host: Host; h: number; d: number }
  | { kind: 'vm'; vm: Vm; host: Host; h: number; v: number }
  | { kind: 'virtual-disk'; disk: VirtualDisk; vm: Vm; host: Host; h: number; v: number; d: number }
  | { kind: 'storage-array'; array: StorageArray; s: number }
  | { kind: 'lun'; lun: Lun; array: StorageArray; s: number; l: number }

/** The entity a location points at. */
export function entityAt(at: Located): object {
  switch (at.kind) {
    case 'host': return at.host
    case 'vm': return at.vm
    case 'storage-array': return at.array
    case 'lun': return at.lun
    default: return at.disk
  }
}

/** Finds the entity with this id (linear; the UI keeps its own index for hot paths). */
export function locate(plan: Plan, id: string): Located | null {
  for (let h = 0; h < plan.hosts.length; h++) {
    const host = plan.hosts[h]!
    if (host.id === id) return { kind: 'host', host, h }
    for (let d = 0; d < host.disks.length; d++) {
      if (host.disks[d]!.id === id) return { kind: 'physical-disk', disk: host.disks[d]!, host, h, d }
    }
    for (let v = 0; v < host.vms.length; v++) {
      const vm = host.vms[v]!
      if (vm.id === id) return { kind: 'vm', vm, host, h, v }
      for (let d = 0; d < vm.disks.length; d++) {
        if (vm.disks[d]!.id === id) return { kind: 'virtual-disk', disk: vm.disks[d]!, vm, host, h, v, d }
      }
    }
  }
  for (let s = 0; s < plan.storage.length; s++) {
    const array = plan.storage[s]!
    if (array.id === id) return { kind: 'storage-array', array, s }
    for (let l = 0; l < array.luns.length; l++) {
      if (array.luns[l]!.id === id) return { kind: 'lun', lun: array.luns[l]!, array, s, l }
    }
  }
  return null
}

const replaceAt = <T>(list: readonly T[], index: number, value: T): T[] => list.map((item, i) => (i === index ? value : item))

export function withHost(plan: Plan, h: number, host: Host): Plan {
  return { ...plan, hosts: replaceAt(plan.hosts, h, host) }
}
export function withVm(plan: Plan, h: number, v: number, vm: Vm): Plan {
  const host = plan.hosts[h]!
  return withHost(plan, h, { ...host, vms: replaceAt(host.vms, v, vm) })
}
export function withArray(plan: Plan, s: number, array: StorageArray): Plan {
  return { ...plan, storage: replaceAt(plan.storage, s, array) }
}

/** Replaces the located entity by `next` (same kind), copying only the path to it. */
export function replaceEntity(plan: Plan, at: Located, next: unknown): Plan {
  switch (at.kind) {
    case 'host': return withHost(plan, at.h, next as Host)
    case 'physical-disk': return withHost(plan, at.h, { ...at.host, disks: replaceAt(at.host.disks, at.d, next as PhysicalDisk) })
    case 'vm': return withVm(plan, at.h, at.v, next as Vm)
    case 'virtual-disk': return withVm(plan, at.h, at.v, { ...at.vm, disks: replaceAt(at.vm.disks, at.d, next as VirtualDisk) })
    case 'storage-array': return withArray(plan, at.s, next as StorageArray)
    case 'lun': return withArray(plan, at.s, { ...at.array, luns: replaceAt(at.array.luns, at.l, next as Lun) })
  }
}

/** The name of a located entity, as the plan gives it. */
export function locatedName(at: Located): string {
  switch (at.kind) {
    case 'host': return at.host.name
    case 'vm': return at.vm.name
    case 'physical-disk': case 'virtual-disk': return at.disk.name
    case 'storage-array': return at.array.name
    case 'lun': return at.lun.name
  }
}

/** Calls `visit` with every entity of a plan that has an id and a name, in plan order. */
export function forEachEntity(plan: Plan, visit: (entity: { id: string; name: string }) => void): void {
  for (const host of plan.hosts) {
    visit(host)
    for (const disk of host.disks) visit(disk)
    for (const vm of host.vms) {
      visit(vm)
      for (const disk of vm.disks) visit(disk)
    }
  }
  for (const array of plan.storage) {
    visit(array)
    for (const lun of array.luns) visit(lun)
  }
}

/** Every id in use in a plan. */
export function idsOf(plan: Plan): Set<string> {
  const ids = new Set<string>()
  forEachEntity(plan, (entity) => ids.add(entity.id))
  return ids
}
