/**
 * A virtual disk not connected yet (`backing` null, "not connected yet" in plan-format.md): the VM
 * cannot use it, and every rule about where a disk's data lives passes it by. A vexplan addition, so
 * that a plan with such a disk is never shown as fully checked.
 */
import { GUEST_ATTACHED_KINDS } from '../model/enums.ts'
import type { VirtualDiskRef } from '../validate/plan-index.ts'
import { diskLabel } from './storage-shared.ts'
import { defineRule, GENERIC_SECTION, type Explanation, type Rule } from './types.ts'

export const virtualDiskNotConnected = defineRule({
  id: 'virtual-disk-not-connected',
  severity: 'info',
  title: 'A virtual disk not connected to a host disk or LUN is not checked where its data lives',
  section: GENERIC_SECTION,
  source: 'vexplan plan file format, version 1 (backing: null = not connected yet); the storage rules of Sections A.4, C.2–C.4 need the disk or LUN behind each virtual disk',
  perHost: true,
  check({ index, report }) {
    for (const { disks } of index.vms) {
      for (const ref of disks) if (ref.disk.backing === null) report(ref.disk.id, ref, explainNotConnected)
    }
  },
})

function explainNotConnected(ref: VirtualDiskRef): Explanation {
  const { disk, vm, host } = ref
  const guest = GUEST_ATTACHED_KINDS.includes(disk.kind)
  const what = guest ? 'the LUN the guest attaches' : disk.kind === 'pass-through' ? 'the host disk given whole to the VM' : 'the host disk that holds its file'
  return {
    related: [vm.id, host.id],
    message: `${diskLabel(ref)} is not connected to ${guest ? 'a LUN' : 'a host disk'} yet, so ${vm.name} cannot use it and the storage rules cannot check it.`,
    fix: `Connect ${disk.name} to ${what}: pick it as ${guest ? 'Backing LUN' : 'Backing host disk'} in the Inspector, or draw a line from the disk to it.`,
  }
}

export const NOT_CONNECTED_RULES: readonly Rule[] = [virtualDiskNotConnected]
