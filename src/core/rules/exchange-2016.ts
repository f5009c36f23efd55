/**
 * C.4 Exchange Server 2016, 2019 and Subscription Edition (SE is assumed to follow 2019, as the
 * catalogue does): the guest OS of each release (`e16-guest-os`, from the section's applicability
 * text), storage kinds, SMB 3.0 shares, memory, the Preferred Architecture's server and
 * the removed UM role. The saved-state, KB2872325 and DAG placement rules live in exchange-modern.ts.
 * Left out: `e16-pagefile` (the plan has no page file size) and the IaaS and Azure conditions.
 */
import type { ExchangeVersion } from '../model/enums.ts'
import type { ExchangeServerRef, ExchangeVmRef } from '../validate/plan-index.ts'
import { EXCHANGE_ROLE_LABELS, EXCHANGE_VERSION_LABELS } from '../model/labels.ts'
import { C4, CSS_HC, E16_VIRT, guestOsRule, hostOf } from './exchange-modern.ts'
import { belowMemoryFloor, hostRamFor, minMemoryCheck, overDesignPoint, rolesWords, type BelowMemoryFloor } from './exchange-sizing.ts'
import { disksOnShares, explainShareProblem, explainUnlistedStorage, listedDynamicVhdx, questionableDataDisks, shareProblem } from './exchange-storage.ts'
import { gb, joinAnd } from './platform-wording.ts'
import { defineRule, type Explanation, type Rule } from './types.ts'

const E16_REQ = 'Exchange Server 2016 and 2019 system requirements (E16-REQ)'
const E19_PA = 'Exchange Server 2019 Preferred Architecture (E19-PA)'

const E2016_ON: readonly ExchangeVersion[] = ['2016', '2019', 'se']
const E2019_ON: readonly ExchangeVersion[] = ['2019', 'se']

/**
 * The guest OSs of each release: 2016 and 2019 as E16-REQ lists them, with the Windows Server 2022 and
 * 2025 that later 2019 updates added (CU12 and CU15; UNCONFIRMED in the catalogue's copies, so a fix
 * advises Windows Server 2019); SE on 2019 to 2025, as the catalogue assumes (UNCONFIRMED).
 */
const E19_GUESTS = { guests: ['ws2019', 'ws2022', 'ws2025'], allowed: 'Windows Server 2019, 2022 or 2025' } as const

export const e16GuestOs = guestOsRule({
  id: 'e16-guest-os',
  title: 'A virtual Exchange 2016 server must run Windows Server 2012, 2012 R2 or 2016; Exchange 2019 and SE, Windows Server 2019 or later',
  section: C4,
  source: `${E16_REQ}; ${E16_VIRT}`,
}, {
  // The updates that brought Windows Server 2016, 2022 and 2025 are exchange-update-for-guest-os's.
  '2016': { guests: ['ws2012', 'ws2012-r2', 'ws2016'], allowed: 'Windows Server 2012, 2012 R2 or 2016', advice: 'Windows Server 2016 (or 2012 R2, or 2012)' },
  '2019': { ...E19_GUESTS, advice: 'Windows Server 2019' },
  se: { ...E19_GUESTS, advice: 'Windows Server 2022 (or 2019, or 2025)' },
})

export const e16StorageTypes = defineRule({
  id: 'e16-storage-types',
  severity: 'error',
  title: 'Exchange 2016 and later data belongs on fixed VHD/VHDX, dynamic VHDX on Hyper-V, pass-through or iSCSI',
  section: C4,
  source: E16_VIRT,
  perHost: true,
  check({ index, report }) {
    for (const ref of questionableDataDisks(index, E2016_ON)) {
      if (!listedDynamicVhdx(ref)) report(ref.disk.id, ref, explainUnlistedStorage)
    }
  },
})

export const smb3FixedVhdOnly = defineRule({
  id: 'smb3-fixed-vhd-only',
  severity: 'error',
  title: 'Exchange 2016 and later keep only fixed-size virtual disks on SMB 3.0 shares, from Windows Server 2012 Hyper-V',
  section: C4,
  source: E16_VIRT,
  perHost: true,
  check({ index, report }) {
    // Shares that are not SMB 3.0, and SMB 3.0 before Windows Server 2012 Hyper-V, are also
    // nas-storage-unsupported (A.4): the catalogue gives both rules, and each is reported.
    for (const ref of disksOnShares(index, E2016_ON)) {
      const problem = shareProblem(ref, true)
      if (problem) report(ref.disk.id, { ref, problem, allowed: 'only fixed-size VHD or VHDX files on an SMB 3.0 share' }, explainShareProblem)
    }
  },
})

export const e16MinMemory = defineRule({
  id: 'e16-min-memory',
  severity: 'error',
  title: 'Exchange 2016 needs at least 8 GB for Mailbox and 4 GB for Edge Transport',
  section: C4,
  source: E16_REQ,
  perHost: true,
  check: minMemoryCheck(['2016'], { mailbox: 8, 'edge-transport': 4 }),
})

export const e19RecommendedMemory = defineRule({
  id: 'e19-recommended-memory',
  severity: 'warning',
  title: 'Exchange 2019 and SE recommend at least 128 GB for Mailbox and 64 GB for Edge Transport',
  section: C4,
  source: E16_REQ,
  perHost: true,
  check({ index, report }) {
    for (const below of belowMemoryFloor(index, E2019_ON, { mailbox: 128, 'edge-transport': 64 })) {
      report(below.server.id, below, explainRecommendedMemory)
    }
  },
})

function explainRecommendedMemory({ server, ramGB, neededGB, role, roles }: BelowMemoryFloor): Explanation {
  return {
    related: hostOf(server),
    message: `${server.name} runs ${EXCHANGE_VERSION_LABELS[server.exchange.version]} with ${rolesWords(roles)} on ${gb(ramGB)} of memory; the recommended minimum for the ${EXCHANGE_ROLE_LABELS[role]} role is ${gb(neededGB)}.`,
    fix: `Give ${server.name} at least ${gb(neededGB)} of memory (up to 256 GB is supported)${hostRamFor(server, neededGB)}.`,
  }
}

export const e19Cores = defineRule({
  id: 'e19-cores',
  severity: 'warning',
  title: 'Exchange 2016 and later are designed for servers of 2 sockets, at most 24 cores and 192 GB (2016) or 48 cores and 256 GB (2019)',
  section: C4,
  source: `${E19_PA}; ${CSS_HC}`,
  perHost: true,
  check({ index, report }) {
    for (const server of index.exchangeServersOf(E2016_ON)) {
      // The Preferred Architecture's commodity server: 2 sockets, 24 cores and 192 GB for 2016,
      // 48 cores and 256 GB (the most 2019 supports) from 2019.
      const is2016 = server.exchange.version === '2016'
      const cores = is2016 ? 24 : 48
      const ramGB = is2016 ? 192 : 256
      const over = overDesignPoint(server, { sockets: 2, cores, ramGB })
      if (over.length > 0) report(server.id, { server, over, cores, ramGB }, explainOverPa)
    }
  },
})

function explainOverPa({ server, over, cores, ramGB }: { server: ExchangeServerRef; over: string[]; cores: number; ramGB: number }): Explanation {
  const version = EXCHANGE_VERSION_LABELS[server.exchange.version]
  const vm = server.vm
  const tooMuchMemory = (vm ? vm.ramGB : server.host.hardware.ramGB) > ramGB
  const tooManyCores = over.length > (tooMuchMemory ? 1 : 0)
  const give = [tooManyCores ? `at most ${cores} virtual processors` : '', tooMuchMemory ? `at most ${gb(ramGB)} of memory` : ''].filter(Boolean)
  return {
    related: hostOf(server),
    message: `${server.name} runs ${version} with ${joinAnd(over)}; the Preferred Architecture's server has 2 sockets, at most ${cores} cores and ${gb(ramGB)} of memory, and HealthChecker warns beyond that.`,
    fix: vm
      ? `Give ${server.name} ${joinAnd(give)}, and add Exchange servers for more load.`
      : `Run ${version} on servers of 2 sockets, at most ${cores} cores and ${gb(ramGB)} of memory, or split ${server.name}'s hardware into Exchange VMs of that size.`,
  }
}

export const e19PaPhysical = defineRule({
  id: 'e19-pa-physical',
  severity: 'info',
  title: 'The Exchange 2016 and 2019 Preferred Architecture runs Mailbox servers on physical hardware',
  section: C4,
  // C.4's row is for "any virtualized Mailbox server" of the section (2016, 2019 and SE); the 2016
  // Preferred Architecture, published by the Exchange team, is all-physical as well.
  source: `${E19_PA}; The Exchange 2016 Preferred Architecture (Exchange team blog)`,
  perHost: true,
  check({ index, report }) {
    for (const server of index.exchangeVmsOf(E2016_ON)) {
      if (server.exchange.roles.includes('mailbox')) report(server.vm.id, server, explainPaPhysical)
    }
  },
})

const explainPaPhysical = ({ vm, host, exchange }: ExchangeVmRef): Explanation => ({
  related: [host.id],
  message: `${vm.name} is a virtual ${EXCHANGE_VERSION_LABELS[exchange.version]} Mailbox server; that is supported, but the Preferred Architecture uses physical servers with local storage.`,
  fix: `Weigh running ${vm.name}'s Mailbox role on a physical server with local disks, as the Preferred Architecture does; no change is needed for support.`,
})

export const e19NoUmRole = defineRule({
  id: 'e19-no-um-role',
  severity: 'error',
  title: 'Exchange 2019 and SE have no Unified Messaging role',
  section: C4,
  aboutRoles: true,
  source: `${E16_REQ} (only the Mailbox and Edge Transport roles)`,
  perHost: true,
  check({ index, report }) {
    for (const server of index.exchangeServersOf(E2019_ON)) {
      if (server.exchange.roles.includes('unified-messaging')) report(server.id, server, explainNoUmRole)
    }
  },
})

function explainNoUmRole(server: ExchangeServerRef): Explanation {
  const version = EXCHANGE_VERSION_LABELS[server.exchange.version]
  return {
    related: hostOf(server),
    message: `${server.name} runs ${version} with the Unified Messaging role, which ${version} does not have.`,
    fix: server.exchange.roles.length > 1
      ? `Remove Unified Messaging from ${server.name}; ${version} has only the Mailbox and Edge Transport roles (voice mail moves to Skype for Business Server or Cloud Voicemail).`
      : `Make ${server.name} a Mailbox or Edge Transport server, the only roles ${version} has, or keep Unified Messaging on an Exchange 2016 server.`,
  }
}

/** C.4 in catalogue order (its saved-state, KB2872325 and DAG placement rules are listed under C.2 and C.3). */
export const EXCHANGE_2016_RULES: readonly Rule[] = [
  e16GuestOs,
  e16StorageTypes,
  smb3FixedVhdOnly,
  e16MinMemory,
  e19RecommendedMemory,
  e19Cores,
  e19PaPhysical,
  e19NoUmRole,
]
