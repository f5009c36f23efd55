/**
 * A.3 vCPU:core ratio rules. They are per host: every VM's virtual processors count, plus the
 * root OS baseline, against physical cores (never hyper-threads). They matter only while the host
 * runs an Exchange VM of a version the ratio is stated for (2007 onwards).
 */
import { EXCHANGE_VERSIONS, type ExchangeVersion } from '../model/enums.ts'
import type { Host } from '../model/plan.ts'
import { ROOT_VCPU_BASELINE, overheadName, physicalCores, virtualProcessorLoad } from './platform-limits.ts'
import { capitalize, count, thousands, vmsOfHost } from './platform-wording.ts'
import { defineRule, type Explanation } from './types.ts'

const SECTION = 'A.3 Child VM / guest'
/** The ratio is documented for these versions; Exchange 2003 has no stated ratio. */
const RATIO_VERSIONS: readonly ExchangeVersion[] = ['2007', '2010', '2013', '2016', '2019', 'se']
/** From Exchange 2013 on, Microsoft's text recommends 1:1; before that it is only a hint. */
const ONE_TO_ONE_STATED_FROM = EXCHANGE_VERSIONS.indexOf('2013')

interface HostLoad {
  host: Host
  /** Virtual processors of every VM on the host plus the root baseline. */
  total: number
  cores: number
  /** The newest Exchange version among the host's VMs the ratio applies to. */
  newest: ExchangeVersion
}

/** The newest Exchange version among a host's VMs the ratio applies to; undefined when it runs none. */
function newestRatioVersion(host: Host): ExchangeVersion | undefined {
  let newest = -1
  for (const vm of host.vms) {
    if (vm.exchange && RATIO_VERSIONS.includes(vm.exchange.version)) {
      newest = Math.max(newest, EXCHANGE_VERSIONS.indexOf(vm.exchange.version))
    }
  }
  return EXCHANGE_VERSIONS[newest]
}

const describeLoad = ({ host, total, cores }: HostLoad): string =>
  `${host.name} runs ${thousands(total)} virtual processors (${thousands(total - ROOT_VCPU_BASELINE)} in its VMs plus ${ROOT_VCPU_BASELINE} counted for the ${overheadName(host)}) on ${count(cores, 'physical core')}`
  + (host.hardware.threadsPerCore > 1 ? ' (hyper-threads do not count)' : '')

/** Every VM of the host: each one's virtual processors count. */
const vmIdsOf = (host: Host): string[] => host.vms.map((vm) => vm.id)

export const vcpuPcoreRatio2to1 = defineRule({
  id: 'vcpu-pcore-ratio-2to1',
  severity: 'error',
  title: 'Exchange is supported only while a host has at most two virtual processors per physical core',
  section: SECTION,
  source: 'Microsoft Exchange 2007 virtualization support policy (cc794548, via expta.com summary); Exchange 2013 and 2016/2019 virtualization',
  perHost: true,
  check({ index, report }) {
    // A host's load is an object only where it is reported: a list of every host's was 0.1 MB at 10,000 VMs.
    for (const host of index.plan.hosts) {
      const newest = newestRatioVersion(host)
      if (!newest) continue
      const total = virtualProcessorLoad(host)
      const cores = physicalCores(host)
      if (total > 2 * cores) report(host.id, { host, total, cores, newest }, explainOverTwoToOne)
    }
  },
})

/**
 * How far removing virtual processors can go: every VM keeps one. Where that is not far enough (a
 * small host, or one VM of one processor), the fix is to move VMs or give the host more cores.
 */
const removable = (host: Host): number => host.vms.reduce((sum, vm) => sum + Math.max(0, vm.vcpus - 1), 0)

/** The fix when removing virtual processors cannot bring the total to `max`: move VMs, or `cores` physical cores. */
const moveOrGrow = (host: Host, max: number, cores: number): string =>
  `${capitalize(vmsOfHost(host).move)}, or give ${host.name} at least ${count(cores, 'physical core')}: each VM keeps at least one virtual processor, so removing them cannot bring the total to ${thousands(max)}.`

function explainOverTwoToOne(load: HostLoad): Explanation {
  const max = 2 * load.cores
  const over = load.total - max
  return {
    related: vmIdsOf(load.host),
    message: `${describeLoad(load)}; Exchange is supported only up to two per core (${thousands(max)}).`,
    fix: over <= removable(load.host)
      ? `Remove at least ${count(over, 'virtual processor')} ${vmsOfHost(load.host).from}, or ${vmsOfHost(load.host).move}.`
      : moveOrGrow(load.host, max, Math.ceil(load.total / 2)),
  }
}

/** True when the host's newest Exchange is one whose guidance states 1:1 (2013 on). */
const stated = (load: HostLoad): boolean => EXCHANGE_VERSIONS.indexOf(load.newest) >= ONE_TO_ONE_STATED_FROM

export const vcpuPcoreRatio1to1Recommended = defineRule({
  id: 'vcpu-pcore-ratio-1to1-recommended',
  severity: 'warning',
  severities: ['warning', 'info'],
  title: 'Microsoft recommends one virtual processor per physical core on hosts running Exchange',
  section: SECTION,
  source: 'Exchange 2013 and 2016/2019 virtualization; Exchange 2013 virtualization whitepaper; CSS-Exchange HealthChecker',
  perHost: true,
  check({ index, report }) {
    for (const host of index.plan.hosts) {
      const newest = newestRatioVersion(host)
      if (!newest) continue
      const total = virtualProcessorLoad(host)
      const cores = physicalCores(host)
      if (total <= cores || total > 2 * cores) continue
      const load: HostLoad = { host, total, cores, newest }
      report(host.id, load, explainOverOneToOne, stated(load) ? 'warning' : 'info')
    }
  },
})

function explainOverOneToOne(load: HostLoad): Explanation {
  return {
    related: vmIdsOf(load.host),
    // The 2007 and 2010 guidance is silent on 1:1; the recommendation is Microsoft's from Exchange 2013 on.
    message: `${describeLoad(load)}; ${stated(load) ? 'for Exchange Microsoft recommends' : 'Microsoft\'s guidance from Exchange 2013 on recommends'} at most one per core (${load.cores}).`,
    fix: load.total - load.cores <= removable(load.host)
      ? `Remove ${count(load.total - load.cores, 'virtual processor')} ${vmsOfHost(load.host).from}, or ${vmsOfHost(load.host).move}, so the total is at most ${thousands(load.cores)}.`
      : moveOrGrow(load.host, load.cores, load.total),
  }
}
