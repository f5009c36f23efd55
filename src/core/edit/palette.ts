/**
 * What each palette item is, where it may go, and the edit that puts it there. Pure: the canvas
 * asks `placeItem` on drop (and the keyboard on Enter) and either applies the edit or shows why not.
 */
import { EXCHANGE_VERSIONS, hasWindowsHostOs, type DiskKind, type ExchangeRole, type ExchangeVersion, type GuestOs } from '../model/enums.ts'
import { latestUpdate } from '../model/exchange-updates.ts'
import { lunLabel } from '../model/labels.ts'
import type { ExchangeInstall, Host, Plan, VirtualDisk, Vm } from '../model/plan.ts'
import type { Edit } from './edits.ts'
import { isHyperV, vmGeneration } from '../rules/platform-limits.ts'
import { joinAnd } from '../rules/platform-wording.ts'
import { validate } from '../validate/validate.ts'
import { idsOf, locate, type Located } from './locate.ts'

export type PaletteKind =
  | 'host' | 'bare-metal' | 'vm' | 'physical-disk' | DiskKind | 'storage-array' | 'lun' | ExchangeRole

/** Palette items in the order and with the names DESIGN.md fixes. */
export const PALETTE: readonly { kind: PaletteKind; label: string; group: 'Servers' | 'Disks' | 'Storage' | 'Exchange roles' }[] = [
  { kind: 'host', label: 'Host', group: 'Servers' },
  { kind: 'bare-metal', label: 'Bare-metal server', group: 'Servers' },
  { kind: 'vm', label: 'Virtual machine', group: 'Servers' },
  { kind: 'physical-disk', label: 'Physical disk', group: 'Disks' },
  { kind: 'fixed-vhd', label: 'Fixed VHD', group: 'Disks' },
  { kind: 'dynamic-vhd', label: 'Dynamic VHD', group: 'Disks' },
  { kind: 'differencing-vhd', label: 'Differencing VHD', group: 'Disks' },
  { kind: 'fixed-vhdx', label: 'Fixed VHDX', group: 'Disks' },
  { kind: 'dynamic-vhdx', label: 'Dynamic VHDX', group: 'Disks' },
  { kind: 'pass-through', label: 'Pass-through disk', group: 'Disks' },
  { kind: 'iscsi-guest', label: 'iSCSI disk', group: 'Disks' },
  { kind: 'fc-guest', label: 'Fibre Channel disk', group: 'Disks' },
  { kind: 'storage-array', label: 'Storage array', group: 'Storage' },
  { kind: 'lun', label: 'LUN', group: 'Storage' },
  { kind: 'mailbox', label: 'Mailbox', group: 'Exchange roles' },
  { kind: 'client-access', label: 'Client Access', group: 'Exchange roles' },
  { kind: 'hub-transport', label: 'Hub Transport', group: 'Exchange roles' },
  { kind: 'edge-transport', label: 'Edge Transport', group: 'Exchange roles' },
  { kind: 'unified-messaging', label: 'Unified Messaging', group: 'Exchange roles' },
]

const ROLES: readonly string[] = ['mailbox', 'client-access', 'hub-transport', 'edge-transport', 'unified-messaging']
const DISKS: readonly string[] = ['fixed-vhd', 'dynamic-vhd', 'differencing-vhd', 'fixed-vhdx', 'dynamic-vhdx', 'pass-through', 'iscsi-guest', 'fc-guest']
export const isRoleKind = (kind: PaletteKind): kind is ExchangeRole => ROLES.includes(kind)
export const isVirtualDiskKind = (kind: PaletteKind): kind is DiskKind => DISKS.includes(kind)
export const paletteLabel = (kind: PaletteKind): string => PALETTE.find((item) => item.kind === kind)?.label ?? kind

/** Where an item is dropped: the canvas, or an entity (a host's parent partition is `parent:<hostId>`). */
export type DropTarget = { kind: 'canvas' } | { kind: 'entity'; id: string }

/** `note`: where the item went when that is not the item under the pointer (said on screen). */
export type Placement = { ok: true; edit: Edit; id: string; note?: string; /** The note is of something Microsoft does not support. */ unsupported?: boolean } | { ok: false; reason: string }

/** Top-level items (hosts, servers, arrays) need a position; the caller gives `at` for layout. */
export const isTopLevelKind = (kind: PaletteKind): boolean => kind === 'host' || kind === 'bare-metal' || kind === 'storage-array'

/**
 * Decides where a palette item lands when dropped on `target`, walking up from the entity under the
 * pointer to the first container that takes it, or says why it cannot go there.
 */
export function placeItem(plan: Plan, kind: PaletteKind, target: DropTarget): Placement {
  const ids = idsOf(plan)
  const label = paletteLabel(kind)
  if (isTopLevelKind(kind)) {
    if (target.kind !== 'entity') return kind === 'storage-array' ? addArray(plan, ids) : addHost(plan, ids, kind === 'bare-metal')
    return { ok: false, reason: `${article(label)} goes on the empty canvas, not inside another item` }
  }
  // A role is named as one ("A Mailbox role goes onto…"), wherever it is refused.
  if (target.kind === 'canvas') return { ok: false, reason: goes(plan, kind, null) }
  const parentOf = target.id.startsWith('parent:') ? target.id.slice('parent:'.length) : null
  const at = locate(plan, parentOf ?? target.id)
  if (!at) return { ok: false, reason: 'That item no longer exists' }
  const host = 'host' in at ? at.host : null
  const vm = at.kind === 'vm' || at.kind === 'virtual-disk' ? at.vm : null
  const array = at.kind === 'storage-array' || at.kind === 'lun' ? at.array : null

  switch (kindClass(kind)) {
    case 'vm': {
      if (!host) return { ok: false, reason: goes(plan, kind, at) }
      if (host.hypervisor === 'none') return { ok: false, reason: `${host.name} is a bare-metal server: it runs no VMs` }
      // The id follows the name ("EX03" → "ex03"), as hosts' do, so plan files and findings read well.
      const name = nextName(plan, 'EX', host.vms.length)
      const placed = withId(ids, name.toLowerCase(), (id) => ({ op: 'add-vm', host: host.id, vm: newVm(id, name, guestFor(host)) }))
      // Dropped on a VM or a host's disk, it goes beside it, into its host: say so. Not refused: a drop
      // aimed at a host lands on one of its VMs as often as not (they fill its middle, where the host's
      // centre is), and the host is the one place a VM can go. The same holds for a physical disk below.
      if (placed.ok && vm) placed.note = `A virtual machine runs on a host, not inside another one, so ${name} went into ${host.name}, beside ${vm.name}.`
      if (placed.ok && at.kind === 'physical-disk') placed.note = `A virtual machine runs on a host, not on one of its disks, so ${name} went into ${host.name}.`
      return placed
    }
    case 'physical-disk': {
      if (!host) return { ok: false, reason: goes(plan, kind, at) }
      // Numbered from 1, as the seed article's host numbers its disks; the first number no disk of the host has.
      const name = firstFree('Disk', host.disks.map((disk) => disk.name), 1)
      // Offline on a Hyper-V host, ready to pass through to a VM as the seed's Disk 2 is; a bare-metal
      // server's new disk (or another hypervisor's) is its own OS's, online for its volumes.
      const online = !isHyperV(host)
      const placed = withId(ids, `${host.id}-disk`, (id) => ({ op: 'add-physical-disk', host: host.id, disk: { id, name, sizeGB: 300, online, contents: [], lun: null } }))
      // Dropped on a VM, the disk still goes to the host, which is the only place for it; say so,
      // and how a VM gets a whole disk of its own.
      if (placed.ok && vm) placed.note = `A virtual machine has only virtual disks, so the physical disk ${name} went into its host ${host.name}. To give ${vm.name} a whole disk, add a Pass-through disk to it.`
      return placed
    }
    case 'virtual-disk': {
      if (!vm) return { ok: false, reason: host ? `${article(label)} goes into a virtual machine${insteadIn(host, kind)}` : goes(plan, kind, at) }
      // The id follows the name, as a VM's does: "Data 2" of EX01 is ex01-data-2.
      const disk = newVirtualDisk('', kind as DiskKind, vm, host!)
      return withId(ids, `${vm.id}-${disk.name.toLowerCase().replace(/ /g, '-')}`, (id) => ({ op: 'add-virtual-disk', vm: vm.id, disk: { ...disk, id } }))
    }
    case 'lun':
      if (!array) return { ok: false, reason: goes(plan, kind, at) }
      // A NAS array's LUNs are its shares (plan-format.md), and are named so; numbered from 0, as LUNs are.
      return withId(ids, `${array.id}-lun`, (id) => ({ op: 'add-lun', array: array.id, lun: { id, name: firstFree(lunLabel(array.protocol), array.luns.map((lun) => lun.name), 0), sizeGB: 500 } }))
    case 'role': {
      const role = kind as ExchangeRole
      const server = vm ?? (host && (parentOf || host.hypervisor === 'none') ? host : null)
      if (!server) return { ok: false, reason: host ? `${article(label)} role goes ${WHERE.role}${insteadIn(host, kind)}` : goes(plan, kind, at) }
      if (!vm && !hasWindowsHostOs((server as Host).hypervisor)) {
        return { ok: false, reason: `${server.name} runs its hypervisor on the hardware itself, with no Windows host OS for Exchange: put the ${label} role on a VM` }
      }
      const install = vm ? vm.exchange : (server as Host).parent.exchange
      if (install?.roles.includes(role)) return { ok: false, reason: `${server.name} already has the ${label} role` }
      const placed: Placement = { ok: true, id: server.id, edit: { op: 'add-role', server: server.id, role, install: install ?? defaultInstall(plan, role, host!, vm) } }
      // Accepted, as a plan file may hold it, but the one place in a host that is never supported: say so.
      if (!vm && isHyperV(server as Host)) {
        placed.unsupported = true
        placed.note = `${server.name}'s parent partition now runs Exchange (${label}), which Microsoft does not support: Findings says why. Undo, and ${host!.vms.length > 0 ? 'put the role on one of its virtual machines instead' : `add a virtual machine to ${server.name} for it instead`}.`
      }
      return placed
    }
  }
  return { ok: false, reason: `${label} cannot go there` }
}

/**
 * Where in a host a disk or a role refused there can go: one of its VMs (a role on the parent
 * partition makes Exchange run there, which is unsupported, so that is not offered).
 */
function insteadIn(host: Host, kind: PaletteKind): string {
  if (host.hypervisor === 'none') return `; ${host.name} is a bare-metal server and runs no virtual machines`
  if (host.vms.length === 0) return `; ${host.name} has no virtual machine yet: add one to it first`
  const taker = host.vms.find((vm) => takes(vm.exchange, kind))
  if (taker) return `: put it on one of ${host.name}'s virtual machines, such as ${taker.name}`
  // Every VM has the role already (or, for Edge Transport, another role): say so, as the reason for a new VM.
  const one = host.vms.length === 1
  const names = joinAnd(host.vms.map((vm) => vm.name))
  const why = isRoleKind(kind) && host.vms.every((vm) => vm.exchange?.roles.includes(kind)) ? `${names} ${one ? 'has' : 'have'} it already`
    : kind === 'edge-transport' ? `${names} already ${one ? 'runs' : 'run'} Exchange, and Edge Transport stands alone`
    : one ? `${names} cannot take it` : `none of ${names} can take it`
  return `: ${why}, so add a virtual machine to ${host.name} for it`
}

/**
 * Whether a server with this Exchange install is a place to suggest for the item: any, for a disk; for
 * a role, one without it, and for Edge Transport one with no Exchange yet (it runs alone).
 */
function takes(install: ExchangeInstall | null, kind: PaletteKind): boolean {
  if (!isRoleKind(kind)) return true
  return kind === 'edge-transport' ? install === null : !install?.roles.includes(kind) && !install?.roles.includes('edge-transport')
}

type KindClass = 'vm' | 'physical-disk' | 'virtual-disk' | 'lun' | 'role' | 'top'
function kindClass(kind: PaletteKind): KindClass {
  if (isTopLevelKind(kind)) return 'top'
  if (kind === 'vm' || kind === 'physical-disk' || kind === 'lun') return kind
  return isRoleKind(kind) ? 'role' : 'virtual-disk'
}
const WHERE: Record<KindClass, string> = {
  vm: 'into a host', 'physical-disk': 'into a host', 'virtual-disk': 'into a virtual machine', lun: 'into a storage array',
  role: 'onto a virtual machine or a bare-metal server', top: 'on the canvas',
}
const GENERIC = new Set(['Host', 'Virtual machine', 'Physical disk', 'Pass-through disk', 'Storage array', 'Bare-metal server'])
/** "A virtual machine", "An Edge Transport", "A LUN": the label as it reads inside a sentence. */
const article = (label: string) => {
  const word = GENERIC.has(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label
  return `${/^[AEIOUaeiou]/.test(word) && !/^Uni/.test(word) ? 'An' : 'A'} ${word}`
}

function withId(ids: Set<string>, base: string, make: (id: string) => Edit): Placement {
  const id = uniqueId(ids, base)
  return { ok: true, id, edit: make(id) }
}

/** `base`, or `base-2`, `base-3`… whichever is free first. */
export function uniqueId(ids: ReadonlySet<string>, base: string): string {
  const clean = base.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 56) || 'item'
  if (!ids.has(clean)) return clean
  for (let n = 2; ; n++) if (!ids.has(`${clean}-${n}`)) return `${clean}-${n}`
}

/** The names of hosts and VMs: a new server's name repeats none of them. */
export const serverNames = (plan: Plan): Set<string> => new Set(plan.hosts.flatMap((host) => [host.name, ...host.vms.map((vm) => vm.name)]))

function nextName(plan: Plan, prefix: string, _hint: number): string {
  const names = serverNames(plan)
  for (let n = 1; ; n++) {
    const name = `${prefix}${String(n).padStart(2, '0')}`
    if (!names.has(name)) return name
  }
}

function addHost(plan: Plan, ids: Set<string>, bareMetal: boolean): Placement {
  const name = nextName(plan, bareMetal ? 'SRV' : 'HV', plan.hosts.length)
  const id = uniqueId(ids, name.toLowerCase())
  const like = bareMetal ? null : likeMostHosts(plan)
  const host: Host = {
    id, name,
    hardware: like ? { ...like.hardware } : { sockets: 2, coresPerSocket: 4, threadsPerCore: 1, ramGB: 32, x64: true, hardwareVirtualization: true, dep: true, certified: true },
    hypervisor: bareMetal ? 'none' : like?.hypervisor ?? 'hyper-v-2008', svvpValidated: false, hyperVRtmUpdate: true, cluster: null, mobility: 'none',
    parent: {
      edition: like?.parent.edition ?? 'enterprise', installation: like?.parent.installation ?? (bareMetal ? 'full' : 'core'),
      roles: bareMetal ? [] : ['hyper-v'], applications: [], exchange: null, backup: { method: 'none' },
    },
    disks: [{ id: uniqueId(new Set([...ids, id]), `${id}-system`), name: 'System disk', sizeGB: 146, online: true, contents: ['os'], lun: null }],
    vms: [],
  }
  return { ok: true, id, edit: { op: 'add-host', host } }
}

/**
 * The Hyper-V host a new one is made like: of the Hyper-V version most of the plan's hosts run, the
 * last of them (its hardware, edition and installation), so a host added to a Windows Server 2019
 * cluster is a 2019 host too. None in a plan without Hyper-V hosts: the seed article's 2008 then.
 */
function likeMostHosts(plan: Plan): Host | null {
  const byVersion = new Map<Host['hypervisor'], Host[]>()
  for (const host of plan.hosts) {
    if (!isHyperV(host)) continue
    const same = byVersion.get(host.hypervisor)
    if (same) same.push(host)
    else byVersion.set(host.hypervisor, [host])
  }
  const most = [...byVersion.values()].sort((a, b) => b.length - a.length)[0]
  return most?.at(-1) ?? null
}

function addArray(plan: Plan, ids: Set<string>): Placement {
  const name = firstFree('SAN', plan.storage.map((array) => array.name), 1)
  const id = uniqueId(ids, name.toLowerCase().replace(/ /g, ''))
  return { ok: true, id, edit: { op: 'add-array', array: { id, name, protocol: 'iscsi', luns: [] } } }
}

/**
 * `${prefix} ${n}` for the first n from `from` that no name in `names` numbers already: "SAN1", "SAN 1"
 * and "Disk 1 (RAID 1, host OS)" each take their number.
 */
function firstFree(prefix: string, names: readonly string[], from: number): string {
  const numbered = new RegExp(`^${prefix}\\s*(\\d+)(?!\\d)`, 'i')
  const taken = new Set(names.map((name) => numbered.exec(name)?.[1]).filter((n) => n !== undefined).map(Number))
  let n = from
  while (taken.has(n)) n += 1
  return `${prefix} ${n}`
}

/**
 * Why an item cannot go where it was dropped, when that is not in a host (where `insteadIn` points at
 * the host's own VMs): where it goes, one such place of the plan, and what it was dropped on.
 */
function goes(plan: Plan, kind: PaletteKind, at: Located | null): string {
  const cls = kindClass(kind)
  const example = exampleFor(plan, kind)
  return `${article(paletteLabel(kind))}${cls === 'role' ? ' role' : ''} goes ${WHERE[cls]}${example ? `, such as ${example}` : ''}${at ? `, not ${cls === 'role' ? 'onto' : 'into'} ${described(at)}` : ''}`
}

/** The first place in the plan an item of this kind can go, by name. */
function exampleFor(plan: Plan, kind: PaletteKind): string | undefined {
  const vms = () => plan.hosts.flatMap((host) => host.vms)
  switch (kindClass(kind)) {
    case 'vm': return plan.hosts.find((host) => host.hypervisor !== 'none')?.name
    case 'physical-disk': return plan.hosts[0]?.name
    case 'virtual-disk': return vms()[0]?.name
    case 'lun': return plan.storage[0]?.name
    case 'role': return (vms().find((vm) => takes(vm.exchange, kind)) ?? plan.hosts.find((host) => host.hypervisor === 'none' && takes(host.parent.exchange, kind)))?.name
    case 'top': return undefined
  }
}

/** An entity as a refusal names it: "the storage array SAN1", "LUN 1 of SAN1", "HV01's disk Data". */
function described(at: Located): string {
  switch (at.kind) {
    case 'host': return `${at.host.hypervisor === 'none' ? 'the bare-metal server' : 'the host'} ${at.host.name}`
    case 'vm': return `the virtual machine ${at.vm.name}`
    case 'virtual-disk': return `${at.vm.name}'s disk ${at.disk.name}`
    case 'physical-disk': return `${at.host.name}'s disk ${at.disk.name}`
    case 'storage-array': return `the storage array ${at.array.name}`
    case 'lun': return `${at.lun.name} of ${at.array.name}`
  }
}

/**
 * The guest OS a new VM on a Hyper-V version is most likely to run: the Windows Server of that
 * version. Other hypervisors (and Windows Server 2008) get the seed article's Windows Server 2008 x64.
 */
const GUEST_FOR_HYPERVISOR: Partial<Record<Host['hypervisor'], GuestOs>> = {
  'hyper-v-2008-r2': 'ws2008-r2-sp1', 'hyper-v-server-2008-r2': 'ws2008-r2-sp1', 'hyper-v-2012': 'ws2012', 'hyper-v-2012-r2': 'ws2012-r2',
  'hyper-v-2016': 'ws2016', 'hyper-v-2019': 'ws2019', 'hyper-v-2022': 'ws2022', 'hyper-v-2025': 'ws2025',
}

/** A new VM's guest OS: what most VMs of its host run, or the Windows Server of the host's Hyper-V. */
function guestFor(host: Host): GuestOs {
  const counts = new Map<GuestOs, number>()
  for (const vm of host.vms) counts.set(vm.guestOs, (counts.get(vm.guestOs) ?? 0) + 1)
  const common = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0]
  return common ?? GUEST_FOR_HYPERVISOR[host.hypervisor] ?? 'ws2008-x64'
}

export function newVm(id: string, name: string, guestOs: GuestOs = 'ws2008-x64'): Vm {
  return {
    id, name, guestOs, integrationComponents: 'rtm', vcpus: 2, ramGB: 8, dynamicMemory: false, snapshots: 0,
    stopAction: 'shutdown', roles: [], network: [{ adapter: 'synthetic', switch: 'external' }], disks: [], exchange: null, backup: { method: 'none' },
  }
}

/**
 * A new disk: the VM's first disk is its boot disk, on IDE 0, or on SCSI 0 where the VM can be a
 * Generation 2 one (Hyper-V from 2012 R2, a guest from Windows Server 2012, nothing on IDE yet, and a
 * VHDX or a pass-through disk: a Generation 2 VM boots from no VHD); later ones go on SCSI, named
 * "Data 1", "Data 2"… (the first number no disk of the VM has, "Data 2 (logs)" taking 2, as host disks
 * and LUNs count theirs): "Disk N" was also what host disks are called, and its number was the VM's
 * count of disks, which a deleted disk left repeating.
 */
export function newVirtualDisk(id: string, kind: DiskKind, vm: Vm, host?: Host): VirtualDisk {
  const guest = kind === 'iscsi-guest' || kind === 'fc-guest'
  const boot = !guest && !vm.disks.some((disk) => disk.contents.includes('os'))
  const scsiBoot = host !== undefined && GENERATION_2_BOOT.includes(kind) && canBeGeneration2(vm, host)
  return {
    id, name: boot ? 'Boot' : firstFree('Data', vm.disks.map((disk) => disk.name), 1), kind,
    controller: guest ? null : boot && !scsiBoot ? 'ide0' : 'scsi0',
    sizeGB: boot ? Math.max(40, Math.ceil(15 + vm.ramGB)) : 200, backing: null, contents: boot ? ['os', 'pagefile'] : [],
  }
}

const GENERATION_2_BOOT: readonly DiskKind[] = ['fixed-vhdx', 'dynamic-vhdx', 'pass-through']

/** Whether a VM on this host could be Generation 2, as the rules judge it (vmGeneration), with its boot disk on SCSI. */
const canBeGeneration2 = (vm: Vm, host: Host): boolean =>
  vmGeneration({ ...vm, disks: [...vm.disks, { id: '', name: '', kind: 'fixed-vhdx', controller: 'scsi0', sizeGB: 1, backing: null, contents: ['os'] }] }, host) === 2

/**
 * The Exchange a VM of a guest OS is most likely meant for, when the plan has none yet: the newest
 * version that runs on that Windows, at its last update. Others (and a host's own OS) get the seed
 * article's Exchange 2007 SP1.
 */
const VERSION_FOR_GUEST: Partial<Record<GuestOs, ExchangeVersion>> = {
  'ws2003-x86': '2003', 'ws2003-sp2-x86': '2003',
  'ws2008-r2': '2010', 'ws2008-r2-sp1': '2010',
  'ws2012': '2013', 'ws2012-r2': '2013',
  'ws2016': '2016', 'ws2019': '2019', 'ws2022': '2019', 'ws2025': 'se',
}
const exchangeForGuest = (guest: GuestOs): Pick<ExchangeInstall, 'version' | 'update'> | undefined => {
  const version = VERSION_FOR_GUEST[guest]
  return version && { version, update: latestUpdate(version) }
}

/** Every version at its last update, newest first: tried last, when neither the plan's nor the guest OS's runs there. */
const NEWEST_FIRST: readonly Pick<ExchangeInstall, 'version' | 'update'>[] = [...EXCHANGE_VERSIONS].reverse()
  .map((version) => ({ version, update: latestUpdate(version) }))

/**
 * A new Exchange install takes the version most servers in the plan already run, or the one for the
 * VM's guest OS (2007 SP1 otherwise), whichever of them the server can run: the first that adds no
 * error to its host, as the rules see it (the guest OS and hypervisor each version supports), or,
 * where every one does, the one that adds fewest.
 */
function defaultInstall(plan: Plan, role: ExchangeRole, host: Host, vm: Vm | null): ExchangeInstall {
  const counts = new Map<string, { n: number; install: Pick<ExchangeInstall, 'version' | 'update'> }>()
  for (const other of plan.hosts) {
    for (const install of [other.parent.exchange, ...other.vms.map((each) => each.exchange)]) {
      if (!install) continue
      const key = `${install.version}/${install.update}`
      counts.set(key, { n: (counts.get(key)?.n ?? 0) + 1, install })
    }
  }
  // The Windows the Exchange would run on: the VM's guest OS, or, on a host's own OS, its Hyper-V's Windows Server.
  const windows = vm ? vm.guestOs : isHyperV(host) ? GUEST_FOR_HYPERVISOR[host.hypervisor] ?? 'ws2008-x64' : undefined
  const forWindows = windows && (exchangeForGuest(windows) ?? { version: '2007', update: 'sp1' })
  const inPlan = [...counts.values()].sort((a, b) => b.n - a.n).map(({ install }) => install)
  if (inPlan.length === 0) return { ...(forWindows || { version: '2007', update: 'sp1' }), roles: [role], cluster: null }
  // A host's own OS: that Windows's Exchange first, as every version is unsupported in a parent partition alike.
  const candidates = vm ? [...inPlan, ...(forWindows ? [forWindows] : []), ...NEWEST_FIRST] : [...(forWindows ? [forWindows] : []), ...inPlan]
  // Each version and update once: the plan's may also be the guest's or the newest, and each try validates the host.
  const made = [...new Map(candidates.map(({ version, update }) => [`${version}/${update}`, { version, update }])).values()]
    .map(({ version, update }): ExchangeInstall => ({ version, update, roles: [role], cluster: null }))
  // Only the server's host is validated: what a version can run on is a matter of its guest OS and hypervisor.
  const errorsWith = (install: ExchangeInstall | null): Set<string> => {
    const changed: Host = vm
      ? { ...host, vms: host.vms.map((each) => (each === vm ? { ...each, exchange: install } : each)) }
      : { ...host, parent: { ...host.parent, exchange: install } }
    return new Set(validate({ ...plan, hosts: [changed] }).filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.subject}`))
  }
  const before = errorsWith(null)
  let best = made[0]!
  let fewest = Infinity
  for (const install of made) {
    let added = 0
    for (const error of errorsWith(install)) if (!before.has(error)) added += 1
    if (added === 0) return install
    if (added < fewest) [best, fewest] = [install, added]
  }
  return best
}
