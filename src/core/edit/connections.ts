/**
 * Which connections make sense: a virtual disk to what backs it, a host disk to its LUN. The canvas
 * refuses the others while the user drags (`isValidConnection`), with the reason this returns.
 */
import { GUEST_ATTACHED_KINDS } from '../model/enums.ts'
import { DISK_KIND_LABELS } from '../model/labels.ts'
import type { Plan } from '../model/plan.ts'
import { locate, locatedName } from './locate.ts'

export type Verdict = { ok: true } | { ok: false; reason: string }

export function canConnect(plan: Plan, sourceId: string, targetId: string): Verdict {
  const source = locate(plan, sourceId)
  const target = locate(plan, targetId)
  if (!source || !target) return { ok: false, reason: 'Connect a disk to the disk or LUN that backs it' }
  if (source.kind === 'physical-disk') {
    if (target.kind === 'lun') return { ok: true }
    return { ok: false, reason: `A host disk connects to the LUN it is; ${target.kind === 'physical-disk' ? 'not to another host disk' : 'drag to a LUN'}` }
  }
  if (source.kind !== 'virtual-disk') return { ok: false, reason: 'Only disks connect: drag from a virtual disk or a host disk' }
  const { disk, vm, host } = source
  const label = DISK_KIND_LABELS[disk.kind]
  if (GUEST_ATTACHED_KINDS.includes(disk.kind)) {
    return target.kind === 'lun' ? { ok: true } : { ok: false, reason: `${label}: the guest's own initiator reaches a LUN, not a host disk` }
  }
  if (target.kind === 'lun') {
    return { ok: false, reason: `${vm.name}'s ${label} cannot use a LUN directly: present the LUN to ${host.name} as a host disk, then connect to that disk` }
  }
  if (target.kind !== 'physical-disk') {
    const of = disk.kind === 'pass-through' ? 'is a whole disk' : 'keeps its file on a disk'
    return { ok: false, reason: `${vm.name}'s ${disk.name} (${label}) ${of} of ${host.name}: connect it to one of ${host.name}'s host disks, not to ${locatedName(target)}` }
  }
  if (target.host.id !== host.id) {
    return { ok: false, reason: `${target.disk.name} belongs to ${target.host.name}; ${vm.name} runs on ${host.name} and can only use its disks` }
  }
  return { ok: true }
}
