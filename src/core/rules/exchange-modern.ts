/**
 * Rules of rules-catalogue.md C.2–C.4 about host clustering, VM mobility and DAG placement, which
 * span Exchange 2010 and later, and the vocabulary the version files (exchange-2010/2013/2016.ts)
 * share. Each rule keeps its catalogue id; the version files list it under its own section.
 */
import type { ExchangeRole, ExchangeVersion, GuestOs } from '../model/enums.ts'
import { EXCHANGE_VERSION_LABELS, HYPERVISOR_LABELS, updateLabel } from '../model/labels.ts'
import type { ExchangeInstall, Host, Vm } from '../model/plan.ts'
import type { ExchangeServerRef, ExchangeVmRef, PlanIndex } from '../validate/plan-index.ts'
import { hasHostHa, hostHaWords, liveMoveName, movesByQuickMigration, noLiveMove, quickMigrationWords, quickMoveName, sharingAHost } from './ha.ts'
import { SVVP_HYPERVISORS } from './platform.ts'
import { VIRTUAL_SERVER_HYPERVISORS } from '../model/enums.ts'
import { isHyperV } from './platform-limits.ts'
import { capitalize, guestOsName, hypervisorName, joinAnd, roleLabels } from './platform-wording.ts'
import { quickFix, set } from './quick-fix.ts'
import { MODERN_VERSIONS } from './storage-shared.ts'
import { defineRule, type Explanation, type Rule, type RuleContext } from './types.ts'

export const C2 = 'C.2 Exchange Server 2010'
export const C3 = 'C.3 Exchange Server 2013'
export const C4 = 'C.4 Exchange Server 2016, 2019 and Subscription Edition'

// The catalogue's source register, written out.
export const E2010_VIRT = 'Exchange 2010 hardware virtualization (E2010-VIRT)'
export const E2010_BLOG = 'Exchange team blog on Exchange 2010 SP1 virtualization (E2010-BLOG)'
export const E2010_WP = 'Best Practices for Virtualizing Exchange Server 2010 with Windows Server 2008 R2 Hyper-V (E2010-WP)'
export const E2013_VIRT = 'Exchange 2013 virtualization (E2013-VIRT)'
export const E2013_WP = 'Best Practices for Virtualizing and Managing Exchange 2013 (E2013-WP)'
export const E16_VIRT = 'Exchange Server virtualization, 2016 and 2019 (E16-VIRT)'
export const CSS_HC = 'Microsoft CSS-Exchange HealthChecker (CSS-HC)'

/** Versions with database availability groups. */
/** The versions that have database availability groups. */
export const DAG_VERSIONS: readonly ExchangeVersion[] = ['2010', ...MODERN_VERSIONS]

/** "Exchange Server 2010 SP3", "Exchange Server 2019 CU12". */
export const versionName = ({ version, update }: { version: ExchangeVersion; update: string }): string =>
  `${EXCHANGE_VERSION_LABELS[version]} ${updateLabel(update)}`

/** The host of a VM, as a finding's `related`; a server running Exchange in its own OS is its host. */
export const hostOf = ({ vm, host }: ExchangeServerRef): string[] => (vm ? [host.id] : [])

/**
 * The guest OSs one Exchange version supports: `allowed` names them, `advice` is what a fix installs.
 * A guest OS on the list that only a later update supports is `exchange-update-for-guest-os`'s.
 */
export interface SupportedGuests {
  guests: readonly GuestOs[]; allowed: string; advice: string
  /** A clause after the message for a guest an architect may expect to pass (Exchange 2010 SP3 installs on Windows Server 2012). */
  aside?: Partial<Record<GuestOs, string>>
}

/** A guest OS rule (error): a VM of one of these versions whose guest OS is not among its `guests`. */
export function guestOsRule(
  meta: Pick<Rule, 'id' | 'title' | 'section' | 'source'>, versions: Partial<Record<ExchangeVersion, SupportedGuests>>,
): Rule {
  const listed = Object.keys(versions) as ExchangeVersion[]
  // Made once per rule, not per VM: they read this rule's `versions`, which never change.
  const explainGuest = ({ vm, host, exchange }: ExchangeVmRef): Explanation => {
    const { allowed, advice, aside } = versions[exchange.version]!
    return {
      related: [host.id],
      message: `${vm.name} runs ${EXCHANGE_VERSION_LABELS[exchange.version]} on ${guestOsName(vm.guestOs)}; its guest OS must be ${allowed}${aside?.[vm.guestOs] ? ` (${aside[vm.guestOs]})` : ''}.`,
      fix: `Install ${advice} as the guest OS of ${vm.name}.`,
    }
  }
  return defineRule({
    ...meta,
    severity: 'error',
    perHost: true,
    check({ index, report }) {
      for (const server of index.exchangeVmsOf(listed)) {
        if (!versions[server.exchange.version]!.guests.includes(server.vm.guestOs)) report(server.vm.id, server, explainGuest)
      }
    },
  })
}

/** Exchange 2013 SP1 shipped as CU4. */
const E2013_SP1_CU = 4

/**
 * Guest OSs that an Exchange version supports only from a later cumulative update (Exchange Server
 * supportability matrix): the update's number, and the guest OS that the earlier updates run on.
 * Windows Server 2012 R2 came with Exchange 2013 SP1 (CU4), 2016 with Exchange 2016 CU3, and 2022
 * and 2025 with Exchange 2019 CU12 and CU15 (the catalogue's copies leave those two UNCONFIRMED).
 */
export const UPDATE_FOR_GUEST_OS: Partial<Record<ExchangeVersion, Partial<Record<GuestOs, { cu: number; otherwise: string }>>>> = {
  '2013': { 'ws2012-r2': { cu: E2013_SP1_CU, otherwise: 'Windows Server 2012 (or 2008 R2 SP1)' } },
  '2016': { ws2016: { cu: 3, otherwise: 'Windows Server 2012 R2 (or 2012)' } },
  '2019': { ws2022: { cu: 12, otherwise: 'Windows Server 2019' }, ws2025: { cu: 15, otherwise: 'Windows Server 2019' } },
}

const GATED_VERSIONS = Object.keys(UPDATE_FOR_GUEST_OS) as ExchangeVersion[]

/** A cumulative update's number ("cu12" → 12); Exchange 2013 SP1 is CU4; RTM and other service packs count as 0. */
const cumulativeUpdate = ({ version, update }: ExchangeInstall): number =>
  update.startsWith('cu') ? Number(update.slice(2)) : version === '2013' && update === 'sp1' ? E2013_SP1_CU : 0

/** "CU12", and "CU4 (SP1)" for Exchange 2013. */
const cuName = (version: ExchangeVersion, cu: number): string => (version === '2013' && cu === E2013_SP1_CU ? `CU${cu} (SP1)` : `CU${cu}`)

const explainUpdateForGuest = ({ vm, host, exchange }: ExchangeVmRef): Explanation => {
  const from = UPDATE_FOR_GUEST_OS[exchange.version]![vm.guestOs]!
  const version = EXCHANGE_VERSION_LABELS[exchange.version]
  return {
    related: [host.id],
    message: `${vm.name} runs ${version} ${updateLabel(exchange.update)} on ${guestOsName(vm.guestOs)}, which ${version} supports from ${cuName(exchange.version, from.cu)} on.`,
    fix: `Install ${cuName(exchange.version, from.cu)} or later on ${vm.name}, or run it on ${from.otherwise}.`,
  }
}

/**
 * A vexplan addition to C.3 and C.4 (the catalogue lists the guest OSs of each release, not the update
 * that brought each one): a guest OS the release supports, under an update from before that support.
 */
export const exchangeUpdateForGuestOs = defineRule({
  id: 'exchange-update-for-guest-os',
  severity: 'error',
  title: 'Windows Server 2012 R2, 2016, 2022 and 2025 guests need the Exchange update that added them',
  section: C3,
  source: `Exchange Server supportability matrix; ${E2013_VIRT}; ${E16_VIRT}`,
  perHost: true,
  check({ index, report }) {
    for (const server of index.exchangeVmsOf(GATED_VERSIONS)) {
      const from = UPDATE_FOR_GUEST_OS[server.exchange.version]![server.vm.guestOs]
      if (from !== undefined && cumulativeUpdate(server.exchange) < from.cu) report(server.vm.id, server, explainUpdateForGuest)
    }
  },
})

/** "text" → "Text." */
const sentence = (text: string): string => `${capitalize(text)}.`

/**
 * Reports the VMs that would resume from a saved state (one rule per catalogue section): Quick
 * Migration saves, moves and restores every VM it moves, and a VM whose stop action is "save" comes
 * back from that state. The 2010 SP1 text names the save-state host shutdown action itself
 * (`saveAnywhere`); the 2013 and later texts, a resume after a failover or move, which needs a host
 * cluster or a host that moves VMs.
 */
function reportSavedState(servers: readonly ExchangeVmRef[], { report, fixes }: RuleContext, saveAnywhere: boolean) {
  const explain = saveAnywhere ? explainSavedStateAnywhere : explainSavedStateInCluster
  for (const server of servers) {
    const { vm, host } = server
    const quick = movesByQuickMigration(host)
    if (!quick && !savesState(server, saveAnywhere)) continue
    // The stop action is the VM's own; Quick Migration is the host's, for all its VMs, so no one click.
    report(vm.id, server, explain, undefined, fixes && !quick ? quickFix('Shut down instead of saving', set(vm.id, 'stopAction', 'shutdown')) : undefined)
  }
}

/**
 * True when the VM's stop action saves its state on a host that fails VMs over or moves them (a host
 * cluster, or a host set to migrate VMs: from Windows Server 2012 a stand-alone host live-migrates
 * too), or (`saveAnywhere`) on any host.
 */
const savesState = ({ vm, host }: ExchangeVmRef, saveAnywhere: boolean): boolean =>
  vm.stopAction === 'save' && (host.cluster !== null || host.mobility !== 'none' || saveAnywhere)

const explainSavedStateAnywhere = (server: ExchangeVmRef): Explanation => explainSavedState(server, true)
const explainSavedStateInCluster = (server: ExchangeVmRef): Explanation => explainSavedState(server, false)

/** The words of a saved-state finding; `saveAnywhere` as reportSavedState's. */
function explainSavedState(server: ExchangeVmRef, saveAnywhere: boolean): Explanation {
  const { vm, host } = server
  const quick = movesByQuickMigration(host)
  const saves = savesState(server, saveAnywhere)
  const causes: string[] = []
  const steps: string[] = []
  // Quick Migration moves VMs between the nodes of a host cluster; a host in none has no other host to move to.
  if (quick) causes.push(`${quickMigrationWords(host)}, which saves a VM's state and restores it on ${host.cluster !== null ? 'the other host' : 'another node of a host cluster (it is in none)'}`)
  if (saves) {
    causes.push(host.cluster !== null
      ? `${vm.name}'s stop action saves its state when ${host.name} shuts down, so it resumes from that state, there or on the node of host cluster "${host.cluster}" that takes it over`
      : `${vm.name}'s stop action saves its state when ${host.name} shuts down, so it resumes from that state`)
    steps.push(`set ${vm.name}'s stop action to shut down`)
  }
  if (quick) {
    const elsewhere = host.cluster !== null ? 'the other host' : 'another host'
    // Live Migration arrived with Windows Server 2008 R2 (catalogue B.3).
    steps.push(liveMoveName(host) === null
      ? `set ${host.name}'s VM mobility to none and move ${vm.name} only by shutting it down and starting it on ${elsewhere} (${noLiveMove(host)})`
      : `move VMs off ${host.name} by ${liveMoveName(host)} instead of ${quickMoveName(host)}, or by shutting them down and starting them on ${elsewhere}`)
  }
  return {
    related: [host.id],
    message: `${vm.name} runs ${versionName(server.exchange)}. ${causes.map(sentence).join(' ')} An Exchange VM must never resume from a saved state.`,
    fix: sentence(`${joinAnd(steps)}, so that ${joinAnd(coldOutcomes(vm.name, host))}`),
  }
}

/**
 * What a VM that never resumes from a saved state does instead, on this host: a failover cold-boots
 * it (in a host cluster), a planned move is live or a shutdown and start (where VMs move), and a host
 * with neither only shuts it down and starts it again.
 */
function coldOutcomes(name: string, host: Host): string[] {
  const outcomes: string[] = []
  if (host.cluster !== null) outcomes.push(`a failover cold-boots ${name}`)
  if (host.cluster !== null || host.mobility !== 'none') {
    // Live Migration arrived with Windows Server 2008 R2 (catalogue B.3).
    const live = liveMoveName(host)
    outcomes.push(`a planned move is ${live === null ? 'a shutdown and start' : `${live === 'vMotion' ? 'a vMotion' : 'a live migration'} or a shutdown and start`}`)
  }
  if (outcomes.length === 0) outcomes.push(`${name} starts cold when ${host.name} starts again`)
  return outcomes
}

export const e2010DagHostHaRtm = defineRule({
  id: 'e2010-dag-host-ha-rtm',
  severity: 'error',
  title: 'Exchange 2010 RTM DAG members must not run on clustered hosts or move between hosts',
  section: C2,
  source: `${E2010_VIRT}, as quoted by expta (blogs.msmvps.com)`,
  perHost: true,
  check({ index, report }) {
    for (const server of index.exchangeVms('2010')) {
      const { exchange } = server
      if (exchange.update !== 'rtm' || exchange.cluster?.kind !== 'dag' || !hasHostHa(server.host)) continue
      report(server.vm.id, server, explainDagHostHaRtm)
    }
  },
})

function explainDagHostHaRtm({ vm, host, exchange }: ExchangeVmRef): Explanation {
  return {
    related: [host.id],
    message: `${vm.name} is a member of DAG "${exchange.cluster!.id}" on Exchange 2010 RTM, and its host ${host.name} ${hostHaWords(host)}; before SP1, DAG members are supported only on hosts that are not clustered and never move or fail them over.`,
    // SP1 still forbids a resume from a saved state (e2010-sp1-saved-state): Quick Migration must go too.
    fix: movesByQuickMigration(host)
      ? `Install Exchange 2010 SP1 or later on ${vm.name} and move it by ${liveMoveName(host) === null ? `a shutdown and start (${noLiveMove(host)})` : `${liveMoveName(host)} or a shutdown and start`} instead of ${quickMoveName(host)}, or run it on a host that is not clustered, with VM mobility set to none.`
      : `Install Exchange 2010 SP1 or later on ${vm.name}, or run it on a host that is not clustered, with VM mobility set to none.`,
  }
}

export const e2010Sp1SavedState = defineRule({
  id: 'e2010-sp1-saved-state',
  severity: 'error',
  title: 'From Exchange 2010 SP1, host HA and migration are supported only if VMs never resume from a saved state',
  section: C2,
  source: `${E2010_VIRT}, as quoted by expta; ${E2010_BLOG}; ${E2010_WP}`,
  fixAll: true,
  perHost: true,
  check(context) {
    reportSavedState(context.index.exchangeVms('2010').filter(({ exchange }) => exchange.update !== 'rtm'), context, true)
  },
})

export const e2010ThirdPartyMigration = defineRule({
  id: 'e2010-third-party-migration',
  severity: 'info',
  title: 'Third-party migration and HA for Exchange 2010 VMs need their vendor’s support',
  section: C2,
  source: `${E2010_VIRT}; ${E16_VIRT} (wording)`,
  perHost: true,
  check({ index, report }) {
    for (const server of index.exchangeVms('2010')) {
      const { host } = server
      if (!SVVP_HYPERVISORS.includes(host.hypervisor) || !hasHostHa(host)) continue
      report(server.vm.id, server, explainThirdPartyMigration)
    }
  },
})

function explainThirdPartyMigration({ vm, host }: ExchangeVmRef): Explanation {
  return {
    related: [host.id],
    message: `${vm.name} runs Exchange 2010 on ${host.name} (${hypervisorName(host)}), which ${hostHaWords(host)}; Microsoft supports Exchange with a third-party migration or HA technology only where its vendor supports it for Exchange.`,
    fix: `Keep the vendor's statement that its migration and HA technology supports Exchange 2010 with the plan, or ${joinAnd([...(host.cluster === null ? [] : [`take ${host.name} out of its host cluster`]), ...(host.mobility === 'none' ? [] : [host.cluster === null ? `set ${host.name}'s VM mobility to none` : 'set its VM mobility to none'])])}.`,
  }
}

export const hostHaColdBootOnly = defineRule({
  id: 'host-ha-cold-boot-only',
  severity: 'error',
  title: 'Exchange VMs on clustered or migrating hosts must cold-boot after a failover, never resume from a saved state',
  section: C3,
  source: `${E2013_VIRT}; ${E16_VIRT}`,
  fixAll: true,
  perHost: true,
  check(context) {
    reportSavedState(context.index.exchangeVmsOf(MODERN_VERSIONS), context, false)
  },
})

/** How to keep VMs apart on a host cluster of this hypervisor, or null where it has no way (Virtual Server). */
export function antiAffinity(host: Host): string | null {
  if (isHyperV(host)) return 'an anti-affinity class (AntiAffinityClassNames) on the cluster'
  if (VIRTUAL_SERVER_HYPERVISORS.includes(host.hypervisor)) return null
  return host.hypervisor === 'vmware-esx' ? 'a DRS anti-affinity rule' : 'an anti-affinity rule of the hypervisor'
}

export const dagMembersAntiAffinity = defineRule({
  id: 'dag-members-anti-affinity',
  severity: 'warning',
  title: 'Members of one DAG, and load-balanced Client Access and Hub Transport servers, should run on different physical hosts',
  section: C2,
  source: `${E2013_WP} (pp. 62, 64); ENow, eightwone and proexchange.be on anti-affinity`,
  // Paired roles are a host's own VMs; a DAG's members are on several hosts.
  perHost: true,
  check({ index, report }) {
    reportPairsOnOneHost(index, report)
  },
  checkShared({ index, report }) {
    // Hosts that can run VMs at all: where a DAG has more VM members than these, some must share one.
    let vmHosts = -1
    for (const all of index.exchangeClusters()) {
      // An estate's clusters are mostly CCRs: those are passed over before any list is made.
      if (!all.some(isDagMember)) continue
      const members = all.filter(isDagMember)
      const clusterId = members[0]!.exchange.cluster!.id
      if (vmHosts < 0) {
        vmHosts = 0
        for (const { host } of index.hosts) if (host.hypervisor !== 'none') vmHosts += 1
      }
      let vmMembers = 0
      for (const member of members) if (member.vm !== null) vmMembers += 1
      for (const together of sharingAHost(members)) {
        // What the members that share this host have in common, once for all of them.
        const group: DagOnOneHost = { clusterId, together, vmMembers, vmHosts }
        for (const member of together) report(member.id, { member, group }, explainDagOnOneHost)
      }
    }
  },
})

/** A member of a DAG: in a cluster of that kind, running a version that has DAGs. */
const isDagMember = ({ exchange: { cluster, version } }: ExchangeServerRef): boolean => cluster?.kind === 'dag' && DAG_VERSIONS.includes(version)

/** Members of one DAG that run on one host, and what the words say about the DAG and the plan's hosts. */
interface DagOnOneHost { clusterId: string; together: ExchangeServerRef[]; vmMembers: number; vmHosts: number }

function explainDagOnOneHost({ member, group }: { member: ExchangeServerRef; group: DagOnOneHost }): Explanation {
  const { clusterId, together, vmMembers, vmHosts } = group
  const crowded = vmMembers > vmHosts
  const { host } = together[0]!
  const names = joinAnd(together.map((other) => other.name))
  const spread = crowded
    ? `DAG "${clusterId}" has ${vmMembers} members in VMs and the plan has ${vmHosts === 1 ? 'one host' : `${vmHosts} hosts`} to run them, so some must share a host: add hosts, or keep the copies of each database on members that run on different hosts`
    : host.cluster === null ? `Run ${names} on different physical hosts` : `Run ${names} on different hosts of cluster "${host.cluster}"`
  return {
    related: [...together.filter((other) => other !== member).map((other) => other.id), ...hostOf(member)],
    message: `${names} are members of DAG "${clusterId}" on the same physical host ${host.name}; one host failure takes down their database copies together.`,
    fix: host.cluster === null || antiAffinity(host) === null ? `${spread}.`
      : crowded ? `${spread}; ${antiAffinity(host)} keeps members apart as far as the hosts allow.`
      : `${spread}, and keep them apart with ${antiAffinity(host)}.`,
  }
}

/**
 * The roles whose servers stand in for each other behind a load balancer or in the transport
 * pipeline, per DAG version (C.2: "also CAS array / Hub pairs"). From 2016 the Mailbox role holds
 * both, and its servers pair up in the DAG; Edge pairs are redundant-roles-same-host's.
 */
export const PAIRED_ROLES: Partial<Record<ExchangeVersion, readonly ExchangeRole[]>> = {
  '2010': ['client-access', 'hub-transport'],
  '2013': ['client-access'],
}

/** Where the servers of a pair of roles are all VMs of one host, each is warned, as DAG members are. */
function reportPairsOnOneHost(index: PlanIndex, report: RuleContext['report']): void {
  for (const { host, vms } of index.hosts) {
    if (vms.length < 2) continue
    // The VMs of each version and paired role on this host, then one group per set of the same VMs.
    let byRole: Map<string, { version: ExchangeVersion; role: ExchangeRole; vms: Vm[] }> | null = null
    for (const { vm } of vms) {
      const roles = vm.exchange === null ? undefined : PAIRED_ROLES[vm.exchange.version]
      if (!roles) continue
      for (const role of vm.exchange!.roles) {
        if (!roles.includes(role)) continue
        const key = `${vm.exchange!.version}:${role}`
        byRole ??= new Map()
        const entry = byRole.get(key)
        if (entry) entry.vms.push(vm)
        else byRole.set(key, { version: vm.exchange!.version, role, vms: [vm] })
      }
    }
    if (byRole === null) continue
    const groups = new Map<string, PairOnOneHost>()
    for (const { version, role, vms: together } of byRole.values()) {
      if (together.length < 2) continue
      const key = `${version}:${together.map((vm) => vm.id).join(' ')}`
      const group = groups.get(key)
      if (group) group.roles.push(role)
      else groups.set(key, { host, version, roles: [role], vms: together })
    }
    for (const group of groups.values()) {
      const together = group.vms
      // Members of one DAG are warned as such above: the same VMs are not warned twice.
      const dag = together[0]!.exchange!.cluster
      if (dag?.kind === 'dag' && together.every((vm) => vm.exchange!.cluster?.kind === 'dag' && vm.exchange!.cluster.id === dag.id)) continue
      for (const vm of together) report(vm.id, { vm, group }, explainPairOnOneHost)
    }
  }
}

/** The VMs of one host that hold the same paired roles of one version (complete once reportPairsOnOneHost reports them). */
interface PairOnOneHost { host: Host; version: ExchangeVersion; roles: ExchangeRole[]; vms: Vm[] }

function explainPairOnOneHost({ vm, group: { host, version, roles, vms: together } }: { vm: Vm; group: PairOnOneHost }): Explanation {
  const names = joinAnd(together.map((other) => other.name))
  const what = `${roleLabels(roles)} servers of ${EXCHANGE_VERSION_LABELS[version]}`
  const keep = host.cluster === null || antiAffinity(host) === null ? '' : `, and keep them apart with ${antiAffinity(host)}`
  return {
    related: [...together.filter((other) => other !== vm).map((other) => other.id), host.id],
    message: `${names} are ${what} on the same physical host ${host.name}; one host failure takes them down together.`,
    fix: host.cluster === null ? `Run ${names} on different physical hosts${keep}.` : `Run ${names} on different hosts of cluster "${host.cluster}"${keep}.`,
  }
}

export const ws2012HostClusterKb2872325 = defineRule({
  id: 'ws2012-host-cluster-kb2872325',
  severity: 'info',
  title: 'DAG members on a Windows Server 2012 Hyper-V host cluster: follow KB2872325',
  section: C3,
  source: `${E2013_VIRT}; ${E16_VIRT}; KB2872325`,
  perHost: true,
  check({ index, report }) {
    for (const server of index.exchangeVmsOf(MODERN_VERSIONS)) {
      const { host } = server
      if (server.exchange.cluster?.kind !== 'dag' || host.hypervisor !== 'hyper-v-2012' || host.cluster === null) continue
      report(server.vm.id, server, explainKb2872325)
    }
  },
})

function explainKb2872325({ vm, host, exchange }: ExchangeVmRef): Explanation {
  return {
    related: [host.id],
    message: `${vm.name} is a member of DAG "${exchange.cluster!.id}" on ${host.name}, a node of ${HYPERVISOR_LABELS[host.hypervisor]} host cluster "${host.cluster}"; guest cluster nodes there may fail to create or join their cluster.`,
    fix: `Apply the guidance of KB2872325 ("Guest cluster nodes in Hyper-V may not be able to create or join") to ${vm.name} and host cluster "${host.cluster}".`,
  }
}
