/**
 * A disk whose size is set by what is behind it: a host disk that is a LUN, a pass-through disk (the
 * whole host disk), a guest-attached disk (the whole LUN). Where the plan's size differs, the
 * Inspector says what the machine will see and offers that size; it never changes one silently.
 */
import { gb, GUEST_ATTACHED_KINDS, locate, lunTitle, type Host, type Lun, type PhysicalDisk, type Plan, type VirtualDisk } from '../../../core/index.ts'

export interface SizeFromBacking {
  /** The size the host or guest will see. */
  sizeGB: number
  /** Why, in the plan's names. */
  note: string
}

/** The LUN a reference names (a host disk's `lun`, a guest disk's `backing`), or undefined. */
export function lunOf(plan: Plan, id: string | null): Lun | undefined {
  const at = id === null ? null : locate(plan, id)
  return at?.kind === 'lun' ? at.lun : undefined
}

/** A host disk on a LUN is that LUN: the host sees the LUN's size. */
export function hostDiskSizeFromLun(plan: Plan, disk: PhysicalDisk): SizeFromBacking | null {
  const lun = lunOf(plan, disk.lun)
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
    const lun = lunOf(plan, hostDisk.lun)
    const viaLun = lun !== undefined && lun.sizeGB < hostDisk.sizeGB
    const sizeGB = viaLun ? lun.sizeGB : hostDisk.sizeGB
    if (sizeGB === disk.sizeGB) return null
    return { sizeGB, note: `A pass-through disk is the whole disk behind it: ${host.name}'s ${hostDisk.name} has ${gb(sizeGB)}${viaLun ? `, the size of its ${lunTitle(lun.name)}` : ''}.` }
  }
  if (GUEST_ATTACHED_KINDS.includes(disk.kind)) {
    const lun = lunOf(plan, disk.backing)
    if (!lun || lun.sizeGB === disk.sizeGB) return null
    return { sizeGB: lun.sizeGB, note: `The guest sees the whole ${lunTitle(lun.name)}, which has ${gb(lun.sizeGB)}.` }
  }
  return null
}
