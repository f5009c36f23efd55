/** Plain-English names for the plan's enumerations, shared by finding messages and the inspector. */
import type {
  BACKUP_METHODS, EDITIONS, EXCHANGE_CLUSTER_KINDS, IC_LEVELS, INSTALLATIONS, MOBILITY, NIC_ADAPTERS,
  NIC_SWITCHES, STOP_ACTIONS,
  Controller, DiskContent, DiskKind, ExchangeRole, ExchangeVersion, GuestOs, Hypervisor, Protocol, WindowsRole,
} from './enums.ts'
import { FILE_PROTOCOLS } from './enums.ts'

export const HYPERVISOR_LABELS: Record<Hypervisor, string> = {
  none: 'None (bare metal)',
  'hyper-v-2008': 'Windows Server 2008 Hyper-V',
  'hyper-v-server-2008': 'Hyper-V Server 2008',
  'hyper-v-2008-r2': 'Windows Server 2008 R2 Hyper-V',
  'hyper-v-server-2008-r2': 'Hyper-V Server 2008 R2',
  'hyper-v-2012': 'Windows Server 2012 Hyper-V',
  'hyper-v-2012-r2': 'Windows Server 2012 R2 Hyper-V',
  'hyper-v-2016': 'Windows Server 2016 Hyper-V',
  'hyper-v-2019': 'Windows Server 2019 Hyper-V',
  'hyper-v-2022': 'Windows Server 2022 Hyper-V',
  'hyper-v-2025': 'Windows Server 2025 Hyper-V',
  'virtual-server-2005-r2-sp1': 'Virtual Server 2005 R2 SP1',
  'virtual-pc': 'Virtual PC',
  'vmware-esx': 'VMware ESX',
  'third-party': 'Other (third-party) hypervisor',
}

export const GUEST_OS_LABELS: Record<GuestOs, string> = {
  'ws2000-sp4': 'Windows 2000 Server SP4',
  'ws2003-x86': 'Windows Server 2003 x86',
  'ws2003-sp2-x86': 'Windows Server 2003 SP2 x86',
  'ws2003-sp2-x64': 'Windows Server 2003 SP2 x64',
  'ws2008-x86': 'Windows Server 2008 x86',
  'ws2008-x64': 'Windows Server 2008 x64',
  'ws2008-sp2-x64': 'Windows Server 2008 SP2 x64',
  'ws2008-r2': 'Windows Server 2008 R2',
  'ws2008-r2-sp1': 'Windows Server 2008 R2 SP1',
  ws2012: 'Windows Server 2012',
  'ws2012-r2': 'Windows Server 2012 R2',
  ws2016: 'Windows Server 2016',
  ws2019: 'Windows Server 2019',
  ws2022: 'Windows Server 2022',
  ws2025: 'Windows Server 2025',
  'sles-10': 'SUSE Linux Enterprise Server 10',
  other: 'Other operating system',
}

export const DISK_KIND_LABELS: Record<DiskKind, string> = {
  'fixed-vhd': 'Fixed VHD',
  'dynamic-vhd': 'Dynamic VHD',
  'differencing-vhd': 'Differencing VHD',
  'fixed-vhdx': 'Fixed VHDX',
  'dynamic-vhdx': 'Dynamic VHDX',
  'pass-through': 'Pass-through disk',
  'iscsi-guest': 'iSCSI disk (guest initiator)',
  'fc-guest': 'Fibre Channel disk (guest HBA)',
}

export const CONTROLLER_LABELS: Record<Controller, string> = {
  ide0: 'IDE 0', ide1: 'IDE 1', scsi0: 'SCSI 0', scsi1: 'SCSI 1', scsi2: 'SCSI 2', scsi3: 'SCSI 3',
}

export const EXCHANGE_ROLE_LABELS: Record<ExchangeRole, string> = {
  mailbox: 'Mailbox',
  'client-access': 'Client Access',
  'hub-transport': 'Hub Transport',
  'edge-transport': 'Edge Transport',
  'unified-messaging': 'Unified Messaging',
}

export const EXCHANGE_VERSION_LABELS: Record<ExchangeVersion, string> = {
  '2003': 'Exchange Server 2003', '2007': 'Exchange Server 2007', '2010': 'Exchange Server 2010',
  '2013': 'Exchange Server 2013', '2016': 'Exchange Server 2016', '2019': 'Exchange Server 2019',
  se: 'Exchange Server Subscription Edition',
}

export const WINDOWS_ROLE_LABELS: Record<WindowsRole, string> = {
  'hyper-v': 'Hyper-V', 'ad-ds': 'AD Domain Services', dns: 'DNS Server', dhcp: 'DHCP Server',
  'file-server': 'File Server', iis: 'Web Server (IIS)', 'print-server': 'Print Server',
}

export const PROTOCOL_LABELS: Record<Protocol, string> = {
  fc: 'Fibre Channel', iscsi: 'iSCSI', sas: 'SAS', nfs: 'NFS', smb: 'SMB (before 3.0)', smb3: 'SMB 3.0',
}

/**
 * A LUN's name as a sentence names it: "LUN 0" stays "LUN 0", "Mail data" becomes "LUN Mail data";
 * a NAS array's share named so ("Share 0") stays as it is.
 */
export const lunTitle = (name: string): string => (/^(lun|share)(\b|\d)/i.test(name) ? name : `LUN ${name}`)

/** What a LUN of an array of this protocol is: a NAS array's (NFS, SMB) are shares. */
export const lunWord = (protocol: Protocol): 'share' | 'LUN' => (FILE_PROTOCOLS.includes(protocol) ? 'share' : 'LUN')

/** lunWord as a label or a name starts it: "Share of NAS01", "LUN 0". */
export const lunLabel = (protocol: Protocol): 'Share' | 'LUN' => (lunWord(protocol) === 'share' ? 'Share' : 'LUN')

/** A LUN's name as a sentence names it, a NAS array's as a share: "share VMs", "Share 0", "LUN Data". */
export const storageUnitTitle = (name: string, protocol: Protocol): string => unitTitle(name, lunWord(protocol) === 'share')

/** storageUnitTitle for a LUN known only to be a share or not (a canvas node knows that much). */
export const unitTitle = (name: string, share: boolean): string =>
  !share || /^share(\b|\d)/i.test(name) ? lunTitle(name) : `share ${name}`

/** "rtm" → "RTM", "sp1" → "SP1", "cu12" → "CU12". */
export const updateLabel = (update: string): string => update.toUpperCase()

type Of<T extends readonly string[]> = T[number]

export const EDITION_LABELS: Record<Of<typeof EDITIONS>, string> = {
  standard: 'Standard', enterprise: 'Enterprise', datacenter: 'Datacenter', 'hyper-v-server': 'Hyper-V Server (free)',
}

export const INSTALLATION_LABELS: Record<Of<typeof INSTALLATIONS>, string> = {
  core: 'Server Core', full: 'Full installation',
}

export const MOBILITY_LABELS: Record<Of<typeof MOBILITY>, string> = {
  none: 'None', 'quick-migration': 'Quick Migration', 'live-migration': 'Live Migration',
}

export const IC_LEVEL_LABELS: Record<Of<typeof IC_LEVELS>, string> = {
  none: 'Not installed', beta: 'Beta (pre-release)', rtm: 'RTM',
}

export const STOP_ACTION_LABELS: Record<Of<typeof STOP_ACTIONS>, string> = {
  shutdown: 'Shut down the guest', save: 'Save the VM state', 'turn-off': 'Turn off the VM',
}

export const NIC_ADAPTER_LABELS: Record<Of<typeof NIC_ADAPTERS>, string> = {
  synthetic: 'Synthetic', legacy: 'Legacy (emulated)',
}

export const NIC_SWITCH_LABELS: Record<Of<typeof NIC_SWITCHES>, string> = {
  external: 'External switch', internal: 'Internal switch', private: 'Private switch',
}

export const BACKUP_METHOD_LABELS: Record<Of<typeof BACKUP_METHODS>, string> = {
  none: 'No backup',
  agent: 'Exchange-aware agent in the OS',
  'host-vss': 'Hyper-V VSS from the host',
  'host-file-copy': 'VM file copy from the host',
}

/** Short first (a narrow field shows the start): "DAG (database availability group)". */
export const EXCHANGE_CLUSTER_KIND_LABELS: Record<Of<typeof EXCHANGE_CLUSTER_KINDS>, string> = {
  ccr: 'CCR (cluster continuous replication)',
  scc: 'SCC (single copy cluster)',
  dag: 'DAG (database availability group)',
  windows: 'Windows failover cluster',
}

export const DISK_CONTENT_LABELS: Record<DiskContent, string> = {
  os: 'OS', 'vm-files': 'VM files', database: 'Database', logs: 'Logs', queue: 'Transport queue',
  pagefile: 'Page file', other: 'Other',
}

export const APPLICATION_KIND_LABELS: Record<'management' | 'server', string> = {
  management: 'Management agent', server: 'Server application',
}
