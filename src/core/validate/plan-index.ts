/**
 * Lookups over a plan, built once per validation so that every rule runs in linear time.
 * Rules ask the index; they never walk the plan on their own.
 */
import { FILE_PROTOCOLS, type DiskContent, type DiskKind, type ExchangeVersion, type Protocol } from '../model/enums.ts'
import { CURRENT_VERSION, PLAN_FORMAT, type ExchangeInstall, type Host, type Lun, type PhysicalDisk, type Plan, type StorageArray, type VirtualDisk, type Vm } from '../model/plan.ts'

/** A host, with the refs of its disks and VMs in its order. */
export interface HostRef {
  host: Host
  disks: PhysicalDiskRef[]
  vms: VmRef[]
}
/**
 * A VM with its host and disks. A VM that runs Exchange is also its own ExchangeServerRef (the
 * index's `exchangeServers` hold it): one object per VM instead of two, 0.4 MB on a 10,000-VM estate.
 */
export interface VmRef {
  vm: Vm
  host: Host
  /** The VM's disks, in its order, with where each one's data lives. */
  disks: VirtualDiskRef[]
  id: string
  name: string
  exchange: ExchangeInstall | null
}
/**
 * The users list of a host disk or LUN that no virtual disk uses; replaced at its first user. Made
 * before the classes below, whose kept-alive instances use it.
 */
const NO_USERS: VirtualDiskRef[] = []
/** The host disks of a LUN that no host disk is; replaced at its first (made early, as NO_USERS). */
const NO_HOST_DISKS: PhysicalDiskRef[] = []

/**
 * What a disk holds, as bits of a number (`holds` of a disk's ref): rules test a bit where they read
 * the disk's list of contents. On a 10,000-VM estate one pass over the 30,000 lists took 1.3 ms
 * (each list is an object of its own, away from its disk), and five rules made such passes.
 */
export const HOLDS = { os: 1, database: 2, logs: 4, queue: 8, pagefile: 16, other: 32, vmFiles: 64 } as const
/** Exchange data: databases, logs or transport queues. */
export const HOLDS_DATA = HOLDS.database | HOLDS.logs | HOLDS.queue

/** The HOLDS bits of a list of contents (a virtual disk's, or a host disk's). */
export function holdsBits(contents: readonly DiskContent[]): number {
  let bits = 0
  for (let i = 0; i < contents.length; i++) {
    switch (contents[i]) {
      case 'os': bits |= HOLDS.os; break
      case 'database': bits |= HOLDS.database; break
      case 'logs': bits |= HOLDS.logs; break
      case 'queue': bits |= HOLDS.queue; break
      case 'pagefile': bits |= HOLDS.pagefile; break
      case 'vm-files': bits |= HOLDS.vmFiles; break
      default: bits |= HOLDS.other
    }
  }
  return bits
}

/**
 * A VM's disk, with where its data lives and what it holds. A class of five fields: the VM's
 * Exchange install and the host disk behind it are read through the VM and the storage (on a
 * 10,000-VM estate, 30,000 refs of six fields were 0.5 MB more for the young generation to copy).
 */
export class VirtualDiskRef {
  /** Kept alive for its hidden class, as PlanIndex.keepsHiddenClassAlive explains. */
  static readonly keepsHiddenClassAlive = new VirtualDiskRef(
    { id: '', name: '', kind: 'fixed-vhd', controller: null, sizeGB: 0, backing: null, contents: [] },
    null as unknown as Vm, null as unknown as Host, null as unknown as DiskStorage,
  )

  readonly disk: VirtualDisk
  readonly vm: Vm
  readonly host: Host
  readonly storage: DiskStorage
  /** What the disk holds, as HOLDS bits. */
  readonly holds: number

  constructor(disk: VirtualDisk, vm: Vm, host: Host, storage: DiskStorage) {
    this.disk = disk
    this.vm = vm
    this.host = host
    this.storage = storage
    this.holds = holdsBits(disk.contents)
  }

  /** The VM's Exchange install, when it runs Exchange. */
  get exchange(): ExchangeInstall | null { return this.vm.exchange }
  /**
   * The host disk whose `id` is its `backing` (null when it is backed by a LUN, or not at all): a
   * host disk is its own storage, and only a host disk's storage has a physical disk.
   */
  get hostDisk(): PhysicalDiskRef | null {
    return this.storage.physicalDisk === null ? null : this.storage as PhysicalDiskRef
  }
}
/** A disk of a VM that runs Exchange. */
export interface ExchangeDiskRef extends VirtualDiskRef { readonly exchange: ExchangeInstall }
/**
 * A host disk. It is also where the data of the virtual disks it backs lives (it is its own
 * `storage`): on a 10,000-VM estate one object per host disk instead of two shows. A class of four
 * fields and its spindle; the rest of its storage is read through its LUN (nine fields were 0.5 MB more there).
 */
export class PhysicalDiskRef implements DiskStorage {
  /** Kept alive for its hidden class, as PlanIndex.keepsHiddenClassAlive explains. */
  static readonly keepsHiddenClassAlive = new PhysicalDiskRef(
    { id: '', name: '', sizeGB: 0, online: true, contents: [], lun: null }, null as unknown as Host, null,
  )

  readonly disk: PhysicalDisk
  readonly host: Host
  /** The LUN this host disk is, when it is one. */
  readonly lun: LunRef | null
  /**
   * A stable key for "the same spindles": its LUN's id, else its own. A field, where the rest of its
   * storage is read through the LUN: the placement rules compare it for every data disk.
   */
  readonly spindle: string
  /** The virtual disks whose `backing` is this host disk. */
  users: VirtualDiskRef[] = NO_USERS
  /**
   * How many of its users are pass-through disks, counted as the index lists them (their disks at
   * hand): the rules on sharing a disk passed through read the count where they walked the users,
   * and the LUN part of one, run after the slices, found each user's disk cold in the caches.
   */
  passThroughUsers = 0

  constructor(disk: PhysicalDisk, host: Host, lun: LunRef | null) {
    this.disk = disk
    this.host = host
    this.lun = lun
    this.spindle = lun === null ? disk.id : lun.lun.id
  }

  get storage(): DiskStorage { return this }
  /** What the host disk holds, as HOLDS bits (read for a bare-metal server's disks only). */
  get holds(): number { return holdsBits(this.disk.contents) }
  get physicalDisk(): PhysicalDisk { return this.disk }
  get protocol(): Protocol | null { return this.lun === null ? null : this.lun.array.protocol }
  get spindleName(): string { return this.lun === null ? this.disk.name : this.lun.lun.name }
}
export interface LunRef {
  lun: Lun
  array: StorageArray
  storage: DiskStorage
  /** The virtual disks whose `backing` is this LUN (guest-attached). */
  users: VirtualDiskRef[]
  /** The host disks that are this LUN (`lun` of a host disk), in plan order. */
  hostDisks: PhysicalDiskRef[]
}
/** A server that runs Exchange: a child VM, or the OS of a host itself (`vm` null). */
export interface ExchangeServerRef { id: string; name: string; exchange: ExchangeInstall; host: Host; vm: Vm | null }
/** A child VM that runs Exchange (its VmRef, with the VM's disks). */
export interface ExchangeVmRef extends ExchangeServerRef { vm: Vm; disks: VirtualDiskRef[] }

/** Where a virtual disk's bytes finally live. */
export interface DiskStorage {
  /** The host disk holding the VHD file or given whole to the VM (null for guest-attached LUNs). */
  physicalDisk: PhysicalDisk | null
  /** The LUN behind it, when there is one. */
  lun: LunRef | null
  /** The protocol of that LUN's array; null = a local spindle or not connected. */
  protocol: Protocol | null
  /** A stable key for "the same spindles": the LUN id when there is one, else the host disk id. */
  spindle: string | null
  /** The name of those spindles: the LUN's name, else the host disk's. */
  spindleName: string | null
}

export class PlanIndex {
  /**
   * V8 reaches the hidden class of a full PlanIndex by transitions from the constructor's initial
   * one, and holds those transitions weakly. With no index alive, a full GC (the idle-time memory
   * reducer runs one) dropped that class and deoptimized every rule compiled against it, so the next
   * validation of 10,000 VMs took 345 ms instead of 130 while they re-optimized. This empty index
   * keeps the class alive; `npm run bench` starts each run from a full GC to catch a regression.
   */
  static readonly keepsHiddenClassAlive = new PlanIndex({
    format: PLAN_FORMAT, version: CURRENT_VERSION, name: 'Empty', organization: { mailboxes: 0, activeDirectory: true },
    hosts: [], storage: [], layout: {},
  })

  readonly plan: Plan
  readonly hosts: HostRef[] = []
  readonly vms: readonly VmRef[]
  readonly physicalDisks: PhysicalDiskRef[] = []
  readonly luns: LunRef[] = []
  readonly exchangeServers: readonly ExchangeServerRef[]
  /**
   * The index of the whole plan: this one, or the one this is a slice of (`slices`). Lookups by id,
   * names and clusters are the whole plan's; lists are this index's own.
   */
  readonly whole: PlanIndex
  private readonly lunById: Map<string, LunRef>
  // Lookups only some rules need are built on first use: on a 10,000-VM plan every map costs.
  private vmById: Map<string, VmRef> | null = null
  private virtualDisksByKind: Map<DiskKind, VirtualDiskRef[]> | null = null
  private physicalDiskById: Map<string, PhysicalDiskRef> | null = null
  /** Host disks whose `lun` names no LUN of the plan (a plan that is wrong), by that id. */
  private hostDisksOnMissingLun: Map<string, PhysicalDiskRef[]> | null = null
  private exchangeByCluster: Map<string, ExchangeServerRef[]> | null = null
  private nameById: Map<string, string> | null = null
  private exchangeVmsByVersion: Map<ExchangeVersion, ExchangeVmRef[]> | null = null
  private exchangeServersByVersion: Map<ExchangeVersion, ExchangeServerRef[]> | null = null
  private disksOnShares: VirtualDiskRef[] | null = null
  private exchangeClusterLists: readonly (readonly ExchangeServerRef[])[] | null = null

  constructor(plan: Plan, slice?: Slice) {
    this.plan = plan
    if (slice) {
      // Some hosts of a whole index, with their refs: the whole index's own objects. Its lists are
      // made host by host, so a run of hosts is a run of each list.
      const { whole, hosts, vms, disks, servers } = slice
      this.whole = whole
      this.lunById = whole.lunById
      this.hosts = whole.hosts.slice(hosts[0], hosts[1])
      this.vms = whole.vms.slice(vms[0], vms[1])
      this.physicalDisks = whole.physicalDisks.slice(disks[0], disks[1])
      this.exchangeServers = whole.exchangeServers.slice(servers[0], servers[1])
      return
    }
    this.whole = this
    this.lunById = new Map()
    // One pass builds everything most rules need. On a 10,000-VM estate each extra object and map
    // entry shows, so storage is resolved once per host disk and LUN and shared by their users.
    for (const array of plan.storage) {
      for (const lun of array.luns) {
        const ref: LunRef = { lun, array, storage: NOT_CONNECTED, users: NO_USERS, hostDisks: NO_HOST_DISKS }
        ref.storage = { physicalDisk: null, lun: ref, protocol: array.protocol, spindle: lun.id, spindleName: lun.name }
        this.luns.push(ref)
        this.lunById.set(lun.id, ref)
      }
    }
    for (const host of plan.hosts) {
      const hostRef: HostRef = { host, disks: [], vms: NO_VMS }
      this.hosts.push(hostRef)
      for (const disk of host.disks) {
        const viaLun = disk.lun === null ? undefined : this.lunById.get(disk.lun)
        const ref = new PhysicalDiskRef(disk, host, viaLun ?? null)
        hostRef.disks.push(ref)
        this.physicalDisks.push(ref)
        // The host disks of a LUN are listed on it as they come: a map of them, built by a walk of
        // every host disk when a rule first asked, took 0.5 ms on a 10,000-VM estate.
        if (viaLun) {
          if (viaLun.hostDisks === NO_HOST_DISKS) viaLun.hostDisks = [ref]
          else viaLun.hostDisks.push(ref)
        } else if (disk.lun !== null) {
          push(this.hostDisksOnMissingLun ??= new Map(), disk.lun, ref)
        }
      }
    }
    // Every list below is made at its final length, from a first pass that counts: pushing 10,000
    // VMs one by one copied each list several times as it grew. There is no list of every virtual
    // disk: on a 10,000-VM estate it was 30,000 slots in fresh pages of its own (60 page faults,
    // about 0.8 ms here), and rules walk a VM's disks or the disks of a kind instead.
    let vmCount = 0
    let serverCount = 0
    for (const host of plan.hosts) {
      if (host.parent.exchange) serverCount += 1
      vmCount += host.vms.length
      for (const vm of host.vms) if (vm.exchange) serverCount += 1
    }
    const vmRefs = sized<VmRef>(vmCount)
    const servers = sized<ExchangeServerRef>(serverCount)
    let nextVm = 0
    let nextServer = 0
    for (const hostRef of this.hosts) {
      const host = hostRef.host
      // A host OS that runs Exchange: shaped as a VmRef (no VM, no disks), so that rules reading servers read one shape.
      if (host.parent.exchange) {
        const server = { vm: null, host, disks: NO_VM_DISKS, id: host.id, name: host.name, exchange: host.parent.exchange }
        servers[nextServer++] = server
      }
      const vms = sized<VmRef>(host.vms.length)
      for (let v = 0; v < host.vms.length; v++) {
        const vm = host.vms[v]!
        const exchange = vm.exchange
        const disks = sized<VirtualDiskRef>(vm.disks.length)
        for (let d = 0; d < vm.disks.length; d++) {
          const disk = vm.disks[d]!
          // Ids are unique across the plan: a backing is a disk of the VM's own host, else a LUN,
          // else (in a plan that is wrong) another host's disk.
          let hostDisk: PhysicalDiskRef | undefined
          let lun: LunRef | undefined
          if (disk.backing !== null) {
            hostDisk = diskOf(hostRef.disks, disk.backing)
            if (!hostDisk) lun = this.lunById.get(disk.backing)
            if (!hostDisk && !lun) hostDisk = this.physicalDisk(disk.backing)
          }
          const backing = hostDisk ?? lun
          const ref = new VirtualDiskRef(disk, vm, host, backing ? backing.storage : NOT_CONNECTED)
          // A host disk's first user gets a list of its own (most host disks have one user or none).
          if (backing) {
            if (backing.users === NO_USERS) backing.users = [ref]
            else backing.users.push(ref)
          }
          if (hostDisk && disk.kind === 'pass-through') hostDisk.passThroughUsers += 1
          disks[d] = ref
        }
        const vmRef: VmRef = { vm, host, disks, id: vm.id, name: vm.name, exchange }
        if (exchange) servers[nextServer++] = vmRef as ExchangeVmRef
        vms[v] = vmRef
        vmRefs[nextVm++] = vmRef
      }
      hostRef.vms = vms
    }
    this.vms = vmRefs
    this.exchangeServers = servers
  }

  /**
   * The index cut into runs of whole hosts of about `vms` VMs each, in plan order (this index alone
   * when it is that small). Rules whose findings are each about one host's things (`Rule.perHost`)
   * run slice by slice: a slice's plan, refs and lists stay in the processor's caches from one rule
   * to the next, where a 10,000-VM estate's (30 MB) did not fit and every rule read it from memory.
   */
  slices(vms: number): readonly PlanIndex[] {
    if (this.vms.length <= vms) return [this]
    const slices: PlanIndex[] = []
    const at = { hosts: 0, vms: 0, disks: 0, servers: 0 }
    const next = { ...at }
    const cut = () => {
      const plan: Plan = { ...this.plan, hosts: this.plan.hosts.slice(at.hosts, next.hosts) }
      slices.push(new PlanIndex(plan, {
        whole: this, hosts: [at.hosts, next.hosts], vms: [at.vms, next.vms], disks: [at.disks, next.disks], servers: [at.servers, next.servers],
      }))
      Object.assign(at, next)
    }
    for (const { host, disks, vms: hostVms } of this.hosts) {
      next.hosts += 1
      next.vms += hostVms.length
      next.disks += disks.length
      if (host.parent.exchange) next.servers += 1
      for (const vm of hostVms) if (vm.exchange) next.servers += 1
      if (next.vms - at.vms >= vms) cut()
    }
    if (next.hosts > at.hosts) cut()
    return slices
  }

  /** The display name of any entity, falling back to its id. */
  name(id: string): string {
    if (this.whole !== this) return this.whole.name(id)
    if (!this.nameById) {
      const names = new Map<string, string>()
      for (const host of this.plan.hosts) names.set(host.id, host.name)
      for (const { disk } of this.physicalDisks) names.set(disk.id, disk.name)
      for (const { vm } of this.vms) names.set(vm.id, vm.name)
      for (const { disks } of this.vms) for (const { disk } of disks) names.set(disk.id, disk.name)
      for (const array of this.plan.storage) names.set(array.id, array.name)
      for (const { lun } of this.luns) names.set(lun.id, lun.name)
      this.nameById = names
    }
    return this.nameById.get(id) ?? id
  }

  /**
   * The virtual disks of some kinds, kind by kind and in plan order within each. Most storage rules
   * are about one or two kinds: walking only those spares them the rest of a large estate's disks.
   */
  virtualDisksOfKind(...kinds: DiskKind[]): readonly VirtualDiskRef[] {
    this.virtualDisksByKind ??= byKind(this.vms)
    if (kinds.length === 1) return this.virtualDisksByKind.get(kinds[0]!) ?? NO_DISKS
    // concat copies whole lists at once; flatMap, element by element, cost 5 ms at 10,000 VMs in Node
    // (so do exchangeVmsOf and exchangeServersOf).
    // (A loop, not map(): a callback made by each validation lost its optimized code at every full GC.)
    const lists: (readonly VirtualDiskRef[])[] = []
    for (const kind of kinds) lists.push(this.virtualDisksByKind.get(kind) ?? NO_DISKS)
    return NO_DISKS.concat(...lists)
  }

  /** The child VMs that run this Exchange version, in plan order (several rules walk them). */
  exchangeVms(version: ExchangeVersion): readonly ExchangeVmRef[] {
    if (!this.exchangeVmsByVersion) {
      const map = new Map<ExchangeVersion, ExchangeVmRef[]>()
      for (const server of this.exchangeServers) if (server.vm !== null) push(map, server.exchange.version, server as ExchangeVmRef)
      this.exchangeVmsByVersion = map
    }
    return this.exchangeVmsByVersion.get(version) ?? []
  }

  /** The servers, VMs and host OSs alike, that run this Exchange version, in plan order. */
  exchangeServersOfVersion(version: ExchangeVersion): readonly ExchangeServerRef[] {
    if (!this.exchangeServersByVersion) {
      const map = new Map<ExchangeVersion, ExchangeServerRef[]>()
      for (const server of this.exchangeServers) push(map, server.exchange.version, server)
      this.exchangeServersByVersion = map
    }
    return this.exchangeServersByVersion.get(version) ?? []
  }

  /** The child VMs that run any of these Exchange versions, version by version. */
  exchangeVmsOf(versions: readonly ExchangeVersion[]): readonly ExchangeVmRef[] {
    if (versions.length === 1) return this.exchangeVms(versions[0]!)
    return NO_EXCHANGE_VMS.concat(...versions.map((version) => this.exchangeVms(version)))
  }

  /** The servers, VMs and host OSs alike, that run any of these Exchange versions, version by version. */
  exchangeServersOf(versions: readonly ExchangeVersion[]): readonly ExchangeServerRef[] {
    if (versions.length === 1) return this.exchangeServersOfVersion(versions[0]!)
    return NO_SERVERS.concat(...versions.map((version) => this.exchangeServersOfVersion(version)))
  }

  /**
   * The virtual disks whose data lives on a file share (a LUN of an NFS or SMB array): guest-attached
   * to the share, or on a host disk that is one. Rules about shares walk these, not every disk.
   */
  virtualDisksOnShares(): readonly VirtualDiskRef[] {
    if (!this.disksOnShares && this.whole !== this) {
      // A slice's own, from its VMs' disks: the whole plan's list, filtered by every slice, was a
      // walk of every disk on a share per slice.
      const disks: VirtualDiskRef[] = []
      for (const { disks: vmDisks } of this.vms) for (const ref of vmDisks) if (isFileProtocol(ref.storage.protocol)) disks.push(ref)
      this.disksOnShares = disks
    }
    if (!this.disksOnShares) {
      const disks: VirtualDiskRef[] = []
      for (const lun of this.luns) {
        if (!isFileProtocol(lun.array.protocol)) continue
        for (const user of lun.users) disks.push(user)
        for (const hostDisk of this.hostDisksOnLun(lun.lun.id)) for (const user of hostDisk.users) disks.push(user)
      }
      this.disksOnShares = disks
    }
    return this.disksOnShares
  }

  vm(id: string): VmRef | undefined {
    if (this.whole !== this) return this.whole.vm(id)
    this.vmById ??= new Map(this.vms.map((ref) => [ref.vm.id, ref]))
    return this.vmById.get(id)
  }
  physicalDisk(id: string): PhysicalDiskRef | undefined {
    if (this.whole !== this) return this.whole.physicalDisk(id)
    this.physicalDiskById ??= new Map(this.physicalDisks.map((ref) => [ref.disk.id, ref]))
    return this.physicalDiskById.get(id)
  }
  lun(id: string): LunRef | undefined { return this.lunById.get(id) }

  /** Host disks that are this LUN. */
  hostDisksOnLun(lunId: string): readonly PhysicalDiskRef[] {
    if (this.whole !== this) return this.whole.hostDisksOnLun(lunId)
    return this.lunById.get(lunId)?.hostDisks ?? this.hostDisksOnMissingLun?.get(lunId) ?? NO_HOST_DISKS
  }

  private clusters(): Map<string, ExchangeServerRef[]> {
    if (this.whole !== this) return this.whole.clusters()
    if (!this.exchangeByCluster) {
      const map = new Map<string, ExchangeServerRef[]>()
      for (const server of this.exchangeServers) if (server.exchange.cluster) push(map, server.exchange.cluster.id, server)
      this.exchangeByCluster = map
    }
    return this.exchangeByCluster
  }
  /** Exchange servers (VMs or host OSs) sharing an Exchange/Windows cluster id. */
  clusterMembers(clusterId: string): readonly ExchangeServerRef[] { return this.clusters().get(clusterId) ?? [] }
  /**
   * The members of each Exchange cluster, clusters in plan order (of their first member; made once:
   * several rules walk them). Those rules once walked the ids and looked each up in the map of
   * clusters: 5,000 lookups per rule on a 10,000-VM estate, cold in the caches by then.
   */
  exchangeClusters(): readonly (readonly ExchangeServerRef[])[] {
    if (this.whole !== this) return this.whole.exchangeClusters()
    return this.exchangeClusterLists ??= [...this.clusters().values()]
  }

  /** The protocol of a host disk's LUN, or null for a local spindle. */
  protocolOfHostDisk(disk: PhysicalDisk): Protocol | null {
    return disk.lun ? this.lunById.get(disk.lun)?.array.protocol ?? null : null
  }
}

/** Where a slice of an index lies in the whole index's lists: [from, to) of each. */
interface Slice {
  whole: PlanIndex
  hosts: [number, number]
  vms: [number, number]
  disks: [number, number]
  servers: [number, number]
}

/**
 * Virtual disks by kind, in plan order within each: a first pass counts, so that each list is made at
 * its final length (pushing 30,000 disks into lists that grow copied each several times).
 */
function byKind(vms: readonly VmRef[]): Map<DiskKind, VirtualDiskRef[]> {
  const counts = new Map<DiskKind, number>()
  for (let v = 0; v < vms.length; v++) {
    const disks = vms[v]!.disks
    for (let d = 0; d < disks.length; d++) {
      const kind = disks[d]!.disk.kind
      counts.set(kind, (counts.get(kind) ?? 0) + 1)
    }
  }
  const filling = new Map<DiskKind, { list: VirtualDiskRef[]; next: number }>()
  for (const [kind, count] of counts) filling.set(kind, { list: sized(count), next: 0 })
  for (let v = 0; v < vms.length; v++) {
    const disks = vms[v]!.disks
    for (let d = 0; d < disks.length; d++) {
      const ofKind = filling.get(disks[d]!.disk.kind)!
      ofKind.list[ofKind.next++] = disks[d]!
    }
  }
  const lists = new Map<DiskKind, VirtualDiskRef[]>()
  for (const [kind, { list }] of filling) lists.set(kind, list)
  return lists
}

/**
 * The disk with this id among a host's, or undefined. A VM's disk is backed by a disk of its own
 * host but where a plan is wrong: looking there first spares the index a map of every host disk.
 * On a 10,000-VM estate (12,500 host disks) that map took 3.5 ms to build; the index took 6.5 ms
 * instead of 12 without it.
 */
function diskOf(disks: readonly PhysicalDiskRef[], id: string): PhysicalDiskRef | undefined {
  for (let i = 0; i < disks.length; i++) if (disks[i]!.disk.id === id) return disks[i]
  return undefined
}

const NO_DISKS: readonly VirtualDiskRef[] = []
const NO_EXCHANGE_VMS: readonly ExchangeVmRef[] = []
const NO_SERVERS: readonly ExchangeServerRef[] = []
const NO_VMS: VmRef[] = []
/** The disks of a host OS shaped as a server (it has none of a VM's). */
const NO_VM_DISKS: VirtualDiskRef[] = []

/**
 * A list of `length` slots, each set once before anyone reads it (no copies as it grows). A function
 * declaration: the static empty index above runs the constructor before this module's constants exist.
 */
function sized<T>(length: number): T[] {
  return new Array<T>(length)
}
const NOT_CONNECTED: DiskStorage = Object.freeze({ physicalDisk: null, lun: null, protocol: null, spindle: null, spindleName: null })

export const isFileProtocol = (protocol: Protocol | null): boolean => protocol !== null && FILE_PROTOCOLS.includes(protocol)

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key)
  if (list === undefined) map.set(key, [value])
  // A second value replaces the list with one of exactly two, where a push would make room for 17:
  // most clusters are pairs (5,000 CCR pairs on the 10,000-VM estate: 0.6 MB).
  else if (list.length === 1) map.set(key, [list[0]!, value])
  else list.push(value)
}
