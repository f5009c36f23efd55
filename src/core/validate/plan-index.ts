/**
 * Lookups over a plan, built once per validation so that every rule runs in linear time.
 * Rules ask the index; they never walk the plan on their own.
 */
import { FILE_PROTOCOLS, type Protocol } from '../model/enums.ts'
import type { ExchangeInstall, Host, Lun, PhysicalDisk, Plan, StorageArray, VirtualDisk, Vm } from '../model/plan.ts'

export interface VmRef { vm: Vm; host: Host }
export interface VirtualDiskRef { disk: VirtualDisk; vm: Vm; host: Host }
export interface PhysicalDiskRef { disk: PhysicalDisk; host: Host }
export interface LunRef { lun: Lun; array: StorageArray }
/** A server that runs Exchange: a child VM, or the OS of a host itself (`vm` null). */
export interface ExchangeServerRef { id: string; name: string; exchange: ExchangeInstall; host: Host; vm: Vm | null }

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
}

export class PlanIndex {
  readonly plan: Plan
  readonly vms: VmRef[] = []
  readonly virtualDisks: VirtualDiskRef[] = []
  readonly physicalDisks: PhysicalDiskRef[] = []
  readonly luns: LunRef[] = []
  readonly exchangeServers: ExchangeServerRef[] = []
  private readonly vmById = new Map<string, VmRef>()
  private readonly physicalDiskById = new Map<string, PhysicalDiskRef>()
  private readonly lunById = new Map<string, LunRef>()
  private readonly virtualDisksByBacking = new Map<string, VirtualDiskRef[]>()
  private readonly physicalDisksByLun = new Map<string, PhysicalDiskRef[]>()
  private readonly exchangeByCluster = new Map<string, ExchangeServerRef[]>()
  private readonly nameById = new Map<string, string>()

  constructor(plan: Plan) {
    this.plan = plan
    for (const array of plan.storage) {
      this.nameById.set(array.id, array.name)
      for (const lun of array.luns) {
        const ref = { lun, array }
        this.luns.push(ref)
        this.lunById.set(lun.id, ref)
        this.nameById.set(lun.id, lun.name)
      }
    }
    for (const host of plan.hosts) {
      this.nameById.set(host.id, host.name)
      if (host.parent.exchange) this.addExchange({ id: host.id, name: host.name, exchange: host.parent.exchange, host, vm: null })
      for (const disk of host.disks) {
        const ref = { disk, host }
        this.physicalDisks.push(ref)
        this.physicalDiskById.set(disk.id, ref)
        this.nameById.set(disk.id, disk.name)
        if (disk.lun !== null) push(this.physicalDisksByLun, disk.lun, ref)
      }
      for (const vm of host.vms) {
        const ref = { vm, host }
        this.vms.push(ref)
        this.vmById.set(vm.id, ref)
        this.nameById.set(vm.id, vm.name)
        if (vm.exchange) this.addExchange({ id: vm.id, name: vm.name, exchange: vm.exchange, host, vm })
        for (const disk of vm.disks) {
          const diskRef = { disk, vm, host }
          this.virtualDisks.push(diskRef)
          this.nameById.set(disk.id, disk.name)
          if (disk.backing !== null) push(this.virtualDisksByBacking, disk.backing, diskRef)
        }
      }
    }
  }

  private addExchange(server: ExchangeServerRef) {
    this.exchangeServers.push(server)
    if (server.exchange.cluster) push(this.exchangeByCluster, server.exchange.cluster.id, server)
  }

  /** The display name of any entity, falling back to its id. */
  name(id: string): string { return this.nameById.get(id) ?? id }
  vm(id: string): VmRef | undefined { return this.vmById.get(id) }
  physicalDisk(id: string): PhysicalDiskRef | undefined { return this.physicalDiskById.get(id) }
  lun(id: string): LunRef | undefined { return this.lunById.get(id) }
  /** Virtual disks whose `backing` is this host disk or LUN. */
  disksBackedBy(id: string): readonly VirtualDiskRef[] { return this.virtualDisksByBacking.get(id) ?? [] }
  /** Host disks that are this LUN. */
  hostDisksOnLun(lunId: string): readonly PhysicalDiskRef[] { return this.physicalDisksByLun.get(lunId) ?? [] }
  /** Exchange servers (VMs or host OSs) sharing an Exchange/Windows cluster id. */
  clusterMembers(clusterId: string): readonly ExchangeServerRef[] { return this.exchangeByCluster.get(clusterId) ?? [] }
  /** Exchange cluster ids, in plan order. */
  clusterIds(): string[] { return [...this.exchangeByCluster.keys()] }

  /** Where a virtual disk's data lives: host disk, LUN, protocol and a spindle key. */
  storageOf(disk: VirtualDisk): DiskStorage {
    if (disk.backing === null) return { physicalDisk: null, lun: null, protocol: null, spindle: null }
    const lunRef = this.lunById.get(disk.backing)
    if (lunRef) return { physicalDisk: null, lun: lunRef, protocol: lunRef.array.protocol, spindle: lunRef.lun.id }
    const hostDisk = this.physicalDiskById.get(disk.backing)?.disk ?? null
    const viaLun = hostDisk?.lun ? this.lunById.get(hostDisk.lun) ?? null : null
    return {
      physicalDisk: hostDisk,
      lun: viaLun,
      protocol: viaLun?.array.protocol ?? null,
      spindle: viaLun?.lun.id ?? hostDisk?.id ?? null,
    }
  }

  /** The protocol of a host disk's LUN, or null for a local spindle. */
  protocolOfHostDisk(disk: PhysicalDisk): Protocol | null {
    return disk.lun ? this.lunById.get(disk.lun)?.array.protocol ?? null : null
  }
}

export const isFileProtocol = (protocol: Protocol | null): boolean => protocol !== null && FILE_PROTOCOLS.includes(protocol)

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}
