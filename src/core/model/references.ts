/**
 * The cross-reference checks plan-format.md requires beyond the schema: ids unique across the plan,
 * every `backing` and `lun` resolving to the right kind of entity, no VMs on a bare-metal host.
 */
import { FILE_DISK_KINDS, GUEST_ATTACHED_KINDS } from './enums.ts'
import type { Plan } from './plan.ts'
import type { Problem } from './problem.ts'

type Entity = { kind: 'host' | 'physical disk' | 'VM' | 'virtual disk' | 'storage array' | 'LUN'; path: string; hostIndex?: number }

/** Returns every reference problem in a schema-valid plan; an empty list means the plan is sound. */
export function checkReferences(plan: Plan): Problem[] {
  const problems: Problem[] = []
  const entities = new Map<string, Entity>()
  const claim = (id: string, entity: Entity) => {
    const earlier = entities.get(id)
    if (earlier) {
      problems.push({ path: `${entity.path}.id`, message: `id "${id}" is already used by the ${earlier.kind} at ${earlier.path}; every id must be unique across the plan` })
      return
    }
    entities.set(id, entity)
  }

  plan.hosts.forEach((host, h) => {
    claim(host.id, { kind: 'host', path: `hosts[${h}]` })
    host.disks.forEach((disk, d) => claim(disk.id, { kind: 'physical disk', path: `hosts[${h}].disks[${d}]`, hostIndex: h }))
    host.vms.forEach((vm, v) => {
      claim(vm.id, { kind: 'VM', path: `hosts[${h}].vms[${v}]`, hostIndex: h })
      vm.disks.forEach((disk, d) => claim(disk.id, { kind: 'virtual disk', path: `hosts[${h}].vms[${v}].disks[${d}]`, hostIndex: h }))
    })
  })
  plan.storage.forEach((array, s) => {
    claim(array.id, { kind: 'storage array', path: `storage[${s}]` })
    array.luns.forEach((lun, l) => claim(lun.id, { kind: 'LUN', path: `storage[${s}].luns[${l}]` }))
  })

  const expect = (ref: string, path: string, kind: Entity['kind'], hostIndex?: number) => {
    const target = entities.get(ref)
    if (!target) {
      problems.push({ path, message: `refers to "${ref}", but no entity has that id` })
    } else if (target.kind !== kind) {
      problems.push({ path, message: `refers to "${ref}", which is a ${target.kind} (${target.path}); it must be a ${kind}` })
    } else if (hostIndex !== undefined && target.hostIndex !== hostIndex) {
      const owner = plan.hosts[target.hostIndex ?? -1]
      const here = plan.hosts[hostIndex]
      problems.push({ path, message: `refers to "${ref}", a disk of host ${owner?.name ?? '?'}; a VM on ${here?.name ?? '?'} can only use disks of its own host` })
    }
  }

  plan.hosts.forEach((host, h) => {
    if (host.hypervisor === 'none' && host.vms.length > 0) {
      problems.push({ path: `hosts[${h}].vms`, message: `${host.name} is a bare-metal server (hypervisor "none") and cannot run VMs; pick a hypervisor or move the ${host.vms.length} VM(s) to another host` })
    }
    host.disks.forEach((disk, d) => {
      if (disk.lun !== null) expect(disk.lun, `hosts[${h}].disks[${d}].lun`, 'LUN')
    })
    host.vms.forEach((vm, v) => vm.disks.forEach((disk, d) => {
      const path = `hosts[${h}].vms[${v}].disks[${d}]`
      const guestAttached = GUEST_ATTACHED_KINDS.includes(disk.kind)
      if (disk.controller === null && !guestAttached) {
        problems.push({ path: `${path}.controller`, message: `${disk.name} is a ${disk.kind} disk and must sit on a virtual controller (ide0, ide1 or scsi0–scsi3); only iscsi-guest and fc-guest disks have none` })
      }
      if (disk.backing === null) return
      if (guestAttached) expect(disk.backing, `${path}.backing`, 'LUN')
      else if (FILE_DISK_KINDS.includes(disk.kind) || disk.kind === 'pass-through') expect(disk.backing, `${path}.backing`, 'physical disk', h)
    }))
  })
  return problems
}
