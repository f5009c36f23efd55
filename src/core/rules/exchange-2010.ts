/**
 * C.2 Exchange Server 2010: hypervisors, guest OS and storage kinds; the Unified Messaging rules are
 * in exchange-2010-um.ts, and the HA and DAG rules of the section in exchange-modern.ts, shared with
 * later versions. `e2010-vm-dc-time-sync` reminds of every virtual domain controller whose Hyper-V
 * time synchronization is on by default (the plan does not record the service). Left out:
 * `e2010-no-azure-vm` (the plan has no Azure hosts).
 */
import type { DiskKind, GuestOs, Hypervisor } from '../model/enums.ts'
import type { ExchangeVmRef, VirtualDiskRef, VmRef } from '../validate/plan-index.ts'
import { EXCHANGE_2010_UM_RULES } from './exchange-2010-um.ts'
import { lacksIntegrationComponents } from './guest-hyperv.ts'
import { liveMoveName, movesByQuickMigration, noLiveMove, quickMoveName } from './ha.ts'
import {
  C2, E2010_VIRT, E2010_WP, dagMembersAntiAffinity, e2010DagHostHaRtm, e2010Sp1SavedState, e2010ThirdPartyMigration,
  guestOsRule,
} from './exchange-modern.ts'
import { hypervisorRule } from './platform.ts'
import { VM_LIMITS, hyperVFamily, isHyperV } from './platform-limits.ts'
import { gb } from './platform-wording.ts'
import { diskLabel } from './storage-shared.ts'
import { defineRule, type Explanation, type Rule } from './types.ts'


/**
 * The hypervisors the Exchange 2010 text lists. It names Hyper-V Server 2012; the plan format has
 * one value for Windows Server 2012 Hyper-V, role or free product alike.
 */
const E2010_HYPERVISORS: readonly Hypervisor[] = [
  'hyper-v-2008', 'hyper-v-server-2008', 'hyper-v-2008-r2', 'hyper-v-server-2008-r2', 'hyper-v-2012',
]
const E2010_GUESTS: readonly GuestOs[] = ['ws2008-sp2-x64', 'ws2008-r2', 'ws2008-r2-sp1']

export const e2010HypervisorSupported = hypervisorRule({
  id: 'e2010-hypervisor-supported',
  title: 'Exchange 2010 is supported only on Hyper-V 2008, 2008 R2 or 2012, or an SVVP-validated hypervisor',
  section: C2,
  source: E2010_VIRT,
}, ['2010'], {
  accepts: (host) => E2010_HYPERVISORS.includes(host.hypervisor),
  allowed: 'Hyper-V 2008, 2008 R2 or 2012',
  advice: 'a Windows Server 2008, 2008 R2 or 2012 Hyper-V (or Hyper-V Server) host',
})

export const e2010GuestOs = guestOsRule({
  id: 'e2010-guest-os',
  title: 'A virtual Exchange 2010 server must run Windows Server 2008 SP2 x64 or 2008 R2',
  section: C2,
  source: E2010_VIRT,
}, { '2010': {
  guests: E2010_GUESTS, allowed: 'Windows Server 2008 SP2 x64 or Windows Server 2008 R2', advice: 'Windows Server 2008 R2 SP1 (or 2008 SP2 x64)',
  // SP3 installs on Windows Server 2012; Microsoft's Exchange 2010 virtualization requirements, which the catalogue follows, list no 2012 guest.
  aside: { ws2012: 'Exchange 2010 SP3 installs on Windows Server 2012, but the Exchange 2010 virtualization requirements list no Windows Server 2012 guest' },
} })

/** The largest VHD file, the same on every Hyper-V (B.1). */
const VHD_MAX_GB = VM_LIMITS.hv2008.vhdMaxGB

/** The disk kinds the Exchange 2010 text leaves out, in words: all but fixed VHDs, pass-through disks and iSCSI. */
const UNLISTED_2010: Partial<Record<DiskKind, string>> = {
  'dynamic-vhd': 'a dynamically expanding VHD',
  'differencing-vhd': 'a differencing disk',
  'fixed-vhdx': 'a fixed-size VHDX',
  'dynamic-vhdx': 'a dynamically expanding VHDX',
  'fc-guest': 'a Fibre Channel disk the guest reaches through its own HBA',
}
const UNLISTED_2010_KINDS = Object.keys(UNLISTED_2010) as DiskKind[]

export const e2010StorageTypes = defineRule({
  id: 'e2010-storage-types',
  severity: 'error',
  title: 'Exchange 2010 VMs use fixed VHDs, SCSI pass-through disks or iSCSI only',
  section: C2,
  source: `${E2010_VIRT} (as discussed by devinonearth.com, 2011); Microsoft Exchange 2007 virtualization support policy (cc794548)`,
  perHost: true,
  check({ index, report }) {
    // Dynamic and differencing disks are also dynamic-vhd-unsupported and differencing-vhd-unsupported,
    // and a guest HBA on Hyper-V 2008/R2 fc-hba-host-only: the catalogue gives each rule.
    for (const ref of index.virtualDisksOfKind(...UNLISTED_2010_KINDS)) {
      if (ref.exchange?.version === '2010') report(ref.disk.id, ref, explainUnlistedStorage)
    }
  },
})

function explainUnlistedStorage(ref: VirtualDiskRef): Explanation {
  const { disk, vm, host } = ref
  return {
    related: [vm.id, host.id],
    message: `${diskLabel(ref)} is ${UNLISTED_2010[disk.kind]}; Exchange 2010 supports only fixed-size VHDs, SCSI pass-through disks and iSCSI from the guest.`,
    fix: disk.kind === 'fc-guest'
      ? `Connect the LUN behind ${disk.name} to ${host.name}'s Fibre Channel HBA and pass it through to ${vm.name}, or give ${vm.name} a fixed-size VHD on it.`
      : `Make ${disk.name} of ${vm.name} a fixed-size VHD${disk.sizeGB >= VHD_MAX_GB ? ` (or several, each under ${gb(VHD_MAX_GB)})` : ''}, or give ${vm.name} a pass-through disk instead.`,
  }
}

/** How long a DAG member may be unreachable before its cluster can evict it, in the whitepaper's words. */
const EVICTION_SECONDS = 5

export const e2010DagMemberEviction = defineRule({
  id: 'e2010-dag-member-eviction',
  severity: 'info',
  title: 'A DAG member moved by Quick Migration can be evicted from its cluster',
  section: C2,
  source: `${E2010_WP}, as summarised by aidanfinn.com`,
  perHost: true,
  check({ index, report }) {
    // A quick migration saves the VM, copies its memory and restores it: the VM is offline for the
    // whole move, longer on a slow or WAN-stretched link. The RTM and SP1+ rules say whether the move
    // is supported at all; this one says what it does to the DAG meanwhile.
    for (const server of index.exchangeVms('2010')) {
      const { host } = server
      if (server.exchange.cluster?.kind !== 'dag' || !movesByQuickMigration(host) || host.cluster === null) continue
      report(server.vm.id, server, explainDagMemberEviction)
    }
  },
})

function explainDagMemberEviction({ vm, host, exchange }: ExchangeVmRef): Explanation {
  // Live Migration arrived with Windows Server 2008 R2 (catalogue B.3).
  const liveName = liveMoveName(host)
  const live = liveName === null
    ? `Move ${vm.name} by a shutdown and start rather than ${quickMoveName(host)} (${noLiveMove(host)}${hyperVFamily(host) === 'hv2008' ? '; 2008 R2 brings it' : ''})`
    : `Move ${vm.name} by ${liveName} instead of ${quickMoveName(host)}`
  return {
    related: [host.id],
    message: `${vm.name} is a member of DAG "${exchange.cluster!.id}" and host cluster "${host.cluster}" moves it by ${quickMoveName(host)}, which keeps a VM offline while its memory is saved, copied and restored; a DAG member unreachable for about ${EVICTION_SECONDS} seconds can be evicted from the DAG's cluster.`,
    fix: `${live}; where a quick move must stay (a slow or WAN-stretched host cluster), raise the DAG cluster's heartbeat thresholds (SameSubnetThreshold, CrossSubnetThreshold) so that a move does not evict ${vm.name}.`,
  }
}

export const e2010VmDcTimeSync = defineRule({
  id: 'e2010-vm-dc-time-sync',
  severity: 'info',
  title: 'Virtual domain controllers: turn off Hyper-V time synchronization',
  section: C2,
  source: `${E2010_VIRT} (as mirrored)`,
  perHost: true,
  check({ index, report }) {
    // A rule of the catalogue's Exchange 2010 section (C.2), so it speaks to plans with Exchange 2010:
    // its reason is that version's Hub Transport setup. Plans of other versions alone hear nothing.
    if (index.whole.exchangeServersOfVersion('2010').length === 0) return
    for (const ref of index.vms) {
      const { vm, host } = ref
      // The integration components bring the time synchronization service, which is on by default; a
      // guest without them (none installed, or a Windows Server 2003 before SP2, which cannot take
      // them) has no such service. A Linux guest is no Windows domain controller, whatever it lists.
      if (!vm.roles.includes('ad-ds') || !isHyperV(host) || lacksIntegrationComponents(vm) || vm.guestOs === 'sles-10') continue
      report(vm.id, ref, explainDcTimeSync)
    }
  },
})

const explainDcTimeSync = ({ vm, host }: VmRef): Explanation => ({
  related: [host.id],
  message: `${vm.name} is a domain controller in a VM on ${host.name}. Its integration components set its clock from the host's by default, but a domain controller should keep time from a reliable source of its own; when its time drifts, Exchange setup of the Hub Transport role can fail.`,
  fix: `Turn off the Time synchronization integration service of ${vm.name} in Hyper-V, and point the domain's PDC emulator at a reliable external time source.`,
})

/** C.2 in catalogue order (the DAG placement rule also covers C.3 and C.4). */
export const EXCHANGE_2010_RULES: readonly Rule[] = [
  e2010HypervisorSupported,
  e2010GuestOs,
  ...EXCHANGE_2010_UM_RULES,
  e2010DagHostHaRtm,
  e2010Sp1SavedState,
  e2010ThirdPartyMigration,
  e2010DagMemberEviction,
  e2010StorageTypes,
  dagMembersAntiAffinity,
  e2010VmDcTimeSync,
]
