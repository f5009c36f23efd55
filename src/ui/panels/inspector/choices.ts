/**
 * The choices the inspector offers, derived from the plan: which disks or LUNs a disk can be
 * connected to, which updates an Exchange version has, and the edits that keep a virtual disk
 * consistent when its kind changes. Pure, so it is tested without a browser.
 */
import {
  capitalize, CONTROLLER_LABELS, exchangeUpdates, DISK_KIND_LABELS, liveMoveName, hypervisorName, HYPERVISOR_LABELS, logicalProcessors, EXCHANGE_VERSION_LABELS, FILE_DISK_KINDS, GUEST_ATTACHED_KINDS, joinAnd, locate, locatedName,
  PROTOCOL_LABELS, roleNames, updateLabel, lacksRole, WINDOWS_ROLE_LABELS, CLUSTER_WORDS, VERSION_CLUSTERS, clusterKindMissing, enterpriseGone, sameRelease, type DiskKind, type Edit, type ExchangeInstall, type ExchangeVersion,
  BACKUP_METHOD_LABELS, CHECKPOINT_HYPERVISORS, hasWindowsHostOs, SVVP_HYPERVISORS, isHyperVHypervisor, MOBILITY, VIRTUAL_SERVER_HYPERVISORS, MOBILITY_LABELS, type Host, type Hypervisor, type PhysicalDisk, type Plan, type VirtualDisk, type Vm,
} from '../../../core/index.ts'

type Mobility = Host['mobility']
type BackupMethod = Host['parent']['backup']['method']

export interface Choice { value: string; label: string }
export interface ChoiceGroup { group: string; options: Choice[] }
export type ChoiceItem = Choice | ChoiceGroup

/**
 * The ways a host of this hypervisor can move running VMs, in its own words: Quick Migration is
 * Hyper-V's alone, and VMware calls live migration vMotion; Windows Server 2008 Hyper-V has Quick
 * Migration only, Virtual Server neither. A value the plan already holds stays offered, marked, so
 * nothing is hidden or changed by opening the Inspector.
 */
export function mobilityChoices(hypervisor: Hypervisor, current: Mobility): Choice[] {
  // The rules' own words for a live move (null where the hypervisor has none); bare metal moves nothing.
  const live = hypervisor === 'none' ? null : liveMoveName({ hypervisor })
  const offered: Mobility[] = hypervisor === 'none' ? ['none']
    : ['none', ...(isHyperVHypervisor(hypervisor) ? ['quick-migration' as const] : []), ...(live === null ? [] : ['live-migration' as const])]
  // A menu item starts with a capital, but a brand keeps its own (vMotion).
  const label = (mobility: Mobility) => (mobility !== 'live-migration' || live === null ? MOBILITY_LABELS[mobility] : live === 'vMotion' ? live : capitalize(live))
  return MOBILITY.filter((mobility) => offered.includes(mobility) || mobility === current).map((mobility) => ({
    value: mobility,
    label: offered.includes(mobility) ? label(mobility) : `${label(mobility)} (not on ${HYPERVISOR_LABELS[hypervisor]})`,
  }))
}

/** The way a host of `hypervisor` moves VMs that is nearest to `mobility`, where it has no such way. */
function nearestMobility(hypervisor: Hypervisor, mobility: Mobility): Mobility {
  const offered = new Set(mobilityChoices(hypervisor, 'none').map((choice) => choice.value as Mobility))
  if (offered.has(mobility)) return mobility
  // Quick Migration and live migration both move a running VM: each stands in for the other.
  const other: Mobility = mobility === 'quick-migration' ? 'live-migration' : 'quick-migration'
  return mobility !== 'none' && offered.has(other) ? other : 'none'
}

/**
 * What changing a host's hypervisor does, as the edits and the words of a notice (null when only the
 * hypervisor changes): the Hyper-V Windows role is on the host OS exactly when the host runs
 * Hyper-V, Virtual Server's Windows has no Server Core, and VM mobility becomes the nearest way the
 * new hypervisor has.
 */
export function hypervisorChange(host: Host, hypervisor: Hypervisor): { edits: Edit[]; note: string | null; refused?: string } {
  // The core refuses it too (a bare-metal server holds no VMs); here it is said from where the user stands.
  if (hypervisor === 'none' && host.vms.length > 0) {
    const vms = host.vms.length === 1 ? `${host.vms[0]!.name}, a VM` : `${host.vms.length} VMs`
    return { edits: [], note: null, refused: `${host.name} runs ${vms}, so it cannot become a bare-metal server: move ${host.vms.length === 1 ? 'it' : 'them'} to another host, or delete ${host.vms.length === 1 ? 'it' : 'them'}, first.` }
  }
  const set = (field: string, value: unknown): Edit => ({ op: 'set', target: host.id, field, value })
  const edits = [set('hypervisor', hypervisor)]
  const done: string[] = []
  const roles = host.parent.roles
  if (isHyperVHypervisor(hypervisor) && !roles.includes('hyper-v')) {
    edits.push(set('parent.roles', ['hyper-v', ...roles]))
    done.push('its host OS has the Hyper-V role')
  }
  if (!isHyperVHypervisor(hypervisor) && roles.includes('hyper-v')) {
    edits.push(set('parent.roles', roles.filter((role) => role !== 'hyper-v')))
    done.push(hasWindowsHostOs(hypervisor) ? 'its host OS no longer has the Hyper-V role' : 'the Hyper-V role is off (it has no Windows host OS)')
  }
  if (VIRTUAL_SERVER_HYPERVISORS.includes(hypervisor) && host.parent.installation === 'core') {
    edits.push(set('parent.installation', 'full'))
    done.push('its host OS is a full installation (Server Core came with Windows Server 2008)')
  }
  // The flags of one hypervisor go back to their defaults with it, rather than stay in the file unseen.
  for (const [field, flag] of Object.entries(HOST_FLAGS) as [HostFlag, (typeof HOST_FLAGS)[HostFlag]][]) {
    if (flag.means(hypervisor) || host[field] === flag.otherwise) continue
    edits.push(set(field, flag.otherwise))
    done.push(flag.reset)
  }
  const mobility = nearestMobility(hypervisor, host.mobility)
  if (mobility !== host.mobility) {
    edits.push(set('mobility', mobility))
    const label = mobilityChoices(hypervisor, mobility).find((choice) => choice.value === mobility)!.label
    done.push(mobility === 'none' ? 'it no longer moves running VMs' : `it moves VMs by ${label}`)
  }
  const now = hypervisor === 'none' ? `${host.name} is now a bare-metal server` : `${host.name} now runs ${HYPERVISOR_LABELS[hypervisor]}`
  return { edits, note: done.length === 0 ? null : `${now}, so ${joinAnd(done)}.` }
}

type HostFlag = 'svvpValidated' | 'hyperVRtmUpdate'

/**
 * The host's flags that belong to one kind of hypervisor: where each means something, its value
 * elsewhere (the format's default), and what the Inspector says of it.
 */
const HOST_FLAGS: Record<HostFlag, { label: string; means: (hypervisor: Hypervisor) => boolean; otherwise: boolean; note: string; reset: string }> = {
  svvpValidated: {
    label: 'SVVP validated', means: (hypervisor) => SVVP_HYPERVISORS.includes(hypervisor), otherwise: false,
    note: 'Set in this plan, though only VMware ESX and other third-party hypervisors are SVVP validated.',
    reset: 'it is no longer marked SVVP validated (a mark for VMware ESX and other third-party hypervisors)',
  },
  hyperVRtmUpdate: {
    label: 'Hyper-V RTM update installed (KB950050)', means: (hypervisor) => hypervisor === 'hyper-v-2008', otherwise: true,
    note: 'Set in this plan, though only Windows Server 2008 Hyper-V shipped before its RTM update.',
    reset: 'the Hyper-V RTM update, which only Windows Server 2008 Hyper-V lacked at first, counts as installed',
  },
}

/**
 * The host's hypervisor flags the Inspector shows: each where it means something, and wherever a
 * file set it away from its default, then with a note, so that it can be seen and cleared.
 */
export function hostFlags(host: Host): { field: HostFlag; label: string; note: string | null }[] {
  return (Object.entries(HOST_FLAGS) as [HostFlag, (typeof HOST_FLAGS)[HostFlag]][])
    .filter(([field, flag]) => flag.means(host.hypervisor) || host[field] !== flag.otherwise)
    .map(([field, flag]) => ({ field, label: flag.label, note: flag.means(host.hypervisor) ? null : flag.note }))
}

/**
 * A VM's guest tools field, with its choices: labelled "Integration components" (the format's name)
 * on every host, so that it is found by one name, with a note where the host calls them otherwise
 * (integration services from Windows Server 2012 R2, Virtual Server's Virtual Machine Additions,
 * VMware Tools). The pre-release (beta) level is Hyper-V 2008's alone; a value the plan holds stays offered, marked.
 */
export function guestToolsField(hypervisor: Hypervisor, current: Vm['integrationComponents']): { label: string; note: string | null; choices: Choice[] } {
  const hyperV = isHyperVHypervisor(hypervisor)
  const name = hyperV
    ? (CHECKPOINT_HYPERVISORS.includes(hypervisor) ? 'Integration services' : 'Integration components')
    : VIRTUAL_SERVER_HYPERVISORS.includes(hypervisor) ? 'Virtual Machine Additions' : hypervisor === 'vmware-esx' ? 'VMware Tools' : 'Guest tools'
  const offered: Vm['integrationComponents'][] = hypervisor === 'hyper-v-2008' || hypervisor === 'hyper-v-server-2008' ? ['none', 'beta', 'rtm'] : ['none', 'rtm']
  const words: Record<Vm['integrationComponents'], string> = hyperV
    ? { none: 'Not installed', beta: 'Beta (pre-release)', rtm: 'RTM' }
    : { none: 'Not installed', beta: 'Pre-release', rtm: 'Installed' }
  const choices = (['none', 'beta', 'rtm'] as const).filter((level) => offered.includes(level) || level === current).map((level) => ({
    value: level,
    label: offered.includes(level) ? words[level] : `${words[level]} (not on ${HYPERVISOR_LABELS[hypervisor]})`,
  }))
  // The field keeps the format's name wherever the VM runs; the host's own word for it is a note.
  const label = 'Integration components'
  return { label, note: name === label ? null : `${HYPERVISOR_LABELS[hypervisor]} calls them ${name}.`, choices }
}

/** What a backup method is called on a host of this hypervisor: a host-level VSS backup is Hyper-V's writer only under Hyper-V. */
export function backupMethodChoices(hypervisor: Hypervisor | null): Choice[] {
  const hostVss = hypervisor === null || isHyperVHypervisor(hypervisor) ? BACKUP_METHOD_LABELS['host-vss']
    : hypervisor === 'vmware-esx' ? 'VSS-quiesced image from the host (vSphere)'
      : VIRTUAL_SERVER_HYPERVISORS.includes(hypervisor) ? 'Virtual Server VSS from the host' : 'VSS-quiesced image from the host'
  return choicesOf({ ...BACKUP_METHOD_LABELS, 'host-vss': hostVss })
}

/**
 * The backup methods of a host's own OS (a bare-metal server, or a Hyper-V parent partition running
 * Exchange). Its files are its own, not a VM's; and a bare-metal server has no hypervisor to take a
 * host-level VSS backup, so that method is offered only while a plan has it (its finding says why).
 */
export function ownOsBackupChoices(host: Host, current: BackupMethod): Choice[] {
  const labels: Record<BackupMethod, string> = { ...BACKUP_METHOD_LABELS, 'host-file-copy': 'File copy (not Exchange-aware)' }
  // Hyper-V's writer is Hyper-V's: on another hypervisor's host OS, a host-level VSS backup is one of itself.
  if (host.hypervisor !== 'none' && !isHyperVHypervisor(host.hypervisor)) labels['host-vss'] = 'VSS backup of the host itself'
  if (host.hypervisor !== 'none') return choicesOf(labels)
  return choicesOf(labels).filter((choice) => choice.value !== 'host-vss' || current === 'host-vss')
    .map((choice) => (choice.value === 'host-vss' ? { ...choice, label: 'Hyper-V VSS from a host (there is none)' } : choice))
}

/**
 * A note for a server (VM, host or bare-metal server) whose name another server has too, or null:
 * findings and the canvas name servers by their names, and two of one name read as one.
 */
export function sameNameNote(plan: Plan, id: string, name: string): string | null {
  // Windows computer names ignore case, and spaces around a name do not tell it apart on screen.
  const key = (text: string) => text.trim().toLowerCase()
  const own = key(name)
  const others: string[] = []
  for (const host of plan.hosts) {
    if (host.id !== id && key(host.name) === own) others.push(`${host.hypervisor === 'none' ? 'the bare-metal server' : 'the host'} ${host.id} ("${host.name}")`)
    for (const vm of host.vms) if (vm.id !== id && key(vm.name) === own) others.push(`the VM ${vm.id} on ${host.name} ("${vm.name}")`)
  }
  if (others.length === 0) return null
  return `${joinAnd(others)} ${others.length === 1 ? 'has' : 'have'} this name too, as Windows compares names (case and spaces aside): findings and the diagram will name ${others.length === 1 ? 'both' : 'them all'} alike, and on one network they clash. Give each server a name of its own.`
}

/** The value a select uses for null ("Not connected", "Local disk", "None"). */
export const NONE = ''

/** `[value, label]` choices from a label map, in the map's order. */
export const choicesOf = (labels: Readonly<Record<string, string>>): Choice[] =>
  Object.entries(labels).map(([value, label]) => ({ value, label }))

export const WINDOWS_ROLE_CHOICES = choicesOf(WINDOWS_ROLE_LABELS)

const gb = (size: number) => `${size} GB`

/** Every LUN of the plan, grouped by storage array. */
export function lunChoices(plan: Plan): ChoiceGroup[] {
  return plan.storage
    .filter((array) => array.luns.length > 0)
    .map((array) => ({
      group: `${array.name} (${PROTOCOL_LABELS[array.protocol]})`,
      options: array.luns.map((lun) => ({ value: lun.id, label: `${lun.name} · ${gb(lun.sizeGB)}` })),
    }))
}

export const isGuestAttached = (kind: DiskKind): boolean => GUEST_ATTACHED_KINDS.includes(kind)

/**
 * What a virtual disk can be backed by: a LUN for the guest's own initiator or HBA, otherwise a
 * disk of the host the VM runs on, each marked when another VM already has it passed through (the
 * whole disk is that VM's). "Not connected" always comes first.
 */
export function backingChoices(plan: Plan, host: Host, disk: Pick<VirtualDisk, 'kind'> & { id?: string }): ChoiceItem[] {
  const none: Choice = { value: NONE, label: 'Not connected' }
  if (isGuestAttached(disk.kind)) return [none, ...lunChoices(plan)]
  const passedTo = new Map<string, string[]>()
  for (const other of host.vms) {
    for (const own of other.disks) {
      if (own.kind !== 'pass-through' || own.backing === null || own.id === disk.id) continue
      passedTo.set(own.backing, [...(passedTo.get(own.backing) ?? []), other.name])
    }
  }
  const disks = host.disks.map((d) => {
    const taken = passedTo.get(d.id)
    return { value: d.id, label: `${d.name} · ${gb(d.sizeGB)}${d.online ? '' : ' (offline)'}${taken ? ` · passed through to ${joinAnd([...new Set(taken)])}` : ''}` }
  })
  return disks.length > 0 ? [none, { group: `Disks of ${host.name}`, options: disks }] : [none]
}

/** Whether `value` is one of the choices (a stale or foreign value is then shown apart). */
export function hasChoice(items: readonly ChoiceItem[], value: string): boolean {
  return items.some((item) => ('group' in item ? item.options.some((o) => o.value === value) : item.value === value))
}

/**
 * The updates a version has (service packs up to 2010, cumulative updates from 2013: the core's one
 * table); the current value is kept in the list even when it is unusual, so a plan is never silently changed.
 */
export function updateChoices(version: ExchangeVersion, current?: string): Choice[] {
  const values = [...exchangeUpdates(version)]
  if (current && !values.includes(current)) values.push(current)
  // Exchange 2013's one service pack shipped as CU4: an architect looking for "SP1" finds it.
  return values.map((value) => ({ value, label: version === '2013' && value === 'cu4' ? 'CU4 (SP1)' : updateLabel(value) }))
}

/** The install after a version change: the update is kept when the new version has it, else RTM. */
export function withVersion(install: ExchangeInstall, version: ExchangeVersion): ExchangeInstall {
  const keeps = updateChoices(version).some((choice) => choice.value === install.update)
  return { ...install, version, update: keeps ? install.update : 'rtm' }
}

/**
 * The edits that change a virtual disk's kind and keep it valid at every step: a backing of the
 * wrong sort (host disk versus LUN) is disconnected first, and the controller follows the kind
 * (none for a guest initiator; IDE 0 for a boot disk, SCSI 0 otherwise).
 */
export function kindChangeEdits(disk: VirtualDisk, kind: DiskKind): Edit[] {
  const set = (field: string, value: unknown): Edit => ({ op: 'set', target: disk.id, field, value })
  const guest = isGuestAttached(kind)
  const edits: Edit[] = []
  if (disk.backing !== null && guest !== isGuestAttached(disk.kind)) edits.push(set('backing', null))
  // A guest kind may keep a controller but no other kind may lack one, so the controller is set
  // before the kind when leaving a guest kind and cleared after it when entering one.
  if (!guest && disk.controller === null) edits.push(set('controller', disk.contents.includes('os') ? 'ide0' : 'scsi0'))
  edits.push(set('kind', kind))
  if (guest && disk.controller !== null) edits.push(set('controller', null))
  return edits
}

/**
 * What a kind change takes from a disk besides its kind (its connection, its controller), in words
 * for a notice, or null when it takes nothing: nothing is dropped without a word.
 */
export function kindChangeLosses(disk: VirtualDisk, kind: DiskKind, plan: Plan): string | null {
  const guest = isGuestAttached(kind)
  const lost: string[] = []
  if (disk.backing !== null && guest !== isGuestAttached(disk.kind)) {
    const backing = locate(plan, disk.backing)
    lost.push(`disconnected from ${backing ? locatedName(backing) : disk.backing}`)
  }
  if (guest && disk.controller !== null) lost.push(`taken off ${CONTROLLER_LABELS[disk.controller]}`)
  if (lost.length === 0) return null
  const why = guest
    ? `the guest reaches its LUN through its own ${kind === 'fc-guest' ? 'Fibre Channel adapter' : 'initiator'}; choose the LUN under Storage`
    : 'its data lives on a host disk; choose it under Storage'
  return `${disk.name} is now ${kindInSentence(kind)}, so it was ${joinAnd(lost)}: ${why}.`
}

/** "a fixed VHD", "an iSCSI disk (guest initiator)", "a Fibre Channel disk (guest HBA)". */
function kindInSentence(kind: DiskKind): string {
  const label = DISK_KIND_LABELS[kind]
  const word = label.startsWith('Fibre') ? label : label.charAt(0).toLowerCase() + label.slice(1)
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`
}

/** What a version change takes from an install (an update the new version has not), or null. */
export function versionChangeLoss(install: ExchangeInstall, version: ExchangeVersion): string | null {
  const next = withVersion(install, version)
  if (next.update === install.update) return null
  const now = `The update is now ${updateLabel(next.update)}: ${EXCHANGE_VERSION_LABELS[version]}`
  // From 2013 on a version is updated by cumulative updates; 2013's one service pack shipped as CU4.
  if (install.update.startsWith('sp') && exchangeUpdates(version).includes('cu1')) {
    return `${now} is updated by cumulative updates, not service packs${version === '2013' ? ' (its SP1 is CU4)' : ''}: choose its update under Update.`
  }
  return `${now} has no ${updateLabel(install.update)}.`
}

/** Where the roles a version does not have (VERSION_ROLES) went, for the Inspector's note. */
const WHERE_ROLES_WENT: Partial<Record<ExchangeVersion, string>> = {
  '2003': 'its servers are back-end (Mailbox) or front-end (Client Access) servers, and server roles came with Exchange Server 2007',
  '2013': 'its transport and Unified Messaging run as services of Mailbox and Client Access',
  '2016': 'its client access, transport and Unified Messaging run as services of the Mailbox role',
  '2019': 'client access and transport run as services of the Mailbox role, and Unified Messaging was removed',
  se: 'client access and transport run as services of the Mailbox role, and Unified Messaging was removed',
}

/** A note for an install that lists roles its version does not have (the core's lacksRole), or null. */
export function rolesNotInVersion(install: ExchangeInstall): string | null {
  const extra = install.roles.filter((role) => lacksRole(install.version, role))
  if (extra.length === 0) return null
  return `${EXCHANGE_VERSION_LABELS[install.version]} has no ${roleNames(extra)}: ${WHERE_ROLES_WENT[install.version]}.`
}

/**
 * A note for a VHD or VHDX file on a host disk that is offline in Disk Management, where the host
 * cannot keep files until it is brought online; null otherwise. (No rule of the catalogue covers it.)
 */
export function offlineBackingNote(host: Host, disk: VirtualDisk): string | null {
  if (!FILE_DISK_KINDS.includes(disk.kind) || disk.backing === null) return null
  const hostDisk = host.disks.find((candidate) => candidate.id === disk.backing)
  if (!hostDisk || hostDisk.online) return null
  return `${host.name}'s ${hostDisk.name} is offline in Disk Management: the host cannot keep this file on it until the disk is brought online.`
}

/** A note for an offline host disk that holds VHD files of the host's VMs, or null. */
export function offlineHostDiskNote(host: Host, disk: PhysicalDisk): string | null {
  if (disk.online) return null
  // The host's own files (its OS, VM configuration files) need the disk online as much as VHD files do.
  if (disk.contents.length > 0 && hasWindowsHostOs(host.hypervisor)) {
    return `Offline in Disk Management, yet it is to hold ${host.name}'s own ${disk.contents.includes('os') ? 'operating system' : 'files'}: ${host.name} can keep files only on a disk that is online${disk.contents.includes('os') ? ', and Windows does not take its system disk offline' : ''}.`
  }
  const files: string[] = []
  for (const vm of host.vms) {
    for (const own of vm.disks) if (own.backing === disk.id && FILE_DISK_KINDS.includes(own.kind)) files.push(`${vm.name}'s ${own.name}`)
  }
  if (files.length === 0) return null
  return `Offline in Disk Management, yet it is to hold the virtual disk file${files.length > 1 ? 's' : ''} of ${joinAnd(files)}: the host can keep files only on a disk that is online.`
}

/**
 * A note for an edition or role the host's own OS cannot have as planned, or null: the free Hyper-V
 * Server or the Hyper-V role on a bare-metal server, an Enterprise edition Windows Server does not
 * have. (Beside the field; host-edition-in-version gives the finding.)
 */
export function editionNote(host: Host): string | null {
  // The free Hyper-V Server is a hypervisor of its own, with no Windows Server roles or applications.
  if (host.parent.edition === 'hyper-v-server' && host.hypervisor === 'none') {
    return `${host.name} is a bare-metal server, and Hyper-V Server (free) is only a hypervisor: it runs no Exchange, roles or applications. Choose Standard, Enterprise or Datacenter, or give ${host.name} a Hyper-V hypervisor.`
  }
  if (host.parent.roles.includes('hyper-v') && host.hypervisor === 'none') {
    return `${host.name} has the Hyper-V role but runs no hypervisor (bare metal): choose its Hyper-V version under Hypervisor to make it a Hyper-V host, or clear the role.`
  }
  if (!enterpriseGone(host)) return null
  return `${host.name} runs ${HYPERVISOR_LABELS[host.hypervisor]}: Windows Server 2012 and later have no Enterprise edition; choose Standard or Datacenter.`
}

/** A note for an install in a kind of cluster its version does not have, or null (beside the field; exchange-cluster-kind-in-version gives the finding). */
export function clusterNotInVersion(install: ExchangeInstall): string | null {
  const kind = install.cluster?.kind
  if (kind === undefined || VERSION_CLUSTERS[install.version].includes(kind)) return null
  return `${clusterKindMissing(install.version, kind)}.`
}

/**
 * A note for a cluster member whose fellow members (servers with the same cluster ID) are another
 * kind of cluster, or run another Exchange version: the members of one cluster run one version.
 * Null when they agree. (Beside the field; exchange-cluster-members-match gives the finding.)
 */
export function clusterMismatch(plan: Plan, serverId: string, install: ExchangeInstall): string | null {
  const cluster = install.cluster
  if (!cluster) return null
  // A host's own OS is edited as "parent:<host id>".
  const self = serverId.replace(/^parent:/, '')
  const others: { name: string; install: ExchangeInstall }[] = []
  for (const host of plan.hosts) {
    for (const [id, name, other] of [[host.id, host.name, host.parent.exchange], ...host.vms.map((vm) => [vm.id, vm.name, vm.exchange] as const)] as const) {
      if (id !== self && other?.cluster?.id === cluster.id) others.push({ name, install: other })
    }
  }
  const otherKind = others.filter((other) => other.install.cluster!.kind !== cluster.kind)
  if (otherKind.length > 0) {
    return `${joinAnd(otherKind.map((other) => other.name))} ${otherKind.length === 1 ? 'is' : 'are'} in "${cluster.id}" as a ${CLUSTER_WORDS[otherKind[0]!.install.cluster!.kind]}: give this ${CLUSTER_WORDS[cluster.kind]} another ID, or make them one kind.`
  }
  const otherVersion = others.filter((other) => !sameRelease(other.install.version, install.version))
  if (otherVersion.length === 0) return null
  return `${CLUSTER_WORDS[cluster.kind]} "${cluster.id}" also has ${joinAnd(otherVersion.map((other) => `${other.name} (${EXCHANGE_VERSION_LABELS[other.install.version]})`))}: the members of one cluster run one Exchange version.`
}

/**
 * A note for a VM given more virtual processors than its host has logical processors, or null: a
 * hypervisor does not start such a VM. (No rule of the catalogue covers it; the vCPU:core ratio
 * rules weigh all the host's VMs together.)
 */
export function moreVcpusThanHost(host: Host, vm: Vm): string | null {
  const logical = logicalProcessors(host)
  if (host.hypervisor === 'none' || vm.vcpus <= logical) return null
  return `${vm.name} has ${vm.vcpus} virtual processors and ${host.name} ${logical} logical processor${logical === 1 ? '' : 's'}: ${hypervisorName(host)} does not start a VM with more virtual processors than its host has logical ones.`
}
