import type { DiskKind, Hypervisor } from '../model/enums.ts'
import type { Plan } from '../model/plan.ts'
import type { RuleCases } from '../testing/rule-cases.ts'
import { edit, first, lun, storageArray, virtualDisk, vm } from '../testing/plan-builder.ts'
import { change, soundFor } from './exchange-modern.cases.ts'

const sound2010 = soundFor('2010')

/** A VM that is only a domain controller, with integration components. */
export const dc = (id: string) => vm({ id, guestOs: 'ws2008-r2-sp1', ramGB: 4, roles: ['ad-ds', 'dns'], exchange: null, backup: { method: 'none' } })

/** EX01 as a supported virtual UM server: Exchange 2010 SP1, UM alone, 4 vCPUs, 16 GB, on 8 cores of Hyper-V 2008 R2. */
const um2010 = change(sound2010, ({ vm: ex01 }) => {
  Object.assign(ex01, { vcpus: 4, ramGB: 16 })
  ex01.exchange = { ...ex01.exchange!, update: 'sp1', roles: ['unified-messaging'] }
})
const umWith = (edits: Parameters<typeof change>[1], base: Plan = um2010) => change(base, edits)
const rtm = ({ vm: ex01 }: ReturnType<typeof first>) => { ex01.exchange!.update = 'rtm' }
const mailboxOnly = ({ vm: ex01 }: ReturnType<typeof first>) => { ex01.exchange!.roles = ['mailbox'] }

/** EX01's database disk made a `kind` disk on HV01's Disk 2 (or, for a guest HBA, on an FC LUN). */
export const databaseAs = (base: Plan, kind: DiskKind, hypervisor: Hypervisor = 'hyper-v-2012') => edit(base, (d) => {
  const { host, vm: ex01 } = first(d)
  host.hypervisor = hypervisor
  const db = ex01.disks[1]!
  if (kind === 'fc-guest') {
    d.storage.push(storageArray({ id: 'san01', luns: [lun({ id: 'san01-db' })] }))
    Object.assign(db, { kind, controller: null, backing: 'san01-db' })
  } else db.kind = kind
})

export const cases: RuleCases[] = [
  {
    rule: 'e2010-hypervisor-supported',
    fires: [
      { name: 'Exchange 2010 on Windows Server 2012 R2 Hyper-V', plan: change(sound2010, ({ host }) => { host.hypervisor = 'hyper-v-2012-r2' }), subjects: ['ex01'], severity: 'error' },
      { name: 'Exchange 2010 on VMware ESX not marked SVVP-validated', plan: change(sound2010, ({ host }) => { host.hypervisor = 'vmware-esx' }), subjects: ['ex01'] },
      { name: 'Exchange 2010 on Virtual Server 2005 R2 SP1', plan: change(sound2010, ({ host }) => { host.hypervisor = 'virtual-server-2005-r2-sp1' }), subjects: ['ex01'] },
    ],
    silent: [
      { name: 'Exchange 2010 on Windows Server 2008 R2 Hyper-V', plan: sound2010 },
      { name: 'Exchange 2010 on Windows Server 2012 Hyper-V', plan: change(sound2010, ({ host }) => { host.hypervisor = 'hyper-v-2012' }) },
      { name: 'Exchange 2010 on SVVP-validated VMware ESX', plan: change(sound2010, ({ host }) => { host.hypervisor = 'vmware-esx'; host.svvpValidated = true }) },
      { name: 'Exchange 2013 on Windows Server 2012 R2 Hyper-V', plan: soundFor('2013') },
    ],
  },
  {
    rule: 'e2010-guest-os',
    fires: [
      { name: 'Windows Server 2008 x64 before SP2', plan: change(sound2010, ({ vm: ex01 }) => { ex01.guestOs = 'ws2008-x64' }), subjects: ['ex01'], severity: 'error' },
      { name: 'Windows Server 2012', plan: change(sound2010, ({ vm: ex01 }) => { ex01.guestOs = 'ws2012' }), subjects: ['ex01'] },
    ],
    silent: [
      { name: 'Windows Server 2008 SP2 x64', plan: change(sound2010, ({ vm: ex01 }) => { ex01.guestOs = 'ws2008-sp2-x64' }) },
      { name: 'Windows Server 2008 R2 SP1', plan: sound2010 },
      { name: 'Exchange 2013 on Windows Server 2012', plan: change(soundFor('2013'), ({ vm: ex01 }) => { ex01.guestOs = 'ws2012' }) },
    ],
  },
  {
    rule: 'e2010-um-rtm',
    fires: [
      { name: 'Unified Messaging on Exchange 2010 RTM', plan: umWith(rtm), subjects: ['ex01'], severity: 'error' },
    ],
    silent: [
      { name: 'Unified Messaging on Exchange 2010 SP1', plan: um2010 },
      { name: 'Mailbox on Exchange 2010 RTM', plan: umWith((parts) => { rtm(parts); mailboxOnly(parts) }) },
      { name: 'Unified Messaging on Exchange 2007 (um-role-virtualized covers it)', plan: change(soundFor('2007'), ({ vm: ex01 }) => { ex01.exchange!.roles = ['unified-messaging'] }) },
    ],
  },
  {
    rule: 'e2010-um-only-role',
    fires: [
      { name: 'Unified Messaging with Mailbox and Client Access', plan: umWith(({ vm: ex01 }) => { ex01.exchange!.roles = ['mailbox', 'client-access', 'unified-messaging'] }), subjects: ['ex01'], severity: 'error' },
    ],
    silent: [
      { name: 'Unified Messaging alone', plan: um2010 },
      { name: 'Unified Messaging with Mailbox on RTM (e2010-um-rtm covers it)', plan: umWith((parts) => { rtm(parts); parts.vm.exchange!.roles = ['mailbox', 'unified-messaging'] }) },
      { name: 'Exchange 2016 Mailbox with Unified Messaging', plan: change(soundFor('2016'), ({ vm: ex01 }) => { ex01.exchange!.roles = ['mailbox', 'unified-messaging'] }) },
    ],
  },
  {
    rule: 'e2010-um-vcpu',
    fires: [
      { name: 'UM server with 2 virtual processors', plan: umWith(({ vm: ex01 }) => { ex01.vcpus = 2 }), subjects: ['ex01'], severity: 'error' },
      { name: 'UM server in a Windows Server 2003 guest, which Hyper-V gives at most 2 (e2010-guest-os asks for a new guest too)', plan: umWith(({ vm: ex01 }) => { ex01.vcpus = 2; ex01.guestOs = 'ws2003-sp2-x64' }), subjects: ['ex01'] },
    ],
    silent: [
      { name: 'UM server with 4 virtual processors', plan: um2010 },
      { name: 'Exchange 2010 Mailbox server with 2 virtual processors', plan: umWith((parts) => { parts.vm.vcpus = 2; mailboxOnly(parts) }) },
      { name: 'RTM UM server with 2 virtual processors (e2010-um-rtm covers it)', plan: umWith((parts) => { parts.vm.vcpus = 2; rtm(parts) }) },
    ],
  },
  {
    rule: 'e2010-um-no-oversubscription',
    fires: [
      { name: 'UM server on a host with fewer than 4 cores', plan: umWith(({ host }) => { Object.assign(host.hardware, { sockets: 1, coresPerSocket: 2 }) }), subjects: ['ex01'], severity: 'error' },
      { name: 'another VM takes the host past 1:1 (10 vCPUs on 8 cores)', plan: umWith(({ host }) => { host.vms.push(vm({ id: 'ex02', vcpus: 6 })) }), subjects: ['ex01'] },
      {
        name: 'a 2-vCPU UM server whose host is below 1:1 today, but leaves it only 3 free cores of the 4 it needs',
        plan: umWith(({ host, vm: ex01 }) => { ex01.vcpus = 2; host.vms.push(vm({ id: 'ex02', vcpus: 5 })) }),
        subjects: ['ex01'],
      },
    ],
    silent: [
      { name: 'UM server alone on 8 cores', plan: um2010 },
      { name: 'UM server alone on exactly 4 cores (1:1)', plan: umWith(({ host }) => { host.hardware.coresPerSocket = 2 }) },
      { name: 'UM server and another VM using exactly the 8 cores (1:1)', plan: umWith(({ host }) => { host.vms.push(vm({ id: 'ex02', vcpus: 4 })) }) },
      { name: 'Exchange 2010 Mailbox server on an oversubscribed host', plan: umWith((parts) => { parts.host.hardware.coresPerSocket = 1; mailboxOnly(parts) }) },
    ],
  },
  {
    rule: 'e2010-um-memory',
    fires: [
      { name: 'UM server with 12 GB', plan: umWith(({ vm: ex01 }) => { ex01.ramGB = 12 }), subjects: ['ex01'], severity: 'warning' },
      { name: 'UM server with 10 vCPUs and 16 GB (less than 2 GB each)', plan: umWith(({ host, vm: ex01 }) => { host.hypervisor = 'hyper-v-2012'; ex01.vcpus = 10 }), subjects: ['ex01'] },
    ],
    silent: [
      { name: 'UM server with 4 vCPUs and 16 GB', plan: um2010 },
      { name: 'Exchange 2010 Mailbox server with 8 GB', plan: sound2010 },
    ],
  },
  {
    rule: 'e2010-um-hyperv-r2',
    fires: [
      { name: 'UM server on Windows Server 2008 Hyper-V', plan: umWith(({ host, vm: ex01 }) => { host.hypervisor = 'hyper-v-2008'; ex01.guestOs = 'ws2008-sp2-x64' }), subjects: ['ex01'], severity: 'warning' },
      { name: 'UM server on Windows Server 2012 Hyper-V', plan: umWith(({ host }) => { host.hypervisor = 'hyper-v-2012' }), subjects: ['ex01'] },
      { name: 'UM server with a Windows Server 2008 SP2 guest on 2008 R2 Hyper-V', plan: umWith(({ vm: ex01 }) => { ex01.guestOs = 'ws2008-sp2-x64' }), subjects: ['ex01'] },
    ],
    silent: [
      { name: 'UM server on Windows Server 2008 R2 Hyper-V', plan: um2010 },
      { name: 'UM server on Hyper-V Server 2008 R2', plan: umWith(({ host }) => { host.hypervisor = 'hyper-v-server-2008-r2' }) },
      { name: 'Exchange 2010 Mailbox server on Windows Server 2012 Hyper-V', plan: change(sound2010, ({ host }) => { host.hypervisor = 'hyper-v-2012' }) },
    ],
  },
  {
    rule: 'e2010-um-capacity',
    fires: [
      { name: 'every virtual Exchange 2010 SP1 UM server', plan: um2010, subjects: ['ex01'], severity: 'info' },
    ],
    silent: [
      { name: 'Exchange 2010 Mailbox server', plan: sound2010 },
      { name: 'UM on Exchange 2010 RTM (e2010-um-rtm covers it)', plan: umWith(rtm) },
    ],
  },
  {
    rule: 'e2010-storage-types',
    fires: [
      { name: 'database on a guest Fibre Channel disk on Windows Server 2012 Hyper-V', plan: databaseAs(sound2010, 'fc-guest'), subjects: ['ex01-db'], severity: 'error' },
      { name: 'database on a guest Fibre Channel disk on VMware ESX', plan: databaseAs(change(sound2010, ({ host }) => { host.svvpValidated = true }), 'fc-guest', 'vmware-esx'), subjects: ['ex01-db'] },
      { name: 'guest Fibre Channel on Windows Server 2008 R2 Hyper-V (fc-hba-host-only too)', plan: databaseAs(sound2010, 'fc-guest', 'hyper-v-2008-r2'), subjects: ['ex01-db'] },
      { name: 'database on a dynamic VHDX (dynamic-vhd-unsupported too)', plan: databaseAs(sound2010, 'dynamic-vhdx'), subjects: ['ex01-db'] },
      { name: 'database on a dynamic VHD (dynamic-vhd-unsupported too)', plan: databaseAs(sound2010, 'dynamic-vhd'), subjects: ['ex01-db'] },
      { name: 'database on a fixed VHDX on Windows Server 2012 Hyper-V (the text lists fixed VHDs)', plan: databaseAs(sound2010, 'fixed-vhdx'), subjects: ['ex01-db'] },
      { name: 'database on a differencing disk', plan: databaseAs(sound2010, 'differencing-vhd'), subjects: ['ex01-db'] },
    ],
    silent: [
      { name: 'database on a fixed VHD', plan: change(sound2010, ({ vm: ex01 }) => { ex01.disks[1]!.kind = 'fixed-vhd' }) },
      { name: 'database on a pass-through disk', plan: databaseAs(sound2010, 'pass-through') },
      { name: 'Exchange 2013 database on a guest Fibre Channel disk', plan: databaseAs(soundFor('2013'), 'fc-guest') },
      { name: 'Exchange 2013 database on a fixed VHDX', plan: databaseAs(soundFor('2013'), 'fixed-vhdx') },
      {
        name: 'a VM without Exchange on a dynamic VHD, beside the Exchange 2010 VM',
        plan: change(sound2010, ({ host }) => {
          host.vms.push(vm({ id: 'app01', exchange: null, backup: { method: 'none' }, disks: [virtualDisk({ id: 'app01-boot', kind: 'dynamic-vhd', controller: 'ide0', sizeGB: 40, backing: 'hv01-os', contents: ['os'] })] }))
        }),
      },
    ],
  },
  {
    rule: 'e2010-vm-dc-time-sync',
    fires: [
      { name: 'a domain controller VM with integration components beside Exchange 2010', plan: change(sound2010, ({ host }) => { host.vms.push(dc('dc01')) }), subjects: ['dc01'], severity: 'info' },
      { name: 'two virtual domain controllers in a plan of Exchange 2007 and 2010', plan: change(soundFor('2007'), ({ host, vm: ex01 }) => { host.vms.push(dc('dc01'), dc('dc02'), { ...structuredClone(ex01), id: 'ex10', name: 'EX10', guestOs: 'ws2008-r2-sp1', exchange: { ...ex01.exchange!, version: '2010', update: 'sp3' }, disks: [] }) }), subjects: ['dc01', 'dc02'] },
    ],
    silent: [
      { name: 'no domain controller VM', plan: sound2010 },
      { name: 'a domain controller VM without integration components', plan: change(sound2010, ({ host }) => { host.vms.push({ ...dc('dc01'), integrationComponents: 'none' }) }) },
      { name: 'a domain controller VM on VMware ESX', plan: change(sound2010, ({ host }) => { host.hypervisor = 'vmware-esx'; host.svvpValidated = true; host.vms.push(dc('dc01')) }) },
      { name: 'a domain controller VM on Windows Server 2003 before SP2, which cannot take integration components', plan: change(sound2010, ({ host }) => { host.vms.push({ ...dc('dc01'), guestOs: 'ws2003-x86' }) }) },
      { name: 'a SLES guest that lists the AD DS role', plan: change(sound2010, ({ host }) => { host.vms.push({ ...dc('dc01'), guestOs: 'sles-10' }) }) },
      { name: 'a plan of domain controllers without Exchange', plan: change(sound2010, ({ host, vm: ex01 }) => { ex01.exchange = null; host.vms.push(dc('dc01')) }) },
      { name: 'a domain controller VM in a plan of Exchange 2019 only (no Hub Transport role to set up)', plan: change(soundFor('2019'), ({ host }) => { host.vms.push(dc('dc01')) }) },
      { name: 'a domain controller VM in a plan of Exchange 2007 only (a rule of the Exchange 2010 section)', plan: change(soundFor('2007'), ({ host }) => { host.vms.push(dc('dc01')) }) },
    ],
  },
]
