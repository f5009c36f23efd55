import { edit, first, soundPlan, vm } from '../testing/plan-builder.ts'
import type { RuleCases } from '../testing/rule-cases.ts'

const sound = soundPlan()

export const cases: RuleCases[] = [
  {
    rule: 'dynamic-memory-unsupported',
    fires: [
      { name: 'Exchange 2007 VM with dynamic memory', plan: edit(sound, (d) => { first(d).vm.dynamicMemory = true }), subjects: ['ex01'] },
      {
        name: 'Exchange 2016 VM on Hyper-V 2016',
        plan: edit(sound, (d) => {
          first(d).host.hypervisor = 'hyper-v-2016'
          Object.assign(first(d).vm, { dynamicMemory: true, guestOs: 'ws2016', exchange: { version: '2016', update: 'cu1', roles: ['mailbox'], cluster: null } })
        }),
        subjects: ['ex01'],
      },
      {
        name: 'Exchange VM on a VMware host that overcommits memory',
        plan: edit(sound, (d) => { Object.assign(first(d).host, { hypervisor: 'vmware-esx', svvpValidated: true }); first(d).host.hardware.ramGB = 16; first(d).vm.ramGB = 16 }),
        subjects: ['ex01'],
      },
    ],
    silent: [
      { name: 'the sound plan', plan: sound },
      { name: 'Exchange VM on a VMware host whose RAM backs every VM', plan: edit(sound, (d) => { Object.assign(first(d).host, { hypervisor: 'vmware-esx', svvpValidated: true }); first(d).host.hardware.ramGB = 18; first(d).vm.ramGB = 16 }) },
      { name: 'an overcommitted Hyper-V host (host-memory-not-overcommitted speaks)', plan: edit(sound, (d) => { first(d).host.hardware.ramGB = 16; first(d).vm.ramGB = 16 }) },
      { name: 'dynamic memory in a VM without Exchange', plan: edit(sound, (d) => { first(d).host.vms.push(vm({ id: 'app01', exchange: null, dynamicMemory: true })) }) },
      {
        name: 'Exchange 2003 (no statement for it)',
        plan: edit(sound, (d) => {
          Object.assign(first(d).vm, { dynamicMemory: true, guestOs: 'ws2003-sp2-x86', exchange: { version: '2003', update: 'sp2', roles: ['mailbox'], cluster: null } })
        }),
      },
    ],
  },
]
