/**
 * G (8.2) The catalogue's suggested generic rules, derived from the facts of Sections A to C: servers
 * that stand in for each other on one host, the stop action of every Exchange VM on a host cluster,
 * and the sums of memory and fixed disk space a host and its storage must hold.
 */
import { hasWindowsHostOs, type ExchangeRole, type ExchangeVersion } from '../model/enums.ts'
import { EXCHANGE_ROLE_LABELS, EXCHANGE_VERSION_LABELS, lunTitle, updateLabel } from '../model/labels.ts'
import type { ExchangeInstall, Host, Vm } from '../model/plan.ts'
import type { PhysicalDiskRef, VmRef } from '../validate/plan-index.ts'
import { fileCapacityGB, fixedFiles, fixedGB } from './capacity.ts'
import { antiAffinity } from './exchange-modern.ts'
import { OVERCOMMITTING_HYPERVISORS, PARENT_RESERVE_GB, hostMemory, isHyperV } from './platform-limits.ts'
import { gb, joinAnd, roundSum } from './platform-wording.ts'
import { diskLabel } from './storage-shared.ts'
import { defineRule, type Rule } from './types.ts'

const SECTION = 'G Suggested generic rules'

/**
 * The Exchange roles whose servers a load balancer or the transport pipeline spreads work over, so
 * that two of them stand in for each other: CAS array members, Hub/Transport pairs and Edge pairs.
 * Mailbox servers stand in for each other only in a cluster.
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
 * True when the cluster's placement has a rule of its own: a 2007 CCR (e2007-ccr-nodes-same-host)
 * and a DAG (dag-members-anti-affinity). Its members are left to that rule, so as not to say it twice.
 */
const ownRule = ({ version, cluster }: ExchangeInstall): boolean =>
  cluster !== null && ((cluster.kind === 'ccr' && version === '2007') || (cluster.kind === 'dag' && version !== '2003' && version !== '2007'))

/**
 * What servers of one host have in common that lets one stand in for another. `key` names it among
 * a host's bonds; `words` says it of several servers ("members of DAG "dag1"").
 */
interface Bond { key: string; words: string; version: ExchangeVersion | null; role: ExchangeRole | null }

const DC_BOND: Bond = { key: 'dc', words: 'domain controllers', version: null, role: null }

/** One bond per version and standing-in role, made once. */
const ROLE_BONDS = Object.fromEntries(Object.entries(STANDING_IN_ROLES).map(([version, roles]) => [
  version,
  Object.fromEntries(roles.map((role) => [role, {
    key: `${version}:${role}`, words: '', version: version as ExchangeVersion, role,
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
      if (!bond) clusters.set(cluster.id, bond = { key: `cluster:${cluster.id}`, words: `members of ${CLUSTER_WORDS[cluster.kind]} "${cluster.id}"`, version: null, role: null })
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

/** A group's bonds in words: "members of single copy cluster "scc1"", "Client Access and Hub Transport servers of Exchange Server 2010", "domain controllers". */
function bondWords(bonds: readonly Bond[]): string {
  const key = bonds.length === 1 ? bonds[0]!.key : bonds.map((bond) => bond.key).join('+')
  const known = groupWords.get(key)
  if (known !== undefined) return known
  const words: string[] = []
  const rolesByVersion = new Map<ExchangeVersion, ExchangeRole[]>()
  for (const bond of bonds) {
    if (bond.version !== null && bond.role !== null) {
      const roles = rolesByVersion.get(bond.version)
      if (roles) roles.push(bond.role)
      else rolesByVersion.set(bond.version, [bond.role])
    } else if (bond !== DC_BOND) words.push(bond.words)
  }
  for (const [version, roles] of rolesByVersion) {
    words.push(`${joinAnd(roles.map((role) => EXCHANGE_ROLE_LABELS[role]))} servers of ${EXCHANGE_VERSION_LABELS[version]}`)
  }
  if (bonds.includes(DC_BOND)) words.push(DC_BOND.words)
  const said = joinAnd(words)
  // Cluster ids come from the plan: only the words of roles and domain controllers are kept.
  if (bonds.every((bond) => bond.role !== null || bond === DC_BOND)) groupWords.set(key, said)
  return said
}

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
  section: SECTION,
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
      let groups: { vms: Vm[]; bonds: Bond[] }[] | null = null
      for (let b = 0; b < bonds.length; b++) {
        const bond = bonds[b]!
        if (bonds.indexOf(bond) !== b) continue // met before
        members.length = 0
        for (let p = b; p < bonds.length; p++) if (bonds[p] === bond) members.push(owners[p]!)
        if (members.length < 2) continue
        let group: { vms: Vm[]; bonds: Bond[] } | undefined
        if (groups !== null) {
          for (const known of groups) if (sameMembers(known.vms, members, vms)) group = known
        }
        if (group) group.bonds.push(bond)
        else (groups ??= []).push({ vms: members.map((i) => vms[i]!.vm), bonds: [bond] })
      }
      if (groups === null) continue
      for (const { vms: together, bonds: shared } of groups) {
        if (inOneOwnRuleCluster(together)) continue
        const names = joinAnd(together.map((vm) => vm.name))
        report({
          subject: host.id,
          related: together.map((vm) => vm.id),
          message: `${names} run on ${host.name} and stand in for each other: ${together.length === 2 ? 'both' : 'all'} are ${bondWords(shared)}. One failure of ${host.name} takes them down together.`,
          fix: host.cluster === null
            ? `Run ${names} on different physical hosts.`
            : `Run ${names} on different hosts of cluster "${host.cluster}", and keep them apart with ${antiAffinity(host)}.`,
        })
      }
    }
  },
})

/**
 * The severity of a "save" stop action on a host cluster. Where Exchange forbids the resume outright,
 * the rule the catalogue credits reports the error (e2010-sp1-saved-state, host-ha-cold-boot-only,
 * e2010-dag-host-ha-rtm, e2007-ccr-scc-with-host-ha) and this one stays an info; a warning where no
 * rule speaks: Exchange 2007 roles outside CCR/SCC and Exchange 2010 RTM outside a DAG, where the
 * SP1 ban is applied as best practice.
 */
function saveSeverity({ version, update, cluster }: ExchangeInstall): 'warning' | 'info' {
  if (version === '2007') return cluster !== null && (cluster.kind === 'ccr' || cluster.kind === 'scc') ? 'info' : 'warning'
  if (version === '2010') return update === 'rtm' && cluster?.kind !== 'dag' ? 'warning' : 'info'
  return 'info'
}

/** Versions from which Microsoft forbids any resume from a saved state (2010 from SP1). */
const forbidsSavedState = ({ version, update }: ExchangeInstall): boolean =>
  (version === '2010' && update !== 'rtm') || version === '2013' || version === '2016' || version === '2019' || version === 'se'

export const exchangeVmHaRestartPolicy = defineRule({
  id: 'exchange-vm-ha-restart-policy',
  severity: 'info',
  title: 'Every Exchange VM on a host cluster: what its stop action does on a failover or host shutdown',
  section: SECTION,
  source: 'Derived from Exchange 2010 virtualization (SP1 and later: no resume from a saved state) and Exchange 2013 and 2016/2019 virtualization',
  check({ index, report }) {
    // No quick fix: the rule describes every Exchange VM on a host cluster, so a changed stop action
    // changes the finding rather than clearing it; the Inspector's Stop action field is one click away.
    // The words of a host are made once for its VMs (the index lists VMs host by host).
    let wordsOf: Host | null = null
    let whenDown = ''
    for (const { vm, host } of index.vms) {
      const exchange = vm.exchange
      if (exchange === null || host.cluster === null) continue
      if (wordsOf !== host) {
        wordsOf = host
        whenDown = `when ${host.name}, a node of host cluster "${host.cluster}", goes down`
      }
      const forbids = forbidsSavedState(exchange)
      // Quick Migration saves and restores every VM it moves, whatever the stop action.
      const quick = host.mobility !== 'quick-migration' ? ''
        : forbids ? `; a move by Quick Migration still saves and restores it, which ${versionName(exchange)} does not support`
        : '; a move by Quick Migration still saves and restores it'
      if (vm.stopAction === 'shutdown') {
        report({
          subject: vm.id,
          related: [host.id],
          message: `${vm.name} is set to shut down ${whenDown}: it stops cleanly and starts again with a cold boot${quick === '' ? ', never from a saved state' : quick}.`,
          fix: `Keep ${vm.name}'s stop action at shut down.`,
        })
        continue
      }
      if (vm.stopAction === 'turn-off') {
        report({
          subject: vm.id,
          related: [host.id],
          message: `${vm.name} is set to turn off ${whenDown}: it loses power without a clean shutdown, and Exchange replays its transaction logs when it starts again${quick}.`,
          fix: `Set ${vm.name}'s stop action to shut down, so that Exchange stops cleanly before ${host.name} does.`,
        })
        continue
      }
      const severity = saveSeverity(exchange)
      report({
        subject: vm.id,
        related: [host.id],
        severity,
        message: `${vm.name} is set to save its state ${whenDown}, and resumes later from that saved state${
          forbids ? `, which ${versionName(exchange)} does not support`
          : severity === 'warning' ? `; ${versionName(exchange)} allows it, but from Exchange 2010 SP1 Microsoft forbids it for every Exchange VM, so avoid it here too`
          : ''}.`,
        fix: `Set ${vm.name}'s stop action to shut down, so that it cold-boots instead of resuming from a saved state.`,
      })
    }
  },
})

/** "Exchange Server 2010 RTM", made once per version and update. */
const versionNames = new Map<string, string>()
function versionName({ version, update }: ExchangeInstall): string {
  const key = `${version} ${update}`
  let name = versionNames.get(key)
  if (name === undefined) versionNames.set(key, name = `${EXCHANGE_VERSION_LABELS[version]} ${updateLabel(update)}`)
  return name
}

/** "an 8 GB", "an 80 GB", "an 11 GB", "an 18 GB", "a 300 GB": the article a size takes when read aloud. */
export function withArticle(size: string): string {
  const digits = /^\d+/.exec(size)?.[0] ?? ''
  const n = Number(digits)
  // Read aloud, a number starts with a vowel sound for 8, 11, 18 and 8x, 8xx, 11xxx, 18xxx, 8,xxx….
  const vowel = digits.startsWith('8') || ((n === 11 || n === 18) || ((digits.length - 2) % 3 === 0 && digits.length > 2 && /^1[18]/.test(digits)))
  return `${vowel ? 'an' : 'a'} ${size}`
}

/** What keeps memory back on a host beside its VMs, in words. */
const reserveHolder = (host: Host): string =>
  isHyperV(host) ? 'its parent partition' : hasWindowsHostOs(host.hypervisor) ? 'its host OS' : 'the hypervisor'

export const capacitySumCheck = defineRule({
  id: 'capacity-sum-check',
  severity: 'error',
  title: 'A host\'s VMs must fit in its RAM, and fixed VHDs in the disks that hold them',
  section: SECTION,
  source: 'Derived from Exchange 2016/2019 virtualization (memory fully backed), Hardware Considerations for Hyper-V (static memory) and Planning for Disks and Storage (Hyper-V: a fixed VHD takes its full size when created)',
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
          fix: `Give ${host.name} at least ${gb(neededGB)} of RAM, or free ${gb(roundSum(neededGB - host.hardware.ramGB))} by reducing the VMs' memory or moving VMs to another host.`,
        })
      }
    }
    for (const ref of index.physicalDisks) {
      const { disk, host } = ref
      if (ref.users.length === 0) continue
      const lunGB = ref.lun?.lun.sizeGB ?? Infinity
      const capacityGB = fileCapacityGB(ref)
      if (fixedGB(ref) > capacityGB) {
        const { files, totalGB } = fixedFiles(ref)
        const lunSmaller = lunGB < disk.sizeGB
        const lunName = lunSmaller ? lunTitle(ref.lun!.lun.name) : ''
        const held = files.length === 1
          ? `${withArticle(gb(totalGB))} fixed VHD, ${diskLabel(files[0]!)}; a fixed VHD takes its full size when it is created, so it cannot be created`
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
          message: `${diskLabel(user)} is ${withArticle(gb(user.disk.sizeGB))} pass-through disk, but ${host.name}'s ${disk.name} behind it has ${gb(capacityGB)}.`,
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
          const diskGB = fixedGB(hostDisk)
          if (diskGB === 0 || diskGB > fileCapacityGB(hostDisk)) continue
          totalGB += diskGB
          perDisk.push({ ref: hostDisk, totalGB: diskGB })
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
