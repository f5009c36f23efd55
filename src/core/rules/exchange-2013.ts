/**
 * C.3 Exchange Server 2013: the hypervisors of 2013 and later (`e2013-hypervisor-supported`, from the
 * applicability text of C.3 and C.4, as 2007 and 2010 have by id), guest OS, storage kinds, SMB 3.0 shares, minimum memory and the design
 * point (their vocabulary, shared with exchange-2016.ts, is in exchange-storage.ts and
 * exchange-sizing.ts). The section's HA rules live in exchange-modern.ts. `smb3-vhd-only` reports
 * disks on file shares next to `nas-storage-unsupported`, as the catalogue gives both.
 * `e2013-pagefile` checks where the page file is (the plan has no page file size), and
 * `e2013-hyperthreading` a host whose VMs fit its processors only if hyper-threads count as cores.
 * `e2013-numa` has no condition: it reminds of each Exchange 2013 server (a plan has no NUMA settings).
 * Left out: the Azure rules (`e2013-azure-premium-storage`, `azure-outbound-smtp-relay`) and
 * `smart-paging-ssd` (the plan has no Azure hosts or Smart Paging location).
 */
import type { GuestOs } from '../model/enums.ts'
import type { Host, PhysicalDisk, VirtualDisk } from '../model/plan.ts'
import type { ExchangeDiskRef, ExchangeServerRef, VirtualDiskRef } from '../validate/plan-index.ts'
import {
  C3, CSS_HC, E16_VIRT, E2013_VIRT, E2013_WP, exchangeUpdateForGuestOs, guestOsRule, hostHaColdBootOnly, hostOf, ws2012HostClusterKb2872325,
} from './exchange-modern.ts'
import { minMemoryCheck, overDesignPoint } from './exchange-sizing.ts'
import { disksOnShares, explainShareProblem, explainUnlistedStorage, listedDynamicVhdx, questionableDataDisks, shareProblem } from './exchange-storage.ts'
import { ROOT_VCPU_BASELINE, hyperVFamily, isHyperV, overheadName, logicalProcessors, physicalCores, virtualProcessorLoad } from './platform-limits.ts'
import { hypervisorRule } from './platform.ts'
import { gb, joinAnd, thousands, vmsOfHost } from './platform-wording.ts'
import { DATABASE_AND_LOGS, DATA_CONTENTS, MODERN_VERSIONS, contentsLabel, diskLabel, holdsData } from './storage-shared.ts'
import { defineRule, type Explanation, type Rule } from './types.ts'

const E2013_REQ = 'Exchange 2013 system requirements (E2013-REQ)'
const E2013_SIZE = 'Exchange 2013 sizing and configuration recommendations (E2013-SIZE)'

const E2013_GUESTS: readonly GuestOs[] = ['ws2008-r2-sp1', 'ws2012', 'ws2012-r2']

/**
 * Exchange 2013 and later run on "any version of Windows Server with Hyper-V technology" (Hyper-V
 * Server included) or an SVVP-validated hypervisor (C.3, C.4), as 2007 and 2010 had their lists.
 */
export const e2013HypervisorSupported = hypervisorRule({
  id: 'e2013-hypervisor-supported',
  title: 'Exchange 2013 and later are supported only on Windows Server Hyper-V or an SVVP-validated hypervisor',
  section: C3,
  source: `${E2013_VIRT}; ${E16_VIRT}`,
}, MODERN_VERSIONS, {
  accepts: isHyperV,
  allowed: 'Windows Server Hyper-V (or Hyper-V Server)',
  advice: 'a Windows Server Hyper-V (or Hyper-V Server) host',
})

export const e2013GuestOs = guestOsRule({
  id: 'e2013-guest-os',
  title: 'A virtual Exchange 2013 server must run Windows Server 2008 R2 SP1, 2012 or 2012 R2',
  section: C3,
  source: E2013_VIRT,
}, {
  '2013': {
    guests: E2013_GUESTS, allowed: 'Windows Server 2008 R2 SP1, 2012 or 2012 R2', advice: 'Windows Server 2012 R2 (or 2012, or 2008 R2 SP1)',
  },
})

export const e2013StorageTypes = defineRule({
  id: 'e2013-storage-types',
  severity: 'error',
  severities: ['error', 'warning'],
  title: 'Exchange 2013 data belongs on fixed VHD/VHDX, dynamic VHDX on Hyper-V, pass-through or iSCSI',
  section: C3,
  source: `${E2013_VIRT}; ${E2013_WP}`,
  perHost: true,
  check({ index, report }) {
    for (const ref of questionableDataDisks(index, ['2013'])) {
      if (!listedDynamicVhdx(ref)) {
        report(ref.disk.id, ref, explainUnlistedStorage)
        continue
      }
      // The two Microsoft documents disagree: the article lists dynamic VHDX, the whitepaper does not.
      report(ref.disk.id, ref, explainDynamicVhdx, 'warning')
    }
    // The 2013 text lists pass-through disks on SCSI only (the 2016 text drops the word). A boot
    // disk is left out: a generation 1 VM boots from IDE, and data beside the OS is a finding of its own.
    for (const ref of index.virtualDisksOfKind('pass-through')) {
      const { disk, exchange } = ref
      if (exchange?.version !== '2013' || !holdsData(disk.contents) || disk.contents.includes('os') || !disk.controller?.startsWith('ide')) continue
      report(disk.id, ref, explainPassThroughOnIde)
    }
  },
})

function explainDynamicVhdx(ref: ExchangeDiskRef): Explanation {
  const { disk, vm, host } = ref
  return {
    related: [vm.id, host.id],
    message: `${diskLabel(ref)} holds the ${contentsLabel(disk.contents, DATA_CONTENTS)} on a dynamically expanding VHDX; the Exchange 2013 virtualization article accepts that, but Microsoft's Exchange 2013 virtualization whitepaper says dynamically expanding disks are not supported.`,
    fix: `Make ${disk.name} of ${vm.name} a fixed-size VHDX, which both documents support.`,
  }
}

function explainPassThroughOnIde(ref: VirtualDiskRef): Explanation {
  const { disk, vm, host } = ref
  return {
    related: [vm.id, host.id],
    message: `${diskLabel(ref)} holds the ${contentsLabel(disk.contents, DATA_CONTENTS)} on a pass-through disk attached to the virtual IDE controller; Exchange 2013 supports pass-through disks for Exchange data only on SCSI.`,
    fix: `Attach ${disk.name} of ${vm.name} to a virtual SCSI controller.`,
  }
}

export const smb3VhdOnly = defineRule({
  id: 'smb3-vhd-only',
  severity: 'error',
  title: 'Exchange 2013 keeps only VHD or VHDX files on SMB 3.0 shares, from Windows Server 2012 Hyper-V',
  section: C3,
  source: `${E2013_VIRT}; Hyper-V Best Practices Analyzer (rules 59 and 60)`,
  perHost: true,
  check({ index, report }) {
    // These disks are nas-storage-unsupported (A.4) too: the catalogue gives both rules, and each is reported.
    for (const ref of disksOnShares(index, ['2013'])) {
      const problem = shareProblem(ref, false)
      if (problem) report(ref.disk.id, { ref, problem, allowed: 'fixed or dynamically expanding VHD or VHDX files on an SMB 3.0 share' }, explainShareProblem)
    }
  },
})

export const e2013MinMemory = defineRule({
  id: 'e2013-min-memory',
  severity: 'error',
  title: 'Exchange 2013 needs 8 GB for Mailbox (also with Client Access), 4 GB for Client Access or Edge Transport',
  section: C3,
  source: `${E2013_REQ}; ${E2013_WP}`,
  perHost: true,
  check: minMemoryCheck(['2013'], { mailbox: 8, 'client-access': 4, 'edge-transport': 4 }),
})

const E2013_DESIGN_POINT = { sockets: 2, cores: 20, ramGB: 96 }

export const e2013ServerScale = defineRule({
  id: 'e2013-server-scale',
  severity: 'info',
  title: 'Exchange 2013 was designed for servers of at most 2 sockets, 20 cores and 96 GB',
  section: C3,
  source: `${E2013_SIZE}; ${CSS_HC}`,
  perHost: true,
  check({ index, report }) {
    for (const server of index.exchangeServersOf(['2013'])) {
      const over = overDesignPoint(server, E2013_DESIGN_POINT)
      if (over.length > 0) report(server.id, { server, over }, explainServerScale)
    }
  },
})

function explainServerScale({ server, over }: { server: ExchangeServerRef; over: string[] }): Explanation {
  const { sockets, cores, ramGB } = E2013_DESIGN_POINT
  return {
    related: hostOf(server),
    message: `${server.name} is an Exchange 2013 server with ${joinAnd(over)}; Exchange 2013 was designed and tested on servers of at most ${sockets} sockets, ${cores} cores and ${gb(ramGB)}.`,
    fix: server.vm
      ? `Size ${server.name} within ${cores} virtual processors and ${gb(ramGB)}, and add Exchange servers for more load.`
      : `Split ${server.name}'s hardware into Exchange VMs within ${cores} cores and ${gb(ramGB)} each, or use smaller servers.`,
  }
}

export const e2013Pagefile = defineRule({
  id: 'e2013-pagefile',
  severity: 'warning',
  title: 'An Exchange 2013 server\'s page file must not share a disk with databases or logs',
  section: C3,
  source: `${E2013_REQ}; ${E2013_SIZE}; ${E2013_WP}`,
  perHost: true,
  check({ index, report }) {
    for (const server of index.exchangeServersOf(['2013'])) {
      // A VM's own disks; a bare-metal server's host disks.
      const disks = server.vm ? server.vm.disks : server.host.disks
      for (const disk of disks) {
        const contents: readonly string[] = disk.contents
        if (!contents.includes('pagefile') || !(contents.includes('database') || contents.includes('logs'))) continue
        report(disk.id, { server, disk }, explainPagefile)
      }
    }
  },
})

function explainPagefile({ server, disk }: { server: ExchangeServerRef; disk: VirtualDisk | PhysicalDisk }): Explanation {
  const data = contentsLabel(disk.contents, DATABASE_AND_LOGS)
  return {
    related: [server.id, ...hostOf(server)],
    message: `${server.name} keeps its page file on its disk ${disk.name}, together with the ${data}; Exchange 2013 wants the page file off database and log volumes.`,
    fix: disk.contents.includes('os')
      ? `Move the ${data} of ${server.name} off its disk ${disk.name}, which holds its OS and page file, or give the page file a disk of its own.`
      : `Move ${server.name}'s page file to its OS disk or a disk of its own, sized to its memory plus 10 MB (at most 32,778 MB).`,
  }
}

export const e2013Hyperthreading = defineRule({
  id: 'e2013-hyperthreading',
  severity: 'warning',
  title: 'Size Exchange 2013 VMs on physical cores, not hyper-threads',
  section: C3,
  source: `${E2013_SIZE}; ${CSS_HC}`,
  perHost: true,
  check({ index, report }) {
    // Each host that runs an Exchange 2013 VM, once (the index lists VMs host by host).
    let seen: Host | null = null
    for (const { host } of index.exchangeVms('2013')) {
      if (host === seen) continue
      seen = host
      if (host.hardware.threadsPerCore < 2) continue
      // The ratio rules' count.
      const vcpus = virtualProcessorLoad(host)
      const cores = physicalCores(host)
      const threads = logicalProcessors(host)
      // Past the logical processors it is plain oversubscription, which the ratio rules report.
      if (vcpus <= cores || vcpus > threads) continue
      report(host.id, { host, vcpus, cores, threads }, explainHyperthreading)
    }
  },
})

function explainHyperthreading({ host, vcpus, cores, threads }: { host: Host; vcpus: number; cores: number; threads: number }): Explanation {
  return {
    related: host.vms.map((vm) => vm.id),
    message: `${host.name} runs ${thousands(vcpus)} virtual processors (${thousands(vcpus - ROOT_VCPU_BASELINE)} in its VMs plus ${ROOT_VCPU_BASELINE} counted for the ${overheadName(host)}), more than its ${thousands(cores)} physical cores; they fit its ${thousands(threads)} logical processors only if hyper-threads count as cores, and Exchange 2013 is sized on physical cores.`,
    fix: `Take ${vcpus - cores} virtual processor${vcpus - cores === 1 ? '' : 's'} ${vmsOfHost(host).from}, so that with the ${overheadName(host)}'s ${ROOT_VCPU_BASELINE} they fit its ${cores} physical cores, or ${vmsOfHost(host).move}; hyper-threading may stay on.`,
  }
}

/** Where a server's NUMA settings are: what the reminder asks to leave at the vendor's defaults. */
function numaSettings({ vm, host, name }: ExchangeServerRef): string {
  if (!vm) return `the NUMA settings of ${name}'s BIOS`
  const family = hyperVFamily(host)
  // NUMA spanning came with Windows Server 2008 R2, a VM's virtual NUMA topology with 2012.
  if (family === null || family === 'hv2008') return `the NUMA settings of ${host.name}'s BIOS and hypervisor`
  if (family === 'hv2008r2') return `the NUMA settings of ${host.name}'s BIOS and its NUMA spanning in Hyper-V`
  return `the NUMA settings of ${host.name}'s BIOS, its NUMA spanning in Hyper-V and ${vm.name}'s virtual NUMA topology`
}

export const e2013Numa = defineRule({
  id: 'e2013-numa',
  severity: 'info',
  title: 'Exchange 2013 is not NUMA-aware: keep the vendor\'s default NUMA settings',
  section: C3,
  source: `${E2013_SIZE}; ${E2013_WP}`,
  perHost: true,
  check({ index, report }) {
    for (const server of index.exchangeServersOf(['2013'])) report(server.id, server, explainNuma)
  },
})

const explainNuma = (server: ExchangeServerRef): Explanation => ({
  related: hostOf(server),
  message: `${server.name} runs Exchange 2013, which is not NUMA-aware: it gains nothing from NUMA tuning.`,
  fix: `Leave ${numaSettings(server)} at the vendor's defaults.`,
})

/** C.3 in catalogue order; the saved-state and KB2872325 rules also cover C.4. */
export const EXCHANGE_2013_RULES: readonly Rule[] = [
  e2013HypervisorSupported,
  e2013GuestOs,
  exchangeUpdateForGuestOs, // C.3 and C.4
  hostHaColdBootOnly,
  e2013StorageTypes,
  smb3VhdOnly,
  ws2012HostClusterKb2872325,
  e2013MinMemory,
  e2013Pagefile,
  e2013Hyperthreading,
  e2013Numa,
  e2013ServerScale,
]
