import type { RuleCases } from '../testing/rule-cases.ts'
import { databaseAs } from './exchange-2010.cases.ts'
import { edit, physicalDisk, vm } from '../testing/plan-builder.ts'
import { bareMetal, change, install, soundFor } from './exchange-modern.cases.ts'

const sound2013 = soundFor('2013')
const roles2013 = (roles: ('mailbox' | 'client-access' | 'edge-transport')[], ramGB: number) =>
  change(sound2013, ({ vm: ex01 }) => { ex01.ramGB = ramGB; ex01.exchange!.roles = roles })

export const cases: RuleCases[] = [
  {
    rule: 'e2013-hypervisor-supported',
    fires: [
      { name: 'Exchange 2013 on Virtual Server 2005 R2 SP1', plan: change(sound2013, ({ host }) => { host.hypervisor = 'virtual-server-2005-r2-sp1' }), subjects: ['ex01'], severity: 'error' },
      { name: 'Exchange 2019 on VMware ESX not marked SVVP-validated', plan: change(soundFor('2019'), ({ host }) => { host.hypervisor = 'vmware-esx' }), subjects: ['ex01'] },
      { name: 'Exchange SE on a third-party hypervisor not marked SVVP-validated', plan: change(soundFor('se'), ({ host }) => { host.hypervisor = 'third-party' }), subjects: ['ex01'] },
      { name: 'Exchange 2016 on Virtual PC', plan: change(soundFor('2016'), ({ host }) => { host.hypervisor = 'virtual-pc' }), subjects: ['ex01'] },
    ],
    silent: [
      { name: 'Exchange 2013 on Windows Server 2012 R2 Hyper-V', plan: sound2013 },
      { name: 'Exchange 2013 on Hyper-V Server 2008 R2', plan: change(sound2013, ({ host }) => { host.hypervisor = 'hyper-v-server-2008-r2' }) },
      { name: 'Exchange 2019 on SVVP-validated VMware ESX', plan: change(soundFor('2019'), ({ host }) => { host.hypervisor = 'vmware-esx'; host.svvpValidated = true }) },
      { name: 'Exchange 2010 on Virtual Server (e2010-hypervisor-supported covers it)', plan: change(soundFor('2010'), ({ host }) => { host.hypervisor = 'virtual-server-2005-r2-sp1' }) },
      { name: 'Exchange 2019 on a bare-metal server', plan: bareMetal(install('2019')) },
    ],
  },
  {
    rule: 'e2013-guest-os',
    fires: [
      { name: 'Windows Server 2008 R2 without SP1', plan: change(sound2013, ({ vm: ex01 }) => { ex01.guestOs = 'ws2008-r2' }), subjects: ['ex01'], severity: 'error' },
      { name: 'Windows Server 2016', plan: change(sound2013, ({ vm: ex01 }) => { ex01.guestOs = 'ws2016' }), subjects: ['ex01'] },
    ],
    silent: [
      { name: 'Windows Server 2012 R2', plan: sound2013 },
      { name: 'Exchange 2013 RTM on Windows Server 2012 R2 (on the list; the update is exchange-update-for-guest-os\'s)', plan: change(sound2013, ({ vm: ex01 }) => { ex01.exchange!.update = 'rtm' }) },
      { name: 'Exchange 2013 CU1 on Windows Server 2012', plan: change(sound2013, ({ vm: ex01 }) => { ex01.exchange!.update = 'cu1'; ex01.guestOs = 'ws2012' }) },
      { name: 'Windows Server 2008 R2 SP1', plan: change(sound2013, ({ vm: ex01 }) => { ex01.guestOs = 'ws2008-r2-sp1' }) },
      { name: 'Exchange 2016 on Windows Server 2016', plan: soundFor('2016') },
      { name: 'Exchange 2010 on Windows Server 2008 R2', plan: change(soundFor('2010'), ({ vm: ex01 }) => { ex01.guestOs = 'ws2008-r2' }) },
    ],
  },
  {
    rule: 'exchange-update-for-guest-os',
    fires: [
      { name: 'Exchange 2013 CU3 on Windows Server 2012 R2 (supported from SP1, which is CU4)', plan: change(sound2013, ({ vm: ex01 }) => { ex01.exchange!.update = 'cu3' }), subjects: ['ex01'], severity: 'error' },
      { name: 'Exchange 2013 RTM on Windows Server 2012 R2', plan: change(sound2013, ({ vm: ex01 }) => { ex01.exchange!.update = 'rtm' }), subjects: ['ex01'] },
      { name: 'Exchange 2016 CU2 on Windows Server 2016 (supported from CU3)', plan: change(soundFor('2016'), ({ vm: ex01 }) => { ex01.exchange!.update = 'cu2' }), subjects: ['ex01'] },
      { name: 'Exchange 2016 RTM on Windows Server 2016', plan: change(soundFor('2016'), ({ vm: ex01 }) => { ex01.exchange!.update = 'rtm' }), subjects: ['ex01'] },
      { name: 'Exchange 2019 CU11 on Windows Server 2022 (supported from CU12)', plan: change(soundFor('2019'), ({ vm: ex01 }) => { ex01.guestOs = 'ws2022'; ex01.exchange!.update = 'cu11' }), subjects: ['ex01'] },
      { name: 'Exchange 2019 CU14 on Windows Server 2025 (supported from CU15)', plan: change(soundFor('2019'), ({ vm: ex01 }) => { ex01.guestOs = 'ws2025'; ex01.exchange!.update = 'cu14' }), subjects: ['ex01'] },
    ],
    silent: [
      { name: 'Exchange 2013 CU4 on Windows Server 2012 R2', plan: change(sound2013, ({ vm: ex01 }) => { ex01.exchange!.update = 'cu4' }) },
      { name: 'Exchange 2013 SP1 (CU4) on Windows Server 2012 R2', plan: change(sound2013, ({ vm: ex01 }) => { ex01.exchange!.update = 'sp1' }) },
      { name: 'Exchange 2013 RTM on Windows Server 2012', plan: change(sound2013, ({ vm: ex01 }) => { ex01.exchange!.update = 'rtm'; ex01.guestOs = 'ws2012' }) },
      { name: 'Exchange 2016 CU3 on Windows Server 2016', plan: change(soundFor('2016'), ({ vm: ex01 }) => { ex01.exchange!.update = 'cu3' }) },
      { name: 'Exchange 2016 RTM on Windows Server 2012 R2', plan: change(soundFor('2016'), ({ vm: ex01 }) => { ex01.exchange!.update = 'rtm'; ex01.guestOs = 'ws2012-r2' }) },
      { name: 'Exchange 2019 CU12 on Windows Server 2022', plan: change(soundFor('2019'), ({ vm: ex01 }) => { ex01.guestOs = 'ws2022'; ex01.exchange!.update = 'cu12' }) },
      { name: 'Exchange 2019 CU15 on Windows Server 2025', plan: change(soundFor('2019'), ({ vm: ex01 }) => { ex01.guestOs = 'ws2025'; ex01.exchange!.update = 'cu15' }) },
      { name: 'Exchange SE RTM on Windows Server 2025', plan: change(soundFor('se'), ({ vm: ex01 }) => { ex01.guestOs = 'ws2025'; ex01.exchange!.update = 'rtm' }) },
      { name: 'Exchange 2016 CU1 on Windows Server 2019 (not its guest OS at all: e16-guest-os covers it)', plan: change(soundFor('2016'), ({ vm: ex01 }) => { ex01.guestOs = 'ws2019'; ex01.exchange!.update = 'cu1' }) },
    ],
  },
  {
    rule: 'e2013-storage-types',
    fires: [
      { name: 'database on a dynamic VHDX on Hyper-V (the two Microsoft texts disagree)', plan: databaseAs(sound2013, 'dynamic-vhdx', 'hyper-v-2012-r2'), subjects: ['ex01-db'], severity: 'warning' },
      { name: 'database on a guest Fibre Channel disk', plan: databaseAs(sound2013, 'fc-guest', 'hyper-v-2012-r2'), subjects: ['ex01-db'], severity: 'error' },
      { name: 'database on a dynamic disk on VMware ESX', plan: databaseAs(change(sound2013, ({ host }) => { host.svvpValidated = true }), 'dynamic-vhdx', 'vmware-esx'), subjects: ['ex01-db'], severity: 'error' },
      { name: 'database on a dynamic VHD (dynamic-vhd-unsupported too)', plan: change(sound2013, ({ vm: ex01 }) => { ex01.disks[1]!.kind = 'dynamic-vhd' }), subjects: ['ex01-db'], severity: 'error' },
      { name: 'database on a dynamic VHD on Windows Server 2008 R2 Hyper-V', plan: change(sound2013, ({ host, vm: ex01 }) => { host.hypervisor = 'hyper-v-2008-r2'; ex01.disks[1]!.kind = 'dynamic-vhd' }), subjects: ['ex01-db'] },
      { name: 'database on a differencing disk (differencing-vhd-unsupported too)', plan: change(sound2013, ({ vm: ex01 }) => { ex01.disks[1]!.kind = 'differencing-vhd' }), subjects: ['ex01-db'], severity: 'error' },
      { name: 'database on a pass-through disk on the IDE controller (the text says SCSI pass-through)', plan: change(sound2013, ({ vm: ex01 }) => { ex01.disks[1]!.controller = 'ide1' }), subjects: ['ex01-db'], severity: 'error' },
    ],
    silent: [
      { name: 'database on a fixed VHDX', plan: databaseAs(sound2013, 'fixed-vhdx', 'hyper-v-2012-r2') },
      { name: 'only the boot disk on a dynamic VHD (no Exchange data on it)', plan: change(sound2013, ({ vm: ex01 }) => { ex01.disks[0]!.kind = 'dynamic-vhd' }) },
      { name: 'only the boot disk on a dynamic VHDX', plan: change(sound2013, ({ vm: ex01 }) => { ex01.disks[0]!.kind = 'dynamic-vhdx' }) },
      { name: 'guest Fibre Channel on Windows Server 2008 R2 Hyper-V (fc-hba-host-only covers it)', plan: databaseAs(sound2013, 'fc-guest', 'hyper-v-2008-r2') },
      { name: 'Exchange 2016 database on a dynamic VHDX on Hyper-V', plan: databaseAs(soundFor('2016'), 'dynamic-vhdx', 'hyper-v-2016') },
      { name: 'the OS on a pass-through disk on the IDE controller (no Exchange data on it)', plan: change(sound2013, ({ vm: ex01 }) => { ex01.disks[0]!.controller = 'ide0' }) },
    ],
  },
  {
    rule: 'e2013-min-memory',
    fires: [
      { name: 'Mailbox and Client Access with 6 GB', plan: roles2013(['mailbox', 'client-access'], 6), subjects: ['ex01'], severity: 'error' },
      { name: 'Client Access with 3 GB', plan: roles2013(['client-access'], 3), subjects: ['ex01'] },
      { name: 'Edge Transport with 3.5 GB', plan: roles2013(['edge-transport'], 3.5), subjects: ['ex01'] },
      { name: 'bare-metal Mailbox server with 6 GB of RAM', plan: bareMetal({ ...install('2013'), roles: ['mailbox'] }, { ramGB: 6 }), subjects: ['bm01'] },
    ],
    silent: [
      { name: 'Mailbox and Client Access with 8 GB', plan: sound2013 },
      { name: 'Client Access with 4 GB', plan: roles2013(['client-access'], 4) },
      { name: 'Exchange 2010 Mailbox server with 4 GB', plan: change(soundFor('2010'), ({ vm: ex01 }) => { ex01.ramGB = 4 }) },
      { name: 'Exchange 2016 Mailbox server with 6 GB (e16-min-memory covers it)', plan: change(soundFor('2016'), ({ vm: ex01 }) => { ex01.ramGB = 6 }) },
    ],
  },
  {
    rule: 'e2013-server-scale',
    fires: [
      { name: 'VM with 24 virtual processors', plan: change(sound2013, ({ vm: ex01 }) => { ex01.vcpus = 24 }), subjects: ['ex01'], severity: 'info' },
      { name: 'VM with 128 GB', plan: change(sound2013, ({ vm: ex01 }) => { ex01.ramGB = 128 }), subjects: ['ex01'] },
      { name: 'bare-metal server with 4 sockets', plan: bareMetal(install('2013'), { sockets: 4, ramGB: 96 }), subjects: ['bm01'] },
    ],
    silent: [
      { name: 'VM with 20 virtual processors and 96 GB', plan: change(sound2013, ({ vm: ex01 }) => { ex01.vcpus = 20; ex01.ramGB = 96 }) },
      { name: 'bare-metal server with 2 sockets, 20 cores and 96 GB', plan: bareMetal(install('2013'), { sockets: 2, coresPerSocket: 10, ramGB: 96 }) },
      { name: 'Exchange 2016 VM with 24 virtual processors', plan: change(soundFor('2016'), ({ vm: ex01 }) => { ex01.vcpus = 24 }) },
    ],
  },
  {
    rule: 'e2013-pagefile',
    fires: [
      { name: 'page file on the database disk', plan: change(sound2013, ({ vm: ex01 }) => { ex01.disks[1]!.contents = ['database', 'pagefile'] }), subjects: ['ex01-db'], severity: 'warning' },
      { name: 'bare-metal server with its page file beside the logs', plan: edit(bareMetal(install('2013')), (d) => {
        d.hosts[1]!.disks.push(physicalDisk({ id: 'bm01-logs', name: 'Logs', online: true, contents: ['logs', 'pagefile'] }))
      }), subjects: ['bm01-logs'] },
    ],
    silent: [
      { name: 'page file on the OS disk', plan: sound2013 },
      { name: 'page file on a disk of its own', plan: change(sound2013, ({ vm: ex01 }) => { ex01.disks[2]!.contents = ['pagefile'] }) },
      { name: 'Exchange 2016 with its page file on the database disk', plan: change(soundFor('2016'), ({ vm: ex01 }) => { ex01.disks[1]!.contents = ['database', 'pagefile'] }) },
    ],
  },
  {
    rule: 'e2013-hyperthreading',
    fires: [
      { name: '8 virtual processors and the root\'s 2 on 8 cores with hyper-threading (16 logical processors)', plan: change(sound2013, ({ host, vm: ex01 }) => { host.hardware.threadsPerCore = 2; ex01.vcpus = 8 }), subjects: ['hv01'], severity: 'warning' },
      { name: '14 virtual processors and the root\'s 2 on 8 cores with hyper-threading: exactly the 16 logical processors still leans on hyper-threads', plan: change(sound2013, ({ host, vm: ex01 }) => { host.hardware.threadsPerCore = 2; ex01.vcpus = 14 }), subjects: ['hv01'], severity: 'warning' },
      {
        name: 'two Exchange 2013 VMs (6 + 4 virtual processors) on one hyper-threaded host: one finding for the host',
        plan: change(sound2013, ({ host, vm: ex01 }) => {
          host.hardware.threadsPerCore = 2
          ex01.vcpus = 6
          host.vms.push(vm({ id: 'ex02', guestOs: ex01.guestOs, vcpus: 4, exchange: install('2013') }))
        }),
        subjects: ['hv01'],
        severity: 'warning',
      },
    ],
    silent: [
      { name: '6 virtual processors and the root\'s 2 on 8 cores with hyper-threading', plan: change(sound2013, ({ host, vm: ex01 }) => { host.hardware.threadsPerCore = 2; ex01.vcpus = 6 }) },
      { name: 'the same 8 virtual processors without hyper-threading (the ratio rules speak)', plan: change(sound2013, ({ vm: ex01 }) => { ex01.vcpus = 8 }) },
      { name: '16 virtual processors past the 16 logical processors (oversubscription: the ratio rules speak)', plan: change(sound2013, ({ host, vm: ex01 }) => { host.hardware.threadsPerCore = 2; ex01.vcpus = 16 }) },
      { name: 'Exchange 2016 with hyper-threads counted', plan: change(soundFor('2016'), ({ host, vm: ex01 }) => { host.hardware.threadsPerCore = 2; ex01.vcpus = 8 }) },
    ],
  },
  {
    rule: 'e2013-numa',
    fires: [
      { name: 'an Exchange 2013 VM', plan: sound2013, subjects: ['ex01'], severity: 'info' },
      { name: 'a bare-metal Exchange 2013 server beside an Exchange 2007 VM', plan: bareMetal({ ...install('2013'), roles: ['mailbox'] }), subjects: ['bm01'] },
    ],
    silent: [
      { name: 'an Exchange 2010 VM', plan: soundFor('2010') },
      { name: 'an Exchange 2016 VM', plan: soundFor('2016') },
    ],
  },
]
