/**
 * G (8.2) `redundant-roles-same-host`: servers that stand in for each other (CCR nodes, DAG members,
 * CAS arrays, transport pairs, single copy and Windows clusters, domain controllers) on one physical
 * host. CCR nodes and DAG members have placement rules of their own too (e2007-ccr-nodes-same-host,
 * dag-members-anti-affinity, which name each VM); this generic rule names the host they share, for
 * every kind of pair the catalogue lists.
 */
import type { ExchangeRole, ExchangeVersion } from '../model/enums.ts'
import { EXCHANGE_VERSION_LABELS } from '../model/labels.ts'
import type { ExchangeInstall, Host, Vm } from '../model/plan.ts'
import type { VmRef } from '../validate/plan-index.ts'
import { antiAffinity } from './exchange-modern.ts'
import { joinAnd, roleLabels } from './platform-wording.ts'
import { defineRule, GENERIC_SECTION, type Explanation } from './types.ts'


/**
 * The Exchange roles whose servers a load balancer or the transport pipeline spreads work over, so
 * that two of them stand in for each other: CAS array members, Hub/Transport pairs and Edge pairs.
 * Mailbox servers stand in for each other only in a cluster (from 2013 the Mailbox role holds
 * transport, and from 2016 client access too: their servers pair up in a DAG).
 */
const STANDING_IN_ROLES: Record<ExchangeVersion, readonly ExchangeRole[]> = {
  '2003': [],
  '2007': ['client-access', 'hub-transport', 'edge-transport'],
  '2010': ['client-access', 'hub-transport', 'edge-transport'],
  '2013': ['client-access', 'edge-transport'],
  '2016': ['edge-transport'],
  '2019': ['edge-transport'],
  se: ['edge-transport'],
}

const CLUSTER_WORDS: Record<NonNullable<ExchangeInstall['cluster']>['kind'], string> = {
  ccr: 'CCR cluster', scc: 'single copy cluster', dag: 'DAG', windows: 'Windows failover cluster',
}

/**
 * What servers of one host have in common that lets one stand in for another: a standing-in role of
 * a version, being domain controllers, or a cluster. `key` names a role or domain-controller bond in
 * the cache of group words.
 */
interface Bond {
  key: string
  version: ExchangeVersion | null
  role: ExchangeRole | null
  /** For membership of a cluster: the cluster, whose words are made only when a finding is read. */
  cluster: NonNullable<ExchangeInstall['cluster']> | null
}

const DC_BOND: Bond = { key: 'dc', version: null, role: null, cluster: null }

/** One bond per version and standing-in role, made once. */
const ROLE_BONDS = Object.fromEntries(Object.entries(STANDING_IN_ROLES).map(([version, roles]) => [
  version,
  Object.fromEntries(roles.map((role) => [role, {
    key: `${version}:${role}`, version: version as ExchangeVersion, role, cluster: null,
  } satisfies Bond])),
])) as Record<ExchangeVersion, Partial<Record<ExchangeRole, Bond>>>

/**
 * The bonds of a host's VMs, as pairs (bond, owner), owner the VM's place on the host. The lists are
 * reused from host to host with a count of their own: setting a list's length to 0 gives its backing
 * store back, and each host's pushes made it anew (with the group lists, 1.5 MB at 10,000 VMs).
 */
interface HostBonds { bonds: Bond[]; owners: number[]; count: number }

function addBond(into: HostBonds, bond: Bond, owner: number): void {
  into.bonds[into.count] = bond
  into.owners[into.count] = owner
  into.count += 1
}

/** Adds the bonds of a VM: the cluster it is in, its standing-in roles, and being a domain controller. */
function addBonds(vm: Vm, owner: number, clusters: Map<string, Bond>, into: HostBonds): void {
  const exchange = vm.exchange
  if (exchange !== null) {
    const { cluster, version } = exchange
    if (cluster !== null) {
      let bond = clusters.get(cluster.id)
      if (!bond) clusters.set(cluster.id, bond = { key: '', version: null, role: null, cluster })
      addBond(into, bond, owner)
    }
    const roleBonds = ROLE_BONDS[version]
    for (const role of exchange.roles) {
      const bond = roleBonds[role]
      if (bond) addBond(into, bond, owner)
    }
  }
  if (vm.roles.includes('ad-ds')) addBond(into, DC_BOND, owner)
}

/** Group words made once per set of bonds without a cluster (an estate repeats the same few). */
const groupWords = new Map<string, string>()

/** "members of single copy cluster "scc1"" */
const clusterWords = ({ kind, id }: NonNullable<ExchangeInstall['cluster']>): string => `members of ${CLUSTER_WORDS[kind]} "${id}"`

/** A group's bonds in words: "members of single copy cluster "scc1"", "Client Access and Hub Transport servers of Exchange Server 2010", "domain controllers". */
function bondWords(bonds: readonly Bond[]): string {
  // Cluster ids come from the plan: only the words of roles and domain controllers are kept.
  const kept = bonds.every((bond) => bond.cluster === null)
  const key = !kept ? '' : bonds.length === 1 ? bonds[0]!.key : bonds.map((bond) => bond.key).join('+')
  const known = kept ? groupWords.get(key) : undefined
  if (known !== undefined) return known
  const words: string[] = []
  const rolesByVersion = new Map<ExchangeVersion, ExchangeRole[]>()
  for (const bond of bonds) {
    if (bond.version !== null && bond.role !== null) {
      const roles = rolesByVersion.get(bond.version)
      if (roles) roles.push(bond.role)
      else rolesByVersion.set(bond.version, [bond.role])
    } else if (bond.cluster !== null) words.push(clusterWords(bond.cluster))
  }
  for (const [version, roles] of rolesByVersion) {
    words.push(`${roleLabels(roles)} servers of ${EXCHANGE_VERSION_LABELS[version]}`)
  }
  if (bonds.includes(DC_BOND)) words.push('domain controllers')
  const said = joinAnd(words)
  if (kept) groupWords.set(key, said)
  return said
}

/** Servers of one host that stand in for each other, by the bonds they share. */
interface HostGroup { host: Host; vms: Vm[]; bonds: Bond[] }

/** True when a group's VMs are the VMs at the first `size` places of `members` on the host. */
function sameMembers(group: readonly Vm[], members: readonly number[], size: number, vms: readonly VmRef[]): boolean {
  if (group.length !== size) return false
  for (let i = 0; i < size; i++) if (group[i] !== vms[members[i]!]!.vm) return false
  return true
}

/** The VMs at the first `size` places of `members` on the host, in a list made at its length. */
function vmsAt(members: readonly number[], size: number, vms: readonly VmRef[]): Vm[] {
  const list = new Array<Vm>(size)
  for (let i = 0; i < size; i++) list[i] = vms[members[i]!]!.vm
  return list
}

/** The `size` bonds of the host that joined `group` (their place in `groupOf`), in a list made at its length. */
function bondsOf(group: number, size: number, { bonds, count }: HostBonds, groupOf: readonly number[]): Bond[] {
  const list = new Array<Bond>(size)
  let next = 0
  for (let b = 0; b < count; b++) if (groupOf[b] === group) list[next++] = bonds[b]!
  return list
}

export const redundantRolesSameHost = defineRule({
  id: 'redundant-roles-same-host',
  severity: 'warning',
  title: 'Servers that stand in for each other should run on different physical hosts',
  section: GENERIC_SECTION,
  source: 'Derived from the CCR and DAG placement guidance (Microsoft Exchange 2007 virtualization support policy; Exchange 2013 virtualization whitepaper, pp. 62, 64), applied to CAS arrays, transport pairs, single copy and Windows clusters, and domain controllers',
  perHost: true,
  check({ index, report }) {
    // A host's bond of each cluster, made at the first of its VMs in that cluster (a cluster's words
    // are that VM's: where two VMs give one cluster id two kinds, exchange-cluster-members-match says so).
    const clusters = new Map<string, Bond>()
    const hostBonds: HostBonds = { bonds: [], owners: [], count: 0 }
    // Like the bonds, lists reused from host to host with counts of their own (see HostBonds): the
    // places on the host of a bond's VMs; at a bond's first place, the group it joined (else -1);
    // and the host's groups, their VMs and how many bonds each has.
    const members: number[] = []
    const groupOf: number[] = []
    const groupVms: Vm[][] = []
    const groupSizes: number[] = []
    for (const { host, vms } of index.hosts) {
      if (vms.length < 2) continue
      hostBonds.count = 0
      clusters.clear()
      for (let i = 0; i < vms.length; i++) addBonds(vms[i]!.vm, i, clusters, hostBonds)
      if (hostBonds.count < 2) continue
      // One finding per group of servers: bonds with the same members are one group ("Client Access
      // and Hub Transport servers"); the host is the subject, since its failure is what they share.
      const { bonds, owners, count } = hostBonds
      let groups = 0
      for (let b = 0; b < count; b++) {
        const bond = bonds[b]!
        groupOf[b] = -1
        if (bonds.indexOf(bond) !== b) continue // met before
        let size = 0
        for (let p = b; p < count; p++) if (bonds[p] === bond) members[size++] = owners[p]!
        if (size < 2) continue
        let group = 0
        while (group < groups && !sameMembers(groupVms[group]!, members, size, vms)) group++
        if (group === groups) {
          groupVms[group] = vmsAt(members, size, vms)
          groupSizes[group] = 0
          groups += 1
        }
        groupOf[b] = group
        groupSizes[group]! += 1
      }
      for (let group = 0; group < groups; group++) {
        const found: HostGroup = { host, vms: groupVms[group]!, bonds: bondsOf(group, groupSizes[group]!, hostBonds, groupOf) }
        report(host.id, found, explainSameHost)
      }
    }
  },
})

function explainSameHost({ host, vms: together, bonds: shared }: HostGroup): Explanation {
  const names = joinAnd(together.map((vm) => vm.name))
  return {
    related: together.map((vm) => vm.id),
    message: `${names} run on ${host.name} and stand in for each other: ${together.length === 2 ? 'both' : 'all'} are ${bondWords(shared)}. One failure of ${host.name} takes them down together.`,
    fix: host.cluster === null
      ? `Run ${names} on different physical hosts.`
      : `Run ${names} on different hosts of cluster "${host.cluster}"${antiAffinity(host) === null ? '' : `, and keep them apart with ${antiAffinity(host)}`}.`,
  }
}
