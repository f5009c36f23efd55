import type { ExchangeInstall, Host, Plan } from '../model/plan.ts'
import type { RuleCases } from '../testing/rule-cases.ts'
import { edit, first, host, soundPlan, vm } from '../testing/plan-builder.ts'
import { twinHost } from './ha.cases.ts'

type Version = ExchangeInstall['version']

/** A supported setup per version: hypervisor, guest OS, update, roles and memory. */
const SETUPS = {
  '2007': { hypervisor: 'hyper-v-2008', guestOs: 'ws2008-x64', update: 'sp1', roles: ['mailbox'], ramGB: 8 },
  '2010': { hypervisor: 'hyper-v-2008-r2', guestOs: 'ws2008-r2-sp1', update: 'sp3', roles: ['mailbox', 'client-access', 'hub-transport'], ramGB: 8 },
  '2013': { hypervisor: 'hyper-v-2012-r2', guestOs: 'ws2012-r2', update: 'cu23', roles: ['mailbox', 'client-access'], ramGB: 8 },
  '2016': { hypervisor: 'hyper-v-2016', guestOs: 'ws2016', update: 'cu23', roles: ['mailbox'], ramGB: 16 },
  '2019': { hypervisor: 'hyper-v-2019', guestOs: 'ws2019', update: 'cu14', roles: ['mailbox'], ramGB: 128 },
  se: { hypervisor: 'hyper-v-2022', guestOs: 'ws2022', update: 'cu1', roles: ['mailbox'], ramGB: 128 },
} as const satisfies Partial<Record<Version, unknown>>
type Modern = keyof typeof SETUPS

/** The install of a version's supported setup, in DAG `dag` when given. */
export const install = (version: Modern, dag?: string): ExchangeInstall => {
  const { update, roles } = SETUPS[version]
  return { version, update, roles: [...roles], cluster: dag ? { kind: 'dag', id: dag } : null }
}

/** soundPlan with EX01 running `version` as supported, on a host with 256 GB. */
export function soundFor(version: Modern): Plan {
  return edit(soundPlan(), (d) => {
    const { host: h, vm: ex01 } = first(d)
    const { hypervisor, guestOs, ramGB } = SETUPS[version]
    h.hypervisor = hypervisor
    h.hardware.ramGB = 256
    Object.assign(ex01, { guestOs, ramGB, exchange: install(version) })
  })
}

/** A plan changed through its first host and VM. */
export const change = (base: Plan, edits: (parts: ReturnType<typeof first>) => void): Plan => edit(base, (d) => edits(first(d)))

/** EX01 on HV01 and EX02 on HV02, members of DAG "dag1", each host changed by `hosts`. */
export const dagOnTwoHosts = (version: Modern, hosts: (h: Host) => void = () => {}): Plan => edit(soundFor(version), (d) => {
  first(d).vm.exchange = install(version, 'dag1')
  d.hosts.push(twinHost(d, 2))
  for (const h of d.hosts) hosts(h)
})

/** EX01 and EX02, members of DAG `dag`, both on HV01. */
export const dagOnOneHost = (version: Modern, dag = 'dag1'): Plan => edit(soundFor(version), (d) => {
  const { host: h, vm: ex01 } = first(d)
  ex01.exchange = install(version, 'dag1')
  h.vms.push(vm({ id: 'ex02', guestOs: ex01.guestOs, ramGB: ex01.ramGB, exchange: install(version, dag) }))
})

/** soundPlan plus BM01, a bare-metal server running `exchange` in its own OS. */
export const bareMetal = (exchange: ExchangeInstall, hardware: Partial<Host['hardware']> = {}): Plan => edit(soundPlan(), (d) => {
  const bm = host({ id: 'bm01', hypervisor: 'none' })
  bm.parent = { ...bm.parent, roles: [], exchange, backup: { method: 'agent' } }
  Object.assign(bm.hardware, { ramGB: 128 }, hardware)
  d.hosts.push(bm)
})

const clustered = (h: Host) => { h.cluster = 'hc1' }
const saving = ({ vm: ex01, host: h }: ReturnType<typeof first>) => { ex01.stopAction = 'save'; h.cluster = 'hc1'; h.mobility = 'live-migration' }
const quickMigrating = ({ host: h }: ReturnType<typeof first>) => { h.cluster = 'hc1'; h.mobility = 'quick-migration' }
/** A host cluster of Windows Server 2008 Hyper-V set to live migration, which it does not have: its moves are Quick Migrations. */
const liveOn2008 = ({ host: h }: ReturnType<typeof first>) => { h.hypervisor = 'hyper-v-2008'; h.cluster = 'hc1'; h.mobility = 'live-migration' }
const rtm = (p: Plan) => edit(p, (d) => { for (const h of d.hosts) for (const guest of h.vms) guest.exchange!.update = 'rtm' })
const onVmware = ({ host: h }: ReturnType<typeof first>) => { h.hypervisor = 'vmware-esx'; h.svvpValidated = true }

export const cases: RuleCases[] = [
  {
    rule: 'e2010-dag-host-ha-rtm',
    fires: [
      { name: 'Exchange 2010 RTM DAG members on clustered hosts', plan: rtm(dagOnTwoHosts('2010', clustered)), subjects: ['ex01', 'ex02'], severity: 'error' },
      { name: 'Exchange 2010 RTM DAG member on a host with Live Migration', plan: change(rtm(dagOnTwoHosts('2010')), ({ host: h }) => { h.mobility = 'live-migration' }), subjects: ['ex01'] },
    ],
    silent: [
      { name: 'Exchange 2010 SP1 DAG members on clustered hosts', plan: edit(dagOnTwoHosts('2010', clustered), (d) => { for (const h of d.hosts) h.vms[0]!.exchange!.update = 'sp1' }) },
      { name: 'Exchange 2010 RTM DAG members on stand-alone hosts', plan: rtm(dagOnTwoHosts('2010')) },
      { name: 'Exchange 2013 RTM DAG members on clustered hosts', plan: rtm(dagOnTwoHosts('2013', clustered)) },
    ],
  },
  {
    rule: 'e2010-sp1-saved-state',
    fires: [
      { name: 'Exchange 2010 SP3 VM saving its state on a clustered host', plan: change(soundFor('2010'), saving), subjects: ['ex01'], severity: 'error' },
      { name: 'Exchange 2010 SP1 VM on a host with Quick Migration', plan: change(change(soundFor('2010'), quickMigrating), ({ vm: ex01 }) => { ex01.exchange!.update = 'sp1' }), subjects: ['ex01'] },
      { name: 'Exchange 2010 SP3 VM saving its state on a stand-alone host (the save-state host shutdown action)', plan: change(soundFor('2010'), ({ vm: ex01 }) => { ex01.stopAction = 'save' }), subjects: ['ex01'] },
      { name: 'Exchange 2010 SP3 VM shutting down on a WS2008 Hyper-V cluster set to live migration (it has only Quick Migration)', plan: change(soundFor('2010'), liveOn2008), subjects: ['ex01'] },
    ],
    silent: [
      { name: 'Exchange 2010 VM shutting down on a clustered host with Live Migration', plan: change(change(soundFor('2010'), saving), ({ vm: ex01 }) => { ex01.stopAction = 'shutdown' }) },
      { name: 'Exchange 2010 RTM VM saving its state on a stand-alone host (before SP1 the rule is not there)', plan: rtm(change(soundFor('2010'), ({ vm: ex01 }) => { ex01.stopAction = 'save' })) },
      { name: 'Exchange 2010 RTM VM on a host with Quick Migration', plan: rtm(change(soundFor('2010'), quickMigrating)) },
      { name: 'Exchange 2013 VM saving its state on a clustered host', plan: change(soundFor('2013'), saving) },
    ],
  },
  {
    rule: 'host-ha-cold-boot-only',
    fires: [
      { name: 'Exchange 2013 VM saving its state on a clustered host', plan: change(soundFor('2013'), saving), subjects: ['ex01'], severity: 'error' },
      { name: 'Exchange 2019 VM on a host with Quick Migration', plan: change(soundFor('2019'), quickMigrating), subjects: ['ex01'] },
      { name: 'Exchange SE DAG members saving their state on clustered hosts', plan: edit(dagOnTwoHosts('se', clustered), (d) => { for (const h of d.hosts) h.vms[0]!.stopAction = 'save' }), subjects: ['ex01', 'ex02'] },
      // "...combined with host-based failover clustering and migration technology": a stand-alone
      // Windows Server 2012-or-later host live-migrates VMs too.
      { name: 'Exchange 2019 VM saving its state on a stand-alone host that live-migrates VMs', plan: change(soundFor('2019'), ({ host: h, vm: ex01 }) => { ex01.stopAction = 'save'; h.mobility = 'live-migration' }), subjects: ['ex01'] },
    ],
    silent: [
      { name: 'Exchange 2016 VM shutting down on a clustered host with Live Migration', plan: change(change(soundFor('2016'), saving), ({ vm: ex01 }) => { ex01.stopAction = 'shutdown' }) },
      { name: 'Exchange 2013 VM saving its state on a stand-alone host', plan: change(soundFor('2013'), ({ vm: ex01 }) => { ex01.stopAction = 'save' }) },
      { name: 'Exchange 2010 VM saving its state on a clustered host', plan: change(soundFor('2010'), saving) },
      { name: 'Exchange 2007 VM on a host with Quick Migration', plan: change(soundFor('2007'), quickMigrating) },
    ],
  },
  {
    rule: 'e2010-third-party-migration',
    fires: [
      { name: 'Exchange 2010 VM on a VMware cluster with vMotion', plan: change(change(soundFor('2010'), onVmware), ({ host: h }) => { h.cluster = 'drs1'; h.mobility = 'live-migration' }), subjects: ['ex01'], severity: 'info' },
    ],
    silent: [
      { name: 'Exchange 2010 VM on a stand-alone VMware host', plan: change(soundFor('2010'), onVmware) },
      { name: 'Exchange 2010 VM on a Hyper-V cluster', plan: change(soundFor('2010'), ({ host: h }) => { h.cluster = 'hc1'; h.mobility = 'live-migration' }) },
      { name: 'Exchange 2013 VM on a VMware cluster', plan: change(change(soundFor('2013'), onVmware), ({ host: h }) => { h.cluster = 'drs1' }) },
    ],
  },
  {
    rule: 'e2010-dag-member-eviction',
    fires: [
      { name: 'Exchange 2010 SP3 DAG members on a Hyper-V cluster with Quick Migration', plan: dagOnTwoHosts('2010', (h) => { h.cluster = 'hc1'; h.mobility = 'quick-migration' }), subjects: ['ex01', 'ex02'], severity: 'info' },
      { name: 'Exchange 2010 RTM DAG member moved by Quick Migration', plan: edit(dagOnTwoHosts('2010', (h) => { h.cluster = 'hc1'; h.mobility = 'quick-migration' }), (d) => { d.hosts[1]!.mobility = 'live-migration'; first(d).vm.exchange!.update = 'rtm' }), subjects: ['ex01'] },
      { name: 'Exchange 2010 DAG members on a WS2008 Hyper-V cluster set to live migration (it moves them by Quick Migration)', plan: dagOnTwoHosts('2010', (h) => { h.hypervisor = 'hyper-v-2008'; h.cluster = 'hc1'; h.mobility = 'live-migration' }), subjects: ['ex01', 'ex02'] },
    ],
    silent: [
      { name: 'Exchange 2010 DAG members on a Hyper-V cluster with Live Migration', plan: dagOnTwoHosts('2010', (h) => { h.cluster = 'hc1'; h.mobility = 'live-migration' }) },
      { name: 'Exchange 2010 DAG members on stand-alone hosts set to Quick Migration (no host cluster)', plan: dagOnTwoHosts('2010', (h) => { h.mobility = 'quick-migration' }) },
      { name: 'stand-alone Exchange 2010 VM on a cluster with Quick Migration', plan: change(soundFor('2010'), ({ host: h }) => { h.cluster = 'hc1'; h.mobility = 'quick-migration' }) },
      { name: 'Exchange 2016 DAG members with Quick Migration (host-ha-cold-boot-only speaks)', plan: dagOnTwoHosts('2016', (h) => { h.cluster = 'hc1'; h.mobility = 'quick-migration' }) },
    ],
  },
  {
    rule: 'dag-members-anti-affinity',
    fires: [
      { name: 'two Exchange 2010 DAG members on HV01: each is warned', plan: dagOnOneHost('2010'), subjects: ['ex01', 'ex02'], severity: 'warning' },
      // C.2: "also CAS array / Hub pairs".
      { name: 'two Exchange 2010 multi-role servers outside any DAG on HV01 (a CAS array and Hub pair: one group, one finding each)', plan: change(dagOnOneHost('2010'), ({ host: h }) => { for (const v of h.vms) v.exchange!.cluster = null }), subjects: ['ex01', 'ex02'], severity: 'warning' },
      { name: 'two Exchange 2013 Client Access servers on HV01', plan: change(dagOnOneHost('2013'), ({ host: h }) => { for (const v of h.vms) v.exchange = { ...install('2013'), roles: ['client-access'] } }), subjects: ['ex01', 'ex02'], severity: 'warning' },
      { name: 'members of two different Exchange 2010 DAGs on HV01: their Client Access and Hub Transport roles pair them', plan: dagOnOneHost('2010', 'dag2'), subjects: ['ex01', 'ex02'] },
      { name: 'two Exchange 2016 DAG members on a clustered host', plan: change(dagOnOneHost('2016'), ({ host: h }) => { h.cluster = 'hc1' }), subjects: ['ex01', 'ex02'] },
      { name: 'three Exchange 2019 DAG members on HV01', plan: change(dagOnOneHost('2019'), ({ host: h }) => { h.vms.push(vm({ id: 'ex03', exchange: install('2019', 'dag1') })) }), subjects: ['ex01', 'ex02', 'ex03'] },
    ],
    silent: [
      { name: 'Exchange 2013 DAG members on different hosts', plan: dagOnTwoHosts('2013') },
      { name: 'two Exchange 2016 Mailbox servers outside any DAG on HV01 (no separate Client Access role since 2016)', plan: change(dagOnOneHost('2016'), ({ host: h }) => { for (const v of h.vms) v.exchange!.cluster = null }) },
      { name: 'two Exchange 2007 Client Access servers on HV01 (redundant-roles-same-host speaks: no DAG in 2007)', plan: change(soundFor('2016'), ({ host: h, vm: ex01 }) => {
        ex01.exchange = { version: '2007', update: 'sp1', roles: ['client-access'], cluster: null }
        h.vms.push(vm({ id: 'ex02', exchange: { version: '2007', update: 'sp1', roles: ['client-access'], cluster: null } }))
      }) },
      { name: 'two VMs on HV01 in different DAGs', plan: dagOnOneHost('2016', 'dag2') },
      { name: 'Exchange 2007 CCR nodes on one host', plan: change(soundFor('2007'), ({ host: h, vm: ex01 }) => {
        ex01.exchange!.cluster = { kind: 'ccr', id: 'c1' }
        h.vms.push(vm({ id: 'ex02', exchange: { ...ex01.exchange! } }))
      }) },
    ],
  },
  {
    rule: 'ws2012-host-cluster-kb2872325',
    fires: [
      { name: 'Exchange 2013 DAG on a Windows Server 2012 Hyper-V host cluster', plan: dagOnTwoHosts('2013', (h) => { h.hypervisor = 'hyper-v-2012'; h.cluster = 'hc1' }), subjects: ['ex01', 'ex02'], severity: 'info' },
    ],
    silent: [
      { name: 'Exchange 2013 DAG on a Windows Server 2012 R2 Hyper-V host cluster', plan: dagOnTwoHosts('2013', clustered) },
      { name: 'Exchange 2013 DAG on stand-alone Windows Server 2012 hosts', plan: dagOnTwoHosts('2013', (h) => { h.hypervisor = 'hyper-v-2012' }) },
      { name: 'Exchange 2010 DAG on a Windows Server 2012 Hyper-V host cluster', plan: dagOnTwoHosts('2010', (h) => { h.hypervisor = 'hyper-v-2012'; h.cluster = 'hc1' }) },
      { name: 'stand-alone Exchange 2016 VM on a Windows Server 2012 Hyper-V host cluster', plan: change(soundFor('2016'), ({ host: h }) => { h.hypervisor = 'hyper-v-2012'; h.cluster = 'hc1' }) },
    ],
  },
]
