/**
 * G (8.2) `redundant-roles-same-host`: servers that stand in for each other (CAS arrays, transport
 * pairs, single copy and Windows clusters, domain controllers) on one physical host.
 */
import type { ExchangeRole, ExchangeVersion } from '../model/enums.ts'
import { EXCHANGE_VERSION_LABELS } from '../model/labels.ts'
import type { ExchangeInstall, Host, Vm } from '../model/plan.ts'
import type { VmRef } from '../validate/plan-index.ts'
import { DAG_VERSIONS, antiAffinity } from './exchange-modern.ts'
import { joinAnd, roleLabels } from './platform-wording.ts'
import { defineRule, GENERIC_SECTION, type Explanation } from './types.ts'


/**
 * The Exchange roles whose servers a load balancer or the transport pipeline spreads work over, so
 * that two of them stand in for each other: CAS array members, Hub/Transport pairs and Edge pairs.
 * Mailbox servers stand in for each other only in a cluster. The CAS array and Hub pairs of DAG
 * versions are dag-members-anti-affinity's (C.2 names them: PAIRED_ROLES), so as not to say it twice.
 */
const STANDING_IN_ROLES: Record<ExchangeVersion, readonly ExchangeRole[]> = {
  '2003': [],
  '2007': ['client-access', 'hub-transport', 'edge-transport'],
  '2010': ['edge-transport'],
  '2013': ['edge-transport'],
  '2016': ['edge-transport'],
  '2019': ['edge-transport'],
  se: ['edge-transport'],
}

const CLUSTER_WORDS: Record<NonNullable<ExchangeInstall['cluster']>['kind'], string> = {
  ccr: 'CCR cluster', scc: 'single copy cluster', dag: 'DAG', windows: 'Windows failover cluster',
}

/**
 * True when the cluster's placement has a rule of its own: a 2007 CCR (e2007-ccr-nodes-same-host)
 * and a DAG (dag-members-anti-affinity). Its members are left to that rule, so as not to say it twice.
 */
const ownRule = ({ version, cluster }: ExchangeInstall): boolean =>
  cluster !== null && ((cluster.kind === 'ccr' && version === '2007') || (cluster.kind === 'dag' && DAG_VERSIONS.includes(version)))

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
 * Adds the bonds of a VM to `bonds` (with its index in `owners`): the cluster it is in (unless that
 * has a rule of its own), its standing-in roles, and being a domain controller.
 */
function addBonds(vm: Vm, owner: number, clusters: Map<string, Bond>, bonds: Bond[], owners: number[]): void {
  const exchange = vm.exchange
  if (exchange !== null) {
    const { cluster, version } = exchange
    if (cluster !== null && !ownRule(exchange)) {
      let bond = clusters.get(cluster.id)
      if (!bond) clusters.set(cluster.id, bond = { key: '', version: null, role: null, cluster })
      bonds.push(bond)
      owners.push(owner)
    }
    const roleBonds = ROLE_BONDS[version]
    for (const role of exchange.roles) {
      const bond = roleBonds[role]
      if (bond) {
        bonds.push(bond)
        owners.push(owner)
      }
    }
  }
  if (vm.roles.includes('ad-ds')) {
    bonds.push(DC_BOND)
    owners.push(owner)
  }
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

/** True when the servers are all members of one cluster whose placement has a rule of its own (ownRule). */
function inOneOwnRuleCluster(vms: readonly Vm[]): boolean {
  const id = vms[0]!.exchange?.cluster?.id
  return vms.every(({ exchange }) => exchange !== null && exchange.cluster?.id === id && ownRule(exchange))
}

/** True when a group's VMs are the VMs at `members` on the host. */
function sameMembers(group: readonly Vm[], members: readonly number[], vms: readonly VmRef[]): boolean {
  if (group.length !== members.length) return false
  for (let i = 0; i < members.length; i++) if (group[i] !== vms[members[i]!]!.vm) return false
  return true
}

export const redundantRolesSameHost = defineRule({
  id: 'redundant-roles-same-host',
  severity: 'warning',
  title: 'Servers that stand in for each other should run on different physical hosts',
  section: GENERIC_SECTION,
  source: 'Derived from the CCR and DAG placement guidance (Microsoft Exchange 2007 virtualization support policy; Exchange 2013 virtualization whitepaper, pp. 62, 64), applied to CAS arrays, transport pairs, single copy and Windows clusters, and domain controllers',
  check({ index, report }) {
    const clusters = new Map<string, Bond>()
    // Lists reused from host to host: on an estate, small lists made per host were most of this
    // rule's garbage. A host's bonds are pairs (bond, owner), owner the VM's place on the host.
    const bonds: Bond[] = []
    const owners: number[] = []
    const members: number[] = []
    for (const { host, vms } of index.hosts) {
      if (vms.length < 2) continue
      bonds.length = 0
      owners.length = 0
      for (let i = 0; i < vms.length; i++) addBonds(vms[i]!.vm, i, clusters, bonds, owners)
      if (bonds.length < 2) continue
      // One finding per group of servers: bonds with the same members are one group ("Client Access
      // and Hub Transport servers"); the host is the subject, since its failure is what they share.
      let groups: HostGroup[] | null = null
      for (let b = 0; b < bonds.length; b++) {
        const bond = bonds[b]!
        if (bonds.indexOf(bond) !== b) continue // met before
        members.length = 0
        for (let p = b; p < bonds.length; p++) if (bonds[p] === bond) members.push(owners[p]!)
        if (members.length < 2) continue
        let group: HostGroup | undefined
        if (groups !== null) {
          for (const known of groups) if (sameMembers(known.vms, members, vms)) group = known
        }
        if (group) group.bonds.push(bond)
        else (groups ??= []).push({ host, vms: members.map((i) => vms[i]!.vm), bonds: [bond] })
      }
      if (groups === null) continue
      for (const group of groups) {
        if (!inOneOwnRuleCluster(group.vms)) report(host.id, group, explainSameHost)
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
