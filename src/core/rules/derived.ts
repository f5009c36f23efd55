/**
 * G (8.2) The catalogue's suggested generic rules, derived from the facts of Sections A to C: servers
 * that stand in for each other on one host, the stop action of every Exchange VM on a host cluster,
 * and the sums of memory and fixed disk space a host and its storage must hold.
 */
import { hasWindowsHostOs, type ExchangeRole, type ExchangeVersion } from '../model/enums.ts'
import { EXCHANGE_ROLE_LABELS, EXCHANGE_VERSION_LABELS, lunTitle } from '../model/labels.ts'
import type { ExchangeInstall, Host, Vm } from '../model/plan.ts'
import type { PhysicalDiskRef } from '../validate/plan-index.ts'
import { fileCapacityGB, fixedFiles } from './capacity.ts'
import { antiAffinity } from './exchange-modern.ts'
import { OVERCOMMITTING_HYPERVISORS, PARENT_RESERVE_GB, hostMemory, isHyperV } from './platform-limits.ts'
import { gb, joinAnd, roundSum } from './platform-wording.ts'
import { diskLabel } from './storage-shared.ts'
import { defineRule, type Rule } from './types.ts'

const SECTION = 'G Suggested generic rules'
const DERIVED = 'Derived (rules-catalogue.md 8.2)'

/**
 * The Exchange roles whose servers a load balancer or the transport pipeline spreads work over, so
 * that two of them stand in for each other: CAS array members and Hub/Transport pairs, and from 2016
 * the Mailbox role, which carries client access and transport. Mailbox servers before 2016 stand in
 * for each other only in a CCR, SCC or DAG, which the cluster covers.
 */
const STANDING_IN_ROLES: Record<ExchangeVersion, readonly ExchangeRole[]> = {
  '2003': [],
  '2007': ['client-access', 'hub-transport', 'edge-transport'],
  '2010': ['client-access', 'hub-transport', 'edge-transport'],
  '2013': ['client-access', 'edge-transport'],
  '2016': ['mailbox', 'edge-transport'],
  '2019': ['mailbox', 'edge-transport'],
  se: ['mailbox', 'edge-transport'],
}

const CLUSTER_WORDS: Record<NonNullable<ExchangeInstall['cluster']>['kind'], string> = {
  ccr: 'CCR cluster', scc: 'single copy cluster', dag: 'DAG', windows: 'Windows failover cluster',
}

/** One thing two servers share that lets one stand in for the other, said of one server and of several. */
interface Shared { one: string; many: string }

/** What a VM shares with another on its host that lets one stand in for the other; empty when nothing. */
function standsInFor(a: Vm, b: Vm): Shared[] {
  const shared: Shared[] = []
  const ea = a.exchange
  const eb = b.exchange
  if (ea !== null && eb !== null) {
    if (ea.cluster !== null && eb.cluster !== null && ea.cluster.id === eb.cluster.id) {
      const cluster = `${CLUSTER_WORDS[ea.cluster.kind]} "${ea.cluster.id}"`
      shared.push({ one: `a member of ${cluster}`, many: `members of ${cluster}` })
    }
    if (ea.version === eb.version) {
      const roles = STANDING_IN_ROLES[ea.version].filter((role) => ea.roles.includes(role) && eb.roles.includes(role))
      if (roles.length > 0) {
        const what = joinAnd(roles.map((role) => EXCHANGE_ROLE_LABELS[role]))
        const version = EXCHANGE_VERSION_LABELS[ea.version]
        shared.push({ one: `a ${what} server of ${version}`, many: `${what} servers of ${version}` })
      }
    }
  }
  if (a.roles.includes('ad-ds') && b.roles.includes('ad-ds')) shared.push({ one: 'a domain controller', many: 'domain controllers' })
  return shared
}

/** True when the VM can stand in for another at all: a cluster member, a role in STANDING_IN_ROLES, or a DC. */
function canStandIn(vm: Vm): boolean {
  const exchange = vm.exchange
  if (vm.roles.includes('ad-ds')) return true
  if (exchange === null) return false
  return exchange.cluster !== null || STANDING_IN_ROLES[exchange.version].some((role) => exchange.roles.includes(role))
}

export const redundantRolesSameHost = defineRule({
  id: 'redundant-roles-same-host',
  severity: 'warning',
  title: 'Servers that stand in for each other should run on different physical hosts',
  section: SECTION,
  source: `${DERIVED}: CCR and DAG placement (Microsoft Exchange 2007 virtualization support policy; Exchange 2013 virtualization whitepaper, pp. 62, 64), applied to CAS arrays, transport pairs and domain controllers`,
  check({ index, report }) {
    for (const { host, vms } of index.hosts) {
      if (vms.length < 2) continue
      const candidates = vms.filter(({ vm }) => canStandIn(vm))
      if (candidates.length < 2) continue
      for (const { vm } of candidates) {
        const partners: { vm: Vm; shared: Shared[] }[] = []
        for (const { vm: other } of candidates) {
          if (other === vm) continue
          const shared = standsInFor(vm, other)
          if (shared.length > 0) partners.push({ vm: other, shared })
        }
        if (partners.length === 0) continue
        const names = joinAnd(partners.map((partner) => partner.vm.name))
        const alike = (shared: Shared[]) => shared.map((item) => item.many).join()
        const what = partners.every((partner) => alike(partner.shared) === alike(partners[0]!.shared))
          ? `${names}; ${partners.length === 1 ? 'both' : 'all'} are ${joinAnd(partners[0]!.shared.map((item) => item.many))}`
          : `servers that stand in for it: ${joinAnd(partners.map((partner) => `${partner.vm.name} (like it, ${joinAnd(partner.shared.map((item) => item.one))})`))}`
        report({
          subject: vm.id,
          related: [...partners.map((partner) => partner.vm.id), host.id],
          message: `${vm.name} shares ${host.name} with ${what}, so one failure of ${host.name} takes them down together.`,
          fix: host.cluster === null
            ? `Run ${vm.name} on a different physical host from ${names}.`
            : `Run ${vm.name} on a different host of cluster "${host.cluster}" from ${names}, and keep them apart with ${antiAffinity(host)}.`,
        })
      }
    }
  },
})

/** The severity of a "save" stop action: error where Exchange forbids a resume from saved state, else a warning for 2007's roles outside CCR/SCC. */
function saveSeverity(exchange: ExchangeInstall): 'error' | 'warning' | 'info' {
  const { version, update, cluster } = exchange
  if (version === '2010') return update !== 'rtm' || cluster?.kind === 'dag' ? 'error' : 'warning'
  if (version === '2013' || version === '2016' || version === '2019' || version === 'se') return 'error'
  if (version === '2007') return cluster !== null && (cluster.kind === 'ccr' || cluster.kind === 'scc') ? 'info' : 'warning'
  return 'info'
}

export const exchangeVmHaRestartPolicy = defineRule({
  id: 'exchange-vm-ha-restart-policy',
  severity: 'info',
  title: 'Every Exchange VM on a host cluster: what its stop action does on a failover or host shutdown',
  section: SECTION,
  source: `${DERIVED}: Exchange 2010 virtualization (SP1 and later: no resume from saved state); Exchange 2013 and 2016/2019 virtualization`,
  check({ index, report }) {
    // No quick fix: the rule describes every Exchange VM on a host cluster, so a changed stop action
    // changes the finding rather than clearing it; the Inspector's Stop action field is one click away.
    for (const { vm, host } of index.vms) {
      const exchange = vm.exchange
      if (exchange === null || host.cluster === null) continue
      const node = `${vm.name} runs ${EXCHANGE_VERSION_LABELS[exchange.version]} on ${host.name}, a node of host cluster "${host.cluster}"`
      if (vm.stopAction === 'shutdown') {
        report({
          subject: vm.id,
          related: [host.id],
          message: `${node}. Its stop action is Shut down: the host shuts ${vm.name} down cleanly when ${host.name} goes down, and it starts again with a cold boot, never from a saved state.`,
          fix: `Keep ${vm.name}'s stop action at Shut down.`,
        })
        continue
      }
      if (vm.stopAction === 'turn-off') {
        report({
          subject: vm.id,
          related: [host.id],
          message: `${node}. Its stop action is Turn off: ${vm.name} loses power without a clean shutdown when ${host.name} goes down, and Exchange replays its transaction logs when it starts again.`,
          fix: `Set ${vm.name}'s stop action to Shut down, so that Exchange stops cleanly before ${host.name} does.`,
        })
        continue
      }
      const severity = saveSeverity(exchange)
      report({
        subject: vm.id,
        related: [host.id],
        severity,
        message: `${node}. Its stop action is Save: ${vm.name}'s memory is written to disk when ${host.name} goes down, and it later resumes from that saved state${
          severity === 'error' ? `, which ${EXCHANGE_VERSION_LABELS[exchange.version]}${exchange.version === '2010' ? ` ${exchange.update.toUpperCase()}` : ''} does not support: it must cold-boot.`
          : severity === 'warning' ? '; from Exchange 2010 SP1 Microsoft forbids that for every Exchange VM, and it is best avoided here too.'
          : '.'}`,
        fix: `Set ${vm.name}'s stop action to Shut down, so that it cold-boots instead of resuming from a saved state.`,
      })
    }
  },
})

/** What keeps memory back on a host beside its VMs, in words. */
const reserveHolder = (host: Host): string =>
  isHyperV(host) ? 'its parent partition' : hasWindowsHostOs(host.hypervisor) ? 'its host OS' : 'the hypervisor'

export const capacitySumCheck = defineRule({
  id: 'capacity-sum-check',
  severity: 'error',
  title: 'A host\'s VMs must fit in its RAM, and fixed VHDs in the disks that hold them',
  section: SECTION,
  source: `${DERIVED}: Exchange 2016/2019 virtualization (memory fully backed); Hardware Considerations for Hyper-V (static memory); fixed VHDs allocate their full size when created`,
  check({ index, report }) {
    for (const { host, vms } of index.hosts) {
      if (vms.length === 0) continue
      const { vmGB, neededGB, overcommitted } = hostMemory(host)
      // A hypervisor that overcommits starts the VMs anyway; it matters there only for Exchange.
      if (overcommitted && (!OVERCOMMITTING_HYPERVISORS.includes(host.hypervisor) || vms.some(({ vm }) => vm.exchange !== null))) {
        report({
          subject: host.id,
          related: vms.map(({ vm }) => vm.id),
          message: `${host.name}'s VMs are given ${gb(vmGB)} of memory and ${reserveHolder(host)} keeps ${gb(PARENT_RESERVE_GB)}: ${gb(neededGB)}, more than its ${gb(host.hardware.ramGB)} of RAM.`,
          fix: `Give ${host.name} at least ${gb(neededGB)} of RAM, or move ${gb(roundSum(neededGB - host.hardware.ramGB))} of VM memory to another host.`,
        })
      }
    }
    for (const ref of index.physicalDisks) {
      const { disk, host } = ref
      if (ref.users.length === 0) continue
      const lunGB = ref.lun?.lun.sizeGB ?? Infinity
      const capacityGB = fileCapacityGB(ref)
      const { files, totalGB } = fixedFiles(ref)
      if (totalGB > capacityGB) {
        const lunSmaller = lunGB < disk.sizeGB
        const lunName = lunSmaller ? lunTitle(ref.lun!.lun.name) : ''
        const held = files.length === 1
          ? `a ${gb(totalGB)} fixed VHD, ${diskLabel(files[0]!)}; a fixed VHD takes its full size when it is created, so it cannot be created`
          : `${gb(totalGB)} of fixed VHDs: ${joinAnd(files.map((file) => `${diskLabel(file)} (${gb(file.disk.sizeGB)})`))}; a fixed VHD takes its full size when it is created, so they cannot all be created`
        report({
          subject: disk.id,
          related: [host.id, ...files.map(({ disk: vd }) => vd.id)],
          message: `${host.name}'s ${disk.name} (${gb(capacityGB)}${lunSmaller ? `, the size of its ${lunName}` : ''}) is to hold ${held}.`,
          fix: `Give ${lunSmaller ? lunName : `${host.name}'s ${disk.name}`} at least ${gb(totalGB)}, or move ${gb(roundSum(totalGB - capacityGB))} of fixed VHDs to another disk.`,
        })
      }
      for (const user of ref.users) {
        if (user.disk.kind !== 'pass-through' || user.disk.sizeGB <= capacityGB) continue
        report({
          subject: user.disk.id,
          related: [user.vm.id, disk.id],
          message: `${diskLabel(user)} is a ${gb(user.disk.sizeGB)} pass-through disk, but ${host.name}'s ${disk.name} behind it has ${gb(capacityGB)}.`,
          fix: `Size ${diskLabel(user)} to ${gb(capacityGB)}, or pass through a host disk of at least ${gb(user.disk.sizeGB)}.`,
        })
      }
    }
    for (const ref of index.luns) {
      const { lun, array } = ref
      // Host disks on one LUN (a Cluster Shared Volume, say) share its space; each fits on its own above.
      const onLun = index.hostDisksOnLun(lun.id)
      if (onLun.length > 1) {
        let totalGB = 0
        const perDisk: { ref: PhysicalDiskRef; totalGB: number }[] = []
        for (const hostDisk of onLun) {
          const fixed = fixedFiles(hostDisk)
          if (fixed.totalGB === 0 || fixed.totalGB > Math.min(hostDisk.disk.sizeGB, lun.sizeGB)) continue
          totalGB += fixed.totalGB
          perDisk.push({ ref: hostDisk, totalGB: fixed.totalGB })
        }
        totalGB = roundSum(totalGB)
        if (perDisk.length > 1 && totalGB > lun.sizeGB) {
          report({
            subject: lun.id,
            related: perDisk.map(({ ref: hostDisk }) => hostDisk.disk.id),
            message: `${array.name}'s ${lunTitle(lun.name)} (${gb(lun.sizeGB)}) is to hold ${gb(totalGB)} of fixed VHDs through ${joinAnd(perDisk.map(({ ref: hostDisk, totalGB: diskGB }) => `${hostDisk.host.name}'s ${hostDisk.disk.name} (${gb(diskGB)})`))}; they share the LUN's space.`,
            fix: `Grow ${lunTitle(lun.name)} to at least ${gb(totalGB)}, or move ${gb(roundSum(totalGB - lun.sizeGB))} of fixed VHDs to another LUN.`,
          })
        }
      }
      for (const user of ref.users) {
        if (user.disk.sizeGB <= lun.sizeGB) continue
        report({
          subject: user.disk.id,
          related: [user.vm.id, lun.id],
          message: `${diskLabel(user)} is ${gb(user.disk.sizeGB)}, but the LUN behind it, ${array.name}'s ${lunTitle(lun.name)}, has ${gb(lun.sizeGB)}.`,
          fix: `Size ${diskLabel(user)} to ${gb(lun.sizeGB)}, or grow ${lunTitle(lun.name)} to ${gb(user.disk.sizeGB)}.`,
        })
      }
    }
  },
})

export const DERIVED_RULES: readonly Rule[] = [
  redundantRolesSameHost,
  exchangeVmHaRestartPolicy,
  capacitySumCheck,
]
