/**
 * G (8.2) `exchange-vm-ha-restart-policy`: what the stop action of each Exchange VM on a host cluster
 * does when its host is shut down.
 */
import { EXCHANGE_VERSION_LABELS } from '../model/labels.ts'
import type { ExchangeInstall, Host } from '../model/plan.ts'
import type { VmRef } from '../validate/plan-index.ts'
import { versionName } from './exchange-modern.ts'
import { liveMoveName, movesByQuickMigration, quickMoveName } from './ha.ts'
import { NO_CLUSTERING } from './platform-limits.ts'
import { MODERN_VERSIONS } from './storage-shared.ts'
import { defineRule, GENERIC_SECTION, type Explanation, type Severity } from './types.ts'


/**
 * The severity of a "save" stop action on a host cluster (catalogue 8.2): an error from Exchange 2010
 * SP1, which forbids any resume from a saved state (as e2010-sp1-saved-state and host-ha-cold-boot-only
 * say too), and a warning for Exchange 2007 roles outside CCR/SCC and Exchange 2010 RTM outside a DAG,
 * where the SP1 ban is applied as best practice. An info where another rule has the error for the
 * cluster itself: a 2007 CCR/SCC node (e2007-ccr-scc-with-host-ha) and a 2010 RTM DAG member
 * (e2010-dag-host-ha-rtm).
 */
function saveSeverity(exchange: ExchangeInstall): Severity {
  const { version, update, cluster } = exchange
  if (forbidsSavedState(exchange)) return 'error'
  if (version === '2007') return cluster !== null && (cluster.kind === 'ccr' || cluster.kind === 'scc') ? 'info' : 'warning'
  if (version === '2010') return update === 'rtm' && cluster?.kind !== 'dag' ? 'warning' : 'info'
  return 'info'
}

/** Versions from which Microsoft forbids any resume from a saved state (2010 from SP1). */
const forbidsSavedState = ({ version, update }: ExchangeInstall): boolean =>
  (version === '2010' && update !== 'rtm') || MODERN_VERSIONS.includes(version)

export const exchangeVmHaRestartPolicy = defineRule({
  id: 'exchange-vm-ha-restart-policy',
  severity: 'info',
  severities: ['info', 'warning', 'error'],
  title: 'Every Exchange VM on a host cluster: what its stop action does on a failover or host shutdown',
  section: GENERIC_SECTION,
  source: 'Derived from Exchange 2010 virtualization (SP1 and later: no resume from a saved state) and Exchange 2013 and 2016/2019 virtualization',
  perHost: true,
  check({ index, report }) {
    // No quick fix: the rule describes every Exchange VM on a host cluster, so a changed stop action
    // changes the finding rather than clearing it; the Inspector's Stop action field is one click away.
    for (const ref of index.vms) {
      const { vm, host } = ref
      const exchange = vm.exchange
      if (exchange === null || host.cluster === null) continue
      if (vm.stopAction === 'shutdown') report(vm.id, ref, explainShutDown)
      else if (vm.stopAction === 'turn-off') report(vm.id, ref, explainTurnOff)
      else report(vm.id, ref, explainSave, saveSeverity(exchange))
    }
  },
})

/** "when HV01, a node of host cluster "hc1", is shut down" */
const whenDown = (host: Host): string => `when ${host.name}, a node of host cluster "${host.cluster}", is shut down`

/** What a move of the VM by Quick Migration does to it, after a clause; '' when its host does not move VMs so. */
function quickWords(host: Host, exchange: ExchangeInstall): string {
  // Quick Migration saves and restores every VM it moves, whatever the stop action. The free Hyper-V
  // Server 2008 has none (quick-migration-is-saved-state and host-cluster-size-limit say so of such a plan).
  return !movesByQuickMigration(host) || NO_CLUSTERING.includes(host.hypervisor) ? ''
    : forbidsSavedState(exchange) ? `; a move by ${quickMoveName(host)} still saves and restores it, which ${banName(exchange)} does not support`
    : `; a move by ${quickMoveName(host)} still saves and restores it`
}

function explainShutDown({ vm, host }: VmRef): Explanation {
  const exchange = vm.exchange!
  const quick = quickWords(host, exchange)
  return {
    related: [host.id],
    message: `${vm.name} is set to shut down ${whenDown(host)}: it stops cleanly and starts again with a cold boot${quick === '' ? ', never from a saved state' : quick}.`,
    fix: quick !== '' && forbidsSavedState(exchange)
      ? `Keep ${vm.name}'s stop action at shut down, and move it by ${liveMoveName(host) === null ? 'a shutdown and start' : `${liveMoveName(host)} or a shutdown and start`} instead of ${quickMoveName(host)}.`
      : `Keep ${vm.name}'s stop action at shut down.`,
  }
}

function explainTurnOff({ vm, host }: VmRef): Explanation {
  return {
    related: [host.id],
    message: `${vm.name} is set to turn off ${whenDown(host)}: it loses power without a clean shutdown, and Exchange replays its transaction logs when it starts again${quickWords(host, vm.exchange!)}.`,
    fix: `Set ${vm.name}'s stop action to shut down, so that Exchange stops cleanly before ${host.name} does.`,
  }
}

function explainSave({ vm, host }: VmRef): Explanation {
  const exchange = vm.exchange!
  return {
    related: [host.id],
    message: `${vm.name} is set to save its state ${whenDown(host)}, and resumes later from that saved state${
      forbidsSavedState(exchange) ? `, which ${banName(exchange)} does not support`
      : saveSeverity(exchange) === 'warning' ? `; ${banName(exchange)} allows it, but from Exchange 2010 SP1 Microsoft forbids it for every Exchange VM, so avoid it here too`
      : ''}.`,
    fix: `Set ${vm.name}'s stop action to shut down, so that it cold-boots instead of resuming from a saved state.`,
  }
}

/** "Exchange Server 2010 RTM", "Exchange Server 2016": the update is named only for 2010, where the saved-state ban depends on it (from SP1). */
const banName = (exchange: ExchangeInstall): string =>
  exchange.version === '2010' ? versionName(exchange) : EXCHANGE_VERSION_LABELS[exchange.version]
