/**
 * Vexplan additions for what a plan can record but no product can be: a Windows Server edition its
 * version never had, an Exchange cluster its version has no kind of, one cluster of several Exchange
 * versions, a guest's initiator on a LUN of another protocol, and one NTFS volume online on two hosts
 * with no cluster between them. The catalogue has no rule for them. Each is an error, since the
 * design as drawn cannot be built or corrupts data, but the edition, a warning: the plan names a
 * product that does not exist, which says nothing yet of what Exchange supports.
 */
import { EXCHANGE_VERSIONS, FILE_PROTOCOLS, hasWindowsHostOs, isHyperVHypervisor, type DiskKind, type ExchangeClusterKind, type ExchangeVersion, type Hypervisor, type Protocol } from '../model/enums.ts'
import { EXCHANGE_VERSION_LABELS, HYPERVISOR_LABELS, PROTOCOL_LABELS, lunTitle } from '../model/labels.ts'
import type { Host } from '../model/plan.ts'
import type { ExchangeServerRef, LunRef, PhysicalDiskRef, VirtualDiskRef } from '../validate/plan-index.ts'
import { joinAnd } from './platform-wording.ts'
import { quickFix, set } from './quick-fix.ts'
import { diskLabel } from './storage-shared.ts'
import { defineRule, GENERIC_SECTION, type Explanation, type Rule } from './types.ts'

/** Hyper-V hosts from Windows Server 2012 on, whose Windows Server has no Enterprise edition (only Standard and Datacenter). */
const WITHOUT_ENTERPRISE: readonly Hypervisor[] = ['hyper-v-2012', 'hyper-v-2012-r2', 'hyper-v-2016', 'hyper-v-2019', 'hyper-v-2022', 'hyper-v-2025']
/** True when a host's Windows Server is given the Enterprise edition, which its version (2012 or later) does not have. */
export const enterpriseGone = (host: Host): boolean => host.parent.edition === 'enterprise' && WITHOUT_ENTERPRISE.includes(host.hypervisor)

export const hostEditionInVersion = defineRule({
  id: 'host-edition-in-version',
  // A warning: the plan names a product that does not exist, which says nothing yet of what Exchange supports.
  severity: 'warning',
  title: 'A host\'s Windows Server edition must be one its version has (no Enterprise from 2012; the free Hyper-V Server is no bare-metal server\'s OS)',
  section: GENERIC_SECTION,
  source: 'Windows Server 2012 editions (Standard and Datacenter only); Microsoft Hyper-V Server 2008 (a stand-alone hypervisor, no Windows Server roles)',
  // Each fix changes its own host's edition only.
  fixAll: true,
  perHost: true,
  check({ index, report, fixes }) {
    for (const host of index.plan.hosts) {
      const { edition } = host.parent
      // From 2012, Standard and Datacenter address the same hardware: Datacenter, which licenses every VM, is the one click.
      if (enterpriseGone(host)) report(host.id, host, explainEdition, undefined, fixes ? quickFix('Use Datacenter', set(host.id, 'parent.edition', 'datacenter')) : undefined)
      // (A full edition on hypervisor hyper-v-server-2008 is read as the free Hyper-V Server by the edition rules, as the hypervisor says.)
      else if (edition === 'hyper-v-server' && !HYPERV_SERVER_RELEASES.includes(host.hypervisor) && hasWindowsHostOs(host.hypervisor)) report(host.id, host, explainEdition)
    }
  },
})

/** Where a host's edition may be the free Hyper-V Server: its releases, 2008 to 2019 (the last one). */
const HYPERV_SERVER_RELEASES: readonly Hypervisor[] = [
  'hyper-v-server-2008', 'hyper-v-server-2008-r2', 'hyper-v-2008', 'hyper-v-2008-r2', 'hyper-v-2012', 'hyper-v-2012-r2', 'hyper-v-2016', 'hyper-v-2019',
]

function explainEdition(host: Host): Explanation {
  if (enterpriseGone(host)) {
    return {
      message: `${host.name} runs ${HYPERVISOR_LABELS[host.hypervisor]} on the Enterprise edition, which Windows Server has not had since 2012 (only Standard and Datacenter).`,
      fix: `Choose Standard or Datacenter as ${host.name}'s Windows Server edition (Datacenter licenses unlimited VMs on the host).`,
    }
  }
  if (host.hypervisor === 'none') {
    return {
      message: `${host.name} is a bare-metal server whose OS is Hyper-V Server (free), which is only a hypervisor: it runs no Exchange, Windows Server roles or applications.`,
      fix: `Choose Standard, Enterprise or Datacenter as ${host.name}'s Windows Server edition, or give it a Hyper-V hypervisor.`,
    }
  }
  return {
    message: `${host.name} runs ${HYPERVISOR_LABELS[host.hypervisor]} on Hyper-V Server (free), ${isHyperVHypervisor(host.hypervisor) ? 'whose last release was Hyper-V Server 2019' : `which is no host OS of ${HYPERVISOR_LABELS[host.hypervisor]}`}.`,
    fix: `Choose Standard or Datacenter as ${host.name}'s Windows Server edition.`,
  }
}

/**
 * The Exchange cluster kinds each version has: CCR came with 2007 and went with it, as did its
 * single copy cluster (Exchange 2003's shared-storage cluster); the DAG came with 2010. A Windows
 * failover cluster of Exchange servers is any version's.
 */
export const VERSION_CLUSTERS: Readonly<Record<ExchangeVersion, readonly ExchangeClusterKind[]>> = {
  '2003': ['scc', 'windows'], '2007': ['ccr', 'scc', 'windows'], '2010': ['dag', 'windows'], '2013': ['dag', 'windows'],
  '2016': ['dag', 'windows'], '2019': ['dag', 'windows'], se: ['dag', 'windows'],
}

/** Why a version has no cluster of this kind, in words. */
export function clusterKindMissing(version: ExchangeVersion, kind: ExchangeClusterKind): string {
  const name = EXCHANGE_VERSION_LABELS[version]
  if (kind === 'dag') return `${name} has no database availability groups: DAGs came with Exchange Server 2010`
  return version === '2003'
    ? `${name} has no CCR clusters: they came with Exchange Server 2007`
    : `${name} has no ${kind === 'ccr' ? 'CCR' : 'single copy'} clusters: from Exchange Server 2010 on, database copies are kept in a DAG`
}

/** A kind of Exchange cluster, in words. */
export const CLUSTER_WORDS: Readonly<Record<ExchangeClusterKind, string>> = {
  ccr: 'CCR cluster', scc: 'single copy cluster', dag: 'DAG', windows: 'Windows failover cluster',
}

/** What to make a cluster of a kind its version lacks. */
const CLUSTER_INSTEAD: Record<ExchangeVersion, string> = {
  '2003': 'a Windows failover cluster (Exchange 2003 clusters share their storage)',
  '2007': 'a CCR cluster or a single copy cluster',
  '2010': 'a DAG', '2013': 'a DAG', '2016': 'a DAG', '2019': 'a DAG', se: 'a DAG',
}

export const exchangeClusterKindInVersion = defineRule({
  id: 'exchange-cluster-kind-in-version',
  severity: 'error',
  title: 'An Exchange server can be only in a kind of cluster its version has (CCR is Exchange 2007\'s; DAGs came with 2010)',
  section: GENERIC_SECTION,
  source: 'Exchange 2007 high availability (CCR, SCC); Exchange 2010 high availability (DAG, which replaces CCR, SCC and SCR)',
  perHost: true,
  check({ index, report }) {
    for (const server of index.exchangeServers) {
      const cluster = server.exchange.cluster
      if (cluster !== null && !VERSION_CLUSTERS[server.exchange.version].includes(cluster.kind)) report(server.id, server, explainClusterKind)
    }
  },
})

function explainClusterKind(server: ExchangeServerRef): Explanation {
  const { exchange, host } = server
  const cluster = exchange.cluster!
  return {
    related: server.vm === null ? [] : [host.id],
    message: `${server.name} runs ${EXCHANGE_VERSION_LABELS[exchange.version]} in ${CLUSTER_WORDS[cluster.kind]} "${cluster.id}"; ${clusterKindMissing(exchange.version, cluster.kind)}.`,
    // A virtual Exchange 2003 server cannot be clustered at all (e2003-standalone-only).
    fix: exchange.version === '2003' && server.vm !== null
      ? `Make ${server.name} a stand-alone server: a virtual Exchange 2003 server is not clustered.`
      : `In ${server.name}'s Exchange settings, make "${cluster.id}" ${CLUSTER_INSTEAD[exchange.version]}.`,
  }
}

/**
 * A member of one Exchange cluster that differs from others: the cluster is of several kinds (each
 * member is told, none being the one to follow), or the member runs an older release than the newest
 * member's (a cluster is upgraded forward). Removing a member never makes another one differ.
 */
interface ClusterOdd { server: ExchangeServerRef; members: readonly ExchangeServerRef[]; kindsMixed: boolean; newest: ExchangeVersion }

const VERSION_ORDER = new Map<ExchangeVersion, number>(EXCHANGE_VERSIONS.map((version, i) => [version, i]))
/**
 * The release a DAG's members must share: Exchange SE is 2019 CU15's code, upgraded in place, and
 * joins a 2019 DAG (a rolling upgrade runs both).
 */
const family = (version: ExchangeVersion): ExchangeVersion => (version === 'se' ? '2019' : version)
/** True when two servers of these versions may be members of one cluster: one release (2019 and SE are one). */
export const sameRelease = (a: ExchangeVersion, b: ExchangeVersion): boolean => family(a) === family(b)

export const exchangeClusterMembersMatch = defineRule({
  id: 'exchange-cluster-members-match',
  severity: 'error',
  title: 'The members of one Exchange cluster run one Exchange version, as one kind of cluster',
  section: GENERIC_SECTION,
  source: 'Exchange 2010, 2013, 2016 and 2019 DAGs (all members run the same major version; a DAG cannot mix versions); Exchange 2007 CCR and SCC nodes (one version)',
  check({ index, report }) {
    for (const members of index.exchangeClusters()) {
      if (members.length < 2) continue
      const kind = members[0]!.exchange.cluster!.kind
      const kindsMixed = members.some((member) => member.exchange.cluster!.kind !== kind)
      let newest = members[0]!.exchange.version
      for (const member of members) if (VERSION_ORDER.get(member.exchange.version)! > VERSION_ORDER.get(newest)!) newest = member.exchange.version
      for (const server of members) {
        if (kindsMixed || !sameRelease(server.exchange.version, newest)) report(server.id, { server, members, kindsMixed, newest }, explainClusterOdd)
      }
    }
  },
})

function explainClusterOdd({ server, members, kindsMixed, newest }: ClusterOdd): Explanation {
  const cluster = server.exchange.cluster!
  const oddVersion = !sameRelease(server.exchange.version, newest)
  const related = [...members.filter((member) => member !== server).map((member) => member.id), ...(server.vm === null ? [] : [server.host.id])]
  const otherKinds = members.filter((member) => member.exchange.cluster!.kind !== cluster.kind)
  const kindWords = joinAnd(otherKinds.map((member) => `${member.name} as a ${CLUSTER_WORDS[member.exchange.cluster!.kind]}`))
  if (!oddVersion) {
    return {
      related,
      message: `${server.name} is in "${cluster.id}" as a ${CLUSTER_WORDS[cluster.kind]}, and ${kindWords}: one cluster is of one kind.`,
      fix: `Make every member of "${cluster.id}" one kind of cluster, or give ${server.name} another cluster ID.`,
    }
  }
  const newer = members.filter((member) => sameRelease(member.exchange.version, newest))
  const names = joinAnd(newer.map((member) => member.name))
  const one = newer.length === 1
  // Exchange 2019 and SE are one release here: the newer members may run either.
  const runs = joinAnd([...new Set(newer.map((member) => EXCHANGE_VERSION_LABELS[member.exchange.version]))], 'or')
  const newestName = EXCHANGE_VERSION_LABELS[newest]
  return {
    related,
    message: `${server.name} runs ${EXCHANGE_VERSION_LABELS[server.exchange.version]} in ${CLUSTER_WORDS[cluster.kind]} "${cluster.id}", whose ${one ? 'member' : 'members'} ${names} ${one ? 'runs' : 'run'} ${runs}: the members of one Exchange cluster run one Exchange version${kindsMixed ? `, as one kind of cluster (${kindWords})` : ''}.`,
    fix: `Run ${newestName} on ${server.name}${newer.length === 1 || runs === newestName ? ` as ${names} ${one ? 'does' : 'do'}` : ` (the release of ${names})`}${kindsMixed ? `, with every member of "${cluster.id}" one kind of cluster` : ''}, or give ${server.name} a ${CLUSTER_WORDS[cluster.kind]} of its own version.`,
  }
}

/** The protocol a guest's own initiator speaks. */
const GUEST_PROTOCOL: Partial<Record<DiskKind, Protocol>> = { 'iscsi-guest': 'iscsi', 'fc-guest': 'fc' }

export const guestDiskProtocol = defineRule({
  id: 'guest-disk-protocol',
  severity: 'error',
  title: 'A disk a guest attaches itself must be on a LUN of its protocol (iSCSI on an iSCSI array, Fibre Channel on a Fibre Channel array)',
  section: GENERIC_SECTION,
  source: 'Derived from Planning for Disks and Storage (Hyper-V: a guest reaches iSCSI storage through its own iSCSI initiator) and Hyper-V Virtual Fibre Channel (a virtual HBA reaches Fibre Channel LUNs)',
  perHost: true,
  check({ index, report }) {
    for (const ref of index.virtualDisksOfKind('iscsi-guest', 'fc-guest')) {
      const lun = ref.storage.lun
      if (lun !== null && ref.storage.physicalDisk === null && lun.array.protocol !== GUEST_PROTOCOL[ref.disk.kind]) report(ref.disk.id, { ref, lun }, explainGuestProtocol)
    }
  },
})

function explainGuestProtocol({ ref, lun }: { ref: VirtualDiskRef; lun: LunRef }): Explanation {
  const { disk, vm, host } = ref
  const needed = GUEST_PROTOCOL[disk.kind]!
  const reach = needed === 'iscsi' ? 'a guest\'s iSCSI initiator reaches only iSCSI targets' : 'a guest\'s virtual Fibre Channel HBA reaches only Fibre Channel LUNs'
  return {
    related: [vm.id, lun.lun.id, lun.array.id, host.id],
    message: `${diskLabel(ref)} is ${needed === 'iscsi' ? 'an iSCSI disk' : 'a Fibre Channel disk'} the guest attaches itself, on ${lunTitle(lun.lun.name)} of ${lun.array.name}, which serves ${PROTOCOL_LABELS[lun.array.protocol]}: ${reach}.`,
    fix: `Attach ${disk.name} to a LUN of ${needed === 'iscsi' ? 'an iSCSI' : 'a Fibre Channel'} array, or set ${lun.array.name}'s protocol to ${PROTOCOL_LABELS[needed]} if that is what it serves.`,
  }
}

/**
 * A LUN whose volume the hosts format themselves (Fibre Channel, iSCSI, SAS). A share of a file server
 * (SMB, NFS) is the file server's volume: any number of hosts use it without a cluster between them.
 */
const isBlockLun = (lun: LunRef): boolean => !FILE_PROTOCOLS.includes(lun.array.protocol)

/** The shared-disk Exchange cluster (single copy, or Windows failover) that a server's own OS is a node of, or null. */
const sharedDiskCluster = (host: Host): string | null => {
  const cluster = host.parent.exchange?.cluster ?? null
  return cluster !== null && (cluster.kind === 'scc' || cluster.kind === 'windows') ? cluster.id : null
}

/**
 * Two hosts that may both have one LUN online: nodes of one host cluster, or servers whose own OS
 * runs Exchange in one shared-disk cluster (bare-metal SCC nodes own their shared disks by turns).
 */
const clusteredTogether = (a: Host, b: Host): boolean =>
  (a.cluster !== null && a.cluster === b.cluster) || (sharedDiskCluster(a) !== null && sharedDiskCluster(a) === sharedDiskCluster(b))

/**
 * The other hosts that have this host disk's LUN online and are in no host cluster with its host
 * (Windows hosts, whose NTFS is no cluster file system): bringing the disk online would share the LUN.
 */
export function lunOnlineOnOtherHosts({ lun, host }: PhysicalDiskRef): Host[] {
  if (lun === null || !isBlockLun(lun) || !hasWindowsHostOs(host.hypervisor)) return []
  const hosts = new Set<Host>()
  for (const other of lun.hostDisks) {
    if (other.host !== host && other.disk.online && hasWindowsHostOs(other.host.hypervisor) && !clusteredTogether(host, other.host)) hosts.add(other.host)
  }
  return [...hosts]
}

export const lunSharedByUnclusteredHosts = defineRule({
  id: 'lun-shared-by-unclustered-hosts',
  severity: 'error',
  title: 'A LUN online on several Windows hosts needs a failover cluster between them',
  section: GENERIC_SECTION,
  source: 'Derived from Failover Clustering (shared disks, Cluster Shared Volumes from Windows Server 2008 R2): NTFS is no cluster file system, and two hosts that mount one volume without a cluster corrupt it',
  check({ index, report }) {
    for (const lun of index.luns) {
      // Lists are made only for a LUN online on two hosts: on a 10,000-VM estate, lists for every
      // LUN were 0.5 MB for a rule that finds nothing.
      if (!isBlockLun(lun) || !onlineOnTwoHosts(lun.hostDisks)) continue
      const online = lun.hostDisks.filter(isOnlineOnWindows)
      const hosts = [...new Set(online.map((ref) => ref.host))]
      if (hosts.every((host) => clusteredTogether(host, hosts[0]!))) continue
      report(lun.lun.id, { lun, online, hosts }, explainUnclusteredLun)
    }
  },
})

/** VMware's VMFS is a cluster file system of its own: ESX hosts share a datastore without a host cluster. */
const isOnlineOnWindows = (ref: PhysicalDiskRef) => ref.disk.online && hasWindowsHostOs(ref.host.hypervisor)

/** True when host disks of two different hosts are the LUN and online on a Windows host OS. */
function onlineOnTwoHosts(hostDisks: readonly PhysicalDiskRef[]): boolean {
  let first: Host | null = null
  for (const ref of hostDisks) {
    if (!isOnlineOnWindows(ref)) continue
    if (first === null) first = ref.host
    else if (ref.host !== first) return true
  }
  return false
}

function explainUnclusteredLun({ lun, online, hosts }: { lun: LunRef; online: readonly PhysicalDiskRef[]; hosts: readonly Host[] }): Explanation {
  const names = joinAnd(hosts.map((host) => host.name))
  const clusters = [...new Set(hosts.map((host) => host.cluster).filter((cluster) => cluster !== null))]
  return {
    related: [lun.array.id, ...hosts.map((host) => host.id), ...online.map((ref) => ref.disk.id)],
    message: `${lunTitle(lun.lun.name)} of ${lun.array.name} is online on ${joinAnd(online.map((ref) => `${ref.host.name} (${ref.disk.name})`))}, ${clusters.length === 0 ? `and ${hosts.length === 2 ? 'neither host is' : 'none of them is'} in a host cluster` : 'which are not in one host cluster'}: two hosts that write to one NTFS volume without a cluster between them corrupt it.`,
    fix: `Give each of ${names} a LUN of its own, take ${lunTitle(lun.lun.name)} offline on all but one of them, or, for hosts that share VM files, put them in one host cluster (a cluster disk, or a Cluster Shared Volume from Windows Server 2008 R2).`,
  }
}

export const CONSISTENCY_RULES: readonly Rule[] = [hostEditionInVersion, exchangeClusterKindInVersion, exchangeClusterMembersMatch, guestDiskProtocol, lunSharedByUnclusteredHosts]
