/**
 * What a host gives its VMs, as the Inspector shows it beside the hardware: the memory the VMs and
 * the parent take of its RAM, and the virtual processors its cores carry. The same sums the rules
 * use (host-memory-not-overcommitted, the vCPU:core ratio rules), so the figures and the findings agree.
 */
import {
  PARENT_RESERVE_GB, ROOT_VCPU_BASELINE, clusterFailover, count, hostClusters, gb, hasWindowsHostOs, hostMemory, isHyperV, logicalProcessors, physicalCores,
  virtualProcessorLoad, joinAnd, type Host, type Plan,
} from '../../../core/index.ts'

import type { Fact } from './facts.tsx'

/** "1.5", "2", "0.75": a ratio without trailing zeros. */
const ratio = (value: number) => String(Math.round(value * 100) / 100)

export function hostCapacity(host: Host): Fact[] {
  const { vmGB, neededGB } = hostMemory(host)
  const load = virtualProcessorLoad(host)
  const cores = physicalCores(host)
  const threads = logicalProcessors(host)
  const vms = count(host.vms.length, 'VM')
  // What the reserve stands for: Hyper-V's parent partition, a hosted hypervisor's Windows, or ESX itself.
  const root = isHyperV(host) ? 'the parent partition' : hasWindowsHostOs(host.hypervisor) ? 'the host OS' : 'the hypervisor'
  return [
    {
      label: 'Memory',
      value: `${gb(neededGB)} of ${gb(host.hardware.ramGB)}`,
      detail: `${gb(vmGB)} for ${vms}, ${gb(PARENT_RESERVE_GB)} for ${root}`,
      over: neededGB > host.hardware.ramGB,
    },
    {
      label: 'Virtual processors',
      value: `${load} on ${count(cores, 'core')} (${ratio(load / cores)} per core)`,
      detail: `${load - ROOT_VCPU_BASELINE} in ${vms}, ${ROOT_VCPU_BASELINE} counted for ${root}${threads > cores ? `; ${threads} logical processors with Hyper-Threading` : ''}`,
      over: load > 2 * cores,
    },
  ]
}

/**
 * Whether a host cluster still holds its VMs with one node down (N+1), seen from one node: the worst
 * failure of another node, as the core counts it (host-cluster-failover-capacity). Null for a host in no cluster.
 */
export function failoverCapacity(plan: Plan, host: Host): Fact | null {
  if (host.cluster === null) return null
  const nodes = hostClusters(plan.hosts).get(host.cluster) ?? []
  if (nodes.length < 2) {
    return { label: 'Failover', value: `${host.name} is the only node of cluster "${host.cluster}"`, detail: 'Its VMs have no other host to fail over to.', over: false }
  }
  const { down, survivors, vmGB, neededGB, ramGB } = clusterFailover(host.cluster, nodes, host)
  return {
    label: 'Failover',
    value: `${gb(neededGB)} of ${gb(ramGB)} with ${down.name} down`,
    detail: `${gb(vmGB)} for the ${count(nodes.reduce((total, node) => total + node.vms.length, 0), 'VM')} of cluster "${host.cluster}" on ${joinAnd(survivors.map((node) => node.name))}${neededGB > ramGB ? ': some VMs could not start' : ''}`,
    over: neededGB > ramGB,
  }
}
