/**
 * G (8.2) `capacity-sum-check`: the memory of a host's VMs against its RAM, and fixed VHDs against the
 * host disks and LUNs that hold them (the ledger for quick fixes is in capacity.ts).
 */
import { hasWindowsHostOs } from '../model/enums.ts'
import { lunTitle, lunWord, storageUnitTitle } from '../model/labels.ts'
import type { Host } from '../model/plan.ts'
import type { HostRef, LunRef, PhysicalDiskRef, VirtualDiskRef } from '../validate/plan-index.ts'
import { fileCapacityGB, fixedFiles, fixedGB } from './capacity.ts'
import { OVERCOMMITTING_HYPERVISORS, PARENT_RESERVE_GB, hostMemory, isHyperV } from './platform-limits.ts'
import { capitalize, gb, joinAnd, roundSum, withArticle } from './platform-wording.ts'
import { diskLabel } from './storage-shared.ts'
import { defineRule, GENERIC_SECTION, type Explanation } from './types.ts'


/** What keeps memory back on a host beside its VMs, in words. */
const reserveHolder = (host: Host): string =>
  isHyperV(host) ? 'its parent partition' : hasWindowsHostOs(host.hypervisor) ? 'its host OS' : 'the hypervisor'

/**
 * How a finding names a host disk and its room ("HV01's Disk 2", "500 GB, the size of its LUN 1")
 * and asks to grow it; built only for a finding (on a 10,000-VM estate every string per disk shows).
 */
function diskWords(ref: PhysicalDiskRef, capacityGB: number) {
  const { disk, host } = ref
  const lunSmaller = (ref.lun?.lun.sizeGB ?? Infinity) < disk.sizeGB
  const lunName = lunSmaller ? lunTitle(ref.lun!.lun.name) : ''
  const diskName = `${host.name}'s ${disk.name}`
  // The smaller of disk and LUN bounds what it holds: growing it alone helps only up to the other.
  const grow = (neededGB: number) => !lunSmaller ? `give ${diskName} at least ${gb(neededGB)}`
    : neededGB > disk.sizeGB ? `grow ${lunName} and ${diskName} to at least ${gb(neededGB)}`
    : `grow ${lunName} to at least ${gb(neededGB)}`
  return { diskName, grow, lunSmaller, sized: `${gb(capacityGB)}${lunSmaller ? `, the size of its ${lunName}` : ''}` }
}

/**
 * Where each of its checks comes from: memory (a finding on a host), room for fixed virtual disk files,
 * and disks given whole to a VM (a pass-through disk, a LUN its own initiator reaches) no larger than what they are.
 */
const MEMORY_SOURCE = 'Derived from Exchange 2016/2019 virtualization (memory fully backed) and Hardware Considerations for Hyper-V (static memory)'
const FIXED_FILES_SOURCE = 'Derived from Planning for Disks and Storage (Hyper-V: a fixed VHD takes its full size when created)'
const WHOLE_DISK_SOURCE = 'Derived from Planning for Disks and Storage (Hyper-V: a pass-through disk is the whole physical disk or LUN)'

export const capacitySumCheck = defineRule({
  id: 'capacity-sum-check',
  severity: 'error',
  title: 'A host\'s VMs must fit in its RAM, and fixed VHDs in the disks that hold them',
  section: GENERIC_SECTION,
  source: 'Derived from Exchange 2016/2019 virtualization (memory fully backed), Hardware Considerations for Hyper-V (static memory) and Planning for Disks and Storage (Hyper-V: a fixed VHD takes its full size when created; a pass-through disk is the whole physical disk or LUN)',
  perHost: true,
  check({ index, report }) {
    for (const ref of index.hosts) {
      const { host, vms } = ref
      if (vms.length === 0) continue
      const { vmGB, neededGB, overcommitted } = hostMemory(host)
      // A hypervisor that overcommits starts the VMs anyway; it matters there only for Exchange.
      if (overcommitted && (!OVERCOMMITTING_HYPERVISORS.includes(host.hypervisor) || vms.some(({ vm }) => vm.exchange !== null))) {
        report(host.id, { ref, vmGB, neededGB }, explainHostMemory)
      }
    }
    for (const ref of index.physicalDisks) {
      if (ref.users.length === 0) continue
      const capacityGB = fileCapacityGB(ref)
      if (fixedGB(ref) > capacityGB) report(ref.disk.id, { ref, capacityGB }, explainFixedFiles)
      for (const user of ref.users) {
        if (user.disk.kind !== 'pass-through' || user.disk.sizeGB <= capacityGB) continue
        report(user.disk.id, { ref, capacityGB, user }, explainPassThroughSize)
      }
    }
  },
  checkShared({ index, report }) {
    for (const ref of index.luns) {
      // Host disks on one LUN (a Cluster Shared Volume, say) share its space; each fits on its own above.
      const { lun, hostDisks: onLun } = ref
      if (onLun.length > 1) {
        let totalGB = 0
        const perDisk: { ref: PhysicalDiskRef; totalGB: number }[] = []
        for (const hostDisk of onLun) {
          const diskGB = fixedGB(hostDisk)
          if (diskGB === 0 || diskGB > fileCapacityGB(hostDisk)) continue
          totalGB += diskGB
          perDisk.push({ ref: hostDisk, totalGB: diskGB })
        }
        totalGB = roundSum(totalGB)
        if (perDisk.length > 1 && totalGB > lun.sizeGB) report(lun.id, { ref, perDisk, totalGB }, explainSharedLun)
      }
      for (const user of ref.users) {
        if (user.disk.sizeGB > lun.sizeGB) report(user.disk.id, { ref, user }, explainDiskOverLun)
      }
    }
  },
})

function explainHostMemory({ ref: { host, vms }, vmGB, neededGB }: { ref: HostRef; vmGB: number; neededGB: number }): Explanation {
  return {
    related: vms.map(({ vm }) => vm.id),
    message: `${host.name}'s VMs are given ${gb(vmGB)} of memory and ${reserveHolder(host)} keeps ${gb(PARENT_RESERVE_GB)}: ${gb(neededGB)}, more than its ${gb(host.hardware.ramGB)} of RAM.`,
    fix: `Give ${host.name} at least ${gb(neededGB)} of RAM, or free ${gb(roundSum(neededGB - host.hardware.ramGB))} by reducing the VMs' memory or moving VMs to another host.`,
    source: MEMORY_SOURCE,
  }
}

/** A host disk and the room it has for files: its size, or its LUN's where that is smaller. */
interface DiskRoom {
  ref: PhysicalDiskRef
  capacityGB: number
}

function explainFixedFiles({ ref, capacityGB }: DiskRoom): Explanation {
  const { diskName, sized, grow } = diskWords(ref, capacityGB)
  const { files, totalGB } = fixedFiles(ref)
  // "fixed VHD", "fixed VHDX", or both kinds: "fixed VHD and VHDX files".
  const vhdx = files.filter(({ disk: vd }) => vd.kind === 'fixed-vhdx').length
  const kind = vhdx === 0 ? 'fixed VHD' : vhdx === files.length ? 'fixed VHDX' : null
  const held = files.length === 1
    ? `${withArticle(gb(totalGB))} ${kind}, ${diskLabel(files[0]!)}; a ${kind} takes its full size when it is created, so it cannot be created`
    : `${gb(totalGB)} of ${kind ? `${kind}s` : 'fixed VHD and VHDX files'}: ${joinAnd(files.map((file) => `${diskLabel(file)} (${gb(file.disk.sizeGB)})`))}; a fixed virtual disk takes its full size when it is created, so they cannot all be created`
  return {
    related: [ref.host.id, ...files.map(({ disk: vd }) => vd.id)],
    message: `${diskName} (${sized}) is to hold ${held}.`,
    fix: `${capitalize(grow(totalGB))}, or ${files.length === 1 ? `move ${diskLabel(files[0]!)} to a disk of at least ${gb(totalGB)}` : `move ${gb(roundSum(totalGB - capacityGB))} of ${kind ? `${kind}s` : 'these files'} to another disk`}.`,
    source: FIXED_FILES_SOURCE,
  }
}

function explainPassThroughSize({ ref, capacityGB, user }: DiskRoom & { user: VirtualDiskRef }): Explanation {
  const { diskName, sized, grow, lunSmaller } = diskWords(ref, capacityGB)
  return {
    related: [user.vm.id, ref.disk.id],
    message: `${diskLabel(user)} is ${withArticle(gb(user.disk.sizeGB))} pass-through disk, but ${diskName} behind it has ${sized}.`,
    fix: `Size ${diskLabel(user)} to ${gb(capacityGB)}, or ${lunSmaller ? grow(user.disk.sizeGB) : `pass through a host disk of at least ${gb(user.disk.sizeGB)}`}.`,
    source: WHOLE_DISK_SOURCE,
  }
}

/** The host disks on one LUN whose fixed files fit each on its own, with what each holds, and their sum. */
interface SharedLun {
  ref: LunRef
  perDisk: { ref: PhysicalDiskRef; totalGB: number }[]
  totalGB: number
}

function explainSharedLun({ ref: { lun, array }, perDisk, totalGB }: SharedLun): Explanation {
  return {
    related: perDisk.map(({ ref: hostDisk }) => hostDisk.disk.id),
    message: `${array.name}'s ${storageUnitTitle(lun.name, array.protocol)} (${gb(lun.sizeGB)}) is to hold ${gb(totalGB)} of fixed virtual disk files, ${joinAnd(perDisk.map(({ ref: hostDisk, totalGB: diskGB }) => `${gb(diskGB)} through ${hostDisk.host.name}'s ${hostDisk.disk.name}`))}; they share its space.`,
    fix: `Grow ${storageUnitTitle(lun.name, array.protocol)} to at least ${gb(totalGB)}, or move ${gb(roundSum(totalGB - lun.sizeGB))} of fixed virtual disk files to another ${lunWord(array.protocol)}.`,
    source: FIXED_FILES_SOURCE,
  }
}

function explainDiskOverLun({ ref: { lun, array }, user }: { ref: LunRef; user: VirtualDiskRef }): Explanation {
  return {
    related: [user.vm.id, lun.id],
    message: `${diskLabel(user)} is ${gb(user.disk.sizeGB)}, but the LUN behind it, ${array.name}'s ${lunTitle(lun.name)}, has ${gb(lun.sizeGB)}.`,
    fix: `Size ${diskLabel(user)} to ${gb(lun.sizeGB)}, or grow ${lunTitle(lun.name)} to ${gb(user.disk.sizeGB)}.`,
    source: WHOLE_DISK_SOURCE,
  }
}
