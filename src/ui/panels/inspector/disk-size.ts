/**
 * A disk whose size is set by what is behind it: a host disk that is a LUN, a pass-through disk (the
 * whole host disk), a guest-attached disk (the whole LUN). Where the plan's size differs, the
 * Inspector says what the machine will see and offers that size; it never changes one silently.
 */
import { gb, GUEST_ATTACHED_KINDS, lunTitle, type Host, type PhysicalDisk, type Plan, type VirtualDisk } from '../../../core/index.ts'

export interface SizeFromBacking {
  /** The size the host or guest will see. */
  sizeGB: number
  /** Why, in the plan's names. */
  note: string
}

const lunById = (plan: Plan, id: string) => plan.storage.flatMap((array) => array.luns).find((lun) => lun.id === id)

/** A host disk on a LUN is that LUN: the host sees the LUN's size. */
export function hostDiskSizeFromLun(plan: Plan, disk: PhysicalDisk): SizeFromBacking | null {
  const lun = disk.lun === null ? undefined : lunById(plan, disk.lun)
  if (!lun || lun.sizeGB === disk.sizeGB) return null
  return { sizeGB: lun.sizeGB, note: `This disk is ${lunTitle(lun.name)}, which has ${gb(lun.sizeGB)}: the host sees a disk of that size.` }
}

/**
 * A pass-through disk is the whole host disk behind it (as large as that disk, or its LUN where
 * that is smaller), and a guest-attached disk the whole LUN. VHD files take the size they are given.
 */
export function virtualDiskSizeFromBacking(plan: Plan, host: Host, disk: VirtualDisk): SizeFromBacking | null {
  if (disk.backing === null) return null
  if (disk.kind === 'pass-through') {
    const hostDisk = host.disks.find((candidate) => candidate.id === disk.backing)
    if (!hostDisk) return null
    const lun = hostDisk.lun === null ? undefined : lunById(plan, hostDisk.lun)
    const viaLun = lun !== undefined && lun.sizeGB < hostDisk.sizeGB
    const sizeGB = viaLun ? lun.sizeGB : hostDisk.sizeGB
    if (sizeGB === disk.sizeGB) return null
    return { sizeGB, note: `A pass-through disk is the whole disk behind it: ${host.name}'s ${hostDisk.name} has ${gb(sizeGB)}${viaLun ? `, the size of its ${lunTitle(lun.name)}` : ''}.` }
  }
  if (GUEST_ATTACHED_KINDS.includes(disk.kind)) {
    const lun = lunById(plan, disk.backing)
    if (!lun || lun.sizeGB === disk.sizeGB) return null
    return { sizeGB: lun.sizeGB, note: `The guest sees the whole ${lunTitle(lun.name)}, which has ${gb(lun.sizeGB)}.` }
  }
  return null
}
