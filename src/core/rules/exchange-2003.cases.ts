import type { Plan } from '../model/plan.ts'
import type { RuleCases } from '../testing/rule-cases.ts'
import { edit, first, soundPlan } from '../testing/plan-builder.ts'
import { mailbox } from './ha.cases.ts'

/**
 * A supported Exchange 2003 design: EX01 runs Exchange 2003 SP2 on Windows Server 2003 SP2 with
 * VM Additions, one virtual processor and 3.5 GB, on fixed VHDs, on a Virtual Server 2005 R2 SP1 host.
 */
export function sound2003(): Plan {
  return edit(soundPlan(), (d) => {
    const { host, vm } = first(d)
    host.hypervisor = 'virtual-server-2005-r2-sp1'
    host.parent.roles = []
    Object.assign(vm, { guestOs: 'ws2003-sp2-x86', vcpus: 1, ramGB: 3.5, exchange: mailbox('2003') })
    for (const disk of vm.disks) disk.kind = 'fixed-vhd'
  })
}

/** The Exchange 2003 design with `change` applied to EX01 and its host. */
const with2003 = (change: (parts: ReturnType<typeof first>) => void, base: Plan = sound2003()) =>
  edit(base, (d) => change(first(d)))

const onHyperV = with2003(({ host }) => { host.hypervisor = 'hyper-v-2008'; host.parent.roles = ['hyper-v'] })

export const cases: RuleCases[] = [
  {
    rule: 'e2003-hypervisor',
    fires: [
      { name: 'Exchange 2003 on Hyper-V', plan: onHyperV, subjects: ['ex01'], severity: 'error' },
      { name: 'Exchange 2003 on VMware ESX', plan: with2003(({ host }) => { host.hypervisor = 'vmware-esx'; host.svvpValidated = true }), subjects: ['ex01'] },
    ],
    silent: [
      { name: 'Exchange 2003 on Virtual Server 2005 R2 SP1', plan: sound2003() },
      { name: 'Exchange 2007 on Hyper-V (sound plan)', plan: soundPlan() },
    ],
  },
  {
    rule: 'e2003-guest-os',
    fires: [
      { name: 'Windows Server 2003 SP2 x64 on Virtual Server', plan: with2003(({ vm }) => { vm.guestOs = 'ws2003-sp2-x64' }), subjects: ['ex01'], severity: 'error' },
      { name: 'Windows Server 2008 x64 on Hyper-V', plan: with2003(({ vm }) => { vm.guestOs = 'ws2008-x64' }, onHyperV), subjects: ['ex01'] },
    ],
    silent: [
      { name: 'Windows Server 2003 SP2 x86 on Virtual Server', plan: sound2003() },
      { name: 'Windows Server 2003 x86 on Hyper-V', plan: with2003(({ vm }) => { vm.guestOs = 'ws2003-x86' }, onHyperV) },
      { name: 'Exchange 2007 on Windows Server 2008 x64 (sound plan)', plan: soundPlan() },
    ],
  },
  {
    rule: 'e2003-min-sp2',
    fires: [
      { name: 'Exchange 2003 SP1', plan: with2003(({ vm }) => { vm.exchange!.update = 'sp1' }), subjects: ['ex01'], severity: 'error' },
      { name: 'Exchange 2003 RTM', plan: with2003(({ vm }) => { vm.exchange!.update = 'rtm' }), subjects: ['ex01'] },
    ],
    silent: [
      { name: 'Exchange 2003 SP2', plan: sound2003() },
      { name: 'Exchange 2007 SP1 (sound plan)', plan: soundPlan() },
    ],
  },
  {
    rule: 'e2003-vm-additions',
    fires: [
      { name: 'no VM Additions on Virtual Server', plan: with2003(({ vm }) => { vm.integrationComponents = 'none' }), subjects: ['ex01'], severity: 'error' },
    ],
    silent: [
      { name: 'VM Additions installed', plan: sound2003() },
      { name: 'no integration components on Hyper-V (the hypervisor rule covers it)', plan: with2003(({ vm }) => { vm.integrationComponents = 'none' }, onHyperV) },
    ],
  },
  {
    rule: 'e2003-standalone-only',
    fires: [
      { name: 'Exchange 2003 VM in a Windows cluster', plan: with2003(({ vm }) => { vm.exchange = mailbox('2003', 'windows') }), subjects: ['ex01'], severity: 'error' },
    ],
    silent: [
      { name: 'stand-alone Exchange 2003 VM', plan: sound2003() },
      { name: 'Exchange 2007 CCR node', plan: with2003(({ vm }) => { vm.exchange = mailbox('2007', 'ccr') }) },
    ],
  },
  {
    rule: 'e2003-no-undo-disks',
    fires: [
      { name: 'differencing (Undo) disk on Virtual Server', plan: with2003(({ vm }) => { vm.disks[1]!.kind = 'differencing-vhd' }), subjects: ['ex01'], severity: 'error' },
      { name: 'saved Undo state on Virtual Server', plan: with2003(({ vm }) => { vm.snapshots = 1 }), subjects: ['ex01'] },
    ],
    silent: [
      { name: 'fixed VHDs only', plan: sound2003() },
      { name: 'differencing disk under Exchange 2007 on Hyper-V', plan: edit(soundPlan(), (d) => { first(d).vm.disks[1]!.kind = 'differencing-vhd' }) },
      { name: 'differencing disk under Exchange 2003 on Hyper-V (Undo disks are a Virtual Server feature)', plan: with2003(({ vm }) => { vm.disks[1]!.kind = 'differencing-vhd' }, onHyperV) },
    ],
  },
  {
    rule: 'e2003-ws2003-vcpu-max2',
    fires: [
      { name: 'Windows Server 2003 guest with 4 virtual processors on Hyper-V', plan: with2003(({ vm }) => { vm.vcpus = 4 }, onHyperV), subjects: ['ex01'], severity: 'error' },
    ],
    silent: [
      { name: 'Windows Server 2003 guest with 2 virtual processors on Hyper-V', plan: with2003(({ vm }) => { vm.vcpus = 2 }, onHyperV) },
      { name: 'Windows Server 2008 guest with 4 virtual processors on Hyper-V', plan: with2003(({ vm }) => { vm.vcpus = 4; vm.guestOs = 'ws2008-x64' }, onHyperV) },
    ],
  },
  {
    rule: 'e2003-virtual-server-guest-limits',
    fires: [
      { name: '2 virtual processors on Virtual Server', plan: with2003(({ vm }) => { vm.vcpus = 2 }), subjects: ['ex01'], severity: 'error' },
      { name: '4 GB of memory on Virtual Server', plan: with2003(({ vm }) => { vm.ramGB = 4 }), subjects: ['ex01'] },
    ],
    silent: [
      { name: 'one virtual processor and 3.5 GB', plan: sound2003() },
      { name: 'exactly 3.6 GB on Virtual Server (the limit itself is allowed)', plan: with2003(({ vm }) => { vm.ramGB = 3.6 }) },
      { name: '4 GB on Hyper-V (the hypervisor rule covers it)', plan: with2003(({ vm }) => { vm.ramGB = 4 }, onHyperV) },
    ],
  },
  {
    rule: 'e2003-sizing',
    fires: [
      { name: 'every Exchange 2003 VM', plan: sound2003(), subjects: ['ex01'], severity: 'info' },
    ],
    silent: [
      { name: 'Exchange 2007 VM (sound plan)', plan: soundPlan() },
    ],
  },
]
