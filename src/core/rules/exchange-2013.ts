/**
 * C.3 Exchange Server 2013: guest OS, storage kinds, SMB 3.0 shares, minimum memory and the design
 * point, and the memory and sizing vocabulary exchange-2016.ts shares (the storage vocabulary is in
 * exchange-storage.ts). The section's HA rules live in exchange-modern.ts. `smb3-vhd-only` reports
 * disks on file shares next to `nas-storage-unsupported`, as the catalogue gives both. Left out: the
 * Azure rules (`e2013-azure-premium-storage`, `azure-outbound-smtp-relay`), `e2013-pagefile`,
 * `e2013-hyperthreading`, `e2013-numa` and `smart-paging-ssd` (the plan has no Azure hosts, page file
 * size, sizing method, NUMA or Smart Paging setting).
 */
import type { ExchangeRole, ExchangeVersion, GuestOs } from '../model/enums.ts'
import { EXCHANGE_ROLE_LABELS, EXCHANGE_VERSION_LABELS } from '../model/labels.ts'
import type { ExchangeServerRef, PlanIndex } from '../validate/plan-index.ts'
import {
  C3, E2013_VIRT, E2013_WP, exchangeServersOf, guestOsRule, hostHaColdBootOnly, hostOf, ws2012HostClusterKb2872325,
} from './exchange-modern.ts'
import { disksOnShares, listedDynamicVhdx, questionableDataDisks, shareFinding, shareProblem, unlistedStorage } from './exchange-storage.ts'
import { physicalCores } from './platform-limits.ts'
import { joinAnd } from './platform-wording.ts'
import { DATA_CONTENTS, contentsLabel, diskLabel } from './storage-shared.ts'
import { defineRule, type Rule, type RuleContext } from './types.ts'

const E2013_REQ = 'Exchange 2013 system requirements (E2013-REQ)'
const E2013_SIZE = 'Exchange 2013 sizing and configuration recommendations (E2013-SIZE)'
const CSS_HC = 'Microsoft CSS-Exchange HealthChecker (CSS-HC)'

const E2013_GUESTS: readonly GuestOs[] = ['ws2008-r2-sp1', 'ws2012', 'ws2012-r2']

export const e2013GuestOs = guestOsRule({
  id: 'e2013-guest-os',
  title: 'A virtual Exchange 2013 server must run Windows Server 2008 R2 SP1, 2012 or 2012 R2',
  section: C3,
  source: E2013_VIRT,
}, '2013', E2013_GUESTS, 'Windows Server 2008 R2 SP1, 2012 or 2012 R2', 'Windows Server 2012 R2 (or 2012, or 2008 R2 SP1)')

export const e2013StorageTypes = defineRule({
  id: 'e2013-storage-types',
  severity: 'error',
  title: 'Exchange 2013 data belongs on fixed VHD/VHDX, dynamic VHDX on Hyper-V, pass-through or iSCSI',
  section: C3,
  source: `${E2013_VIRT}; ${E2013_WP}`,
  check({ index, report }) {
    for (const ref of questionableDataDisks(index, ['2013'])) {
      if (!listedDynamicVhdx(ref)) {
        report(unlistedStorage(ref))
        continue
      }
      // The two Microsoft documents disagree: the article lists dynamic VHDX, the whitepaper does not.
      const { disk, vm, host } = ref
      report({
        subject: disk.id,
        related: [vm.id, host.id],
        severity: 'warning',
        message: `${diskLabel(ref)} holds the ${contentsLabel(disk.contents, DATA_CONTENTS)} on a dynamically expanding VHDX; the Exchange 2013 virtualization article accepts that, but Microsoft's Exchange 2013 virtualization whitepaper says dynamically expanding disks are not supported.`,
        fix: `Make ${disk.name} of ${vm.name} a fixed-size VHDX, which both documents support.`,
      })
    }
  },
})

export const smb3VhdOnly = defineRule({
  id: 'smb3-vhd-only',
  severity: 'error',
  title: 'Exchange 2013 keeps only VHD or VHDX files on SMB 3.0 shares, from Windows Server 2012 Hyper-V',
  section: C3,
  source: `${E2013_VIRT}; Hyper-V Best Practices Analyzer (rules 59 and 60)`,
  check({ index, report }) {
    // These disks are nas-storage-unsupported (A.4) too: the catalogue gives both rules, and each is reported.
    for (const ref of disksOnShares(index, ['2013'])) {
      const problem = shareProblem(ref, false)
      if (problem) report(shareFinding(ref, problem, 'fixed or dynamically expanding VHD or VHDX files on an SMB 3.0 share'))
    }
  },
})

/** Memory minimums (GB) by role; a server needs the largest of its roles'. */
export type MemoryFloors = Partial<Record<ExchangeRole, number>>

/** A server's memory: a VM's, or the RAM of a server running Exchange in its own OS. */
const memoryGB = ({ vm, host }: ExchangeServerRef): number => (vm ? vm.ramGB : host.hardware.ramGB)

/** The servers of these versions with less memory than their roles need, with what they need. */
export function belowMemoryFloor(index: PlanIndex, versions: readonly ExchangeVersion[], floors: MemoryFloors) {
  const below: { server: ExchangeServerRef; ramGB: number; neededGB: number; role: ExchangeRole }[] = []
  for (const server of exchangeServersOf(index, versions)) {
    let role: ExchangeRole | null = null
    let neededGB = 0
    for (const held of server.exchange.roles) {
      const floor = floors[held]
      if (floor !== undefined && floor > neededGB) [role, neededGB] = [held, floor]
    }
    const ramGB = memoryGB(server)
    if (role !== null && ramGB < neededGB) below.push({ server, ramGB, neededGB, role })
  }
  return below
}

/** "the Mailbox role", "the Mailbox and Client Access roles". */
export const rolesWords = (roles: readonly ExchangeRole[]): string =>
  `the ${joinAnd(roles.map((role) => EXCHANGE_ROLE_LABELS[role]))} role${roles.length > 1 ? 's' : ''}`

/** The check of a minimum-memory rule (error): servers of `versions` with less memory than their roles need. */
export const minMemoryCheck = (versions: readonly ExchangeVersion[], floors: MemoryFloors) => ({ index, report }: RuleContext) => {
  for (const { server, ramGB, neededGB, role } of belowMemoryFloor(index, versions, floors)) {
    report({
      subject: server.id,
      related: hostOf(server),
      message: `${server.name} runs ${EXCHANGE_VERSION_LABELS[server.exchange.version]} with ${rolesWords(server.exchange.roles)} on ${ramGB} GB of memory; a server with the ${EXCHANGE_ROLE_LABELS[role]} role needs at least ${neededGB} GB.`,
      fix: `Give ${server.name} at least ${neededGB} GB of memory.`,
    })
  }
}

export const e2013MinMemory = defineRule({
  id: 'e2013-min-memory',
  severity: 'error',
  title: 'Exchange 2013 needs 8 GB for Mailbox (also with Client Access), 4 GB for Client Access or Edge Transport',
  section: C3,
  source: `${E2013_REQ}; ${E2013_WP}`,
  check: minMemoryCheck(['2013'], { mailbox: 8, 'client-access': 4, 'edge-transport': 4 }),
})

/** What of a server exceeds a design point, in words; a VM's virtual processors count as its cores. */
export function overDesignPoint({ vm, host }: ExchangeServerRef, point: { sockets: number; cores: number; ramGB?: number }): string[] {
  const over: string[] = []
  const sockets = vm ? 0 : host.hardware.sockets
  const cores = vm ? vm.vcpus : physicalCores(host)
  const ramGB = vm ? vm.ramGB : host.hardware.ramGB
  if (sockets > point.sockets) over.push(`${sockets} processor sockets`)
  if (cores > point.cores) over.push(vm ? `${cores} virtual processors` : `${cores} physical cores`)
  if (point.ramGB !== undefined && ramGB > point.ramGB) over.push(`${ramGB} GB of memory`)
  return over
}

const E2013_DESIGN_POINT = { sockets: 2, cores: 20, ramGB: 96 }

export const e2013ServerScale = defineRule({
  id: 'e2013-server-scale',
  severity: 'info',
  title: 'Exchange 2013 was designed for servers of at most 2 sockets, 20 cores and 96 GB',
  section: C3,
  source: `${E2013_SIZE}; ${CSS_HC}`,
  check({ index, report }) {
    for (const server of exchangeServersOf(index, ['2013'])) {
      const over = overDesignPoint(server, E2013_DESIGN_POINT)
      if (over.length === 0) continue
      const { sockets, cores, ramGB } = E2013_DESIGN_POINT
      report({
        subject: server.id,
        related: hostOf(server),
        message: `${server.name} is an Exchange 2013 server with ${joinAnd(over)}; Exchange 2013 was designed and tested on servers of at most ${sockets} sockets, ${cores} cores and ${ramGB} GB.`,
        fix: server.vm
          ? `Size ${server.name} within ${cores} virtual processors and ${ramGB} GB, and add Exchange servers for more load.`
          : `Split ${server.name}'s hardware into Exchange VMs within ${cores} cores and ${ramGB} GB each, or use smaller servers.`,
      })
    }
  },
})

/** C.3 in catalogue order; the saved-state and KB2872325 rules also cover C.4. */
export const EXCHANGE_2013_RULES: readonly Rule[] = [
  e2013GuestOs,
  hostHaColdBootOnly,
  e2013StorageTypes,
  smb3VhdOnly,
  ws2012HostClusterKb2872325,
  e2013MinMemory,
  e2013ServerScale,
]
