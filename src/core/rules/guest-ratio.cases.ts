import type { ExchangeInstall, Hardware } from '../model/plan.ts'
import { edit, first, soundPlan, vm } from '../testing/plan-builder.ts'
import type { RuleCases } from '../testing/rule-cases.ts'

const sound = soundPlan()
/** The sound plan on a host with `cores` physical cores whose Exchange VM has `vcpus` virtual processors. */
const load = (cores: number, vcpus: number, hardware: Partial<Hardware> = {}) => edit(sound, (d) => {
  Object.assign(first(d).host.hardware, { sockets: 1, coresPerSocket: cores, ...hardware })
  first(d).vm.vcpus = vcpus
})
const e2013 = (): ExchangeInstall => ({ version: '2013', update: 'cu1', roles: ['mailbox'], cluster: null })

export const cases: RuleCases[] = [
  {
    rule: 'vcpu-pcore-ratio-2to1',
    fires: [
      { name: '4 vCPUs + root on 2 cores', plan: load(2, 4), subjects: ['hv01'] },
      { name: 'hyper-threads do not count as cores', plan: load(2, 4, { threadsPerCore: 2 }), subjects: ['hv01'] },
      {
        name: 'VMs without Exchange count too',
        plan: edit(sound, (d) => { first(d).host.vms.push(vm({ id: 'app01', exchange: null, vcpus: 13 })) }),
        subjects: ['hv01'],
      },
    ],
    silent: [
      { name: 'the sound plan', plan: sound },
      { name: 'exactly 2:1 (2 + 12 + root on 8 cores)', plan: edit(sound, (d) => { first(d).host.vms.push(vm({ id: 'app01', exchange: null, vcpus: 12 })) }) },
      { name: 'an overloaded host without Exchange', plan: edit(load(2, 4), (d) => { first(d).vm.exchange = null }) },
      {
        name: 'an overloaded host with only Exchange 2003 (no stated ratio)',
        plan: edit(load(2, 4), (d) => { Object.assign(first(d).vm, { guestOs: 'ws2003-sp2-x86', exchange: { ...e2013(), version: '2003', update: 'sp2' } }) }),
      },
    ],
  },
  {
    rule: 'vcpu-pcore-ratio-1to1-recommended',
    fires: [
      { name: 'Exchange 2007: a hint only', plan: load(4, 4), subjects: ['hv01'], severity: 'info' },
      { name: 'exactly 2:1 (6 vCPUs + root on 4 cores) is still above 1:1 (the 2:1 rule allows it, this one speaks)', plan: load(4, 6), subjects: ['hv01'], severity: 'info' },
      {
        name: 'Exchange 2013: a warning',
        plan: edit(load(4, 4), (d) => { Object.assign(first(d).vm, { guestOs: 'ws2012', exchange: e2013() }) }),
        subjects: ['hv01'],
        severity: 'warning',
      },
      {
        name: 'the newest Exchange version on the host decides',
        plan: edit(load(4, 2), (d) => { first(d).host.vms.push(vm({ id: 'ex02', guestOs: 'ws2012', vcpus: 2, exchange: e2013() })) }),
        subjects: ['hv01'],
        severity: 'warning',
      },
    ],
    silent: [
      { name: 'the sound plan', plan: sound },
      { name: 'exactly 1:1', plan: load(4, 2) },
      { name: 'above 2:1 (the error rule speaks instead)', plan: load(2, 4) },
      { name: 'no Exchange VM', plan: edit(load(4, 4), (d) => { first(d).vm.exchange = null }) },
    ],
  },
]
