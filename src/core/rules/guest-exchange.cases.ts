import type { ExchangeInstall } from '../model/plan.ts'
import { edit, first, host, soundPlan, vm } from '../testing/plan-builder.ts'
import type { RuleCases } from '../testing/rule-cases.ts'
import { sound2003 } from './exchange-2003.cases.ts'

const sound = soundPlan()
const exchange = (over: Partial<ExchangeInstall>): ExchangeInstall =>
  ({ version: '2007', update: 'sp1', roles: ['mailbox'], cluster: null, ...over })

export const cases: RuleCases[] = [
  {
    rule: 'e2007-min-sp1',
    fires: [
      { name: 'Exchange 2007 RTM in a VM', plan: edit(sound, (d) => { first(d).vm.exchange!.update = 'rtm' }), subjects: ['ex01'] },
    ],
    silent: [
      { name: 'the sound plan (SP1)', plan: sound },
      { name: 'Exchange 2010 RTM', plan: edit(sound, (d) => { first(d).vm.exchange = exchange({ version: '2010', update: 'rtm' }) }) },
      {
        name: 'Exchange 2007 RTM on bare metal',
        plan: edit(sound, (d) => {
          const bare = host({ id: 'bm01', hypervisor: 'none' })
          bare.parent.exchange = exchange({ update: 'rtm' })
          d.hosts.push(bare)
        }),
      },
    ],
  },
  {
    rule: 'e2007-guest-os-ws2008',
    fires: [
      { name: 'Windows Server 2003 x64 guest', plan: edit(sound, (d) => { first(d).vm.guestOs = 'ws2003-sp2-x64' }), subjects: ['ex01'] },
      { name: 'Windows Server 2008 R2 guest with Exchange 2007 SP1', plan: edit(sound, (d) => { first(d).vm.guestOs = 'ws2008-r2' }), subjects: ['ex01'] },
    ],
    silent: [
      { name: 'the sound plan (WS2008 x64)', plan: sound },
      { name: 'Windows Server 2008 SP2 x64', plan: edit(sound, (d) => { first(d).vm.guestOs = 'ws2008-sp2-x64' }) },
      {
        name: 'Windows Server 2008 R2 with Exchange 2007 SP3',
        plan: edit(sound, (d) => { Object.assign(first(d).vm, { guestOs: 'ws2008-r2-sp1', exchange: exchange({ update: 'sp3' }) }) }),
      },
      { name: 'Exchange 2013 on Windows Server 2012', plan: edit(sound, (d) => { Object.assign(first(d).vm, { guestOs: 'ws2012', exchange: exchange({ version: '2013', update: 'cu1' }) }) }) },
    ],
  },
  {
    rule: 'um-role-virtualized',
    fires: [
      { name: 'Exchange 2007 UM in a VM', plan: edit(sound, (d) => { first(d).vm.exchange!.roles.push('unified-messaging') }), subjects: ['ex01'] },
    ],
    silent: [
      { name: 'the sound plan', plan: sound },
      { name: 'Exchange 2010 SP1 UM (other rules apply)', plan: edit(sound, (d) => { first(d).vm.exchange = exchange({ version: '2010', roles: ['unified-messaging'] }) }) },
    ],
  },
  {
    rule: 'e2007-guest-os-disk-size',
    fires: [
      {
        name: '16 GB VM with a 30 GB OS disk',
        plan: edit(sound, (d) => { first(d).vm.ramGB = 16; first(d).vm.disks[0]!.sizeGB = 30 }),
        subjects: ['ex01-boot'],
        severity: 'error',
      },
      {
        name: 'Exchange 2016: info only',
        plan: edit(sound, (d) => {
          Object.assign(first(d).vm, { ramGB: 16, guestOs: 'ws2016', exchange: exchange({ version: '2016', update: 'cu1' }) })
          first(d).vm.disks[0]!.sizeGB = 30
        }),
        subjects: ['ex01-boot'],
        severity: 'info',
      },
      {
        name: 'a 10 GB pass-through OS disk whose host disk has 15 GB: still too small, whatever the plan says',
        plan: edit(sound, (d) => { first(d).vm.ramGB = 8; first(d).vm.disks[0]!.sizeGB = 10; first(d).host.disks[1]!.sizeGB = 15 }),
        subjects: ['ex01-boot'],
        severity: 'error',
      },
      {
        name: 'a 100 GB pass-through OS disk whose host disk has only 20 GB (the guest sees 20)',
        plan: edit(sound, (d) => { first(d).vm.ramGB = 8; first(d).vm.disks[0]!.sizeGB = 100; first(d).host.disks[1]!.sizeGB = 20 }),
        subjects: ['ex01-boot'],
        severity: 'error',
      },
    ],
    silent: [
      { name: 'the sound plan', plan: sound },
      {
        name: 'a 100 GB pass-through OS disk on a 100 GB host disk',
        plan: edit(sound, (d) => { first(d).vm.ramGB = 8; first(d).vm.disks[0]!.sizeGB = 100; first(d).host.disks[1]!.sizeGB = 100 }),
      },
      { name: 'exactly 15 GB + RAM', plan: edit(sound, (d) => { first(d).vm.ramGB = 16; first(d).vm.disks[0]!.sizeGB = 31 }) },
      // 15 + 2.24 is 17.240000000000002 in floating point: the disk was flagged as too small by a rounding error.
      { name: 'exactly 15 GB + RAM with a fraction of a GB (2.24 GB, 17.24 GB)', plan: edit(sound, (d) => { first(d).vm.ramGB = 2.24; first(d).vm.disks[0]!.sizeGB = 17.24 }) },
      {
        name: 'a small OS disk on a VM without Exchange',
        plan: edit(sound, (d) => { first(d).vm.exchange = null; first(d).vm.disks[0]!.sizeGB = 10 }),
      },
      { name: 'a 10 GB OS disk under Exchange 2003 (no stated minimum, no hint)', plan: edit(sound2003(), (d) => { first(d).vm.disks[0]!.sizeGB = 10 }) },
    ],
  },
  {
    rule: 'vm-snapshot-unsupported',
    fires: [
      { name: 'Exchange VM with snapshots', plan: edit(sound, (d) => { first(d).vm.snapshots = 2 }), subjects: ['ex01'] },
      { name: 'Exchange VM with a differencing (AVHD) disk', plan: edit(sound, (d) => { first(d).vm.disks[1]!.kind = 'differencing-vhd' }), subjects: ['ex01'] },
      {
        name: 'Exchange 2016 VM with a checkpoint',
        plan: edit(sound, (d) => {
          first(d).host.hypervisor = 'hyper-v-2016'
          Object.assign(first(d).vm, { snapshots: 1, guestOs: 'ws2016', exchange: exchange({ version: '2016', update: 'cu1' }) })
        }),
        subjects: ['ex01'],
      },
    ],
    silent: [
      { name: 'the sound plan', plan: sound },
      { name: 'snapshots of a VM without Exchange', plan: edit(sound, (d) => { first(d).host.vms.push(vm({ id: 'dc01', exchange: null, snapshots: 3 })) }) },
      { name: 'a differencing disk of a VM without Exchange', plan: edit(sound, (d) => { first(d).vm.exchange = null; first(d).vm.disks[1]!.kind = 'differencing-vhd' }) },
    ],
  },
]
