/**
 * A host cluster that cannot restart its VMs when a node fails (N+1). Hyper-V backs every VM's
 * memory (host-memory-not-overcommitted); after a failover the nodes left must back all the
 * cluster's VMs, or some stay off. A hypervisor that overcommits (VMware ESX) restarts them short of
 * memory, which Exchange does not support. A vexplan addition, derived like capacity-sum-check.
 */
import type { Host } from '../model/plan.ts'
import { HOST_LIMITS, NO_CLUSTERING, OVERCOMMITTING_HYPERVISORS, PARENT_RESERVE_GB, hostMemory, hyperVFamily } from './platform-limits.ts'
import { count, gb, hypervisorName, joinAnd, roundSum, thousands } from './platform-wording.ts'
import { VIRTUAL_SERVER_HYPERVISORS, isHyperVHypervisor } from '../model/enums.ts'
import { defineRule, GENERIC_SECTION, type Explanation } from './types.ts'

/** The nodes of one host cluster and the worst single failure among them. */
export interface ClusterFailover {
  cluster: string
  nodes: readonly Host[]
  /** The memory all the cluster's VMs are given. */
  vmGB: number
  /** The node whose failure leaves the least room, and what the others must then hold. */
  down: Host
  survivors: readonly Host[]
  /** The VMs' memory plus each survivor's parent reserve. */
  neededGB: number
  /** The survivors' RAM. */
  ramGB: number
}

/**
 * The worst single node failure of a host cluster: the one after which the survivors have least
 * room for every VM of the cluster. `nodes` are its hosts that run a hypervisor (two or more);
 * `spared` is a node not to fail (a node's own view: what if another fails).
 */
export function clusterFailover(cluster: string, nodes: readonly Host[], spared: Host | null = null): ClusterFailover {
  let vmGB = 0
  for (const node of nodes) vmGB += hostMemory(node).vmGB
  vmGB = roundSum(vmGB)
  let worst: ClusterFailover | null = null
  for (const down of nodes) {
    if (down === spared) continue
    const survivors = nodes.filter((node) => node !== down)
    const neededGB = roundSum(vmGB + PARENT_RESERVE_GB * survivors.length)
    const ramGB = roundSum(survivors.reduce((total, node) => total + node.hardware.ramGB, 0))
    if (!worst || neededGB - ramGB > worst.neededGB - worst.ramGB) worst = { cluster, nodes, vmGB, down, survivors, neededGB, ramGB }
  }
  return worst!
}

/** The hosts of each host cluster that run a hypervisor, cluster by cluster in plan order. */
export function hostClusters(hosts: readonly Host[]): Map<string, Host[]> {
  const clusters = new Map<string, Host[]>()
  for (const host of hosts) {
    if (host.cluster === null || host.hypervisor === 'none') continue
    const nodes = clusters.get(host.cluster)
    if (nodes) nodes.push(host)
    else clusters.set(host.cluster, [host])
  }
  return clusters
}

export const hostClusterFailoverCapacity = defineRule({
  id: 'host-cluster-failover-capacity',
  severity: 'warning',
  title: 'A host cluster must hold all its VMs\' memory with any one node down',
  section: GENERIC_SECTION,
  source: 'Derived from Exchange 2016/2019 virtualization (memory fully backed) and Hardware Considerations for Hyper-V (static memory): the nodes left after a failover back every VM or some stay off',
  check({ index, report }) {
    for (const [cluster, nodes] of hostClusters(index.plan.hosts)) {
      if (nodes.length < 2 || nodes.every((node) => node.vms.length === 0)) continue
      // A hypervisor that overcommits restarts them anyway, short of memory: that matters where
      // Exchange runs, whose memory must be fully backed (dynamic-memory-unsupported).
      const overcommits = nodes.some((node) => OVERCOMMITTING_HYPERVISORS.includes(node.hypervisor))
      if (overcommits && nodes.every((node) => node.vms.every((vm) => vm.exchange === null))) continue
      const failover = clusterFailover(cluster, nodes)
      if (failover.neededGB <= failover.ramGB) continue
      report(failover.down.id, { failover, overcommits }, explainFailover)
    }
  },
})

function explainFailover({ failover: { cluster, nodes, down, survivors, vmGB, neededGB, ramGB }, overcommits }: { failover: ClusterFailover; overcommits: boolean }): Explanation {
  const left = joinAnd(survivors.map((node) => node.name))
  return {
    related: [...survivors.map((node) => node.id), ...down.vms.map((vm) => vm.id)],
    message: `With ${down.name} down, host cluster "${cluster}" has ${gb(ramGB)} of RAM on ${left} for its VMs' ${gb(vmGB)} of memory and ${gb(PARENT_RESERVE_GB)} for ${survivors.length === 1 ? `${left}'s` : 'each node\'s'} own use (${gb(neededGB)} in all): ${overcommits ? 'after a failover its Exchange VMs would run on overcommitted memory, which Exchange does not support' : 'some VMs could not start after a failover'}.`,
    fix: `${raiseNodes(nodes, vmGB)}, add a node to cluster "${cluster}", or give its VMs less memory.`,
  }
}

/**
 * How to give a cluster room for any one node's failure, in words: the least RAM, in whole GB, that
 * its smaller nodes need so that whichever node fails, the others hold every VM and their reserves.
 * More RAM for the survivors of the worst failure alone only made another node's failure the worst.
 */
function raiseNodes(nodes: readonly Host[], vmGB: number): string {
  const neededGB = vmGB + PARENT_RESERVE_GB * (nodes.length - 1)
  const largest = Math.max(...nodes.map((node) => node.hardware.ramGB))
  // With every node at least `floor`, the worst failure is the largest node's.
  const holds = (floor: number) => nodes.reduce((total, node) => total + Math.max(node.hardware.ramGB, floor), 0) - Math.max(largest, floor) >= neededGB
  // `holds` grows with `floor`, and every node at `neededGB` holds it: the least floor is found by halving.
  let low = 0
  let high = Math.ceil(neededGB)
  while (low < high) {
    const mid = Math.floor((low + high) / 2)
    if (holds(mid)) high = mid
    else low = mid + 1
  }
  const smaller = nodes.filter((node) => node.hardware.ramGB < low)
  return `Give ${joinAnd(smaller.map((node) => node.name))} at least ${gb(low)} of RAM${smaller.length > 1 ? ' each' : ''}`
}

/** The kind of hypervisor a host runs, for a cluster's nodes: every Hyper-V version is one kind (a rolling upgrade mixes them). */
const hypervisorKind = (host: Host): string =>
  isHyperVHypervisor(host.hypervisor) ? 'Hyper-V' : VIRTUAL_SERVER_HYPERVISORS.includes(host.hypervisor) ? 'Virtual Server' : host.hypervisor

export const hostClusterOneHypervisor = defineRule({
  id: 'host-cluster-one-hypervisor',
  severity: 'error',
  title: 'The nodes of a host cluster must run one kind of hypervisor',
  section: GENERIC_SECTION,
  source: 'Derived: a Hyper-V failover cluster or a vSphere HA cluster moves and restarts VMs only between nodes of its own hypervisor',
  check({ index, report }) {
    for (const [cluster, nodes] of hostClusters(index.plan.hosts)) {
      const first = nodes[0]!
      const others = nodes.filter((node) => hypervisorKind(node) !== hypervisorKind(first))
      if (others.length === 0) continue
      report(others[0]!.id, { cluster, nodes, others }, explainMixedHypervisors)
    }
  },
})

/** A host cluster a finding is about: its name and its nodes. */
interface ClusterNodes {
  cluster: string
  nodes: readonly Host[]
}

const runs = (node: Host) => `${node.name} runs ${hypervisorName(node)}`

function explainMixedHypervisors({ cluster, nodes, others }: ClusterNodes & { others: Host[] }): Explanation {
  const first = nodes[0]!
  return {
    related: othersThan(nodes, others[0]!),
    message: `Host cluster "${cluster}" has nodes that run different hypervisors: ${joinAnd([first, ...others].map(runs))}; its VMs cannot fail over or move between them.`,
    fix: `Run every node of host cluster "${cluster}" on one hypervisor, or take ${joinAnd(others.map((node) => node.name))} out of it.`,
  }
}

/** A limit of a cluster's Hyper-V version and the node whose version sets it. */
interface ClusterLimit { limit: number; by: Host }

/** The tightest of a limit among a cluster's Hyper-V nodes (a rolling upgrade mixes versions), and the node that sets it. */
function clusterLimit(nodes: readonly Host[], limitOf: (node: Host) => number | null): ClusterLimit | null {
  let tightest: ClusterLimit | null = null
  for (const node of nodes) {
    const limit = limitOf(node)
    if (limit !== null && (tightest === null || limit < tightest.limit)) tightest = { limit, by: node }
  }
  return tightest
}

/** The ids of a cluster's nodes other than `node`: what a finding on that node relates to. */
const othersThan = (nodes: readonly Host[], node: Host) => nodes.filter((other) => other !== node).map((other) => other.id)

const familyLimits = (node: Host) => {
  const family = NO_CLUSTERING.includes(node.hypervisor) ? null : hyperVFamily(node)
  return family === null ? null : HOST_LIMITS[family]
}

export const hostClusterSizeLimit = defineRule({
  id: 'host-cluster-size-limit',
  severity: 'error',
  title: 'A host cluster must stay within what its Hyper-V version\'s failover clustering supports',
  section: GENERIC_SECTION,
  source: 'Hyper-V Server 2008 vs 2008 R2 (virtualization team blog); Hyper-V limits (ee405267); Hyper-V scalability in Windows Server 2012 and 2016/2019 (catalogue B.2, "Failover cluster")',
  check({ index, report }) {
    for (const [cluster, nodes] of hostClusters(index.plan.hosts)) {
      for (const node of nodes) {
        if (NO_CLUSTERING.includes(node.hypervisor)) report(node.id, { cluster, nodes, node }, explainNoClustering)
      }
      const nodeLimit = clusterLimit(nodes, (node) => familyLimits(node)?.clusterNodes ?? null)
      if (nodeLimit && nodes.length > nodeLimit.limit) {
        const over = nodes[nodeLimit.limit]!
        report(over.id, { cluster, nodes, over, nodeLimit }, explainTooManyNodes)
      }
      const vmLimit = clusterLimit(nodes, (node) => familyLimits(node)?.clusterVms ?? null)
      if (!vmLimit) continue
      let vms = 0
      let over: Host | null = null
      for (const node of nodes) {
        vms += node.vms.length
        if (over === null && vms > vmLimit.limit) over = node
      }
      if (over === null) continue
      report(over.id, { cluster, nodes, over, vmLimit, vms }, explainTooManyVms)
    }
  },
})

function explainNoClustering({ cluster, nodes, node }: ClusterNodes & { node: Host }): Explanation {
  return {
    related: othersThan(nodes, node),
    message: `${node.name} runs ${hypervisorName(node)}, which has no failover clustering, yet it is a node of host cluster "${cluster}".`,
    fix: `Take ${node.name} out of host cluster "${cluster}", or run Hyper-V Server 2008 R2 or Windows Server 2008 Enterprise or Datacenter with the Hyper-V role on it, which have failover clustering.`,
  }
}

/** A cluster over a limit of its Hyper-V version: the node that takes it over (each explanation adds its limit). */
interface ClusterOverLimit extends ClusterNodes {
  over: Host
}

function explainTooManyNodes({ cluster, nodes, over, nodeLimit }: ClusterOverLimit & { nodeLimit: ClusterLimit }): Explanation {
  return {
    related: othersThan(nodes, over),
    message: `Host cluster "${cluster}" has ${nodes.length} nodes, but a failover cluster of ${hypervisorName(nodeLimit.by)} hosts has at most ${nodeLimit.limit}; ${over.name} is node ${nodeLimit.limit + 1}.`,
    fix: `Split host cluster "${cluster}" into clusters of at most ${nodeLimit.limit} nodes.`,
  }
}

function explainTooManyVms({ cluster, nodes, over, vmLimit, vms }: ClusterOverLimit & { vmLimit: ClusterLimit; vms: number }): Explanation {
  return {
    related: othersThan(nodes, over),
    message: `Host cluster "${cluster}" runs ${count(vms, 'VM')} on its ${nodes.length} nodes, but a failover cluster of ${hypervisorName(vmLimit.by)} hosts runs at most ${thousands(vmLimit.limit)}; ${over.name}'s VMs take it over.`,
    fix: `Move ${count(vms - vmLimit.limit, 'VM')} out of host cluster "${cluster}", or split it into smaller clusters.`,
  }
}
