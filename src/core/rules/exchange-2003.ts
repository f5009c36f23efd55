/**
 * C.1 Exchange Server 2003 (KB320220): supported only on Virtual Server 2005 R2 SP1, SP2 or later,
 * on 32-bit Windows Server 2003 (`e2003-guest-os`, a vexplan addition from Section D), stand-alone, with VM Additions and no Undo disks. `e2003-scsi-driver` is left out: the plan does
 * not record which SCSI driver the guest uses.
 */
import { GUEST_OS_LABELS, HYPERVISOR_LABELS, updateLabel } from '../model/labels.ts'
import type { GuestOs } from '../model/enums.ts'
import type { Host } from '../model/plan.ts'
import type { ExchangeVmRef, PlanIndex, VirtualDiskRef } from '../validate/plan-index.ts'
import { isHyperV, isHyperV2008Era, VIRTUAL_SERVER_GUEST, WS2003_GUEST_VCPU_MAX, WS2003_GUESTS } from './platform-limits.ts'
import { count, gb, hypervisorName, joinAnd, thousands } from './platform-wording.ts'
import { fixedSpace } from './capacity.ts'
import { quickFix, set, vcpuCount } from './quick-fix.ts'
import { guestOsRule } from './exchange-modern.ts'
import { SVVP_HYPERVISORS } from './platform.ts'
import { defineRule, type Explanation, type Rule } from './types.ts'

const SECTION = 'C.1 Exchange Server 2003'
const KB320220 = 'KB320220 (Exchange 2003 on hardware virtualization)'
const SUPPORTED_HOST = 'virtual-server-2005-r2-sp1'

/** Exchange 2003 servers that are VMs (the KB covers virtualized Exchange 2003 only). */
const exchange2003Vms = (index: PlanIndex): readonly ExchangeVmRef[] => index.exchangeVms('2003')

const onVirtualServer = (host: Host): boolean => host.hypervisor === SUPPORTED_HOST

export const e2003Hypervisor = defineRule({
  id: 'e2003-hypervisor',
  severity: 'error',
  title: 'Virtual Exchange 2003 is supported only on Virtual Server 2005 R2 SP1',
  section: SECTION,
  source: `Seed article (Exchange Server 2003); ${KB320220}; Microsoft licensing announcement (Aug 2008)`,
  perHost: true,
  check({ index, report }) {
    for (const server of exchange2003Vms(index)) {
      if (!onVirtualServer(server.host)) report(server.vm.id, server, explainHypervisor)
    }
  },
})

function explainHypervisor({ vm, host }: ExchangeVmRef): Explanation {
  return {
    related: [host.id],
    message: `${vm.name} runs Exchange 2003 on ${host.name} (${hypervisorName(host)}); virtual Exchange 2003 is supported only on ${HYPERVISOR_LABELS[SUPPORTED_HOST]}.`,
    fix: `Move ${vm.name} to a ${HYPERVISOR_LABELS[SUPPORTED_HOST]} host${upgradeOn(host)}.`,
  }
}

/**
 * The other way out, where a later Exchange runs on the host: none does on Virtual PC, nor on a
 * hypervisor not validated under SVVP, so there the fix offers no upgrade that would be an error too.
 */
function upgradeOn(host: Host): string {
  // Exchange 2007 SP1 is the upgrade for a 2008-era Hyper-V host only: on later ones it is itself unsupported.
  if (isHyperV2008Era(host)) return ', or rebuild it as Exchange 2007 SP1 on a Windows Server 2008 x64 guest to run on Hyper-V'
  const svvp = SVVP_HYPERVISORS.includes(host.hypervisor)
  if (isHyperV(host) || (svvp && host.svvpValidated)) return `, or upgrade it to a version of Exchange supported on ${hypervisorName(host)}`
  if (svvp) return ', or upgrade it to a later version of Exchange on a hypervisor validated under SVVP'
  return `; no version of Exchange is supported on ${hypervisorName(host)}`
}

/** 32-bit Windows Server 2003: the guest OS of Section D's Exchange 2003 column. */
const E2003_GUESTS: readonly GuestOs[] = ['ws2003-x86', 'ws2003-sp2-x86']

export const e2003GuestOs = guestOsRule({
  id: 'e2003-guest-os',
  title: 'A virtual Exchange 2003 server must run 32-bit Windows Server 2003',
  section: SECTION,
  source: `${KB320220}; rules catalogue Section D (Guest OS)`,
}, { '2003': { guests: E2003_GUESTS, allowed: '32-bit Windows Server 2003', advice: GUEST_OS_LABELS['ws2003-sp2-x86'] } })

export const e2003MinSp2 = defineRule({
  id: 'e2003-min-sp2',
  severity: 'error',
  title: 'Virtual Exchange 2003 needs Service Pack 2 or later',
  section: SECTION,
  source: KB320220,
  fixAll: true,
  perHost: true,
  check({ index, report, fixes }) {
    for (const server of exchange2003Vms(index)) {
      const { vm, exchange: { update } } = server
      if (update !== 'rtm' && update !== 'sp1') continue
      report(vm.id, server, explainMinSp2, undefined, fixes ? quickFix('Update to Exchange 2003 SP2', set(vm.id, 'exchange.update', 'sp2')) : undefined)
    }
  },
})

const explainMinSp2 = ({ vm, host, exchange }: ExchangeVmRef): Explanation => ({
  related: [host.id],
  message: `${vm.name} runs Exchange 2003 ${updateLabel(exchange.update)}; a virtual Exchange 2003 server must be at SP2 or later.`,
  fix: `Install Exchange 2003 SP2 on ${vm.name}.`,
})

export const e2003VmAdditions = defineRule({
  id: 'e2003-vm-additions',
  severity: 'error',
  title: 'Virtual Server VM Additions must be installed in an Exchange 2003 guest',
  section: SECTION,
  source: KB320220,
  fixAll: true,
  perHost: true,
  check({ index, report, fixes }) {
    for (const server of exchange2003Vms(index)) {
      const { vm, host } = server
      if (!onVirtualServer(host) || vm.integrationComponents !== 'none') continue
      report(vm.id, server, explainVmAdditions, undefined, fixes ? quickFix('Install the VM Additions', set(vm.id, 'integrationComponents', 'rtm')) : undefined)
    }
  },
})

const explainVmAdditions = ({ vm, host }: ExchangeVmRef): Explanation => ({
  related: [host.id],
  message: `${vm.name} runs Exchange 2003 on Virtual Server without the Virtual Machine Additions.`,
  fix: `Install the Virtual Server 2005 R2 Virtual Machine Additions in ${vm.name}.`,
})

/** Leaving a CCR or DAG would take away database copies its members' backups may rely on. */
const keepsCopies = (index: PlanIndex, clusterId: string): boolean =>
  index.clusterMembers(clusterId).some(({ exchange }) => exchange.cluster?.kind === 'ccr' || exchange.cluster?.kind === 'dag')

export const e2003StandaloneOnly = defineRule({
  id: 'e2003-standalone-only',
  severity: 'error',
  title: 'Virtual Exchange 2003 must be a stand-alone server, not clustered',
  section: SECTION,
  source: KB320220,
  fixAll: true,
  perHost: true,
  check({ index, report, fixes }) {
    for (const server of exchange2003Vms(index)) {
      const { vm, exchange: { cluster } } = server
      if (cluster === null) continue
      report(vm.id, server, explainStandaloneOnly, undefined, fixes && !keepsCopies(index, cluster.id) ? quickFix('Make it a stand-alone server', set(vm.id, 'exchange.cluster', null)) : undefined)
    }
  },
})

function explainStandaloneOnly({ vm, host, exchange }: ExchangeVmRef): Explanation {
  const cluster = exchange.cluster!
  return {
    related: [host.id],
    message: `${vm.name} runs Exchange 2003 as a member of cluster "${cluster.id}"; a virtual Exchange 2003 server must be stand-alone.`,
    fix: `Remove ${vm.name} from cluster "${cluster.id}", or run the clustered Exchange 2003 nodes on physical servers.`,
  }
}

export const e2003NoUndoDisks = defineRule({
  id: 'e2003-no-undo-disks',
  severity: 'error',
  title: 'Virtual Server Undo disks must be off for Exchange 2003',
  section: SECTION,
  source: KB320220,
  fixAll: true,
  // Its quick fixes share out room on LUNs that host disks of several hosts share (fixedSpace).
  perHost: 'findings',
  check({ index, report, fixes }) {
    const space = fixedSpace(index)
    for (const server of exchange2003Vms(index)) {
      const { vm, host } = server
      if (!onVirtualServer(host)) continue
      const undo = server.disks.filter(isUndoDisk)
      if (undo.length === 0 && vm.snapshots === 0) continue
      // Each Undo disk becomes a fixed VHD, which takes its whole size: offered where they all fit.
      const fix = fixes && space.takeAll(undo, 'fixed-vhd')
        ? quickFix('Turn off Undo disks', ...undo.map(({ disk }) => set(disk.id, 'kind', 'fixed-vhd')), ...(vm.snapshots > 0 ? [set(vm.id, 'snapshots', 0)] : []))
        : undefined
      report(vm.id, server, explainUndoDisks, undefined, fix)
    }
  },
})

/** Undo disks are differencing disks Virtual Server keeps for the VM; saved undo states count as snapshots. */
const isUndoDisk = ({ disk }: VirtualDiskRef) => disk.kind === 'differencing-vhd'

function explainUndoDisks({ vm, host, disks }: ExchangeVmRef): Explanation {
  const undo = disks.filter(isUndoDisk).map(({ disk }) => disk)
  const what = undo.length > 0
    ? `the differencing (Undo) disk${undo.length > 1 ? 's' : ''} ${joinAnd(undo.map((disk) => disk.name))}`
    : count(vm.snapshots, 'snapshot')
  return {
    related: [...undo.map((disk) => disk.id), host.id],
    message: `${vm.name} runs Exchange 2003 on Virtual Server with ${what}; Undo disks must be off.`,
    fix: `Turn off Undo disks for ${vm.name}, commit or discard the changes, and use fixed VHDs only.`,
  }
}

export const e2003Ws2003VcpuMax2 = defineRule({
  id: 'e2003-ws2003-vcpu-max2',
  severity: 'error',
  title: 'A Windows Server 2003 guest on Hyper-V has at most 2 virtual processors',
  section: SECTION,
  source: 'Hyper-V Best Practices Analyzer rule 500; seed article',
  fixAll: true,
  perHost: true,
  check({ index, report, fixes }) {
    for (const server of exchange2003Vms(index)) {
      const { vm, host } = server
      if (!isHyperV(host) || !WS2003_GUESTS.includes(vm.guestOs) || vm.vcpus <= WS2003_GUEST_VCPU_MAX) continue
      report(vm.id, server, explainWs2003Vcpus, undefined, fixes ? quickFix(`Set ${vcpuCount(WS2003_GUEST_VCPU_MAX)}`, set(vm.id, 'vcpus', WS2003_GUEST_VCPU_MAX)) : undefined)
    }
  },
})

const explainWs2003Vcpus = ({ vm, host }: ExchangeVmRef): Explanation => ({
  related: [host.id],
  message: `${vm.name} runs ${GUEST_OS_LABELS[vm.guestOs]} with ${thousands(vm.vcpus)} virtual processors on Hyper-V; more than ${WS2003_GUEST_VCPU_MAX} is unsupported for that guest.`,
  fix: `Give ${vm.name} at most ${WS2003_GUEST_VCPU_MAX} virtual processors.`,
})

export const e2003VirtualServerGuestLimits = defineRule({
  id: 'e2003-virtual-server-guest-limits',
  severity: 'error',
  title: 'A Virtual Server 2005 R2 guest has one virtual processor and about 3.6 GB of memory',
  section: SECTION,
  source: 'Virtual Server 2005 R2 guest limits (unconfirmed)',
  fixAll: true,
  perHost: true,
  check({ index, report, fixes }) {
    for (const server of exchange2003Vms(index)) {
      const { vm, host } = server
      if (!onVirtualServer(host) || (vm.vcpus <= VIRTUAL_SERVER_GUEST.vcpus && vm.ramGB <= VIRTUAL_SERVER_GUEST.ramGB)) continue
      const vcpus = Math.min(vm.vcpus, VIRTUAL_SERVER_GUEST.vcpus)
      const ramGB = Math.min(vm.ramGB, VIRTUAL_SERVER_GUEST.ramGB)
      // The quick fix sets, and its label names, only what is over the limit.
      const setVcpus = vcpus !== vm.vcpus
      const setRam = ramGB !== vm.ramGB
      const label = setVcpus && setRam ? `Set ${vcpuCount(vcpus)} and ${gb(ramGB)}` : setVcpus ? `Set ${vcpuCount(vcpus)}` : `Set ${gb(ramGB)}`
      report(vm.id, server, explainVirtualServerLimits, undefined, fixes ? quickFix(label, ...(setVcpus ? [set(vm.id, 'vcpus', vcpus)] : []), ...(setRam ? [set(vm.id, 'ramGB', ramGB)] : [])) : undefined)
    }
  },
})

function explainVirtualServerLimits({ vm, host }: ExchangeVmRef): Explanation {
  const over: string[] = []
  if (vm.vcpus > VIRTUAL_SERVER_GUEST.vcpus) over.push(`${thousands(vm.vcpus)} virtual processors (at most ${VIRTUAL_SERVER_GUEST.vcpus})`)
  if (vm.ramGB > VIRTUAL_SERVER_GUEST.ramGB) over.push(`${gb(vm.ramGB)} of memory (at most ${gb(VIRTUAL_SERVER_GUEST.ramGB)})`)
  return {
    related: [host.id],
    message: `${vm.name} is given ${over.join(' and ')}, more than a Virtual Server 2005 R2 guest can have.`,
    fix: `Give ${vm.name} ${VIRTUAL_SERVER_GUEST.vcpus} virtual processor and at most ${gb(VIRTUAL_SERVER_GUEST.ramGB)} of memory, and add servers to carry more load.`,
  }
}

export const e2003Sizing = defineRule({
  id: 'e2003-sizing',
  severity: 'info',
  title: 'Size virtual Exchange 2003 servers with the Exchange 2003 Performance and Scalability Guide',
  section: SECTION,
  source: `${KB320220}, as quoted on the fabricem TechNet blog (Oct 2005)`,
  perHost: true,
  check({ index, report }) {
    for (const server of exchange2003Vms(index)) report(server.vm.id, server, explainSizing)
  },
})

const explainSizing = ({ vm, host }: ExchangeVmRef): Explanation => ({
  related: [host.id],
  message: `${vm.name} runs Exchange 2003 in a VM; size it with the Exchange 2003 Performance and Scalability Guide, allowing for the virtualization overhead on host and guest.`,
  fix: `Check ${vm.name}'s processor, memory and disk sizing against the Exchange 2003 Performance and Scalability Guide.`,
})

export const EXCHANGE_2003_RULES: readonly Rule[] = [
  e2003Hypervisor,
  e2003GuestOs,
  e2003MinSp2,
  e2003VmAdditions,
  e2003StandaloneOnly,
  e2003NoUndoDisks,
  e2003Ws2003VcpuMax2,
  e2003VirtualServerGuestLimits,
  e2003Sizing,
]
