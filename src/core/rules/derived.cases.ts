import type { ExchangeRole, Hypervisor } from '../model/enums.ts'
import type { ExchangeInstall, Plan } from '../model/plan.ts'
import type { RuleCases } from '../testing/rule-cases.ts'
import { edit, first, host, physicalDisk, soundPlan, virtualDisk, vm } from '../testing/plan-builder.ts'
import { dc } from './exchange-2010.cases.ts'
import { change, dagOnOneHost, dagOnTwoHosts, install, soundFor } from './exchange-modern.cases.ts'
import { twinHost } from './ha.cases.ts'
import { hdisk, sound, vdisk, withLun } from './storage-case-plans.ts'

/** Exchange 2010 SP3 with Mailbox, Client Access and Hub Transport on EX01 and on a second VM `id` of HV01. */
const multiRolePair = (id = 'ex02'): Plan => change(soundFor('2010'), ({ host: h, vm: ex01 }) => {
  h.vms.push(vm({ id, guestOs: ex01.guestOs, ramGB: 8, exchange: install('2010') }))
})


/** Host cluster "hc1" of `nodes` copies of HV01 on `hypervisor`, each with `extraVms` more small VMs beside its EX01. */
function clusterOf(nodes: number, hypervisor: Hypervisor, extraVms = 0): Plan {
  return edit(soundPlan(), (d) => {
    first(d).host.cluster = 'hc1'
    for (let n = 2; n <= nodes; n++) d.hosts.push(twinHost(d, n))
    for (const h of d.hosts) {
      h.hypervisor = hypervisor
      for (let i = 1; i <= extraVms; i++) h.vms.push(vm({ id: `${h.id}-vm${i}`, ramGB: 0.05, exchange: null, disks: [] }))
    }
  })
}

/** HV01 and HV02 (32 GB each) in host cluster "hc1", each running one VM of `ramGB` (EX01 on HV01, EX02 with `otherGB` on HV02). */
export function clusterOfTwo(ramGB: number, otherGB: number): Plan {
  return edit(soundPlan(), (d) => {
    const { host: h, vm: ex01 } = first(d)
    h.cluster = 'hc1'
    ex01.ramGB = ramGB
    const hv02 = twinHost(d, 2)
    hv02.vms[0]!.ramGB = otherGB
    d.hosts.push(hv02)
  })
}

/** Nodes HV01 to HV03 of host cluster "hc1" with the given RAM, each running one VM of the given memory. */
export function clusterOfThree(ram1: number, ram2: number, ram3: number, vmGB: readonly number[]): Plan {
  return edit(soundPlan(), (d) => {
    const { host: h } = first(d)
    h.cluster = 'hc1'
    d.hosts.push(twinHost(d, 2), twinHost(d, 3))
    d.hosts.forEach((node, i) => {
      node.hardware.ramGB = [ram1, ram2, ram3][i]!
      node.vms[0]!.ramGB = vmGB[i]!
    })
  })
}

/** The sound plan's EX01 with its host HV01 a node of host cluster "hc1", stop action `stop`. */
const onHostCluster = (base: Plan, stop: 'shutdown' | 'save' | 'turn-off'): Plan => change(base, ({ host: h, vm: ex01 }) => {
  h.cluster = 'hc1'
  h.mobility = 'live-migration'
  ex01.stopAction = stop
})

/** An Exchange 2010 SP1 install with `roles`, in `cluster` when given. */
const e2010 = (roles: ExchangeRole[], cluster: ExchangeInstall['cluster'] = null): ExchangeInstall => ({ version: '2010', update: 'sp1', roles, cluster })

/** The 2010 sound plan with EX01 and further VMs on HV01 running the given installs. */
const e2010OnHv01 = (...installs: ExchangeInstall[]): Plan => change(soundFor('2010'), ({ host: h, vm: ex01 }) => {
  ex01.exchange = installs[0]!
  installs.slice(1).forEach((exchange, i) => h.vms.push(vm({ id: `ex0${i + 2}`, guestOs: ex01.guestOs, exchange })))
})

/** The Exchange 2007 VM on host cluster "hc1", set to save, its install changed by `exchange`. */
const saving2007 = (exchange: Partial<ExchangeInstall>, base: Plan = soundPlan()): Plan =>
  change(onHostCluster(base, 'save'), ({ vm: ex01 }) => { ex01.exchange = { ...ex01.exchange!, ...exchange } })

/** HV01's disks `hv01-a` (`aGB`, a VHD of `aVhdGB` on it) and `hv01-b` (500 GB, a VHD of `bVhdGB`) both on the 500 GB LUN 1. */
const twoDisksOnOneLun = (aGB: number, aVhdGB: number, bVhdGB: number): Plan => sound((d) => {
  withLun(d)
  const { host: h, vm: ex01 } = first(d)
  for (const [id, sizeGB, vhdGB] of [['a', aGB, aVhdGB], ['b', 500, bVhdGB]] as const) {
    h.disks.push(physicalDisk({ id: `hv01-${id}`, name: `CSV ${id.toUpperCase()}`, sizeGB, online: true, contents: ['vm-files'], lun: 'lun1' }))
    ex01.disks.push(virtualDisk({ id: `ex01-${id}`, name: `On ${id.toUpperCase()}`, kind: 'fixed-vhd', controller: 'scsi1', sizeGB: vhdGB, backing: `hv01-${id}`, contents: ['other'] }))
  }
})

/** HV01 and HV02 each hold a host disk on LUN 1 (500 GB) with one fixed VHD of `sizeGB` from their own VM. */
const twoHostsOnOneLun = (sizeGB: number): Plan => edit(soundPlan(), (d) => {
  withLun(d)
  d.hosts.push(twinHost(d, 2))
  for (const h of d.hosts) {
    const csv = physicalDisk({ id: `${h.id}-csv`, name: 'CSV', sizeGB: 500, online: true, contents: ['vm-files'], lun: 'lun1' })
    h.disks.push(csv)
    const owner = h.vms[0]!
    owner.disks.push(virtualDisk({ id: `${owner.id}-data`, name: 'Data', kind: 'fixed-vhd', controller: 'scsi1', sizeGB, backing: csv.id, contents: ['other'] }))
  }
})

export const cases: RuleCases[] = [
  {
    rule: 'redundant-roles-same-host',
    fires: [
      { name: 'two Exchange 2007 Client Access and Hub Transport servers on HV01', plan: change(multiRolePair(), ({ host: h }) => {
        for (const v of h.vms) v.exchange = { version: '2007', update: 'sp1', roles: ['client-access', 'hub-transport'], cluster: null }
      }), subjects: ['hv01'], severity: 'warning' },
      { name: 'two Exchange 2010 Edge Transport servers on HV01', plan: e2010OnHv01(e2010(['edge-transport']), e2010(['edge-transport'])), subjects: ['hv01'], severity: 'warning' },
      { name: 'two domain controllers on HV01', plan: sound((d) => { first(d).host.vms.push(dc('dc01'), dc('dc02')) }), subjects: ['hv01'] },
      { name: 'two Exchange 2007 single copy cluster nodes on HV01', plan: sound((d) => {
        const { host: h, vm: ex01 } = first(d)
        ex01.exchange = { version: '2007', update: 'sp1', roles: ['mailbox'], cluster: { kind: 'scc', id: 'scc1' } }
        h.vms.push(vm({ id: 'ex02', exchange: { ...ex01.exchange } }))
      }), subjects: ['hv01'] },
      { name: 'two Exchange 2016 Edge Transport servers on HV01', plan: change(dagOnOneHost('2016'), ({ host: h }) => {
        for (const v of h.vms) v.exchange = { ...install('2016'), roles: ['edge-transport'] }
      }), subjects: ['hv01'] },
      { name: 'three Exchange 2007 Hub Transport servers, one of them also Client Access', plan: sound((d) => {
        const { host: h, vm: ex01 } = first(d)
        ex01.exchange = { version: '2007', update: 'sp1', roles: ['hub-transport'], cluster: null }
        h.vms.push(vm({ id: 'ex02', exchange: { version: '2007', update: 'sp1', roles: ['hub-transport', 'client-access'], cluster: null } }))
        h.vms.push(vm({ id: 'ex03', exchange: { version: '2007', update: 'sp1', roles: ['hub-transport'], cluster: null } }))
      }), subjects: ['hv01'] },
      {
        name: 'two Exchange 2010 Mailbox servers of one plain Windows cluster on HV01 (no placement rule of its own: this one speaks)',
        plan: e2010OnHv01(e2010(['mailbox'], { kind: 'windows', id: 'wc1' }), e2010(['mailbox'], { kind: 'windows', id: 'wc1' })),
        subjects: ['hv01'],
        severity: 'warning',
      },
      // CCR nodes and DAG members: their own rules name each VM as well (catalogue 8.2 lists them here).
      { name: 'two Exchange 2007 CCR nodes on HV01', plan: sound((d) => {
        const { host: h, vm: ex01 } = first(d)
        ex01.exchange = { version: '2007', update: 'sp1', roles: ['mailbox'], cluster: { kind: 'ccr', id: 'ccr1' } }
        h.vms.push(vm({ id: 'ex02', exchange: { ...ex01.exchange } }))
      }), subjects: ['hv01'], severity: 'warning' },
      { name: 'two Exchange 2016 DAG members on HV01', plan: dagOnOneHost('2016'), subjects: ['hv01'] },
      { name: 'two Exchange 2010 multi-role DAG members on HV01', plan: dagOnOneHost('2010'), subjects: ['hv01'] },
      { name: 'two Exchange 2010 Client Access and Hub Transport servers on HV01 (a CAS array and a transport pair)', plan: multiRolePair(), subjects: ['hv01'] },
      { name: 'two Exchange 2013 Client Access servers on HV01', plan: change(multiRolePair(), ({ host: h }) => {
        for (const v of h.vms) v.exchange = { version: '2013', update: 'cu21', roles: ['client-access'], cluster: null }
      }), subjects: ['hv01'] },
    ],
    silent: [
      { name: 'sound plan', plan: soundPlan() },
      { name: 'the two Exchange 2010 multi-role servers on different hosts', plan: edit(soundFor('2010'), (d) => { d.hosts.push(twinHost(d, 2)) }) },
      { name: 'two stand-alone Exchange 2010 Mailbox servers on HV01', plan: change(multiRolePair(), ({ host: h }) => {
        for (const v of h.vms) v.exchange!.roles = ['mailbox']
      }) },
      { name: 'Exchange 2007 and 2010 Client Access servers on HV01 (not one array)', plan: change(multiRolePair(), ({ vm: ex01 }) => {
        ex01.exchange = { version: '2007', update: 'sp1', roles: ['client-access'], cluster: null }
      }) },
      { name: 'a domain controller and an Exchange server on HV01', plan: sound((d) => { first(d).host.vms.push(dc('dc01')) }) },
      { name: 'Exchange 2016 DAG members on different hosts', plan: dagOnTwoHosts('2016') },
      { name: 'two stand-alone Exchange 2019 Mailbox servers on HV01', plan: change(dagOnOneHost('2019'), ({ host: h }) => {
        for (const v of h.vms) v.exchange = install('2019')
      }) },
      { name: 'two Exchange 2013 Mailbox servers outside a DAG on HV01', plan: change(dagOnOneHost('2013'), ({ host: h }) => {
        for (const v of h.vms) v.exchange = { ...install('2013'), roles: ['mailbox'] }
      }) },
    ],
  },
  {
    rule: 'exchange-vm-ha-restart-policy',
    fires: [
      { name: 'Exchange 2007 VM on a host cluster, shut down on failover', plan: onHostCluster(soundPlan(), 'shutdown'), subjects: ['ex01'], severity: 'info' },
      { name: 'Exchange 2007 VM on a host cluster, turned off', plan: onHostCluster(soundPlan(), 'turn-off'), subjects: ['ex01'], severity: 'info' },
      { name: 'Exchange 2010 SP3 VM on a host cluster, state saved (an error from 2010 SP1, as e2010-sp1-saved-state says)', plan: onHostCluster(soundFor('2010'), 'save'), subjects: ['ex01'], severity: 'error' },
      { name: 'Exchange 2019 VM on a host cluster, state saved (an error, as host-ha-cold-boot-only says)', plan: onHostCluster(soundFor('2019'), 'save'), subjects: ['ex01'], severity: 'error' },
      { name: 'Exchange 2010 RTM Client Access VM on a host cluster, state saved', plan: change(onHostCluster(soundFor('2010'), 'save'), ({ vm: ex01 }) => {
        ex01.exchange = { ...install('2010'), update: 'rtm', roles: ['client-access'] }
      }), subjects: ['ex01'], severity: 'warning' },
      { name: 'stand-alone Exchange 2007 Mailbox on a host cluster, state saved', plan: onHostCluster(soundPlan(), 'save'), subjects: ['ex01'], severity: 'warning' },
      { name: 'Exchange 2007 CCR node on a host cluster, state saved (e2007-ccr-scc-with-host-ha has the error)', plan: change(onHostCluster(soundPlan(), 'save'), ({ vm: ex01 }) => {
        ex01.exchange = { version: '2007', update: 'sp1', roles: ['mailbox'], cluster: { kind: 'ccr', id: 'ccr1' } }
      }), subjects: ['ex01'], severity: 'info' },
      { name: 'Exchange 2007 Mailbox in a plain Windows cluster on a host cluster, state saved (no other rule speaks: a warning)', plan: saving2007({ roles: ['mailbox'], cluster: { kind: 'windows', id: 'wc1' } }), subjects: ['ex01'], severity: 'warning' },
      { name: 'Exchange 2007 single copy cluster node on a host cluster, state saved (e2007-ccr-scc-with-host-ha has the error)', plan: saving2007({ roles: ['mailbox'], cluster: { kind: 'scc', id: 'scc1' } }), subjects: ['ex01'], severity: 'info' },
      { name: 'Exchange 2013 RTM outside a DAG on a host cluster, state saved (an error: the RTM exception is a 2010 thing)', plan: change(onHostCluster(soundFor('2013'), 'save'), ({ vm: ex01 }) => { ex01.exchange!.update = 'rtm' }), subjects: ['ex01'], severity: 'error' },
      { name: 'Exchange 2010 RTM DAG member on a host cluster, state saved (e2010-dag-host-ha-rtm has the error)', plan: change(onHostCluster(soundFor('2010'), 'save'), ({ vm: ex01 }) => { ex01.exchange = { ...install('2010', 'dag1'), update: 'rtm' } }), subjects: ['ex01'], severity: 'info' },
    ],
    silent: [
      { name: 'Exchange VM on a stand-alone host', plan: soundPlan() },
      { name: 'Exchange VM on a stand-alone host with Quick Migration and stop action Save', plan: change(soundPlan(), ({ host: h, vm: ex01 }) => { h.mobility = 'quick-migration'; ex01.stopAction = 'save' }) },
      { name: 'a VM without Exchange on a host cluster', plan: change(onHostCluster(soundPlan(), 'save'), ({ vm: ex01 }) => { ex01.exchange = null }) },
      { name: 'bare-metal Exchange on a clustered server', plan: edit(soundPlan(), (d) => {
        const bm = host({ id: 'bm01', hypervisor: 'none', cluster: 'hc1' })
        bm.parent = { ...bm.parent, roles: [], exchange: install('2010'), backup: { method: 'agent' } }
        d.hosts.push(bm)
      }) },
    ],
  },
  {
    rule: 'capacity-sum-check',
    fires: [
      { name: 'EX01 given all of HV01\'s 8 GB with the 2 GB parent reserve on top', plan: change(soundPlan(), ({ host: h }) => { h.hardware.ramGB = 8 }), subjects: ['hv01'], severity: 'error' },
      { name: 'Exchange on an ESX host with its memory overcommitted', plan: change(soundPlan(), ({ host: h }) => { h.hypervisor = 'vmware-esx'; h.hardware.ramGB = 8 }), subjects: ['hv01'] },
      { name: 'a 400 GB fixed VHD on a 300 GB host disk', plan: sound((d) => {
        Object.assign(vdisk(d, 'ex01-db'), { kind: 'fixed-vhd', sizeGB: 400 })
      }), subjects: ['hv01-db'] },
      { name: 'two fixed VHDs filling Disk 2 past its 300 GB', plan: sound((d) => {
        Object.assign(vdisk(d, 'ex01-db'), { kind: 'fixed-vhd', sizeGB: 200 })
        Object.assign(vdisk(d, 'ex01-logs'), { kind: 'fixed-vhd', sizeGB: 150, backing: 'hv01-db' })
      }), subjects: ['hv01-db'] },
      { name: 'a 400 GB pass-through disk on a 300 GB host disk', plan: sound((d) => { vdisk(d, 'ex01-db').sizeGB = 400 }), subjects: ['ex01-db'] },
      { name: 'a host disk larger than its LUN, its fixed VHD larger than the LUN', plan: sound((d) => {
        withLun(d)
        Object.assign(hdisk(d, 'hv01-db'), { sizeGB: 800, lun: 'lun1' })
        Object.assign(vdisk(d, 'ex01-db'), { kind: 'fixed-vhd', sizeGB: 600 })
      }), subjects: ['hv01-db'] },
      { name: 'fixed VHDs of two hosts sharing LUN 1 past its 500 GB', plan: twoHostsOnOneLun(300), subjects: ['lun1'] },
      { name: 'Exchange beside a VM without Exchange on an ESX host with its memory overcommitted (one Exchange VM is enough)', plan: change(soundPlan(), ({ host: h }) => {
        h.hypervisor = 'vmware-esx'
        h.hardware.ramGB = 16
        h.vms.push(vm({ id: 'app01', exchange: null, backup: { method: 'none' } }))
      }), subjects: ['hv01'], severity: 'error' },
      { name: 'two disks of HV01 on LUN 1, one already overflowing on its own: reported on that disk, not counted again for the LUN', plan: twoDisksOnOneLun(100, 200, 350), subjects: ['hv01-a'] },
      { name: 'two disks of HV01 on LUN 1, one exactly full: it still counts towards the LUN (250 + 300 GB past 500 GB)', plan: twoDisksOnOneLun(250, 250, 300), subjects: ['lun1'], severity: 'error' },
      { name: 'a 600 GB guest iSCSI disk on a 500 GB LUN', plan: sound((d) => {
        withLun(d, 'iscsi')
        Object.assign(vdisk(d, 'ex01-db'), { kind: 'iscsi-guest', controller: null, sizeGB: 600, backing: 'lun1' })
      }), subjects: ['ex01-db'] },
    ],
    silent: [
      { name: 'sound plan', plan: soundPlan() },
      { name: 'EX01 and the parent reserve exactly fill HV01', plan: change(soundPlan(), ({ host: h }) => { h.hardware.ramGB = 10 }) },
      { name: 'VMs without Exchange overcommitting an ESX host', plan: change(soundPlan(), ({ host: h, vm: ex01 }) => {
        h.hypervisor = 'vmware-esx'
        h.hardware.ramGB = 8
        ex01.exchange = null
      }) },
      { name: 'a 400 GB dynamic VHD on a 300 GB host disk (it may never grow that far)', plan: sound((d) => {
        Object.assign(vdisk(d, 'ex01-db'), { kind: 'dynamic-vhd', sizeGB: 400 })
      }) },
      { name: 'a 300 GB fixed VHD filling its 300 GB host disk', plan: sound((d) => {
        Object.assign(vdisk(d, 'ex01-db'), { kind: 'fixed-vhd', sizeGB: 300 })
      }) },
      { name: 'fixed VHDs of two hosts sharing LUN 1 within its 500 GB', plan: twoHostsOnOneLun(250) },
      { name: 'two guests sharing one 500 GB LUN, each seeing all of it', plan: sound((d) => {
        withLun(d, 'iscsi')
        const { host: h } = first(d)
        Object.assign(vdisk(d, 'ex01-db'), { kind: 'iscsi-guest', controller: null, sizeGB: 500, backing: 'lun1' })
        h.vms.push(vm({ id: 'ex02', disks: [virtualDisk({ id: 'ex02-db', kind: 'iscsi-guest', controller: null, sizeGB: 500, backing: 'lun1', contents: ['database'] })] }))
      }) },
    ],
  },
  {
    rule: 'host-cluster-failover-capacity',
    fires: [
      {
        name: 'two 32 GB nodes whose VMs take 16 GB each: one node cannot hold 32 GB of VMs and its 2 GB reserve',
        plan: clusterOfTwo(16, 16),
        subjects: ['hv01'],
        severity: 'warning',
      },
      { name: 'three nodes, the largest failing leaves too little', plan: clusterOfThree(64, 32, 32, [22, 22, 22]), subjects: ['hv01'] },
      {
        name: 'VMware ESX nodes with Exchange VMs: after a failover they would share overcommitted memory',
        plan: edit(clusterOfTwo(16, 16), (d) => { for (const h of d.hosts) { h.hypervisor = 'vmware-esx'; h.svvpValidated = true } }),
        subjects: ['hv01'],
      },
    ],
    silent: [
      { name: 'two 32 GB nodes whose VMs take 14 GB in all (30 GB of VMs, 2 GB reserve: exactly fits)', plan: clusterOfTwo(16, 14) },
      { name: 'the same hosts, not clustered', plan: edit(clusterOfTwo(16, 16), (d) => { for (const h of d.hosts) h.cluster = null }) },
      { name: 'a cluster of one node', plan: change(soundPlan(), ({ host: h, vm: ex01 }) => { h.cluster = 'hc1'; ex01.ramGB = 16 }) },
      {
        name: 'VMware ESX nodes without Exchange VMs, which may overcommit',
        plan: edit(clusterOfTwo(16, 16), (d) => { for (const h of d.hosts) { h.hypervisor = 'vmware-esx'; h.svvpValidated = true; for (const guest of h.vms) guest.exchange = null } }),
      },
      { name: 'three nodes with room for any one failure', plan: clusterOfThree(64, 64, 64, [20, 20, 20]) },
    ],
  },
  {
    rule: 'host-cluster-size-limit',
    fires: [
      { name: 'a Hyper-V Server 2008 node in a host cluster: it has no failover clustering', plan: edit(clusterOf(2, 'hyper-v-2008'), (d) => { d.hosts[0]!.hypervisor = 'hyper-v-server-2008' }), subjects: ['hv01'], severity: 'error' },
      { name: '17 Windows Server 2008 R2 nodes: at most 16', plan: clusterOf(17, 'hyper-v-2008-r2'), subjects: ['hv017'], severity: 'error' },
      { name: '17 nodes, one of them on 2008 R2 and the rest on 2012: the R2 node sets the limit', plan: edit(clusterOf(17, 'hyper-v-2012'), (d) => { d.hosts[5]!.hypervisor = 'hyper-v-2008-r2' }), subjects: ['hv017'], severity: 'error' },
      { name: '1,002 VMs on three Windows Server 2008 R2 nodes: at most 1,000 per cluster', plan: clusterOf(3, 'hyper-v-2008-r2', 333), subjects: ['hv03'], severity: 'error' },
    ],
    silent: [
      { name: 'two Windows Server 2008 Hyper-V nodes', plan: clusterOf(2, 'hyper-v-2008') },
      { name: 'two Hyper-V Server 2008 R2 nodes, which have failover clustering', plan: clusterOf(2, 'hyper-v-server-2008-r2') },
      { name: 'a Hyper-V Server 2008 host in no cluster', plan: edit(soundPlan(), (d) => { d.hosts[0]!.hypervisor = 'hyper-v-server-2008' }) },
      { name: '16 Windows Server 2008 R2 nodes', plan: clusterOf(16, 'hyper-v-2008-r2') },
      { name: '17 Windows Server 2012 nodes: up to 64', plan: clusterOf(17, 'hyper-v-2012') },
      { name: '1,000 VMs on two Windows Server 2008 R2 nodes', plan: clusterOf(2, 'hyper-v-2008-r2', 499) },
      { name: '1,002 VMs on three Windows Server 2012 nodes: up to 8,000', plan: clusterOf(3, 'hyper-v-2012', 333) },
    ],
  },
  {
    rule: 'host-cluster-one-hypervisor',
    fires: [
      {
        name: 'a Hyper-V node and a VMware ESX node in one host cluster',
        plan: edit(clusterOfTwo(8, 8), (d) => { Object.assign(d.hosts[1]!, { hypervisor: 'vmware-esx', svvpValidated: true }); d.hosts[1]!.parent.roles = [] }),
        subjects: ['hv02'],
        severity: 'error',
      },
    ],
    silent: [
      { name: 'two Windows Server 2008 Hyper-V nodes', plan: clusterOfTwo(8, 8) },
      { name: 'Hyper-V nodes of two versions (a rolling upgrade)', plan: edit(clusterOfTwo(8, 8), (d) => { d.hosts[1]!.hypervisor = 'hyper-v-2008-r2' }) },
      {
        name: 'a Hyper-V host and a VMware ESX host in no cluster',
        plan: edit(clusterOfTwo(8, 8), (d) => { for (const h of d.hosts) h.cluster = null; Object.assign(d.hosts[1]!, { hypervisor: 'vmware-esx', svvpValidated: true }) }),
      },
    ],
  },
]
