import { edit, first, host, soundPlan, vm } from '../testing/plan-builder.ts'
import type { RuleCases } from '../testing/rule-cases.ts'

const sound = soundPlan()
/** The sound plan plus a second Exchange VM (Client Access and Hub Transport only). */
const twoExchangeVms = edit(sound, (d) => {
  first(d).host.vms.push(vm({ id: 'ex02', exchange: { version: '2007', update: 'sp1', roles: ['client-access', 'hub-transport'], cluster: null } }))
})
const noExchangeVm = edit(sound, (d) => { first(d).vm.exchange = null })
/** No Exchange VM; Exchange runs on a bare-metal server instead. */
const bareMetalExchange = edit(noExchangeVm, (d) => {
  const bare = host({ id: 'bm01', hypervisor: 'none' })
  bare.parent.exchange = { version: '2007', update: 'sp1', roles: ['mailbox'], cluster: null }
  d.hosts.push(bare)
  d.organization.mailboxes = 5000
})

export const cases: RuleCases[] = [
  {
    rule: 'size-like-bare-metal',
    fires: [
      { name: 'the sound plan', plan: sound, subjects: ['ex01'], severity: 'info' },
      { name: 'one per Exchange VM', plan: twoExchangeVms, subjects: ['ex01', 'ex02'], severity: 'info' },
    ],
    silent: [
      { name: 'a VM without Exchange', plan: noExchangeVm },
      { name: 'Exchange on bare metal only', plan: bareMetalExchange },
    ],
  },
  {
    rule: 'large-org-mailbox-on-bare-metal',
    fires: [
      { name: '5000 mailboxes, virtual Mailbox server', plan: edit(twoExchangeVms, (d) => { d.organization.mailboxes = 5000 }), subjects: ['ex01'], severity: 'info' },
      { name: '5000 mailboxes, virtual Exchange 2019 Mailbox server (the Preferred Architecture is physical)', plan: edit(twoExchangeVms, (d) => { d.organization.mailboxes = 5000; first(d).vm.exchange!.version = '2019'; first(d).host.hypervisor = 'hyper-v-2019'; first(d).vm.guestOs = 'ws2019' }), subjects: ['ex01'] },
      { name: '5000 mailboxes, virtual Exchange SE Mailbox server (SE carries the 2019 guidance)', plan: edit(twoExchangeVms, (d) => { d.organization.mailboxes = 5000; first(d).vm.exchange!.version = 'se'; first(d).host.hypervisor = 'hyper-v-2019'; first(d).vm.guestOs = 'ws2019' }), subjects: ['ex01'] },
    ],
    silent: [
      { name: 'the sound plan (500 mailboxes)', plan: sound },
      { name: 'exactly 4000 mailboxes', plan: edit(sound, (d) => { d.organization.mailboxes = 4000 }) },
      {
        name: '5000 mailboxes, only Client Access and Hub Transport virtualized',
        plan: edit(twoExchangeVms, (d) => { d.organization.mailboxes = 5000; first(d).vm.exchange!.roles = ['hub-transport'] }),
      },
      { name: '5000 mailboxes, Mailbox on bare metal', plan: bareMetalExchange },
      { name: '5000 mailboxes, virtual Exchange 2010 Mailbox server (outside the anecdote and the 2016/2019 PA)', plan: edit(twoExchangeVms, (d) => { d.organization.mailboxes = 5000; first(d).vm.exchange!.version = '2010' }) },
    ],
  },
  {
    rule: 'business-case',
    fires: [
      { name: 'the sound plan', plan: sound, subjects: ['ex01'], severity: 'info' },
      { name: 'once per plan, on the first Exchange VM', plan: edit(twoExchangeVms, (d) => { d.hosts[0]!.vms.reverse() }), subjects: ['ex02'], severity: 'info' },
    ],
    silent: [
      { name: 'no Exchange VM', plan: noExchangeVm },
      { name: 'Exchange on bare metal only', plan: bareMetalExchange },
    ],
  },
]
