/**
 * Platform numbers from rules-catalogue.md Section B, as data. Rules read these tables; no rule
 * carries a limit as a literal of its own. `null` means the catalogue gives no figure: the rule
 * that needs it stays silent for that platform.
 */
import { CHECKPOINT_HYPERVISORS, CONTROLLERS, GUEST_ATTACHED_KINDS, hasWindowsHostOs, type Controller, type ExchangeVersion, type GuestOs, type Hypervisor } from '../model/enums.ts'
import type { Host, VirtualDisk, Vm } from '../model/plan.ts'
import { roundSum } from './platform-wording.ts'

/** Hyper-V generations that share one column of the catalogue's tables. */
export type HyperVFamily = 'hv2008' | 'hv2008r2' | 'hv2012' | 'hv2016' | 'hv2022' | 'hv2025'

export const HYPERV_FAMILY: Partial<Record<Hypervisor, HyperVFamily>> = {
  'hyper-v-2008': 'hv2008', 'hyper-v-server-2008': 'hv2008',
  'hyper-v-2008-r2': 'hv2008r2', 'hyper-v-server-2008-r2': 'hv2008r2',
  'hyper-v-2012': 'hv2012', 'hyper-v-2012-r2': 'hv2012',
  'hyper-v-2016': 'hv2016', 'hyper-v-2019': 'hv2016',
  'hyper-v-2022': 'hv2022', 'hyper-v-2025': 'hv2025',
}

export const hyperVFamily = (host: Pick<Host, 'hypervisor'>): HyperVFamily | null => HYPERV_FAMILY[host.hypervisor] ?? null
export const isHyperV = (host: Pick<Host, 'hypervisor'>): boolean => hyperVFamily(host) !== null
/** The per-VM limits of a host's Hyper-V version; null where it is not Hyper-V. */
export const vmLimitsOf = (host: Pick<Host, 'hypervisor'>): VmLimits | null => {
  const family = hyperVFamily(host)
  return family === null ? null : VM_LIMITS[family]
}
/** True for Hyper-V from Windows Server 2012 on, which has the VHDX format. */
export const hasVhdx = (host: Host): boolean => {
  const family = hyperVFamily(host)
  return family !== null && VM_LIMITS[family].vhdxMaxGB !== null
}
/** Hyper-V 2008 and 2008 R2: no VHDX, no virtual Fibre Channel, boot disk always on IDE. */
export const isHyperV2008Era = (host: Host): boolean => {
  const family = hyperVFamily(host)
  return family === 'hv2008' || family === 'hv2008r2'
}

export interface VmLimits {
  /** Virtual processors per VM (Generation 1 / Generation 2 where they differ). */
  vcpus: { gen1: number; gen2: number } | null
  /** Memory per VM in GB. */
  ramGB: { gen1: number; gen2: number } | null
  nics: { total: number; synthetic: number; legacy: number } | null
  scsiControllers: number
  disksPerScsiController: number
  snapshots: number
  /** VHD files must stay below this size (GB). */
  vhdMaxGB: number
  /** VHDX limit (GB), null where VHDX does not exist. */
  vhdxMaxGB: number | null
}

export interface HostLimits {
  /** Logical processors the hypervisor supports. */
  logicalProcessors: number | null
  /** Physical memory per host, GB: one figure, or one per host OS edition where the edition decides. */
  ramGB: number | Record<HostEdition, number> | null
  runningVms: number | null
  virtualProcessors: number | null
  /** Largest cluster, in nodes. */
  clusterNodes: number | null
  /** Most VMs in one failover cluster. */
  clusterVms: number | null
  /** Physical processors (sockets) the host OS addresses, by edition; null where none is set. */
  sockets: Record<HostEdition, number> | null
}

const TB = 1024

/** A host OS edition as far as limits go: the free Hyper-V Server counts as an edition of its own. */
export type HostEdition = 'standard' | 'enterprise' | 'datacenter' | 'hyper-v-server'
/** The free Hyper-V Server has no edition, whatever the plan's edition field says. */
export const hostEdition = (host: Host): HostEdition =>
  host.hypervisor === 'hyper-v-server-2008' || host.hypervisor === 'hyper-v-server-2008-r2' ? 'hyper-v-server' : host.parent.edition

/** Windows Server 2008 host RAM by edition (HV08-HW), and the free Hyper-V Server 2008. */
const HOST_RAM_BY_EDITION_2008: Record<HostEdition, number> = { standard: 32, enterprise: TB, datacenter: TB, 'hyper-v-server': 32 }
/**
 * Windows Server 2008 R2 Standard addresses 32 GB, as 2008 Standard does (Microsoft's memory limits for
 * Windows releases); the catalogue's Standard condition speaks of WS2008 hosts, and its R2 column gives
 * the Hyper-V limit (1 TB) that Enterprise, Datacenter and the edition-less Hyper-V Server 2008 R2 reach.
 */
const HOST_RAM_BY_EDITION_2008_R2: Record<HostEdition, number> = { standard: 32, enterprise: TB, datacenter: TB, 'hyper-v-server': TB }

export const VM_LIMITS: Record<HyperVFamily, VmLimits> = {
  hv2008: { vcpus: { gen1: 4, gen2: 4 }, ramGB: { gen1: 64, gen2: 64 }, nics: { total: 12, synthetic: 8, legacy: 4 }, scsiControllers: 4, disksPerScsiController: 64, snapshots: 50, vhdMaxGB: 2040, vhdxMaxGB: null },
  hv2008r2: { vcpus: { gen1: 4, gen2: 4 }, ramGB: { gen1: 64, gen2: 64 }, nics: { total: 12, synthetic: 8, legacy: 4 }, scsiControllers: 4, disksPerScsiController: 64, snapshots: 50, vhdMaxGB: 2040, vhdxMaxGB: null },
  hv2012: { vcpus: { gen1: 64, gen2: 64 }, ramGB: { gen1: TB, gen2: TB }, nics: null, scsiControllers: 4, disksPerScsiController: 64, snapshots: 50, vhdMaxGB: 2040, vhdxMaxGB: 64 * TB },
  // NICs: WS2016's 12 (B.1), split as on 2008/R2 (8 synthetic + 4 legacy); WS2019's 68 is in NICS_BY_HYPERVISOR: read nicLimits.
  hv2016: { vcpus: { gen1: 64, gen2: 240 }, ramGB: { gen1: TB, gen2: 12 * TB }, nics: { total: 12, synthetic: 8, legacy: 4 }, scsiControllers: 4, disksPerScsiController: 64, snapshots: 50, vhdMaxGB: 2040, vhdxMaxGB: 64 * TB },
  // The catalogue's tables stop at Windows Server 2016/2019: for 2022 and 2025 only the limits of
  // the disk formats and of a VM's controllers and checkpoints, which have not changed since, are given.
  hv2022: { vcpus: null, ramGB: null, nics: null, scsiControllers: 4, disksPerScsiController: 64, snapshots: 50, vhdMaxGB: 2040, vhdxMaxGB: 64 * TB },
  hv2025: { vcpus: null, ramGB: null, nics: null, scsiControllers: 4, disksPerScsiController: 64, snapshots: 50, vhdMaxGB: 2040, vhdxMaxGB: 64 * TB },
}

/** Network adapters per VM where the two versions of one column differ: WS2019 has 64 synthetic + 4 legacy (B.1). */
const NICS_BY_HYPERVISOR: Partial<Record<Hypervisor, VmLimits['nics']>> = { 'hyper-v-2019': { total: 68, synthetic: 64, legacy: 4 } }

/** The network adapters a VM of this host can have; null where the catalogue gives no figure. */
export const nicLimits = (host: Host): VmLimits['nics'] => {
  const family = hyperVFamily(host)
  return family === null ? null : NICS_BY_HYPERVISOR[host.hypervisor] ?? VM_LIMITS[family].nics
}

/**
 * Sockets (B.2 "Physical processors"): the free Hyper-V Server 2008 addresses 4 and Hyper-V Server 2008
 * R2 8 (HVS-BLOG); for Windows Server 2008 and 2008 R2 the catalogue says "edition-dependent", and
 * Microsoft's comparison of the editions gives Standard 4, Enterprise 8 and Datacenter 64 (x64).
 * Windows Server 2012 and later set no socket limit.
 */
const SOCKETS_2008: Record<HostEdition, number> = { standard: 4, enterprise: 8, datacenter: 64, 'hyper-v-server': 4 }
const SOCKETS_2008_R2: Record<HostEdition, number> = { standard: 4, enterprise: 8, datacenter: 64, 'hyper-v-server': 8 }

/**
 * Per-host limits, and the failover cluster a host can be a node of (B.2): 16 nodes on 2008 and 2008 R2
 * (1,000 VMs per cluster on R2; the catalogue gives no VM figure for 2008), 64 nodes and 8,000 VMs from
 * 2012. The free Hyper-V Server 2008 has no failover clustering at all (NO_CLUSTERING).
 * hv2008: 16 logical processors and 128 running VMs at RTM; KB956710 raises the
 * Windows Server 2008 role to 24 and 192 (LP_LIMIT_HV2008_KB956710, RUNNING_VMS_HV2008_KB956710).
 */
export const HOST_LIMITS: Record<HyperVFamily, HostLimits> = {
  hv2008: { logicalProcessors: 16, ramGB: HOST_RAM_BY_EDITION_2008, runningVms: 128, virtualProcessors: null, clusterNodes: 16, clusterVms: null, sockets: SOCKETS_2008 },
  hv2008r2: { logicalProcessors: 64, ramGB: HOST_RAM_BY_EDITION_2008_R2, runningVms: 384, virtualProcessors: 512, clusterNodes: 16, clusterVms: 1000, sockets: SOCKETS_2008_R2 },
  hv2012: { logicalProcessors: 320, ramGB: 4 * TB, runningVms: 1024, virtualProcessors: 2048, clusterNodes: 64, clusterVms: 8000, sockets: null },
  hv2016: { logicalProcessors: 512, ramGB: 24 * TB, runningVms: 1024, virtualProcessors: 2048, clusterNodes: 64, clusterVms: 8000, sockets: null },
  // No figures in the catalogue for Windows Server 2022 and 2025: the host rules stay silent there.
  hv2022: { logicalProcessors: null, ramGB: null, runningVms: null, virtualProcessors: null, clusterNodes: null, clusterVms: null, sockets: null },
  hv2025: { logicalProcessors: null, ramGB: null, runningVms: null, virtualProcessors: null, clusterNodes: null, clusterVms: null, sockets: null },
}
export const LP_LIMIT_HV2008_KB956710 = 24
export const RUNNING_VMS_HV2008_KB956710 = 192
/** Hypervisors with no failover clustering (B.2: Hyper-V Server 2008, "no HA / no live migration"). */
export const NO_CLUSTERING: readonly Hypervisor[] = ['hyper-v-server-2008']
/**
 * KB956710 raises the Windows Server 2008 role's limits (not the free Hyper-V Server 2008's). The
 * plan cannot say whether it is installed, so between the two limits a finding says what it takes.
 */
export const raisedByKb956710 = (host: Host): boolean => host.hypervisor === 'hyper-v-2008'

/** Per-VM memory where Windows Server 2008 Standard is involved (HV08-HW). */
export const VM_RAM_WS2008_STANDARD_GB = 31
/** Windows Server 2003 guests: at most 2 virtual processors (Hyper-V BPA rule 500). */
export const WS2003_GUEST_VCPU_MAX = 2
/** Virtual IDE: 2 controllers × 2 devices. */
export const IDE_DEVICES_PER_CONTROLLER = 2
/** A VM's virtual controllers, in the order a quick fix fills them: the two IDE, the four SCSI. */
export const IDE_CONTROLLERS: readonly Controller[] = CONTROLLERS.filter((controller) => controller.startsWith('ide'))
export const SCSI_CONTROLLERS: readonly Controller[] = CONTROLLERS.filter((controller) => controller.startsWith('scsi'))

/** The disks a VM has on one virtual controller (guest-attached disks sit on none). */
export const disksOn = (vm: Vm, controller: Controller): VirtualDisk[] => vm.disks.filter((disk) => controllerOf(disk) === controller)

/** Host RAM kept for the parent partition when summing VM memory (catalogue default). */
export const PARENT_RESERVE_GB = 2

/**
 * Hypervisors that overcommit memory by themselves (VMware ESX ballooning and swapping, and the
 * unnamed third-party ones). Hyper-V and Virtual Server back every VM's memory: a VM that does not
 * fit does not start. On the former an overcommitted host is `dynamic-memory-unsupported` for its
 * Exchange VMs rather than `host-memory-not-overcommitted` (rules-catalogue.md).
 */
export const OVERCOMMITTING_HYPERVISORS: readonly Hypervisor[] = ['vmware-esx', 'third-party']
/** Hyper-V with Dynamic Memory: Windows Server 2008 R2 (from SP1) and later, not 2008. */
export const hasDynamicMemory = (host: Host): boolean =>
  isHyperV(host) && host.hypervisor !== 'hyper-v-2008' && host.hypervisor !== 'hyper-v-server-2008'

/** The memory a host's VMs are given plus the parent reserve, against the host's RAM. */
export function hostMemory(host: Host): { vmGB: number; neededGB: number; overcommitted: boolean } {
  // A loop, not sum(map(...)): several rules ask for every host, and the list was garbage.
  let total = 0
  for (const vm of host.vms) total += vm.ramGB
  const vmGB = roundSum(total)
  const neededGB = roundSum(vmGB + PARENT_RESERVE_GB)
  return { vmGB, neededGB, overcommitted: host.vms.length > 0 && neededGB > host.hardware.ramGB }
}
/**
 * What takes its share of a host's processors beside the VMs, in words: Hyper-V's root OS, a hosted
 * hypervisor's Windows host OS (Virtual Server), or a bare-metal hypervisor itself (VMware ESX).
 */
export const overheadName = (host: Host): 'root OS' | 'host OS' | 'hypervisor' =>
  isHyperV(host) ? 'root OS' : hasWindowsHostOs(host.hypervisor) ? 'host OS' : 'hypervisor'

/** What Hyper-V calls its guest drivers: integration services from Windows Server 2012 R2 on, integration components before. */
export const icName = (host: Host): string => (CHECKPOINT_HYPERVISORS.includes(host.hypervisor) ? 'integration services' : 'integration components')

/** The root OS counts as about 2 virtual processors of load in the Exchange vCPU:core ratio. */
export const ROOT_VCPU_BASELINE = 2
/** A host's load in the vCPU:core ratio: every VM's virtual processors plus the root baseline. */
export function virtualProcessorLoad(host: Host): number {
  let vcpus = ROOT_VCPU_BASELINE
  for (const vm of host.vms) vcpus += vm.vcpus
  return vcpus
}
/** Space the root OS needs for itself alone, GB (E2013-VIRT: at least 10 GB); its page file and crash dumps need more, by no figure. */
export const ROOT_OS_SPACE_GB = 10
/** Guest OS disk: at least this many GB plus the VM's memory. */
export const GUEST_OS_DISK_BASE_GB = 15
/** Versions whose documentation states the 15 GB + RAM OS disk minimum; later ones dropped it. */
export const OS_DISK_SIZE_STATED: readonly ExchangeVersion[] = ['2007', '2010', '2013']
/** Organisations above this many mailboxes kept Mailbox on bare metal (seed conclusion). */
export const LARGE_ORG_MAILBOXES = 4000
/** Virtual Server 2005 R2 guests: one 32-bit virtual processor and about 3.6 GB of memory. */
export const VIRTUAL_SERVER_GUEST = { vcpus: 1, ramGB: 3.6 }

export const WS2003_GUESTS: readonly GuestOs[] = ['ws2003-x86', 'ws2003-sp2-x86', 'ws2003-sp2-x64']

export const physicalCores = (host: Host): number => host.hardware.sockets * host.hardware.coresPerSocket
export const logicalProcessors = (host: Host): number => physicalCores(host) * host.hardware.threadsPerCore

/** Guests that can run as Generation 2 VMs: 64-bit Windows Server 2012 and later. */
export const GENERATION_2_GUESTS: readonly GuestOs[] = ['ws2012', 'ws2012-r2', 'ws2016', 'ws2019', 'ws2022', 'ws2025']

/**
 * The virtual controller a disk sits on. A disk the guest reaches through its own iSCSI initiator
 * or Fibre Channel HBA sits on none, whatever a hand-written plan gives it.
 */
export const controllerOf = (disk: VirtualDisk): Controller | null =>
  GUEST_ATTACHED_KINDS.includes(disk.kind) ? null : disk.controller

/** True on a Hyper-V that has Generation 2 VMs: Windows Server 2012 R2 and later. */
export function canBeGeneration2(host: Host): boolean {
  const family = hyperVFamily(host)
  if (family === null || family === 'hv2008' || family === 'hv2008r2') return false
  return !(family === 'hv2012' && host.hypervisor === 'hyper-v-2012')
}

/**
 * Hyper-V 2012 R2 and later can boot Generation 2 VMs from SCSI; a VM there whose OS disk is on
 * SCSI and whose guest can run as Generation 2 is taken to be one, all others Generation 1 (an
 * older guest on SCSI is a Generation 1 VM that cannot boot). A Generation 2 VM has no IDE
 * controller and no legacy network adapter, so a VM with either is Generation 1.
 */
export function vmGeneration(vm: Vm, host: Host): 1 | 2 {
  if (!canBeGeneration2(host)) return 1
  if (!GENERATION_2_GUESTS.includes(vm.guestOs)) return 1
  if (vm.disks.some((disk) => controllerOf(disk)?.startsWith('ide')) || vm.network.some((nic) => nic.adapter === 'legacy')) return 1
  const boot = vm.disks.find((disk) => disk.contents.includes('os'))
  return boot !== undefined && controllerOf(boot)?.startsWith('scsi') ? 2 : 1
}
