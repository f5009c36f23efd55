import type { ExchangeInstall, Host, Plan } from '../model/plan.ts'
import type { RuleCases } from '../testing/rule-cases.ts'
import { edit, first, host, soundPlan, vm } from '../testing/plan-builder.ts'

type ClusterKind = NonNullable<ExchangeInstall['cluster']>['kind']

/** A mailbox install of the given version in cluster `id` (or none). */
export const mailbox = (version: ExchangeInstall['version'], kind?: ClusterKind, id = 'c1'): ExchangeInstall => ({
  version, update: version === '2007' ? 'sp1' : 'sp2', roles: ['mailbox'], cluster: kind ? { kind, id } : null,
})

/** A copy of soundPlan's host HV01 (with its VM EX01 and disks) renamed to HV0n / EX0n. */
export function twinHost(p: Plan, n: number): Host {
  const json = JSON.stringify(p.hosts[0])
  return JSON.parse(json.replaceAll('hv01', `hv0${n}`).replaceAll('ex01', `ex0${n}`)
    .replaceAll('HV01', `HV0${n}`).replaceAll('EX01', `EX0${n}`)) as Host
}

/** EX01 on HV01 and EX02 on HV02, both members of one cluster of `kind` running `version`. */
export function pairOnTwoHosts(kind: ClusterKind, version: ExchangeInstall['version'] = '2007'): Plan {
  return edit(soundPlan(), (d) => {
    first(d).vm.exchange = mailbox(version, kind)
    d.hosts.push(twinHost(d, 2))
  })
}

/** EX01 and a second VM EX02 in one cluster, both on HV01. */
const pairOnOneHost = (kind: ClusterKind, version: ExchangeInstall['version'] = '2007') => edit(soundPlan(), (d) => {
  first(d).vm.exchange = mailbox(version, kind)
  first(d).host.vms.push(vm({ id: 'ex02', exchange: mailbox(version, kind) }))
})

/** EX01 (a VM) and BM01 (a bare-metal server) in one cluster. */
const mixedPair = (kind: ClusterKind, version: ExchangeInstall['version'] = '2007') => edit(soundPlan(), (d) => {
  first(d).vm.exchange = mailbox(version, kind)
  const bare = host({ id: 'bm01', hypervisor: 'none' })
  bare.parent = { ...bare.parent, roles: [], exchange: mailbox(version, kind), backup: { method: 'agent' } }
  d.hosts.push(bare)
})

export const cases: RuleCases[] = [
  {
    rule: 'e2007-ccr-scc-with-host-ha',
    fires: [
      { name: 'CCR node on a clustered host', plan: edit(pairOnTwoHosts('ccr'), (d) => { d.hosts[0]!.cluster = 'hc1' }), subjects: ['ex01'], severity: 'error' },
      { name: 'SCC nodes on hosts with Quick Migration', plan: edit(pairOnTwoHosts('scc'), (d) => { for (const h of d.hosts) h.mobility = 'quick-migration' }), subjects: ['ex01', 'ex02'] },
    ],
    silent: [
      { name: 'CCR nodes on stand-alone hosts', plan: pairOnTwoHosts('ccr') },
      { name: 'no CCR/SCC on a clustered host', plan: edit(soundPlan(), (d) => { first(d).host.cluster = 'hc1' }) },
      { name: 'Exchange 2010 DAG on clustered hosts', plan: edit(pairOnTwoHosts('dag', '2010'), (d) => { for (const h of d.hosts) h.cluster = 'hc1' }) },
      { name: 'physical CCR node on a clustered bare-metal server', plan: edit(mixedPair('ccr'), (d) => { d.hosts[1]!.cluster = 'hc1' }) },
      { name: 'Exchange 2007 VM in a plain Windows cluster (not CCR/SCC) on a clustered host', plan: edit(soundPlan(), (d) => { first(d).host.cluster = 'hc1'; first(d).vm.exchange = mailbox('2007', 'windows') }) },
    ],
  },
  {
    rule: 'e2007-ccr-nodes-same-host',
    fires: [
      { name: 'both CCR nodes on HV01: each node is warned', plan: pairOnOneHost('ccr'), subjects: ['ex01', 'ex02'], severity: 'warning' },
      {
        name: 'three CCR nodes, EX01 on HV01 and EX02 and EX03 on HV02: the two sharing HV02 are warned',
        plan: edit(pairOnTwoHosts('ccr'), (d) => { d.hosts[1]!.vms.push(vm({ id: 'ex03', exchange: mailbox('2007', 'ccr') })) }),
        subjects: ['ex02', 'ex03'],
        severity: 'warning',
      },
      { name: 'three CCR nodes on HV01', plan: edit(pairOnOneHost('ccr'), (d) => { first(d).host.vms.push(vm({ id: 'ex03', exchange: mailbox('2007', 'ccr') })) }), subjects: ['ex01', 'ex02', 'ex03'] },
    ],
    silent: [
      { name: 'sound plan', plan: soundPlan() },
      { name: 'CCR nodes on different hosts', plan: pairOnTwoHosts('ccr') },
      { name: 'two VMs on HV01 in different CCR clusters', plan: edit(pairOnOneHost('ccr'), (d) => { d.hosts[0]!.vms[1]!.exchange = mailbox('2007', 'ccr', 'c2') }) },
      { name: 'Exchange 2010 DAG members on different hosts', plan: pairOnTwoHosts('dag', '2010') },
      { name: 'Exchange 2010 DAG members on one host (dag-members-anti-affinity speaks)', plan: pairOnOneHost('dag', '2010') },
      { name: 'both SCC nodes on HV01 (shared storage: no copies to lose together)', plan: pairOnOneHost('scc') },
    ],
  },
  {
    rule: 'e2007-ccr-mixed-physical-virtual',
    fires: [
      { name: 'CCR with a virtual and a bare-metal node', plan: mixedPair('ccr'), subjects: ['ex01'], severity: 'info' },
      { name: 'SCC with a virtual and a bare-metal node', plan: mixedPair('scc'), subjects: ['ex01'] },
    ],
    silent: [
      { name: 'both CCR nodes virtual', plan: pairOnTwoHosts('ccr') },
      { name: 'Exchange 2010 DAG mixing physical and virtual', plan: mixedPair('dag', '2010') },
      { name: 'Exchange 2007 plain Windows cluster (not CCR/SCC) mixing physical and virtual', plan: mixedPair('windows') },
    ],
  },
  {
    rule: 'e2007-non-clustered-vm-mobility',
    fires: [
      { name: 'stand-alone Exchange 2007 VM with Quick Migration', plan: edit(soundPlan(), (d) => { first(d).host.mobility = 'quick-migration' }), subjects: ['ex01'], severity: 'info' },
      { name: 'stand-alone Exchange 2007 VM on a clustered host', plan: edit(soundPlan(), (d) => { first(d).host.cluster = 'hc1' }), subjects: ['ex01'] },
    ],
    silent: [
      { name: 'sound plan', plan: soundPlan() },
      { name: 'CCR node on a clustered host (the CCR rule covers it)', plan: edit(pairOnTwoHosts('ccr'), (d) => { d.hosts[0]!.cluster = 'hc1' }) },
      { name: 'Exchange 2010 VM on a clustered host', plan: edit(soundPlan(), (d) => { first(d).host.cluster = 'hc1'; first(d).vm.exchange = mailbox('2010') }) },
    ],
  },
]
