/**
 * A.4 rules about pass-through disks: a physical disk (or LUN) given whole to exactly one VM,
 * offline on the host, and the seed's preference for pass-through Exchange data volumes.
 */
import { FILE_DISK_KINDS, hasWindowsHostOs, type DiskKind } from '../model/enums.ts'
import { HOLDS, type LunRef, type PhysicalDiskRef, type VirtualDiskRef } from '../validate/plan-index.ts'
import { lacksIntegrationComponents } from './guest-hyperv.ts'
import { isHyperV, isHyperV2008Era } from './platform-limits.ts'
import { lunOnlineOnOtherHosts } from './consistency.ts'
import { joinAnd } from './platform-wording.ts'
import { quickFix, set } from './quick-fix.ts'
import { CLASSIC_VERSIONS, DATABASE_AND_LOGS, SECTION, contentsLabel, diskLabel } from './storage-shared.ts'
import { defineRule, type Explanation } from './types.ts'

const isPassThrough = (ref: VirtualDiskRef) => ref.disk.kind === 'pass-through'
const unique = (ids: readonly string[]) => [...new Set(ids)]

// Two counts rather than one object holding both: they are asked of every host disk of an estate
// (with the two lists per LUN sharedLun no longer makes, 0.3 MB at 10,000 VMs).
/** How many of a host disk's users pass it through. */
const passThroughUses = (hostDisk: PhysicalDiskRef): number => hostDisk.passThroughUsers

/** How many uses a host disk has besides pass-through: its own files (one use) and each VHD file on it. */
const otherUseCount = ({ disk, users, passThroughUsers }: PhysicalDiskRef): number =>
  (disk.contents.length > 0 ? 1 : 0) + users.length - passThroughUsers

/** What, besides pass-through disks, a host disk is used for: the host's own files or VHD files. */
function otherUses({ disk, host, users }: PhysicalDiskRef): string[] {
  const uses: string[] = []
  if (disk.contents.length > 0) uses.push(`${host.name}'s own ${contentsLabel(disk.contents)}`)
  for (const ref of users) if (!isPassThrough(ref)) uses.push(`the VHD file of ${diskLabel(ref)}`)
  return uses
}

/** A host disk passed through more than once, or passed through and also used otherwise. */
function isSharedHostDisk(hostDisk: PhysicalDiskRef): boolean {
  const passing = passThroughUses(hostDisk)
  return passing > 0 && passing + otherUseCount(hostDisk) >= 2
}

function explainSharedHostDisk(hostDisk: PhysicalDiskRef): Explanation {
  const { disk, host, users } = hostDisk
  const passThrough = users.filter(isPassThrough)
  const uses = otherUses(hostDisk)
  return {
    related: [...unique(users.map((ref) => ref.vm.id)), host.id],
    message: `${disk.name} on ${host.name} is passed through as ${joinAnd(passThrough.map(diskLabel))}${uses.length > 0 ? ` and also holds ${joinAnd(uses)}` : ''}; a disk passed through must be exactly one virtual disk of one VM, and nothing else.`,
    fix: `Give every pass-through disk its own physical disk on ${host.name}, and use ${disk.name} for nothing else.`,
  }
}

/** A LUN reached more than one way: the host disks that pass it through, and those that use it otherwise. */
interface SharedLun { ref: LunRef; passing: PhysicalDiskRef[]; others: PhysicalDiskRef[] }

/** Exchange cluster kinds whose nodes share disks; CCR and DAG nodes each keep their own. */
const SHARED_DISK_CLUSTERS: ReadonlySet<string> = new Set(['scc', 'windows'])

/**
 * True when the guests that reach a LUN through their own initiators are two or more VMs, one of
 * them an Exchange server, and not all nodes of one shared-disk cluster.
 */
function unclusteredGuests(guests: readonly VirtualDiskRef[]): boolean {
  if (guests.length < 2) return false
  const firstVm = guests[0]!.vm
  let exchange = false
  let otherVm = false
  let oneCluster = true
  const cluster = firstVm.exchange?.cluster ?? null
  for (const { vm } of guests) {
    if (vm !== firstVm) otherVm = true
    if (vm.exchange !== null) exchange = true
    const own = vm.exchange?.cluster ?? null
    if (cluster === null || own === null || own.id !== cluster.id || !SHARED_DISK_CLUSTERS.has(own.kind)) oneCluster = false
  }
  return otherVm && exchange && !oneCluster
}

/**
 * A LUN passed through from one host disk and also reached another way: through a second host
 * disk (another host's view of it, or VHD files there) or by a guest's own initiator. Also a LUN a
 * guest reaches through its own initiator that a host uses as well (for VHD files or its own files):
 * catalogue A.4 "or is also used by the host". Guests alone may share one only as nodes of one
 * shared-disk cluster (an Exchange 2007 SCC, or a Windows failover cluster): the guests of an
 * Exchange server's LUN that are not are reported too. Without a cluster of theirs in the plan, VMs
 * that run no Exchange are left alone. Conflicts inside one host disk are that disk's finding, not the LUN's.
 */
function sharedLun(ref: LunRef): SharedLun | null {
  // The LUN's own lists: looking its host disks up by its id (index.hostDisksOnLun) read a map of
  // every LUN, cold in the caches on a 10,000-VM estate when the rule comes to LUNs.
  const { users: guests, hostDisks } = ref
  // Counted first, and listed only for a LUN that is shared.
  let passing = 0
  let others = 0
  for (const hostDisk of hostDisks) {
    if (passThroughUses(hostDisk) > 0) passing += 1
    else if (otherUseCount(hostDisk) > 0) others += 1
  }
  const guestAndHost = guests.length > 0 && others > 0
  if ((passing === 0 && !guestAndHost && !unclusteredGuests(guests)) || passing + others + guests.length < 2) return null
  const shared: SharedLun = { ref, passing: [], others: [] }
  for (const hostDisk of hostDisks) {
    if (passThroughUses(hostDisk) > 0) shared.passing.push(hostDisk)
    else if (otherUseCount(hostDisk) > 0) shared.others.push(hostDisk)
  }
  return shared
}

function explainSharedLun({ ref: { lun, array, users: guests }, passing, others }: SharedLun): Explanation {
  const viaHost = [...passing, ...others].flatMap(({ users }) => users)
  const guestNames = unique(guests.map((ref) => ref.vm.name))
  const uses = [
    ...passing.map(({ disk, host, users }) => `${host.name}'s ${disk.name} passes it through as ${joinAnd(users.filter(isPassThrough).map(diskLabel))}`),
    ...others.map((ref) => `${ref.host.name}'s ${ref.disk.name} holds ${joinAnd(otherUses(ref))}`),
    ...guests.map((ref) => `${diskLabel(ref)} reaches it through the guest's own ${ref.disk.kind === 'fc-guest' ? 'Fibre Channel HBA' : 'iSCSI initiator'}`),
  ]
  return {
    related: unique([...viaHost, ...guests].map((ref) => ref.vm.id)),
    message: passing.length > 0
      ? `${lun.name}, a LUN of ${array.name}, is passed through to a VM and reached by more than one path: ${uses.join('; ')}. A pass-through LUN must belong to exactly one VM.`
      : others.length > 0
        ? `${lun.name}, a LUN of ${array.name}, is used by a host and reached by a guest's own initiator: ${uses.join('; ')}. Two systems that write to one volume without a cluster between them corrupt it.`
        : `${lun.name}, a LUN of ${array.name}, is reached by more than one VM: ${uses.join('; ')}. ${joinAnd(guestNames)} are not nodes of one shared-disk cluster, and two systems that write to one volume without a cluster between them corrupt it.`,
    fix: passing.length > 0
      ? `Present ${lun.name} to one VM only, through one pass-through disk, and give the other users LUNs of their own.`
      : others.length > 0
        ? `Give ${guestNames.length === 1 ? guestNames[0] : `each of ${joinAnd(guestNames)}`} a LUN of its own for its initiator, and keep ${lun.name} for the host's use only.`
        : `Give each of ${joinAnd(guestNames)} a LUN of its own; only the nodes of one single copy cluster (SCC) or Windows failover cluster share a disk, and CCR and DAG nodes each keep their own.`,
  }
}

export const passthroughDedicatedToOneVm = defineRule({
  id: 'passthrough-dedicated-to-one-vm',
  severity: 'error',
  title: 'A pass-through disk belongs to exactly one VM and nothing else',
  section: SECTION,
  source: 'Microsoft Exchange 2007 virtualization support policy (cc794548); Dell Storage Solutions Guide for Microsoft Hyper-V',
  perHost: true,
  check({ index, report }) {
    for (const hostDisk of index.physicalDisks) {
      if (isSharedHostDisk(hostDisk)) report(hostDisk.disk.id, hostDisk, explainSharedHostDisk)
    }
  },
  checkShared({ index, report }) {
    for (const lunRef of index.luns) {
      const shared = sharedLun(lunRef)
      if (shared) report(lunRef.lun.id, shared, explainSharedLun)
    }
  },
})

export const passthroughOfflineOnHost = defineRule({
  id: 'passthrough-offline-on-host',
  severity: 'error',
  title: 'A pass-through disk must be offline on the Hyper-V host',
  section: SECTION,
  source: 'Seed article (Virtual Exchange Servers: disk taken offline before attaching); Mastering Hyper-V; Dell Hyper-V storage guide',
  // Two pass-through disks of one host disk both take it offline: the same edit, safe together.
  fixAll: true,
  perHost: true,
  check({ index, report, fixes }) {
    for (const ref of index.virtualDisksOfKind('pass-through')) {
      const { disk, host } = ref
      if (!isHyperV(host) || disk.backing === null) continue
      const hostDiskRef = ref.hostDisk
      if (!hostDiskRef) continue
      const hostDisk = hostDiskRef.disk
      // A disk the host keeps files on carries a host volume: it is in use on the host even when
      // the plan marks it offline (catalogue: "or it carries a host volume/drive letter").
      const hostVolume = hostDisk.contents.length > 0
      if (!hostDisk.online && !hostVolume) continue
      report(disk.id, ref, explainPassthroughOnline, undefined, fixes && !hostUsesIt(hostDiskRef) ? quickFix(`Take ${hostDisk.name} offline on ${host.name}`, set(hostDisk.id, 'online', false)) : undefined)
    }
  },
})

// A disk the host keeps its own files or VHD files on must stay online: that is a design change.
const hostUsesIt = (hostDisk: PhysicalDiskRef): boolean => otherUseCount(hostDisk) > 0

/** A pass-through disk whose host disk is online or carries a host volume (check() made sure it has one). */
function explainPassthroughOnline(ref: VirtualDiskRef): Explanation {
  const { vm, host } = ref
  const hostDiskRef = ref.hostDisk!
  const hostDisk = hostDiskRef.disk
  return {
    related: [hostDisk.id, vm.id, host.id],
    message: hostDisk.online
      ? `${diskLabel(ref)} passes through ${hostDisk.name}, which is online on ${host.name}; Hyper-V passes through only disks that are offline on the host.`
      : `${diskLabel(ref)} passes through ${hostDisk.name}, which carries a volume of ${host.name} with its own ${contentsLabel(hostDisk.contents)}; Hyper-V passes through only disks that are offline on the host, with no host volume.`,
    fix: hostUsesIt(hostDiskRef)
      ? `Give ${vm.name} a physical disk of its own to pass through: ${hostDisk.name} holds ${joinAnd(otherUses(hostDiskRef))} and must stay online.`
      : `Take ${hostDisk.name} offline in Disk Management on ${host.name} before attaching it to ${vm.name}.`,
  }
}

/**
 * vexplan addition, the other side of passthrough-offline-on-host: a disk offline in the host's Disk
 * Management has no volume the host can keep a file on, so a VHD placed there cannot be opened and
 * its VM does not start.
 */
export const vhdOnOfflineHostDisk = defineRule({
  id: 'vhd-on-offline-host-disk',
  severity: 'error',
  title: 'A host keeps virtual disk files only on a disk that is online',
  section: SECTION,
  source: 'Seed article (Virtual Exchange Servers: VHD files on the online host disk, the pass-through disk taken offline); Hyper-V planning for disks and storage',
  fixAll: true,
  perHost: true,
  check({ index, report, fixes }) {
    for (const kind of FILE_DISK_KINDS) {
      for (const ref of index.virtualDisksOfKind(kind)) {
        const hostDisk = ref.storage.physicalDisk
        // Offline means offline in a Windows host OS's Disk Management: ESX keeps its own datastores.
        if (hostDisk === null || hostDisk.online || !hasWindowsHostOs(ref.host.hypervisor)) continue
        // Brought online, a disk that is also passed through would be taken from its VM, and a LUN online
        // on an unclustered host too would be shared (lun-shared-by-unclustered-hosts): no fix then.
        const keptOffline = passThroughUses(ref.hostDisk!) > 0 || lunOnlineOnOtherHosts(ref.hostDisk!).length > 0
        report(ref.disk.id, ref, explainVhdOnOfflineDisk, undefined, fixes && !keptOffline ? quickFix(`Bring ${hostDisk.name} online`, set(hostDisk.id, 'online', true)) : undefined)
      }
    }
  },
})

function explainVhdOnOfflineDisk(ref: VirtualDiskRef): Explanation {
  const { vm, host } = ref
  const hostDiskRef = ref.hostDisk!
  const hostDisk = hostDiskRef.disk
  const passedThrough = hostDiskRef.users.filter(isPassThrough).map(diskLabel)
  const sharing = lunOnlineOnOtherHosts(hostDiskRef)
  return {
    related: [hostDisk.id, vm.id, host.id],
    message: `${diskLabel(ref)} is a file on ${host.name}'s ${hostDisk.name}, which is offline in Disk Management: the host has no volume there to keep the file on, so ${vm.name} cannot use the disk.`,
    fix: passedThrough.length > 0
      ? `Put ${ref.disk.name}'s file on another disk of ${host.name} that is online: ${hostDisk.name} is passed through (to ${joinAnd(passedThrough)}) and must stay offline.`
      : sharing.length > 0
        ? `Put ${ref.disk.name}'s file on another disk of ${host.name} that is online, or put ${host.name} and ${joinAnd(sharing.map((other) => other.name))} in one host cluster and then bring ${hostDisk.name} online: its LUN is online on ${joinAnd(sharing.map((other) => other.name))}, and two hosts without a cluster between them corrupt a volume they share.`
        : `Bring ${hostDisk.name} online in Disk Management on ${host.name}, or put ${ref.disk.name}'s file on another disk of ${host.name} that is online.`,
  }
}

/** The disks whose Exchange data the seed would rather see on a pass-through disk. */
const ADVICE_KINDS: readonly DiskKind[] = ['fixed-vhd', 'iscsi-guest']

function explainPassthroughAdvice(ref: VirtualDiskRef): Explanation {
  const { disk, vm, host } = ref
  const data = contentsLabel(disk.contents, DATABASE_AND_LOGS)
  return {
    related: [vm.id, host.id],
    message: `${diskLabel(ref)}, ${disk.kind === 'iscsi-guest' ? "an iSCSI disk of the guest's own initiator" : 'a fixed VHD'}, holds the ${data}; a pass-through disk performs close to a physical disk.`,
    fix: lacksIntegrationComponents(vm)
      ? `Consider moving the ${data} of ${vm.name} to a pass-through disk, on a virtual SCSI controller once the integration components are installed in ${vm.name}.`
      : `Consider moving the ${data} of ${vm.name} to a pass-through disk on a virtual SCSI controller.`,
  }
}

export const passthroughRecommendedForExchangeData = defineRule({
  id: 'passthrough-recommended-for-exchange-data',
  severity: 'info',
  title: 'Pass-through disks are the preferred home for Exchange databases and logs',
  section: SECTION,
  source: 'Seed article (Exchange database and Log Files); Planning for Disks and Storage (Hyper-V)',
  perHost: true,
  check({ index, report }) {
    // Kind by kind: one list of both kinds is a copy of 17,500 disks at 10,000 VMs (0.14 MB).
    for (const kind of ADVICE_KINDS) {
      for (const ref of index.virtualDisksOfKind(kind)) {
        const { disk, host, exchange } = ref
        if (exchange === null || !CLASSIC_VERSIONS.includes(exchange.version) || !isHyperV2008Era(host)) continue
        if ((ref.holds & (HOLDS.database | HOLDS.logs)) !== 0) report(disk.id, ref, explainPassthroughAdvice)
      }
    }
  },
})
