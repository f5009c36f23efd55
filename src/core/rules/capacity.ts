/**
 * Fixed disk space. A fixed VHD takes its full size on the host disk (and the LUN) holding it when it
 * is created: capacity-sum-check reports files that do not fit, and the quick fixes that make a disk
 * fixed or grow a fixed one ask a ledger first, so that no fix, alone or in "Fix all", makes the fixed
 * files outgrow a disk or LUN. (The host's own room for its OS and BIN files is a warning of
 * host-storage-for-root-and-bin-files, which a fix may still raise.)
 */
import type { DiskKind } from '../model/enums.ts'
import type { PhysicalDiskRef, PlanIndex, VirtualDiskRef } from '../validate/plan-index.ts'
import { roundSum } from './platform-wording.ts'

export const isFixedFile = (kind: DiskKind): boolean => kind === 'fixed-vhd' || kind === 'fixed-vhdx'

/** The room a host disk has for files: its own size, or its LUN's where that is smaller. */
export const fileCapacityGB = (ref: PhysicalDiskRef): number => Math.min(ref.disk.sizeGB, ref.lun?.lun.sizeGB ?? Infinity)

/** The total size of the fixed VHDs on a host disk (a loop without a list: most host disks hold none). */
export function fixedGB({ users }: PhysicalDiskRef): number {
  let totalGB = 0
  for (const user of users) if (isFixedFile(user.disk.kind)) totalGB += user.disk.sizeGB
  return roundSum(totalGB)
}

/** The fixed VHDs on a host disk and their total size (for a finding's words; fixedGB is the check). */
export function fixedFiles(ref: PhysicalDiskRef): { files: VirtualDiskRef[]; totalGB: number } {
  return { files: ref.users.filter((user) => isFixedFile(user.disk.kind)), totalGB: fixedGB(ref) }
}

export interface FixedSpace {
  /**
   * True when the ref's disk can become a fixed file of `kind` and `sizeGB` where it is stored, counting the
   * room earlier calls took; the room is then taken. Anything but a fixed file on a host disk fits.
   */
  take(ref: VirtualDiskRef, kind: DiskKind, sizeGB: number): boolean
  /** `take` for several disks made fixed together at their own sizes: all or none of the room is taken. */
  takeAll(refs: readonly VirtualDiskRef[], kind: DiskKind): boolean
}

/** A ledger of fixed-file space for one rule's fixes (a closure, as controllerSlots explains). */
export function fixedSpace(index: PlanIndex): FixedSpace {
  const onDisks = new Map<PhysicalDiskRef, number>()
  const onLuns = new Map<string, number>()
  const usedOnDisk = (ref: PhysicalDiskRef) => onDisks.get(ref) ?? fixedGB(ref)
  const take = ({ disk, hostDisk: ref }: VirtualDiskRef, kind: DiskKind, sizeGB: number): boolean => {
    // The host disk that holds the file, as the index resolved it: a map of every host disk by id,
    // made for this, took 4 ms on a 10,000-VM estate.
    if (!isFixedFile(kind) || ref === null) return true
    const growth = sizeGB - (isFixedFile(disk.kind) ? disk.sizeGB : 0)
    if (growth <= 0) return true
    const onDisk = roundSum(usedOnDisk(ref) + growth)
    if (onDisk > fileCapacityGB(ref)) return false
    // A LUN shared by several host disks (a Cluster Shared Volume) holds all their files; a LUN
    // behind this disk alone is within fileCapacityGB already.
    const lun = ref.lun?.lun ?? null
    const sharers = lun === null ? NO_DISKS : index.hostDisksOnLun(lun.id)
    if (lun !== null && sharers.length > 1) {
      let onLun = onLuns.get(lun.id)
      if (onLun === undefined) {
        onLun = 0
        for (const sharer of sharers) onLun += usedOnDisk(sharer)
      }
      onLun = roundSum(onLun + growth)
      if (onLun > lun.sizeGB) return false
      onLuns.set(lun.id, onLun)
    }
    onDisks.set(ref, onDisk)
    return true
  }
  return {
    take,
    takeAll(refs, kind) {
      const disksBefore = new Map(onDisks)
      const lunsBefore = new Map(onLuns)
      if (refs.every((ref) => take(ref, kind, ref.disk.sizeGB))) return true
      // One did not fit: give back what the others took, for the fixes that come after.
      onDisks.clear()
      for (const [ref, gb] of disksBefore) onDisks.set(ref, gb)
      onLuns.clear()
      for (const [id, gb] of lunsBefore) onLuns.set(id, gb)
      return false
    },
  }
}

const NO_DISKS: readonly PhysicalDiskRef[] = []
