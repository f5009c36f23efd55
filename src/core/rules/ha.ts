/**
 * A.5 High availability and mobility (Exchange 2007): CCR/SCC clusters and host-level HA.
 * `e2007-large-mailboxes-ccr` is left out: the plan does not record planned mailbox sizes.
 */
import { HYPERVISOR_LABELS } from '../model/labels.ts'
import type { Host } from '../model/plan.ts'
import type { ExchangeServerRef, ExchangeVmRef, PlanIndex } from '../validate/plan-index.ts'
import { hyperVFamily, isHyperV } from './platform-limits.ts'
import { VIRTUAL_SERVER_HYPERVISORS } from '../model/enums.ts'
import { joinAnd } from './platform-wording.ts'
import { defineRule, type Explanation, type Rule } from './types.ts'

const SECTION = 'A.5 High availability and mobility (Exchange 2007)'
const E07_POLICY = 'Microsoft Exchange 2007 virtualization support policy (cc794548)'

/** True when the host exposes its VMs to host-level HA: host cluster membership and/or VM mobility. */
export const hasHostHa = (host: Host): boolean => host.cluster !== null || host.mobility !== 'none'

/**
 * True when the host moves its VMs by Quick Migration, which saves a VM, moves it and restores it:
 * set so, or set to live migration on Windows Server 2008 Hyper-V, which has only Quick Migration
 * (Live Migration came with 2008 R2; catalogue B.2, B.3).
 */
export const movesByQuickMigration = (host: Host): boolean =>
  host.mobility === 'quick-migration' || (host.hypervisor === 'hyper-v-2008' && host.mobility === 'live-migration')

/**
 * What a host's move of a VM through a saved state is called: Quick Migration is Hyper-V's; another
 * hypervisor set so (a plan can say it) suspends the VM, moves it and resumes it.
 */
export const quickMoveName = (host: Host): string => (isHyperV(host) ? 'Quick Migration' : 'a suspend-and-resume move')

/** "HV01 moves VMs by Quick Migration", or why it does although set to live migration. */
export const quickMigrationWords = (host: Host): string => host.mobility === 'quick-migration'
  ? `${host.name} moves VMs by ${quickMoveName(host)}`
  : `${host.name} is set to live migration, which Windows Server 2008 Hyper-V does not have, so it moves VMs by Quick Migration`

/**
 * What a host's live move of a running VM is called (VMware's is vMotion, Hyper-V's Live Migration),
 * or null where it has none: Windows Server 2008 Hyper-V (Live Migration came with 2008 R2,
 * catalogue B.3), Virtual Server and Virtual PC.
 */
export const liveMoveName = (host: Pick<Host, 'hypervisor'>): string | null =>
  hyperVFamily(host) === 'hv2008' || VIRTUAL_SERVER_HYPERVISORS.includes(host.hypervisor) ? null
    : host.hypervisor === 'vmware-esx' ? 'vMotion' : isHyperV(host) ? 'Live Migration' : 'live migration'

/** "Windows Server 2008 Hyper-V has no Live Migration", for a host whose `liveMoveName` is null. */
export const noLiveMove = (host: Host): string =>
  `${HYPERVISOR_LABELS[host.hypervisor]} has no ${isHyperV(host) ? 'Live Migration' : 'live migration'}`

/** What a host with host-level HA (`hasHostHa`) does, after its name: "is a node of host cluster "hc1"". */
export function hostHaWords(host: Host): string {
  const parts: string[] = []
  if (host.cluster !== null) parts.push(`is a node of host cluster "${host.cluster}"`)
  // Set to live migration, Windows Server 2008 Hyper-V still moves by Quick Migration (it has nothing else).
  if (host.mobility !== 'none') parts.push(`moves VMs by ${host.mobility === 'live-migration' && !movesByQuickMigration(host) ? liveMoveName(host) ?? 'live migration' : quickMoveName(host)}`)
  return parts.join(' and ')
}

/** The host-level HA of a host that has some, in words, with its name. */
const hostHa = (host: Host): string => `${host.name} ${hostHaWords(host)}`

/** The server's CCR or SCC cluster, or null when it is in none (or in another kind). */
function ccrOrScc(server: ExchangeServerRef) {
  const cluster = server.exchange.cluster
  return cluster !== null && (cluster.kind === 'ccr' || cluster.kind === 'scc') ? cluster : null
}

/** Exchange 2007 VMs (not host OSs), with their host. */
const exchange2007Vms = (index: PlanIndex): readonly ExchangeVmRef[] => index.exchangeVms('2007')

/** Members of one Exchange 2007 cluster of the given kinds. */
const e2007Members = (members: readonly ExchangeServerRef[], kinds: readonly string[]) =>
  members.filter((server) =>
    server.exchange.version === '2007' && kinds.includes(server.exchange.cluster?.kind ?? ''))

export const e2007CcrSccWithHostHa = defineRule({
  id: 'e2007-ccr-scc-with-host-ha',
  severity: 'error',
  title: 'Exchange 2007 CCR/SCC nodes must not run on clustered hosts or with VM migration',
  section: SECTION,
  source: `${E07_POLICY}; virtualizationreview.com (Mar 2009)`,
  perHost: true,
  check({ index, report }) {
    for (const server of exchange2007Vms(index)) {
      if (ccrOrScc(server) !== null && hasHostHa(server.host)) report(server.id, server, explainClusterWithHostHa)
    }
  },
})

function explainClusterWithHostHa(server: ExchangeVmRef): Explanation {
  const cluster = ccrOrScc(server)!
  const ha = hostHa(server.host)
  const kind = cluster.kind.toUpperCase()
  return {
    related: [server.host.id],
    message: `${server.name} is an Exchange 2007 ${kind} node, and its host ${ha}; Microsoft does not support Exchange 2007 clustering combined with hypervisor clustering or migration.`,
    fix: `Run ${server.name} on a host that is not clustered, with VM mobility set to none, or remove it from ${kind} cluster "${cluster.id}".`,
  }
}

/**
 * The servers of one cluster that each hold a copy of its databases: Exchange 2007 CCR nodes. (The
 * members of an Exchange 2010 or later DAG have their own rule, dag-members-anti-affinity.)
 */
const copyHolders = (members: readonly ExchangeServerRef[]) => members.filter(holdsCopy)

/**
 * The servers grouped by the physical host they run on, only the groups of two or more, in the order
 * the servers come: the members of one cluster that one host failure would take down together.
 */
export function sharingAHost(servers: readonly ExchangeServerRef[]): ExchangeServerRef[][] {
  const byHost = new Map<Host, ExchangeServerRef[]>()
  for (const server of servers) {
    const together = byHost.get(server.host)
    if (together) together.push(server)
    else byHost.set(server.host, [server])
  }
  return [...byHost.values()].filter((together) => together.length > 1)
}

/** True when the member holds a copy of its cluster's databases (copyHolders). */
const holdsCopy = ({ exchange }: ExchangeServerRef): boolean => exchange.version === '2007' && exchange.cluster?.kind === 'ccr'

/** True when two copy holders among a cluster's members run on the same host. */
function holdersShareAHost(members: readonly ExchangeServerRef[]): boolean {
  // A cluster has a handful of members: comparing each pair beats building a set.
  if (members.length > 16) {
    const hosts = members.filter(holdsCopy).map((server) => server.host)
    return new Set(hosts).size < hosts.length
  }
  for (let i = 0; i < members.length; i++) {
    const first = members[i]!
    if (!holdsCopy(first)) continue
    for (let j = i + 1; j < members.length; j++) if (members[j]!.host === first.host && holdsCopy(members[j]!)) return true
  }
  return false
}

export const e2007CcrNodesSameHost = defineRule({
  id: 'e2007-ccr-nodes-same-host',
  severity: 'warning',
  title: 'The nodes of an Exchange 2007 CCR cluster should run on different physical hosts',
  section: SECTION,
  source: `${E07_POLICY}, as summarised by expta.com (Aug 2008)`,
  check({ index, report }) {
    for (const members of index.exchangeClusters()) {
      // Most clusters are a CCR pair on two hosts: those are passed over before any list is made.
      if (!holdersShareAHost(members)) continue
      const clusterId = members[0]!.exchange.cluster!.id
      const holders = copyHolders(members)
      // Every node that shares a host with another node of its cluster: each is one host failure away
      // from losing both copies, and each shows the warning where it sits.
      for (const together of sharingAHost(holders)) {
        for (const server of together) report(server.id, { server, together, clusterId }, explainNodesSameHost)
      }
    }
  },
})

function explainNodesSameHost({ server, together, clusterId }: { server: ExchangeServerRef; together: readonly ExchangeServerRef[]; clusterId: string }): Explanation {
  const others = together.filter((other) => other !== server)
  const names = joinAnd([server, ...others].map((member) => member.name))
  return {
    related: [...others.map((other) => other.id), server.host.id],
    message: `${names} are members of CCR cluster "${clusterId}" on the same physical host ${server.host.name}; one host failure takes down their database copies together.`,
    fix: `Run ${names} on different physical hosts.`,
  }
}

export const e2007CcrMixedPhysicalVirtual = defineRule({
  id: 'e2007-ccr-mixed-physical-virtual',
  severity: 'info',
  title: 'An Exchange 2007 CCR/SCC cluster may mix physical and virtual nodes',
  section: SECTION,
  source: `${E07_POLICY}, as summarised by expta.com (Aug 2008)`,
  check({ index, report }) {
    for (const all of index.exchangeClusters()) {
      // Most clusters are all virtual or all physical: those are passed over before any list is made.
      if (!all.some((server) => server.vm === null) || all.every((server) => server.vm === null)) continue
      const clusterId = all[0]!.exchange.cluster!.id
      const members = e2007Members(all, ['ccr', 'scc'])
      const physical = members.filter((server) => server.vm === null)
      if (physical.length === 0) continue
      for (const server of members) {
        if (server.vm !== null) report(server.id, { server, physical, clusterId }, explainMixedNodes)
      }
    }
  },
})

function explainMixedNodes({ server, physical, clusterId }: { server: ExchangeServerRef; physical: readonly ExchangeServerRef[]; clusterId: string }): Explanation {
  const kind = ccrOrScc(server)?.kind.toUpperCase() ?? 'CCR'
  return {
    related: physical.map((other) => other.id),
    message: `${kind} cluster "${clusterId}" has the virtual node ${server.name} and the physical node${physical.length > 1 ? 's' : ''} ${joinAnd(physical.map((other) => other.name))}; mixing physical and virtual nodes is supported.`,
    fix: `No change needed; size ${server.name} so that it can carry the load of the physical node after a failover.`,
  }
}

export const e2007NonClusteredVmMobility = defineRule({
  id: 'e2007-non-clustered-vm-mobility',
  severity: 'info',
  title: 'Host HA for Exchange 2007 VMs outside CCR/SCC is not addressed by the policy',
  section: SECTION,
  source: `${E07_POLICY} (silent on non-clustered roles); Exchange 2010 SP1 saved-state rule applied as best practice`,
  perHost: true,
  check({ index, report }) {
    for (const server of exchange2007Vms(index)) {
      if (ccrOrScc(server) === null && hasHostHa(server.host)) report(server.id, server, explainNonClusteredMobility)
    }
  },
})

function explainNonClusteredMobility(server: ExchangeVmRef): Explanation {
  const ha = hostHa(server.host)
  // The advice stands whatever the stop action: a VM already set to shut down is told to keep it.
  const stop = `${server.vm.stopAction === 'shutdown' ? 'Keep' : 'Set'} ${server.name}'s stop action ${server.vm.stopAction === 'shutdown' ? 'at' : 'to'} shut down`
  return {
    related: [server.host.id],
    message: `${server.name} runs Exchange 2007 outside CCR/SCC, and its host ${ha}; the 2007 policy does not address this, and later versions forbid restoring Exchange VMs from a saved state.`,
    // Live Migration arrived with Windows Server 2008 R2 (B.3); before it only a cold restart moves a VM without a saved state.
    fix: liveMoveName(server.host) === null
      ? `${stop} and move it only by a cold restart (shut down, move, start), never from a saved state; ${noLiveMove(server.host)}.`
      : `${stop} and move it only by ${liveMoveName(server.host)} or a cold restart, never from a saved state.`,
  }
}

export const HA_RULES: readonly Rule[] = [
  e2007CcrSccWithHostHa,
  e2007CcrNodesSameHost,
  e2007CcrMixedPhysicalVirtual,
  e2007NonClusteredVmMobility,
]
