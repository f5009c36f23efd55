import type { DiskKind, GuestOs, Hypervisor, Protocol } from '../model/enums.ts'
import type { Plan } from '../model/plan.ts'
import type { RuleCases } from '../testing/rule-cases.ts'
import { edit, first, lun, physicalDisk, storageArray } from '../testing/plan-builder.ts'
import { databaseAs } from './exchange-2010.cases.ts'
import { bareMetal, change, install, soundFor } from './exchange-modern.cases.ts'

const sound2016 = soundFor('2016')
const sound2019 = soundFor('2019')

/** EX01's database as a `kind` file on share FS01-EX of FS01 (`protocol`), mapped on HV01 as Disk 4. */
export const databaseOnShare = (base: Plan, kind: DiskKind, protocol: Protocol = 'smb3', hypervisor?: Hypervisor) => edit(base, (d) => {
  const { host, vm: ex01 } = first(d)
  if (hypervisor) host.hypervisor = hypervisor
  d.storage.push(storageArray({ id: 'fs01', protocol, luns: [lun({ id: 'fs01-ex', name: 'FS01-EX' })] }))
  host.disks.push(physicalDisk({ id: 'hv01-share', name: 'Disk 4', online: true, contents: ['vm-files'], lun: 'fs01-ex' }))
  Object.assign(ex01.disks[1]!, { kind, backing: 'hv01-share' })
})

const memory = (base: Plan, roles: ('mailbox' | 'edge-transport')[], ramGB: number) =>
  change(base, ({ vm: ex01 }) => { ex01.ramGB = ramGB; ex01.exchange!.roles = roles })

const guest = (base: Plan, guestOs: GuestOs) => change(base, ({ vm: ex01 }) => { ex01.guestOs = guestOs })

export const cases: RuleCases[] = [
  {
    rule: 'e16-guest-os',
    fires: [
      { name: 'Exchange 2019 on Windows Server 2016', plan: guest(sound2019, 'ws2016'), subjects: ['ex01'], severity: 'error' },
      { name: 'Exchange 2016 on Windows Server 2019', plan: guest(sound2016, 'ws2019'), subjects: ['ex01'] },
      { name: 'Exchange 2016 on Windows Server 2008 R2 SP1', plan: guest(sound2016, 'ws2008-r2-sp1'), subjects: ['ex01'] },
      { name: 'Exchange SE on Windows Server 2012 R2', plan: guest(soundFor('se'), 'ws2012-r2'), subjects: ['ex01'] },
    ],
    silent: [
      { name: 'Exchange 2016 on Windows Server 2016', plan: sound2016 },
      { name: 'Exchange 2016 on Windows Server 2012', plan: guest(sound2016, 'ws2012') },
      { name: 'Exchange 2016 RTM on Windows Server 2012 R2', plan: change(guest(sound2016, 'ws2012-r2'), ({ vm: ex01 }) => { ex01.exchange!.update = 'rtm' }) },
      { name: 'Exchange 2019 on Windows Server 2019', plan: sound2019 },
      { name: 'Exchange 2019 on Windows Server 2022', plan: guest(sound2019, 'ws2022') },
      { name: 'Exchange 2019 CU14 on Windows Server 2025 (on the list; the update is exchange-update-for-guest-os\'s)', plan: guest(sound2019, 'ws2025') },
      { name: 'Exchange 2016 RTM on Windows Server 2016 (on the list; the update is exchange-update-for-guest-os\'s)', plan: change(sound2016, ({ vm: ex01 }) => { ex01.exchange!.update = 'rtm' }) },
      { name: 'Exchange SE on Windows Server 2025', plan: guest(soundFor('se'), 'ws2025') },
      { name: 'Exchange 2013 on Windows Server 2016 (e2013-guest-os covers it)', plan: guest(soundFor('2013'), 'ws2016') },
    ],
  },
  {
    rule: 'e16-storage-types',
    fires: [
      { name: 'Exchange 2016 database on a guest Fibre Channel disk', plan: databaseAs(sound2016, 'fc-guest', 'hyper-v-2016'), subjects: ['ex01-db'], severity: 'error' },
      { name: 'Exchange 2019 database on a dynamic disk on VMware ESX', plan: databaseAs(change(sound2019, ({ host }) => { host.svvpValidated = true }), 'dynamic-vhdx', 'vmware-esx'), subjects: ['ex01-db'] },
    ],
    silent: [
      { name: 'Exchange 2016 database on a dynamic VHDX on Hyper-V', plan: databaseAs(sound2016, 'dynamic-vhdx', 'hyper-v-2016') },
      { name: 'a guest Fibre Channel disk holding no Exchange data', plan: change(databaseAs(sound2016, 'fc-guest', 'hyper-v-2016'), ({ vm: ex01 }) => { ex01.disks[1]!.contents = ['other'] }) },
      { name: 'Exchange 2013 database on a guest Fibre Channel disk (e2013-storage-types covers it)', plan: databaseAs(soundFor('2013'), 'fc-guest', 'hyper-v-2012-r2') },
    ],
  },
  {
    rule: 'smb3-fixed-vhd-only',
    fires: [
      { name: 'Exchange 2016 database on a dynamic VHDX on an SMB 3.0 share', plan: databaseOnShare(sound2016, 'dynamic-vhdx'), subjects: ['ex01-db'], severity: 'error' },
      { name: 'Exchange SE database on a dynamic VHDX on an SMB 3.0 share', plan: databaseOnShare(soundFor('se'), 'dynamic-vhdx'), subjects: ['ex01-db'] },
      { name: 'Exchange 2016 fixed VHDX on an SMB share before 3.0', plan: databaseOnShare(sound2016, 'fixed-vhdx', 'smb'), subjects: ['ex01-db'] },
      { name: 'Exchange 2016 fixed VHDX on an NFS share', plan: databaseOnShare(sound2016, 'fixed-vhdx', 'nfs'), subjects: ['ex01-db'] },
      { name: 'fixed VHD on SMB 3.0 from Windows Server 2008 R2 Hyper-V', plan: databaseOnShare(sound2016, 'fixed-vhd', 'smb3', 'hyper-v-2008-r2'), subjects: ['ex01-db'] },
      { name: 'Exchange 2019 database on the share itself, passed through (not inside a VHD)', plan: databaseOnShare(sound2019, 'pass-through'), subjects: ['ex01-db'] },
    ],
    silent: [
      { name: 'Exchange 2016 database on a fixed VHDX on an SMB 3.0 share', plan: databaseOnShare(sound2016, 'fixed-vhdx') },
      { name: 'Exchange 2019 database on a fixed VHD on an SMB 3.0 share from Windows Server 2016 Hyper-V', plan: databaseOnShare(sound2019, 'fixed-vhd', 'smb3', 'hyper-v-2016') },
      { name: 'Exchange 2013 database on a dynamic VHDX on an SMB 3.0 share (the 2013 text allows it)', plan: databaseOnShare(soundFor('2013'), 'dynamic-vhdx') },
      { name: 'Exchange 2016 database on a dynamic VHDX on a Fibre Channel LUN', plan: databaseOnShare(sound2016, 'dynamic-vhdx', 'fc') },
    ],
  },
  {
    rule: 'smb3-vhd-only',
    fires: [
      { name: 'Exchange 2013 fixed VHDX on an SMB share before 3.0', plan: databaseOnShare(soundFor('2013'), 'fixed-vhdx', 'smb'), subjects: ['ex01-db'], severity: 'error' },
      { name: 'Exchange 2013 fixed VHD on SMB 3.0 from Windows Server 2008 R2 Hyper-V', plan: databaseOnShare(soundFor('2013'), 'fixed-vhd', 'smb3', 'hyper-v-2008-r2'), subjects: ['ex01-db'] },
      { name: 'Exchange 2013 database on the share itself, passed through', plan: databaseOnShare(soundFor('2013'), 'pass-through'), subjects: ['ex01-db'] },
    ],
    silent: [
      { name: 'Exchange 2013 database on a dynamic VHDX on an SMB 3.0 share (the 2013 text allows fixed or dynamic)', plan: databaseOnShare(soundFor('2013'), 'dynamic-vhdx') },
      { name: 'Exchange 2013 database on a fixed VHDX on an SMB 3.0 share', plan: databaseOnShare(soundFor('2013'), 'fixed-vhdx') },
      { name: 'Exchange 2016 fixed VHDX on an SMB share before 3.0 (smb3-fixed-vhd-only speaks)', plan: databaseOnShare(sound2016, 'fixed-vhdx', 'smb') },
    ],
  },
  {
    // One cause, one finding: a dynamic VHDX on an SMB 3.0 share is reported as smb3-fixed-vhd-only only.
    rule: 'nas-storage-unsupported',
    fires: [],
    silent: [
      { name: 'Exchange 2019 database on a dynamic VHDX on an SMB 3.0 share', plan: databaseOnShare(sound2019, 'dynamic-vhdx') },
    ],
  },
  {
    rule: 'e16-min-memory',
    fires: [
      { name: 'Exchange 2016 Mailbox with 6 GB', plan: memory(sound2016, ['mailbox'], 6), subjects: ['ex01'], severity: 'error' },
      { name: 'Exchange 2016 Edge Transport with 3 GB', plan: memory(sound2016, ['edge-transport'], 3), subjects: ['ex01'] },
    ],
    silent: [
      { name: 'Exchange 2016 Mailbox with 8 GB', plan: memory(sound2016, ['mailbox'], 8) },
      { name: 'Exchange 2019 Mailbox with 6 GB (e19-recommended-memory covers it)', plan: memory(sound2019, ['mailbox'], 6) },
      { name: 'Exchange 2013 Mailbox with 6 GB (e2013-min-memory covers it)', plan: change(soundFor('2013'), ({ vm: ex01 }) => { ex01.ramGB = 6 }) },
    ],
  },
  {
    rule: 'e19-recommended-memory',
    fires: [
      { name: 'Exchange 2019 Mailbox with 64 GB', plan: memory(sound2019, ['mailbox'], 64), subjects: ['ex01'], severity: 'warning' },
      { name: 'Exchange SE Edge Transport with 32 GB', plan: memory(soundFor('se'), ['edge-transport'], 32), subjects: ['ex01'] },
      { name: 'bare-metal Exchange 2019 Mailbox server with 96 GB of RAM', plan: bareMetal(install('2019'), { ramGB: 96 }), subjects: ['bm01'] },
    ],
    silent: [
      { name: 'Exchange 2019 Mailbox with 128 GB', plan: sound2019 },
      { name: 'Exchange 2019 Edge Transport with 64 GB', plan: memory(sound2019, ['edge-transport'], 64) },
      { name: 'Exchange 2016 Mailbox with 16 GB', plan: sound2016 },
    ],
  },
  {
    rule: 'e19-cores',
    fires: [
      { name: 'Exchange 2016 VM with 32 virtual processors', plan: change(sound2016, ({ vm: ex01 }) => { ex01.vcpus = 32 }), subjects: ['ex01'], severity: 'warning' },
      { name: 'Exchange 2019 VM with 64 virtual processors', plan: change(sound2019, ({ vm: ex01 }) => { ex01.vcpus = 64 }), subjects: ['ex01'] },
      { name: 'bare-metal Exchange 2019 server with 4 sockets', plan: bareMetal(install('2019'), { sockets: 4 }), subjects: ['bm01'] },
      { name: 'Exchange 2019 VM with 300 GB of memory (2019 supports up to 256 GB)', plan: change(sound2019, ({ vm: ex01, host: h }) => { ex01.ramGB = 300; h.hardware.ramGB = 512 }), subjects: ['ex01'] },
      { name: 'Exchange 2016 VM with 200 GB of memory', plan: change(sound2016, ({ vm: ex01, host: h }) => { ex01.ramGB = 200; h.hardware.ramGB = 512 }), subjects: ['ex01'] },
    ],
    silent: [
      { name: 'Exchange 2016 VM with 24 virtual processors', plan: change(sound2016, ({ vm: ex01 }) => { ex01.vcpus = 24 }) },
      { name: 'Exchange 2019 VM with 48 virtual processors', plan: change(sound2019, ({ vm: ex01 }) => { ex01.vcpus = 48 }) },
      { name: 'Exchange 2019 VM with 256 GB of memory', plan: change(sound2019, ({ vm: ex01, host: h }) => { ex01.ramGB = 256; h.hardware.ramGB = 512 }) },
      { name: 'Exchange 2016 VM with 192 GB of memory', plan: change(sound2016, ({ vm: ex01, host: h }) => { ex01.ramGB = 192; h.hardware.ramGB = 512 }) },
      { name: 'bare-metal Exchange 2019 server with 2 sockets of 24 cores', plan: bareMetal(install('2019'), { sockets: 2, coresPerSocket: 24 }) },
      { name: 'Exchange 2013 VM with 32 virtual processors', plan: change(soundFor('2013'), ({ vm: ex01 }) => { ex01.vcpus = 32 }) },
    ],
  },
  {
    rule: 'e19-pa-physical',
    fires: [
      { name: 'virtual Exchange 2019 Mailbox server', plan: sound2019, subjects: ['ex01'], severity: 'info' },
      { name: 'virtual Exchange SE Mailbox server', plan: soundFor('se'), subjects: ['ex01'] },
      { name: 'virtual Exchange 2016 Mailbox server', plan: sound2016, subjects: ['ex01'] },
    ],
    silent: [
      { name: 'virtual Exchange 2019 Edge Transport server', plan: memory(sound2019, ['edge-transport'], 64) },
      { name: 'virtual Exchange 2013 Mailbox server', plan: soundFor('2013') },
      { name: 'bare-metal Exchange 2019 Mailbox server', plan: bareMetal(install('2019')) },
    ],
  },
  {
    rule: 'e19-no-um-role',
    fires: [
      { name: 'Exchange 2019 VM with Mailbox and Unified Messaging', plan: change(sound2019, ({ vm: ex01 }) => { ex01.exchange!.roles = ['mailbox', 'unified-messaging'] }), subjects: ['ex01'], severity: 'error' },
      { name: 'bare-metal Exchange SE server with Unified Messaging', plan: bareMetal({ ...install('se'), roles: ['unified-messaging'] }), subjects: ['bm01'] },
    ],
    silent: [
      { name: 'Exchange 2019 Mailbox server', plan: sound2019 },
      { name: 'Exchange 2016 VM with Mailbox and Unified Messaging', plan: change(sound2016, ({ vm: ex01 }) => { ex01.exchange!.roles = ['mailbox', 'unified-messaging'] }) },
    ],
  },
]
