/** The enumerations of plan-format.md, in the order the format lists them. */

export const HYPERVISORS = [
  'none', 'hyper-v-2008', 'hyper-v-server-2008', 'hyper-v-2008-r2', 'hyper-v-server-2008-r2',
  'hyper-v-2012', 'hyper-v-2012-r2', 'hyper-v-2016', 'hyper-v-2019', 'hyper-v-2022', 'hyper-v-2025',
  'virtual-server-2005-r2-sp1', 'virtual-pc', 'vmware-esx', 'third-party',
] as const
export type Hypervisor = (typeof HYPERVISORS)[number]
/** Hypervisors that run on the hardware itself, with no Windows host OS beneath the guests. */
export const HYPERVISORS_WITHOUT_HOST_OS: readonly Hypervisor[] = ['vmware-esx', 'third-party']
/** False for VMware ESX and other bare-metal hypervisors: the host has no Windows OS of its own. */
export const hasWindowsHostOs = (hypervisor: Hypervisor): boolean => !HYPERVISORS_WITHOUT_HOST_OS.includes(hypervisor)
/** Windows Server Hyper-V or Hyper-V Server, of any version. */
export const isHyperVHypervisor = (hypervisor: Hypervisor): boolean => hypervisor.startsWith('hyper-v')
/** Hyper-V from Windows Server 2012 R2 on, which calls snapshots checkpoints and its guest drivers integration services. */
export const CHECKPOINT_HYPERVISORS: readonly Hypervisor[] = ['hyper-v-2012-r2', 'hyper-v-2016', 'hyper-v-2019', 'hyper-v-2022', 'hyper-v-2025']
/** Microsoft's hosted hypervisors before Hyper-V: Windows Server 2003's Virtual Server and Virtual PC. */
export const VIRTUAL_SERVER_HYPERVISORS: readonly Hypervisor[] = ['virtual-server-2005-r2-sp1', 'virtual-pc']

export const EDITIONS = ['standard', 'enterprise', 'datacenter', 'hyper-v-server'] as const
export const INSTALLATIONS = ['core', 'full'] as const
export const WINDOWS_ROLES = ['hyper-v', 'ad-ds', 'dns', 'dhcp', 'file-server', 'iis', 'print-server'] as const
export type WindowsRole = (typeof WINDOWS_ROLES)[number]
export const MOBILITY = ['none', 'quick-migration', 'live-migration'] as const

export const HOST_DISK_CONTENTS = ['os', 'vm-files', 'database', 'logs', 'queue', 'pagefile', 'other'] as const
export const VM_DISK_CONTENTS = ['os', 'database', 'logs', 'queue', 'pagefile', 'other'] as const
export type DiskContent = (typeof HOST_DISK_CONTENTS)[number]

export const GUEST_OS = [
  'ws2000-sp4', 'ws2003-x86', 'ws2003-sp2-x86', 'ws2003-sp2-x64', 'ws2008-x86', 'ws2008-x64',
  'ws2008-sp2-x64', 'ws2008-r2', 'ws2008-r2-sp1', 'ws2012', 'ws2012-r2', 'ws2016', 'ws2019',
  'ws2022', 'ws2025', 'sles-10', 'other',
] as const
export type GuestOs = (typeof GUEST_OS)[number]

export const IC_LEVELS = ['none', 'beta', 'rtm'] as const
export const STOP_ACTIONS = ['shutdown', 'save', 'turn-off'] as const
export const NIC_ADAPTERS = ['synthetic', 'legacy'] as const
export const NIC_SWITCHES = ['external', 'internal', 'private'] as const

export const DISK_KINDS = [
  'fixed-vhd', 'dynamic-vhd', 'differencing-vhd', 'fixed-vhdx', 'dynamic-vhdx', 'pass-through',
  'iscsi-guest', 'fc-guest',
] as const
export type DiskKind = (typeof DISK_KINDS)[number]
/** Virtual disks that are files on a host disk. */
export const FILE_DISK_KINDS: readonly DiskKind[] = ['fixed-vhd', 'dynamic-vhd', 'differencing-vhd', 'fixed-vhdx', 'dynamic-vhdx']
/** Virtual disks the guest reaches itself, with no virtual controller, backed by a LUN. */
export const GUEST_ATTACHED_KINDS: readonly DiskKind[] = ['iscsi-guest', 'fc-guest']

export const CONTROLLERS = ['ide0', 'ide1', 'scsi0', 'scsi1', 'scsi2', 'scsi3'] as const
export type Controller = (typeof CONTROLLERS)[number]

export const BACKUP_METHODS = ['none', 'agent', 'host-vss', 'host-file-copy'] as const
export const EXCHANGE_VERSIONS = ['2003', '2007', '2010', '2013', '2016', '2019', 'se'] as const
export type ExchangeVersion = (typeof EXCHANGE_VERSIONS)[number]
export const EXCHANGE_ROLES = ['mailbox', 'client-access', 'hub-transport', 'edge-transport', 'unified-messaging'] as const
export type ExchangeRole = (typeof EXCHANGE_ROLES)[number]

/**
 * The server roles of the Exchange versions that have fewer than all five: Exchange 2003 has back-end
 * (Mailbox) and front-end (Client Access) servers; from 2013 transport and Unified Messaging are
 * services of other roles, from 2016 client access too, and 2019 dropped Unified Messaging.
 */
export const VERSION_ROLES: Partial<Record<ExchangeVersion, readonly ExchangeRole[]>> = {
  '2003': ['mailbox', 'client-access'],
  '2013': ['mailbox', 'client-access', 'edge-transport'],
  '2016': ['mailbox', 'edge-transport'],
  '2019': ['mailbox', 'edge-transport'],
  se: ['mailbox', 'edge-transport'],
}
/** True when the version has no such server role (Hub Transport on 2019); 2007 and 2010 have all five. */
export const lacksRole = (version: ExchangeVersion, role: ExchangeRole): boolean => VERSION_ROLES[version]?.includes(role) === false
export const EXCHANGE_CLUSTER_KINDS = ['ccr', 'scc', 'dag', 'windows'] as const
export type ExchangeClusterKind = (typeof EXCHANGE_CLUSTER_KINDS)[number]
export const PROTOCOLS = ['fc', 'iscsi', 'sas', 'nfs', 'smb', 'smb3'] as const
export type Protocol = (typeof PROTOCOLS)[number]
/** File-level (NAS) protocols; the rest are block storage. */
export const FILE_PROTOCOLS: readonly Protocol[] = ['nfs', 'smb', 'smb3']
