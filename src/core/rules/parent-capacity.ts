/**
 * A.2 Parent partition, capacity: the root's disk space, host memory, and what the host OS edition
 * and the hypervisor can address. Listed in PARENT_RULES (parent.ts).
 */
import { FILE_DISK_KINDS, hasWindowsHostOs } from '../model/enums.ts'
import { HYPERVISOR_LABELS } from '../model/labels.ts'
import type { Host, PhysicalDisk, VirtualDisk, Vm } from '../model/plan.ts'
import type { PhysicalDiskRef, VmRef } from '../validate/plan-index.ts'
import {
  HOST_LIMITS, LP_LIMIT_HV2008_KB956710, OVERCOMMITTING_HYPERVISORS, PARENT_RESERVE_GB, ROOT_OS_SPACE_GB,
  hasDynamicMemory, hostEdition, hostMemory, raisedByKb956710, type HostEdition, type HostLimits, type HyperVFamily,
  hyperVFamily, isHyperV, logicalProcessors, physicalCores,
} from './platform-limits.ts'
import { EDITION_NAMES, count, gb, joinAnd, roundSum, thousands } from './platform-wording.ts'
import { quickFix, set } from './quick-fix.ts'
import { defineRule, type Explanation, type Rule, type RuleContext } from './types.ts'

const SECTION = 'A.2 Parent partition'

/** The Windows Server of the two Hyper-V versions whose host limits go by edition (2008 and 2008 R2). */
const windows2008 = (family: HyperVFamily) => (family === 'hv2008' ? 'Windows Server 2008' : 'Windows Server 2008 R2')

/** True when the VMs with static memory and the parent reserve alone are more than the host's RAM. */
function staticMemoryOvercommitted(host: Host): boolean {
  let staticGB = 0
  for (const vm of host.vms) if (!vm.dynamicMemory) staticGB += vm.ramGB
  return roundSum(staticGB + PARENT_RESERVE_GB) > host.hardware.ramGB
}

/** The most VM names a finding lists one by one; more are counted. */
const MAX_NAMES = 6

export const hostStorageForRootAndBinFiles = defineRule({
  id: 'host-storage-for-root-and-bin-files',
  severity: 'warning',
  title: 'The host volume needs room for the root OS and a memory-sized BIN file per VM',
  section: SECTION,
  source: 'Microsoft Exchange 2007 virtualization support policy (cc794548, as summarised); Exchange 2013 and 2016/2019 virtualization (10 GB root, BIN files)',
  perHost: true,
  check({ index, report }) {
    for (const { host, disks, vms: vmRefs } of index.hosts) {
      // Every host with a Windows host OS needs room for it (Virtual Server too); the memory-sized
      // BIN file per VM is Hyper-V's.
      if (!hasWindowsHostOs(host.hypervisor) || vmRefs.length === 0) continue
      const firstHome = firstVmFileDisk(host)
      if (firstHome === undefined) continue
      const hyperV = isHyperV(host)
      // With one VM-file disk (most hosts) every VM's BIN file is on it: no VM need be asked where
      // its home is, which read every disk of every VM (2 ms on the 10,000-VM estate, most of this rule).
      const oneHome = !isMarkedForVmFiles(firstHome) || countMarkedForVmFiles(host) === 1
      for (const ref of disks) {
        const { disk, users } = ref
        const rootGB = disk.contents.includes('os') ? ROOT_OS_SPACE_GB : 0
        // Summed in loops: this runs for every host disk of an estate, and most have room to spare.
        // Only a VM-file disk (a host has one, or a few) keeps BIN files: the VMs are asked where
        // theirs is for those alone, with no list per host of them or of VM-file disks (0.5 MB at 10,000 VMs).
        const keepsBinFiles = hyperV && isVmFileDisk(disk, firstHome)
        let binGB = 0
        let binVms = 0
        if (keepsBinFiles && oneHome) {
          for (const vmRef of vmRefs) binGB += vmRef.vm.ramGB
          binVms = vmRefs.length
        } else if (keepsBinFiles) {
          for (const vmRef of vmRefs) {
            if (homeOf(vmRef, firstHome) !== disk) continue
            binGB += vmRef.vm.ramGB
            binVms += 1
          }
        }
        if (rootGB === 0 && binVms === 0) continue
        let vhdGB = 0
        for (const { disk: vd } of users) if (FILE_DISK_KINDS.includes(vd.kind)) vhdGB += vd.sizeGB
        const neededGB = roundSum(rootGB + binGB + vhdGB)
        if (neededGB <= disk.sizeGB) continue
        const vms = !keepsBinFiles ? [] : oneHome ? vmRefs.map((vmRef) => vmRef.vm) : vmsWithBinFileOn(disk, vmRefs, firstHome)
        report(disk.id, { ref, vms, rootGB, binGB, vhdGB, neededGB }, explainRootAndBinFiles)
      }
    }
  },
})

/** A host disk too small for what it must hold: the VMs whose BIN files it keeps, and the sizes summed. */
interface RootAndBinFiles {
  ref: PhysicalDiskRef
  vms: Vm[]
  rootGB: number
  binGB: number
  vhdGB: number
  neededGB: number
}

function explainRootAndBinFiles({ ref: { disk, host, users }, vms, rootGB, binGB, vhdGB, neededGB }: RootAndBinFiles): Explanation {
  const vhds = users.filter(({ disk: vd }) => FILE_DISK_KINDS.includes(vd.kind))
  const parts = [
    rootGB > 0 ? `${gb(rootGB)} for the host OS alone` : null,
    // Many VMs are counted, not listed: a sentence of 385 names says less than a number.
    vms.length > 0 ? `${gb(binGB)} of memory-state (BIN) files for ${vms.length > MAX_NAMES ? `${vms[0]!.name} and ${vms.length - 1} other VMs` : joinAnd(vms.map((vm) => vm.name))}` : null,
    vhds.length > 0 ? `${gb(vhdGB)} of VHD files` : null,
  ].filter((part): part is string => part !== null)
  return {
    related: [host.id, ...vms.map((vm) => vm.id)],
    // The catalogue gives 10 GB for the OS alone; its page file and crash dumps come on top, by no figure.
    message: `${host.name}'s ${disk.name} (${gb(disk.sizeGB)}) must hold ${joinAnd(parts)}: ${gb(neededGB)} in all${rootGB > 0 ? ', before the host OS\'s page file and crash dumps' : ''}.`,
    fix: `Give ${host.name}'s ${disk.name} at least ${gb(neededGB)}${rootGB > 0 ? ' and room for the host OS\'s page file and crash dumps' : ''}, or move VM files or VHDs to another host disk.`,
  }
}

export const hostMemoryNotOvercommitted = defineRule({
  id: 'host-memory-not-overcommitted',
  severity: 'error',
  title: 'VM memory plus the parent reserve must fit in the host RAM',
  section: SECTION,
  source: 'Derived from Exchange 2016/2019 virtualization (memory) and Hardware Considerations for Hyper-V in Windows Server 2008 (static memory)',
  perHost: true,
  check({ index, report }) {
    for (const host of index.plan.hosts) {
      // A hypervisor that overcommits starts the VMs anyway: there, dynamic-memory-unsupported speaks.
      if (OVERCOMMITTING_HYPERVISORS.includes(host.hypervisor)) continue
      const { vmGB, neededGB, overcommitted } = hostMemory(host)
      if (!overcommitted) continue
      // Hyper-V with Dynamic Memory (2008 R2 SP1 on) starts dynamic-memory VMs on less than they
      // are given: where only those tip the host over, this is overcommit, which
      // dynamic-memory-unsupported reports for Exchange VMs, not VMs that cannot start.
      if (hasDynamicMemory(host) && host.vms.some((vm) => vm.dynamicMemory) && !staticMemoryOvercommitted(host)) continue
      report(host.id, { host, vmGB, neededGB }, explainMemoryOvercommitted)
    }
  },
})

function explainMemoryOvercommitted({ host, vmGB, neededGB }: { host: Host; vmGB: number; neededGB: number }): Explanation {
  return {
    related: host.vms.map((vm) => vm.id),
    message: `${host.name} has ${gb(host.hardware.ramGB)} of RAM, but its VMs are given ${gb(vmGB)} and ${isHyperV(host) ? 'the parent partition' : 'its host OS'} needs ${gb(PARENT_RESERVE_GB)}: ${gb(neededGB)} in all.`,
    fix: `Give ${host.name} at least ${gb(neededGB)} of RAM, or free ${gb(neededGB - host.hardware.ramGB)} by reducing the VMs' memory or moving VMs to another host.`,
  }
}

export const hostRamEditionLimit = defineRule({
  id: 'host-ram-edition-limit',
  severity: 'error',
  title: 'Host RAM must not exceed what the host OS edition and Hyper-V version address',
  section: SECTION,
  source: 'Hardware Considerations for Hyper-V in Windows Server 2008 (cc816844); Hyper-V Server 2008 vs 2008 R2 (virtualization team blog); Hyper-V limits (ee405267, Hyper-V scalability)',
  perHost: true,
  check({ index, report }) {
    for (const host of index.plan.hosts) {
      const family = hyperVFamily(host)
      if (family === null) continue
      const edition = hostEdition(host)
      const limit = HOST_LIMITS[family].ramGB
      const limitGB = limit === null || typeof limit === 'number' ? limit : limit[edition]
      if (limitGB === null || host.hardware.ramGB <= limitGB) continue
      report(host.id, { host, family, edition, limit, limitGB }, explainRamEditionLimit)
    }
  },
})

/** A host with more RAM than it addresses: its Hyper-V version, edition, that version's limit and the one that applies. */
interface RamEditionLimit {
  host: Host
  family: HyperVFamily
  edition: HostEdition
  limit: HostLimits['ramGB']
  limitGB: number
}

function explainRamEditionLimit({ host, family, edition, limit, limitGB }: RamEditionLimit): Explanation {
  // The Windows edition is named where it sets the limit: every 2008 edition, and Standard (32 GB)
  // in a table by edition; the Hyper-V version where its own limit is the lower one.
  const windows = windows2008(family)
  const byEdition = typeof limit === 'object' && limit !== null && (family === 'hv2008' || edition === 'standard')
  const by = !byEdition ? HYPERVISOR_LABELS[host.hypervisor]
    : edition === 'hyper-v-server' ? HYPERVISOR_LABELS['hyper-v-server-2008'] : `${windows} ${EDITION_NAMES[edition]}`
  return {
    message: `${host.name} has ${gb(host.hardware.ramGB)} of RAM, but ${by} addresses at most ${gb(limitGB)}; the rest is unusable.`,
    fix: byEdition && edition === 'standard'
      ? `Use ${windows} Enterprise or Datacenter on ${host.name}, or reduce its RAM to ${gb(limitGB)}.`
      : `Reduce ${host.name}'s RAM to ${gb(limitGB)}, or use a newer Hyper-V version that addresses more.`,
  }
}

export const hostLpLimit = defineRule({
  id: 'host-lp-limit',
  severity: 'error',
  title: 'The host must not have more logical processors than its Hyper-V version supports, nor more sockets than its host OS addresses',
  section: SECTION,
  source: 'Hardware Considerations for Hyper-V (cc816844); virtualization team blog (KB956710; Hyper-V Server 2008 vs 2008 R2); Hyper-V limits (ee405267); Hyper-V scalability in Windows Server 2016/2019; Hyper-V Best Practices Analyzer (rule 51); Windows Server 2008 (R2) editions compared',
  fixAll: true,
  perHost: true,
  check({ index, report, fixes }) {
    for (const host of index.plan.hosts) {
      const family = hyperVFamily(host)
      if (family === null) continue
      const socketLimits = HOST_LIMITS[family].sockets
      const socketsOver = socketLimits !== null && reportSockets(host, socketLimits, windows2008(family), report)
      const lps = logicalProcessors(host)
      const limit = HOST_LIMITS[family].logicalProcessors
      if (limit === null || lps <= limit) continue
      // Hyper-Threading off is a BIOS switch, offered where the physical cores alone fit the base limit
      // (and not where the host also has too many sockets: the rule would still fire on it).
      const htOff = fixes && !socketsOver && host.hardware.threadsPerCore > 1 && physicalCores(host) <= limit
        ? quickFix('Turn off Hyper-Threading', set(host.id, 'hardware.threadsPerCore', 1))
        : undefined
      const kbRaises = raisedByKb956710(host)
      const about = { host, lps, limit, kbRaises }
      if (kbRaises && lps <= LP_LIMIT_HV2008_KB956710) {
        report(host.id, about, explainLpsNeedKb956710, undefined, htOff)
        continue
      }
      report(host.id, about, explainLpLimit, undefined, htOff)
    }
  },
})

/** A host with more logical processors than its Hyper-V version supports, and whether update KB956710 raises that. */
interface LpLimit {
  host: Host
  lps: number
  limit: number
  kbRaises: boolean
}

/** A host's logical processors as sockets × cores × threads, and the name of its hypervisor. */
function lpWords(host: Host): { shape: string; name: string } {
  const { sockets, coresPerSocket, threadsPerCore } = host.hardware
  const shape = `${count(sockets, 'socket')} × ${count(coresPerSocket, 'core')} × ${count(threadsPerCore, 'thread')}`
  return { shape, name: HYPERVISOR_LABELS[host.hypervisor] }
}

function explainLpsNeedKb956710({ host, lps, limit }: LpLimit): Explanation {
  const { shape, name } = lpWords(host)
  return {
    message: `${host.name} has ${thousands(lps)} logical processors (${shape}); ${name} supports ${limit}, and up to ${LP_LIMIT_HV2008_KB956710} only with update KB956710 installed.`,
    fix: `Install KB956710 on ${host.name}'s host OS, or keep it at ${limit} logical processors or fewer.`,
  }
}

function explainLpLimit({ host, lps, limit, kbRaises }: LpLimit): Explanation {
  const { shape, name } = lpWords(host)
  const max = kbRaises ? LP_LIMIT_HV2008_KB956710 : limit
  const withoutHt = host.hardware.threadsPerCore > 1 && physicalCores(host) <= max
  return {
    message: `${host.name} has ${thousands(lps)} logical processors (${shape}); ${name} supports at most ${max}${kbRaises ? ` (${limit} without update KB956710)` : ''}.`,
    fix: withoutHt
      ? `Disable Hyper-Threading on ${host.name} (${physicalCores(host)} logical processors), use a host with at most ${max}, or a newer Hyper-V version.`
      : `Use a host with at most ${max} logical processors for ${host.name}, or a newer Hyper-V version.`,
  }
}

/**
 * A host with more sockets than its host OS addresses: the free Hyper-V Server by its version, a
 * Windows Server by its edition. The fix names the first edition that addresses them all. True when reported.
 */
function reportSockets(host: Host, limits: Record<HostEdition, number>, windows: string, report: RuleContext['report']): boolean {
  const { sockets } = host.hardware
  const edition = hostEdition(host)
  const limit = limits[edition]
  if (sockets <= limit) return false
  report(host.id, { host, limits, windows, edition }, explainSockets)
  return true
}

/** A host with more sockets than its host OS addresses: the socket limits by edition, its Windows Server and edition. */
interface SocketLimit {
  host: Host
  limits: Record<HostEdition, number>
  windows: string
  edition: HostEdition
}

function explainSockets({ host, limits, windows, edition }: SocketLimit): Explanation {
  const { sockets } = host.hardware
  const limit = limits[edition]
  const by = edition === 'hyper-v-server' ? HYPERVISOR_LABELS[host.hypervisor] : `${windows} ${EDITION_NAMES[edition]}`
  const enough = WINDOWS_EDITIONS.find((candidate) => limits[candidate] >= sockets)
  return {
    message: `${host.name} has ${count(sockets, 'processor socket')}, but ${by} addresses at most ${limit}; the processors beyond them are not used.`,
    fix: enough
      ? `Use ${windows} ${EDITION_NAMES[enough]} with the Hyper-V role on ${host.name}, or a host with at most ${limit} sockets.`
      : `Use a host with at most ${limit} sockets for ${host.name}, or a newer Hyper-V version.`,
  }
}
const WINDOWS_EDITIONS = ['standard', 'enterprise', 'datacenter'] as const

/**
 * The first host disk that keeps VM files: the first marked `vm-files`, else the host's system disk.
 * The others are known from it (isVmFileDisk), not listed: a list per host was 0.2 MB at 10,000 VMs.
 */
const firstVmFileDisk = (host: Host): PhysicalDisk | undefined => host.disks.find(isMarkedForVmFiles) ?? host.disks.find(isSystemDisk)
const isMarkedForVmFiles = (disk: PhysicalDisk): boolean => disk.contents.includes('vm-files')
const isSystemDisk = (disk: { contents: readonly string[] }): boolean => disk.contents.includes('os')
function countMarkedForVmFiles(host: Host): number {
  let count = 0
  for (const disk of host.disks) if (isMarkedForVmFiles(disk)) count += 1
  return count
}

/** True when a host keeps VM files on `disk`: every disk marked `vm-files`, or else its system disk alone. */
const isVmFileDisk = (disk: PhysicalDisk, firstHome: PhysicalDisk): boolean =>
  disk === firstHome || (isMarkedForVmFiles(firstHome) && isMarkedForVmFiles(disk))

/** Where a VM's configuration and BIN file live: the VM-file disk holding its OS VHD, any VHD of it, else the first. */
function homeOf({ host, disks }: VmRef, firstHome: PhysicalDisk): PhysicalDisk {
  // Two passes rather than a list of its VHDs: it is asked for every VM of a host.
  for (const { disk, hostDisk } of disks) if (isSystemDisk(disk) && isVhdOnVmFileDisk(disk, hostDisk, host, firstHome)) return hostDisk!.disk
  for (const { disk, hostDisk } of disks) if (isVhdOnVmFileDisk(disk, hostDisk, host, firstHome)) return hostDisk!.disk
  return firstHome
}

/** True when a virtual disk is a VHD file on a VM-file disk of its own host (a plan may back it with another host's disk). */
const isVhdOnVmFileDisk = (disk: VirtualDisk, hostDisk: PhysicalDiskRef | null, host: Host, firstHome: PhysicalDisk): boolean =>
  FILE_DISK_KINDS.includes(disk.kind) && hostDisk !== null && hostDisk.host === host && isVmFileDisk(hostDisk.disk, firstHome)

/** The VMs of a host that keep their BIN files on `disk`, for a finding. */
function vmsWithBinFileOn(disk: PhysicalDisk, vmRefs: readonly VmRef[], firstHome: PhysicalDisk): Vm[] {
  const vms: Vm[] = []
  for (const vmRef of vmRefs) if (homeOf(vmRef, firstHome) === disk) vms.push(vmRef.vm)
  return vms
}



export const PARENT_CAPACITY_RULES: readonly Rule[] = [
  hostStorageForRootAndBinFiles,
  hostMemoryNotOvercommitted,
  hostRamEditionLimit,
  hostLpLimit,
]
