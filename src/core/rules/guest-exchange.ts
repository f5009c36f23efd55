/**
 * A.3 rules about the Exchange install inside a guest: version, guest OS, roles, OS disk and
 * snapshots. They look only at VMs that run Exchange.
 */
import { fileCapacityGB, fixedSpace, type FixedSpace } from './capacity.ts'
import { GUEST_ATTACHED_KINDS, type ExchangeVersion, type GuestOs } from '../model/enums.ts'
import { EXCHANGE_VERSION_LABELS, lunTitle, updateLabel } from '../model/labels.ts'
import type { VirtualDisk } from '../model/plan.ts'
import { HOLDS, type VirtualDiskRef, type VmRef } from '../validate/plan-index.ts'
import { GUEST_OS_DISK_BASE_GB, OS_DISK_SIZE_STATED, vmGeneration, vmLimitsOf } from './platform-limits.ts'
import { quickFix, set } from './quick-fix.ts'
import { VHDX_KINDS, VHD_KINDS } from './storage-shared.ts'
import { gb, guestOsName, joinAnd, roundSum, snapshotWords, thousands } from './platform-wording.ts'
import { defineRule, type Explanation } from './types.ts'

const SECTION = 'A.3 Child VM / guest'
const SEED_AND_POLICY = 'Seed article (Virtual Exchange Servers); Microsoft Exchange 2007 virtualization support policy (cc794548)'

/** Guest OSs Microsoft's Exchange 2007 virtualization policy names: Windows Server 2008 x64. */
const E2007_GUESTS: readonly GuestOs[] = ['ws2008-x64', 'ws2008-sp2-x64']
/**
 * Exchange 2007 SP3 installs on Windows Server 2008 R2; whether the virtualization policy was
 * amended to match is unconfirmed, so such a guest is left alone rather than called unsupported.
 */
const E2007_SP3_GUESTS: readonly GuestOs[] = ['ws2008-r2', 'ws2008-r2-sp1']

export const e2007MinSp1 = defineRule({
  id: 'e2007-min-sp1',
  severity: 'error',
  title: 'A virtual Exchange 2007 server must run SP1 or later',
  section: SECTION,
  source: SEED_AND_POLICY,
  fixAll: true,
  perHost: true,
  check({ index, report, fixes }) {
    for (const ref of index.vms) {
      const vm = ref.vm
      if (vm.exchange?.version !== '2007' || vm.exchange.update !== 'rtm') continue
      report(vm.id, ref, explainE2007Rtm, undefined, fixes ? quickFix('Update to Exchange 2007 SP1', set(vm.id, 'exchange.update', 'sp1')) : undefined)
    }
  },
})

const explainE2007Rtm = ({ vm, host }: VmRef): Explanation => ({
  related: [host.id],
  message: `${vm.name} runs Exchange Server 2007 RTM; only SP1 or later is supported in a virtual machine.`,
  fix: `Install Exchange Server 2007 SP1 or later on ${vm.name}.`,
})

export const e2007GuestOsWs2008 = defineRule({
  id: 'e2007-guest-os-ws2008',
  severity: 'error',
  title: 'A virtual Exchange 2007 server must run Windows Server 2008 x64',
  section: SECTION,
  source: SEED_AND_POLICY,
  fixAll: true,
  perHost: true,
  check({ index, report, fixes }) {
    for (const ref of index.vms) {
      const { vm, host } = ref
      if (vm.exchange?.version !== '2007' || E2007_GUESTS.includes(vm.guestOs)) continue
      if (vm.exchange.update === 'sp3' && E2007_SP3_GUESTS.includes(vm.guestOs)) continue
      // A Generation 2 VM cannot run Windows Server 2008: then the fix is a new VM, not one edit.
      report(vm.id, ref, explainE2007GuestOs, undefined, fixes && vmGeneration(vm, host) !== 2 ? quickFix('Use Windows Server 2008 x64', set(vm.id, 'guestOs', E2007_GUESTS[0])) : undefined)
    }
  },
})

/** Windows Server 2008 R2 is a guest of Exchange 2007 SP3 only: on R2 with an earlier update, SP3 is a fix too. */
function explainE2007GuestOs({ vm, host }: VmRef): Explanation {
  const r2 = E2007_SP3_GUESTS.includes(vm.guestOs)
  return {
    related: [host.id],
    message: r2
      ? `${vm.name} runs Exchange Server 2007 ${updateLabel(vm.exchange!.update)} on ${guestOsName(vm.guestOs)}; a virtual Exchange 2007 server must run Windows Server 2008 x64, or 2008 R2 from Exchange 2007 SP3 on.`
      : `${vm.name} runs Exchange Server 2007 on ${guestOsName(vm.guestOs)}; a virtual Exchange 2007 server must run Windows Server 2008 x64 (2008 R2 from Exchange 2007 SP3 on).`,
    fix: r2
      ? `Update ${vm.name} to Exchange Server 2007 SP3, or install Windows Server 2008 x64 as its guest OS.`
      : `Install Windows Server 2008 x64 as the guest OS of ${vm.name}.`,
  }
}

export const umRoleVirtualized = defineRule({
  id: 'um-role-virtualized',
  severity: 'error',
  title: 'The Exchange 2007 Unified Messaging role is not supported in a virtual machine',
  section: SECTION,
  aboutRoles: true,
  source: `${SEED_AND_POLICY}; virtualizationreview.com (2009)`,
  perHost: true,
  check({ index, report }) {
    for (const ref of index.vms) {
      const vm = ref.vm
      if (vm.exchange?.version === '2007' && vm.exchange.roles.includes('unified-messaging')) report(vm.id, ref, explainUmVirtualized)
    }
  },
})

const explainUmVirtualized = ({ vm, host }: VmRef): Explanation => ({
  related: [host.id],
  message: `${vm.name} holds the Exchange 2007 Unified Messaging role, which is not supported under a hypervisor.`,
  fix: `Remove Unified Messaging from ${vm.name} and run it on a physical server.`,
})

/** Versions whose guidance on the OS disk is the stated minimum's, as a hint (OS_DISK_SIZE_STATED: 2007–2013). */
const OS_DISK_SIZE_HINT: readonly ExchangeVersion[] = ['2016', '2019', 'se']

/**
 * Whether an OS disk can simply be grown to `sizeGB`: a VHD or VHDX file within its format's limit,
 * a pass-through or guest-attached disk within the host disk or LUN behind it (else it needs new hardware).
 */
function canGrow(ref: VirtualDiskRef, sizeGB: number, space: FixedSpace): boolean {
  const { disk } = ref
  const limits = vmLimitsOf(ref.host)
  // A fixed file also needs the room on its host disk, which it takes at once.
  if (VHD_KINDS.includes(disk.kind)) return (limits === null || sizeGB < limits.vhdMaxGB) && space.take(ref, disk.kind, sizeGB)
  if (VHDX_KINDS.includes(disk.kind)) return (limits?.vhdxMaxGB == null || sizeGB <= limits.vhdxMaxGB) && space.take(ref, disk.kind, sizeGB)
  // The host disk or LUN behind it, as the index resolved them (none: not connected, or a backing the plan lacks).
  // A host disk that is a LUN holds no more than the LUN (capacity-sum-check counts the same).
  const hostDisk = ref.hostDisk
  const behind = hostDisk ? fileCapacityGB(hostDisk) : ref.storage.lun?.lun.sizeGB
  return behind === undefined || sizeGB <= behind
}

export const e2007GuestOsDiskSize = defineRule({
  id: 'e2007-guest-os-disk-size',
  severity: 'error',
  severities: ['error', 'info'],
  title: 'The guest OS disk must hold at least 15 GB plus the VM\'s memory',
  section: SECTION,
  source: 'Microsoft Exchange 2007 virtualization support policy (cc794548, via expta.com summary); Exchange 2013 virtualization',
  fixAll: true,
  // Its quick fixes share out room on LUNs that host disks of several hosts share (fixedSpace).
  perHost: 'findings',
  check({ index, report, fixes }) {
    const space = fixedSpace(index)
    for (const { vm, disks } of index.vms) {
      const version = vm.exchange?.version
      if (!version) continue
      const stated = OS_DISK_SIZE_STATED.includes(version)
      if (!stated && !OS_DISK_SIZE_HINT.includes(version)) continue
      // Rounded as the architect adds: 15 + 2.24 is 17.24 GB, and a 17.24 GB disk holds it.
      const needed = roundSum(GUEST_OS_DISK_BASE_GB + vm.ramGB)
      for (const ref of disks) {
        const disk = ref.disk
        if ((ref.holds & HOLDS.os) === 0) continue
        // A pass-through or guest-attached OS disk is no larger than the disk or LUN behind it.
        const whole = wholeDiskBehind(ref)
        const capped = whole !== null && whole.sizeGB < disk.sizeGB ? whole : null
        const sizeGB = capped?.sizeGB ?? disk.sizeGB
        if (sizeGB >= needed) continue
        const grown = Math.ceil(needed)
        const tooSmallBehind = whole !== null && whole.sizeGB < needed ? whole : null
        report(disk.id, { ref, stated, needed, sizeGB, capped, whole, tooSmallBehind }, explainSmallOsDisk, stated ? 'error' : 'info', !fixes || tooSmallBehind !== null ? undefined
            : whole ? quickFix(`Set it to ${gb(whole.sizeGB)}, the size of ${whole.name}`, set(disk.id, 'sizeGB', whole.sizeGB))
              : canGrow(ref, grown, space) ? quickFix(`Grow it to ${gb(grown)}`, set(disk.id, 'sizeGB', grown)) : undefined)
      }
    }
  },
})

/** An OS disk below the minimum, with the sizes and the disk or LUN behind it that check() weighed. */
interface SmallOsDisk {
  ref: VirtualDiskRef
  stated: boolean
  needed: number
  sizeGB: number
  capped: WholeDisk | null
  whole: WholeDisk | null
  tooSmallBehind: WholeDisk | null
}

function explainSmallOsDisk({ ref: { disk, vm, host }, stated, needed, sizeGB, capped, whole, tooSmallBehind }: SmallOsDisk): Explanation {
  const behind = capped ? `, the whole of ${capped.name},` : ''
  return {
    related: capped ? [vm.id, capped.id, host.id] : [vm.id, host.id],
    message: stated
      ? `${vm.name}'s OS disk ${disk.name}${behind} is ${gb(sizeGB)}; with ${gb(vm.ramGB)} of memory it needs at least ${gb(needed)} (${gb(GUEST_OS_DISK_BASE_GB)} plus the VM's memory, for the page file).`
      : `${vm.name}'s OS disk ${disk.name}${behind} is ${gb(sizeGB)}, below the ${gb(needed)} (${gb(GUEST_OS_DISK_BASE_GB)} plus the VM's memory) that Exchange 2007–2013 required; later documentation no longer states a minimum.`,
    // What is behind the disk too small, growing the VM's disk cannot help: a larger one must be behind it.
    // A disk that is the whole of a large enough one is as large as that one: the plan's entry is behind.
    fix: tooSmallBehind
      ? `Give ${vm.name} an OS disk of at least ${gb(needed)}: ${tooSmallBehind.name} is only ${gb(tooSmallBehind.sizeGB)}, so pass through a larger disk or LUN.`
      : whole
        ? `Set ${disk.name}'s size to ${gb(whole.sizeGB)}: ${vm.name} sees the whole of ${whole.name}.`
        : `Grow ${disk.name} on ${vm.name} to at least ${gb(needed)}.`,
  }
}

/** The disk or LUN a VM's disk is the whole of, with the size the guest sees. */
interface WholeDisk { id: string; name: string; sizeGB: number }

/**
 * The disk or LUN a pass-through or guest-attached disk is the whole of, with the size the guest
 * sees: a pass-through disk is its host disk (or that disk's LUN, where smaller), a guest-attached
 * disk its LUN. Null for VHD files, which are as large as they are made, and for unconnected disks.
 */
function wholeDiskBehind({ disk, host, hostDisk, storage }: VirtualDiskRef): WholeDisk | null {
  if (disk.kind === 'pass-through' && hostDisk !== null) {
    const lun = storage.lun?.lun
    return lun !== undefined && lun.sizeGB < hostDisk.disk.sizeGB
      ? { id: lun.id, name: lunTitle(lun.name), sizeGB: lun.sizeGB }
      : { id: hostDisk.disk.id, name: `${host.name}'s ${hostDisk.disk.name}`, sizeGB: hostDisk.disk.sizeGB }
  }
  if (GUEST_ATTACHED_KINDS.includes(disk.kind) && storage.lun !== null) {
    const lun = storage.lun.lun
    return { id: lun.id, name: lunTitle(lun.name), sizeGB: lun.sizeGB }
  }
  return null
}


export const vmSnapshotUnsupported = defineRule({
  id: 'vm-snapshot-unsupported',
  severity: 'error',
  title: 'Snapshots (checkpoints) of Exchange virtual machines are not supported',
  section: SECTION,
  source: 'Seed article (Snapshots); Microsoft Exchange 2007 virtualization support policy (cc794548); Exchange 2013 and 2016/2019 virtualization; Exchange 2013 virtualization whitepaper',
  fixAll: true,
  perHost: true,
  check({ index, report, fixes }) {
    for (const ref of index.vms) {
      const { vm, host } = ref
      if (!vm.exchange) continue
      // A differencing disk is what a snapshot leaves behind (an AVHD), so it counts as one too.
      const differencing = vm.disks.some(isDifferencing)
      if (vm.snapshots === 0 && !differencing) continue
      // Deleting snapshots does not merge a differencing disk, so only then is the fix one edit.
      report(vm.id, ref, explainSnapshots, undefined, fixes && !differencing ? quickFix(`Delete the ${snapshotWords(host)[1]}`, set(vm.id, 'snapshots', 0)) : undefined)
    }
  },
})

const isDifferencing = (disk: VirtualDisk): boolean => disk.kind === 'differencing-vhd'

function explainSnapshots({ vm, host }: VmRef): Explanation {
  const exchange = vm.exchange!
  const differencing = vm.disks.filter(isDifferencing)
  const disks = joinAnd(differencing.map((disk) => disk.name))
  const [one, many] = snapshotWords(host)
  const what = [
    vm.snapshots === 0 ? null : vm.snapshots === 1 ? `1 ${one}` : `${thousands(vm.snapshots)} ${many}`,
    differencing.length === 0 ? null : `the differencing (${one}) disk${differencing.length > 1 ? 's' : ''} ${disks}`,
  ].filter((part) => part !== null).join(' and ')
  return {
    related: [host.id, ...differencing.map((disk) => disk.id)],
    message: `${vm.name} runs ${EXCHANGE_VERSION_LABELS[exchange.version]} and has ${what}; reverting an Exchange server to a ${one}${one === 'snapshot' ? '' : ' (snapshot)'} gives unpredictable results, and ${many} turn its disks into slower differencing chains.`,
    fix: differencing.length === 0
      ? `Delete the ${many} of ${vm.name}, schedule none, and protect it with an Exchange-aware backup instead.`
      : vm.snapshots === 0
        ? `Merge ${disks} of ${vm.name} into fixed disks and take no ${many}; protect it with an Exchange-aware backup instead.`
        : `Delete the ${many} of ${vm.name} and merge ${disks} into fixed disks; protect it with an Exchange-aware backup instead.`,
  }
}

