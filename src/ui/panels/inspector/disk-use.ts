/**
 * What uses a host disk, as the Inspector shows it: the VM disks passed through to it, and the VHD
 * files on it with the room the fixed ones take. Fixed files are counted as capacity-sum-check counts
 * them, against the disk's size or its LUN's where that is smaller; a dynamic file may never grow that far.
 */
import { DISK_KIND_LABELS, gb, isFixedFile, joinAnd, roundSum, type Host, type PhysicalDisk, type Plan } from '../../../core/index.ts'
import { lunOf } from './disk-size.ts'
import type { Fact } from './facts.tsx'

export function hostDiskUse(plan: Plan, host: Host, disk: PhysicalDisk): Fact[] {
  const passedThrough: string[] = []
  const files: string[] = []
  let fixedGB = 0
  // Only the host's own VMs can keep files on its disks or be given them whole.
  for (const vm of host.vms) {
    for (const vdisk of vm.disks) {
      if (vdisk.backing !== disk.id) continue
      const label = `${vm.name}'s disk ${vdisk.name}`
      if (vdisk.kind === 'pass-through') passedThrough.push(label)
      else {
        files.push(`${label} (${gb(vdisk.sizeGB)}, ${DISK_KIND_LABELS[vdisk.kind]})`)
        if (isFixedFile(vdisk.kind)) fixedGB += vdisk.sizeGB
      }
    }
  }
  const lun = lunOf(plan, disk.lun)
  const capacityGB = Math.min(disk.sizeGB, lun?.sizeGB ?? Infinity)
  const lines: Fact[] = []
  if (passedThrough.length > 0) lines.push({ label: 'Passed through to', value: joinAnd(passedThrough), detail: null, over: passedThrough.length > 1 })
  if (files.length > 0) {
    const fixed = roundSum(fixedGB)
    lines.push({
      label: 'VHD files',
      value: `${gb(fixed)} fixed of ${gb(capacityGB)}${lun && lun.sizeGB < disk.sizeGB ? ` (the size of ${lun.name})` : ''}`,
      detail: files.join('; '),
      over: fixed > capacityGB,
    })
  }
  if (lines.length === 0) lines.push({ label: 'Used by', value: 'No VM', detail: null, over: false })
  return lines
}
