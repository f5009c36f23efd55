/**
 * G (8.2) The catalogue's suggested generic rules, derived from the facts of Sections A to C: servers
 * that stand in for each other on one host (redundant-roles.ts), the stop action of every Exchange VM
 * on a host cluster (restart-policy.ts), and the sums of memory and fixed disk space a host and its
 * storage must hold (capacity-sum.ts); and, a vexplan addition, the memory a host cluster must still
 * hold with a node down, one kind of hypervisor per cluster, and the size of a cluster (cluster-failover.ts);
 * the roles each Exchange version has, and Edge Transport alone (exchange-roles.ts); a virtual disk not
 * connected yet (not-connected.ts); what a plan can record but no product can be: an edition, a cluster
 * kind or a protocol that does not exist there, a cluster of two versions, an NTFS LUN on unclustered hosts (consistency.ts).
 */
import { capacitySumCheck } from './capacity-sum.ts'
import { CONSISTENCY_RULES } from './consistency.ts'
import { hostClusterFailoverCapacity, hostClusterOneHypervisor, hostClusterSizeLimit } from './cluster-failover.ts'
import { EXCHANGE_ROLE_RULES } from './exchange-roles.ts'
import { NOT_CONNECTED_RULES } from './not-connected.ts'
import { redundantRolesSameHost } from './redundant-roles.ts'
import { exchangeVmHaRestartPolicy } from './restart-policy.ts'
import type { Rule } from './types.ts'

export const DERIVED_RULES: readonly Rule[] = [
  redundantRolesSameHost,
  exchangeVmHaRestartPolicy,
  capacitySumCheck,
  hostClusterFailoverCapacity,
  hostClusterOneHypervisor,
  hostClusterSizeLimit,
  ...EXCHANGE_ROLE_RULES,
  ...NOT_CONNECTED_RULES,
  ...CONSISTENCY_RULES,
]
