import { first, host, physicalDisk, soundPlan, virtualDisk, vm } from '../testing/plan-builder.ts'
import type { RuleCases } from '../testing/rule-cases.ts'
import type { Plan } from '../model/plan.ts'
import { hdisk, onVersion, sound, vdisk, withLun } from './storage-case-plans.ts'

/** A second host `hv02` whose disk `hv02-lun1` is the LUN `lun1`, with `contents` and an optional VM using it. */
function secondHostOnLun(p: Plan, use: 'pass-through' | 'fixed-vhd' | null, contents: Plan['hosts'][number]['disks'][number]['contents'] = []) {
  p.hosts.push(host({
    id: 'hv02',
    disks: [physicalDisk({ id: 'hv02-lun1', lun: 'lun1', contents })],
    vms: use === null ? [] : [vm({ id: 'app02', exchange: null, disks: [virtualDisk({ id: 'app02-data', kind: use, backing: 'hv02-lun1' })] })],
  }))
}

type ClusterOf = NonNullable<Plan['hosts'][number]['vms'][number]['exchange']>['cluster']

/**
 * The sound plan with a LUN `lun1` that the first VM `ex01` and a second VM `ex02` both reach through
 * their own iSCSI initiators, each a member of `cluster` (or, with `exchange` false, neither running Exchange).
 */
function guestsOnLun(first1: ClusterOf, second: ClusterOf, exchange = true): Plan {
  return sound((d) => {
    withLun(d, 'iscsi')
    const { vm: ex01, host: hv01 } = first(d)
    ex01.disks.push(virtualDisk({ id: 'ex01-q', kind: 'iscsi-guest', controller: null, backing: 'lun1' }))
    const ex02 = vm({ id: 'ex02', disks: [virtualDisk({ id: 'ex02-q', kind: 'iscsi-guest', controller: null, backing: 'lun1' })] })
    if (exchange) {
      ex01.exchange = { ...ex01.exchange!, roles: ['mailbox'], cluster: first1 }
      ex02.exchange = { ...ex02.exchange!, roles: ['mailbox'], cluster: second }
    } else {
      ex01.exchange = null
      ex02.exchange = null
    }
    hv01.vms.push(ex02)
  })
}

export const cases: RuleCases[] = [
  {
    rule: 'passthrough-dedicated-to-one-vm',
    fires: [
      {
        name: 'one host disk passed through to two VMs',
        plan: sound((d) => { first(d).host.vms.push(vm({ id: 'app01', exchange: null, disks: [virtualDisk({ id: 'app01-data', backing: 'hv01-db' })] })) }),
        subjects: ['hv01-db'],
        severity: 'error',
      },
      { name: 'one host disk passed through twice to the same VM', plan: sound((d) => { vdisk(d, 'ex01-logs').backing = 'hv01-db' }), subjects: ['hv01-db'] },
      { name: 'the host keeps files on a pass-through disk', plan: sound((d) => { hdisk(d, 'hv01-db').contents = ['other'] }), subjects: ['hv01-db'] },
      { name: 'a pass-through disk also holds a VHD file', plan: sound((d) => { Object.assign(vdisk(d, 'ex01-logs'), { kind: 'fixed-vhd', backing: 'hv01-db' }) }), subjects: ['hv01-db'] },
      {
        name: 'a LUN passed through on two hosts',
        plan: sound((d) => { withLun(d); hdisk(d, 'hv01-db').lun = 'lun1'; secondHostOnLun(d, 'pass-through') }),
        subjects: ['lun1'],
      },
      {
        name: 'a LUN passed through on one host and holding VHD files on another',
        plan: sound((d) => { withLun(d); hdisk(d, 'hv01-db').lun = 'lun1'; secondHostOnLun(d, null, ['vm-files']) }),
        subjects: ['lun1'],
      },
      {
        name: 'a LUN passed through and also reached by a guest iSCSI initiator',
        plan: sound((d) => {
          withLun(d, 'iscsi')
          hdisk(d, 'hv01-db').lun = 'lun1'
          first(d).vm.disks.push(virtualDisk({ id: 'ex01-extra', kind: 'iscsi-guest', controller: null, backing: 'lun1' }))
        }),
        subjects: ['lun1'],
      },
      {
        name: 'a LUN holding VHD files on a host and also reached by a guest iSCSI initiator',
        plan: sound((d) => {
          withLun(d, 'iscsi')
          secondHostOnLun(d, 'fixed-vhd')
          first(d).vm.disks.push(virtualDisk({ id: 'ex01-extra', kind: 'iscsi-guest', controller: null, backing: 'lun1' }))
        }),
        subjects: ['lun1'],
        severity: 'error',
      },
      {
        name: "a LUN holding a host's own files and also reached by a guest iSCSI initiator",
        plan: sound((d) => {
          withLun(d, 'iscsi')
          secondHostOnLun(d, null, ['other'])
          first(d).vm.disks.push(virtualDisk({ id: 'ex01-extra', kind: 'iscsi-guest', controller: null, backing: 'lun1' }))
        }),
        subjects: ['lun1'],
      },
      {
        name: "an Exchange server's LUN also reached by another VM's initiator",
        plan: guestsOnLun(null, null),
        subjects: ['lun1'],
        severity: 'error',
      },
      { name: 'a LUN shared by the initiators of two CCR nodes (CCR shares no disk)', plan: guestsOnLun({ kind: 'ccr', id: 'ccr1' }, { kind: 'ccr', id: 'ccr1' }), subjects: ['lun1'] },
      { name: 'a LUN shared by the initiators of nodes of two different SCCs', plan: guestsOnLun({ kind: 'scc', id: 'scc1' }, { kind: 'scc', id: 'scc2' }), subjects: ['lun1'] },
      { name: 'a LUN shared by an SCC node and a VM outside the cluster', plan: guestsOnLun({ kind: 'scc', id: 'scc1' }, null), subjects: ['lun1'] },
    ],
    silent: [
      { name: 'sound plan', plan: soundPlan() },
      {
        name: 'a LUN reached by a guest iSCSI initiator that a host sees but leaves alone',
        plan: sound((d) => {
          withLun(d, 'iscsi')
          secondHostOnLun(d, null)
          first(d).vm.disks.push(virtualDisk({ id: 'ex01-extra', kind: 'iscsi-guest', controller: null, backing: 'lun1' }))
        }),
      },
      {
        name: 'a clustered LUN seen by a second host that leaves it alone',
        plan: sound((d) => { withLun(d); hdisk(d, 'hv01-db').lun = 'lun1'; secondHostOnLun(d, null) }),
      },
      {
        name: 'the shared disk of an Exchange 2007 single copy cluster, reached by both nodes\' initiators',
        plan: guestsOnLun({ kind: 'scc', id: 'scc1' }, { kind: 'scc', id: 'scc1' }),
      },
      {
        name: 'a LUN shared by the initiators of two nodes of one Windows cluster',
        plan: guestsOnLun({ kind: 'windows', id: 'wfc1' }, { kind: 'windows', id: 'wfc1' }),
      },
      { name: 'a LUN shared by the initiators of two VMs that run no Exchange (their cluster is not in the plan)', plan: guestsOnLun(null, null, false) },
      {
        name: 'one VM reaching a LUN twice through its own initiator',
        plan: sound((d) => {
          withLun(d, 'iscsi')
          first(d).vm.disks.push(
            virtualDisk({ id: 'ex01-q1', kind: 'iscsi-guest', controller: null, backing: 'lun1' }),
            virtualDisk({ id: 'ex01-q2', kind: 'iscsi-guest', controller: null, backing: 'lun1' }),
          )
        }),
      },
      { name: 'two VHD files on one host disk', plan: sound((d) => { Object.assign(vdisk(d, 'ex01-logs'), { kind: 'fixed-vhd', backing: 'hv01-os' }) }) },
    ],
  },
  {
    rule: 'passthrough-offline-on-host',
    fires: [
      { name: 'pass-through disk online on the host', plan: sound((d) => { hdisk(d, 'hv01-db').online = true }), subjects: ['ex01-db'], severity: 'error' },
      {
        name: 'an offline pass-through disk that carries a host volume (the host keeps files on it)',
        plan: sound((d) => { hdisk(d, 'hv01-db').contents = ['other'] }),
        subjects: ['ex01-db'],
        severity: 'error',
      },
    ],
    silent: [
      { name: 'sound plan', plan: soundPlan() },
      { name: 'an online host disk holding VHD files', plan: sound((d) => { Object.assign(vdisk(d, 'ex01-db'), { kind: 'fixed-vhd', backing: 'hv01-os' }) }) },
      { name: 'not Hyper-V', plan: sound((d) => { first(d).host.hypervisor = 'vmware-esx'; hdisk(d, 'hv01-db').online = true }) },
    ],
  },
  {
    rule: 'vhd-on-offline-host-disk',
    fires: [
      {
        name: 'a fixed VHD whose file is on a new host disk, offline as new disks are',
        plan: sound((d) => { first(d).host.disks.push(physicalDisk({ id: 'hv01-new', online: false })); Object.assign(vdisk(d, 'ex01-logs'), { kind: 'fixed-vhd', backing: 'hv01-new' }) }),
        subjects: ['ex01-logs'],
        severity: 'error',
      },
      {
        name: 'a dynamic VHDX on Hyper-V 2016 on an offline disk',
        plan: sound((d) => { first(d).host.hypervisor = 'hyper-v-2016'; first(d).host.disks.push(physicalDisk({ id: 'hv01-new', online: false })); Object.assign(vdisk(d, 'ex01-logs'), { kind: 'dynamic-vhdx', backing: 'hv01-new' }) }),
        subjects: ['ex01-logs'],
      },
      { name: 'a VHD file on a disk that is passed through (offline) to a VM', plan: sound((d) => { Object.assign(vdisk(d, 'ex01-logs'), { kind: 'fixed-vhd', backing: 'hv01-db' }) }), subjects: ['ex01-logs'] },
    ],
    silent: [
      { name: 'sound plan (pass-through disks offline, as they must be)', plan: soundPlan() },
      { name: 'a VHD file on an online host disk', plan: sound((d) => { Object.assign(vdisk(d, 'ex01-db'), { kind: 'fixed-vhd', backing: 'hv01-os' }) }) },
      {
        name: 'VMware ESX (no Windows Disk Management on the host)',
        plan: sound((d) => { Object.assign(first(d).host, { hypervisor: 'vmware-esx', svvpValidated: true }); first(d).host.disks.push(physicalDisk({ id: 'hv01-new', online: false })); Object.assign(vdisk(d, 'ex01-logs'), { kind: 'fixed-vhd', backing: 'hv01-new' }) }),
      },
    ],
  },
  {
    rule: 'passthrough-recommended-for-exchange-data',
    fires: [
      { name: 'Exchange 2007 database on a fixed VHD', plan: sound((d) => { vdisk(d, 'ex01-db').kind = 'fixed-vhd' }), subjects: ['ex01-db'], severity: 'info' },
      {
        name: 'Exchange 2007 logs through the guest iSCSI initiator',
        plan: sound((d) => { withLun(d, 'iscsi'); Object.assign(vdisk(d, 'ex01-logs'), { kind: 'iscsi-guest', controller: null, backing: 'lun1' }) }),
        subjects: ['ex01-logs'],
      },
    ],
    silent: [
      { name: 'sound plan (pass-through data disks)', plan: soundPlan() },
      { name: 'Exchange 2013 on Hyper-V 2012 R2 with a fixed VHD', plan: sound((d) => { onVersion(d, '2013'); vdisk(d, 'ex01-db').kind = 'fixed-vhd' }) },
      { name: 'Exchange 2010 on Hyper-V 2012 R2 with a fixed VHD', plan: sound((d) => { onVersion(d, '2010'); vdisk(d, 'ex01-db').kind = 'fixed-vhd' }) },
      { name: 'a fixed VHD boot disk', plan: sound((d) => { vdisk(d, 'ex01-boot').kind = 'fixed-vhd' }) },
      { name: 'Exchange 2013 on Hyper-V 2008 R2 with a fixed VHD (the hint is for Exchange 2007 and 2010 only)', plan: sound((d) => { onVersion(d, '2013', 'hyper-v-2008-r2'); vdisk(d, 'ex01-db').kind = 'fixed-vhd' }) },
      {
        name: 'a VM without Exchange keeping its database on a fixed VHD',
        plan: sound((d) => { first(d).host.vms.push(vm({ id: 'app01', exchange: null, disks: [virtualDisk({ id: 'app01-data', kind: 'fixed-vhd', sizeGB: 40, backing: 'hv01-os', contents: ['database'] })] })) }),
      },
    ],
  },
]
