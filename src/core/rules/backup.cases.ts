import type { Backup, Plan } from '../model/plan.ts'
import type { RuleCases } from '../testing/rule-cases.ts'
import { edit, first, host, lun, physicalDisk, soundPlan, storageArray, virtualDisk, vm } from '../testing/plan-builder.ts'
import { mailbox, pairOnTwoHosts } from './ha.cases.ts'

/** The sound plan with EX01 backed up by `backup`. */
const backedUp = (backup: Backup, base: Plan = soundPlan()) => edit(base, (d) => { first(d).vm.backup = backup })
const hostVss: Backup = { method: 'host-vss', product: 'DPM 2007 SP1' }
const wsb: Backup = { method: 'host-vss', product: 'Windows Server Backup' }

/** A bare-metal Exchange 2007 mailbox server BM01 whose own backup is `backup`. */
const bareMetal = (backup: Backup) => edit(soundPlan(), (d) => {
  const bare = host({ id: 'bm01', hypervisor: 'none' })
  bare.parent = { ...bare.parent, roles: [], exchange: mailbox('2007'), backup }
  d.hosts.push(bare)
})

/** EX01's database on an iSCSI LUN reached by the guest's own initiator. */
const iscsiDatabase = (backup: Backup) => edit(backedUp(backup), (d) => {
  d.storage.push(storageArray({ id: 'san1', protocol: 'iscsi', luns: [lun({ id: 'san1-db' })] }))
  const db = first(d).vm.disks[1]!
  Object.assign(db, { kind: 'iscsi-guest', controller: null, backing: 'san1-db' })
})

/** EX01's database and logs on fixed VHDs instead of pass-through disks. */
const onVhds = (base: Plan) => edit(base, (d) => {
  for (const disk of first(d).vm.disks.slice(1)) disk.kind = 'fixed-vhd'
})

export const cases: RuleCases[] = [
  {
    rule: 'backup-must-be-exchange-aware',
    fires: [
      { name: 'host file copy, no database copies', plan: backedUp({ method: 'host-file-copy' }), subjects: ['ex01'], severity: 'error' },
      { name: 'no backup, no database copies', plan: backedUp({ method: 'none' }), subjects: ['ex01'], severity: 'error' },
      { name: 'host VSS without integration components', plan: edit(backedUp(hostVss), (d) => { first(d).vm.integrationComponents = 'none' }), subjects: ['ex01'], severity: 'error' },
      { name: 'host file copy of one CCR node', plan: backedUp({ method: 'host-file-copy' }, pairOnTwoHosts('ccr')), subjects: ['ex01'], severity: 'warning' },
      { name: 'bare-metal mailbox server without backup', plan: bareMetal({ method: 'none' }), subjects: ['bm01'], severity: 'error' },
      { name: 'bare-metal mailbox server "backed up" by a host-level Hyper-V VSS backup (no VM, no host under it)', plan: bareMetal(hostVss), subjects: ['bm01'], severity: 'error' },
      {
        name: 'host VSS of a Windows Server 2003 x86 guest (no integration components: Hyper-V saves the VM)',
        plan: edit(onVhds(backedUp(hostVss)), (d) => { Object.assign(first(d).vm, { guestOs: 'ws2003-x86', exchange: mailbox('2003') }) }),
        subjects: ['ex01'], severity: 'error',
      },
      { name: 'host file copy of a Hub Transport VM (its queue database): a warning', plan: edit(backedUp({ method: 'host-file-copy' }), (d) => { first(d).vm.exchange!.roles = ['hub-transport'] }), subjects: ['ex01'], severity: 'warning' },
      {
        name: 'no backup of two SCC nodes (shared storage is no database copy)',
        plan: edit(pairOnTwoHosts('scc'), (d) => { for (const h of d.hosts) h.vms[0]!.backup = { method: 'none' } }),
        subjects: ['ex01', 'ex02'],
        severity: 'error',
      },
      { name: 'no backup of a CCR with a single member (no second copy)', plan: backedUp({ method: 'none' }, edit(soundPlan(), (d) => { first(d).vm.exchange = mailbox('2007', 'ccr') })), subjects: ['ex01'], severity: 'error' },
      { name: 'host VSS without integration components of a CCR node: the copy keeps it a warning', plan: edit(backedUp(hostVss, pairOnTwoHosts('ccr')), (d) => { first(d).vm.integrationComponents = 'none' }), subjects: ['ex01'], severity: 'warning' },
    ],
    silent: [
      { name: 'sound plan (agent in the guest)', plan: soundPlan() },
      { name: 'host VSS with integration components, database and logs on fixed VHDs', plan: onVhds(backedUp(hostVss)) },
      {
        name: 'host VSS with only the transport queue on a pass-through disk (no database or logs missed)',
        plan: edit(onVhds(backedUp(hostVss)), (d) => {
          const [, db, logs] = first(d).vm.disks
          db!.contents = ['database', 'logs']
          Object.assign(logs!, { kind: 'pass-through', contents: ['queue'] })
        }),
      },
      { name: 'no backup, but a two-member DAG keeps copies', plan: edit(pairOnTwoHosts('dag', '2010'), (d) => { for (const h of d.hosts) h.vms[0]!.backup = { method: 'none' } }) },
      { name: 'host file copy of a Client Access VM', plan: edit(backedUp({ method: 'host-file-copy' }), (d) => { first(d).vm.exchange!.roles = ['client-access'] }) },
      { name: 'no backup of a Hub Transport VM (its queue is rebuilt)', plan: edit(backedUp({ method: 'none' }), (d) => { first(d).vm.exchange!.roles = ['hub-transport'] }) },
      { name: 'host VSS with integration components, database and logs on pass-through disks (host-vss-backup-excludes-passthrough speaks)', plan: backedUp(hostVss) },
      { name: 'host VSS with integration components, database on a guest iSCSI LUN (host-vss-backup-excludes-passthrough speaks)', plan: iscsiDatabase(hostVss) },
      { name: 'bare-metal mailbox server with an agent', plan: bareMetal({ method: 'agent' }) },
      { name: 'an agent in a VM without integration components (only host VSS depends on them)', plan: edit(soundPlan(), (d) => { first(d).vm.integrationComponents = 'none' }) },
      {
        name: 'Exchange in a Hyper-V host OS backed up by host VSS (no VM, no integration components to lack)',
        plan: edit(soundPlan(), (d) => { Object.assign(first(d).host.parent, { exchange: mailbox('2007'), backup: wsb }) }),
      },
    ],
  },
  {
    rule: 'backup-in-guest-recommended',
    fires: [
      { name: 'Exchange 2007 VM backed up by host VSS', plan: backedUp(hostVss), subjects: ['ex01'], severity: 'info' },
    ],
    silent: [
      { name: 'sound plan (agent in the guest)', plan: soundPlan() },
      { name: 'Exchange 2010 VM backed up by host VSS', plan: edit(backedUp(hostVss), (d) => { first(d).vm.exchange = mailbox('2010') }) },
      { name: 'Exchange 2007 VM on SVVP-validated VMware ESX with a host-level backup (not Hyper-V VSS)', plan: edit(backedUp(hostVss), (d) => { Object.assign(first(d).host, { hypervisor: 'vmware-esx', svvpValidated: true }) }) },
    ],
  },
  {
    rule: 'host-vss-backup-excludes-passthrough',
    fires: [
      { name: 'host VSS, database and logs on pass-through disks: one finding for the VM', plan: backedUp(hostVss), subjects: ['ex01'], severity: 'warning' },
      { name: 'host VSS, database on a guest iSCSI LUN', plan: iscsiDatabase(hostVss), subjects: ['ex01'] },
      {
        name: 'host VSS, only the transport queue on a pass-through disk',
        plan: edit(onVhds(backedUp(hostVss)), (d) => {
          const [, db, logs] = first(d).vm.disks
          db!.contents = ['database', 'logs']
          Object.assign(logs!, { kind: 'pass-through', contents: ['queue'] })
        }),
        subjects: ['ex01'],
      },
    ],
    silent: [
      { name: 'sound plan (agent in the guest)', plan: soundPlan() },
      { name: 'agent backup with a guest iSCSI LUN', plan: iscsiDatabase({ method: 'agent' }) },
      { name: 'host VSS, database and logs on fixed VHDs', plan: onVhds(backedUp(hostVss)) },
      {
        name: 'a VM without Exchange backed up by host VSS with its data on a pass-through disk',
        plan: edit(soundPlan(), (d) => {
          const { host: h } = first(d)
          h.disks.push(physicalDisk({ id: 'hv01-app', name: 'Disk 4' }))
          h.vms.push(vm({ id: 'app01', exchange: null, backup: wsb, disks: [virtualDisk({ id: 'app01-data', backing: 'hv01-app', contents: ['database'] })] }))
        }),
      },
    ],
  },
  {
    rule: 'wsb-hyperv-writer-registration',
    fires: [
      { name: 'Windows Server Backup of EX01 from a 2008 host', plan: backedUp(wsb), subjects: ['hv01'], severity: 'info' },
      {
        name: 'two VMs backed up by WSB: one finding for the host',
        plan: edit(backedUp(wsb), (d) => { first(d).host.vms.push(vm({ id: 'ex02', backup: { method: 'host-vss', product: 'WSB' } })) }),
        subjects: ['hv01'],
      },
      { name: 'the seed\'s own name for it, "Windows Server 2008 Backup"', plan: backedUp({ method: 'host-vss', product: 'Windows Server 2008 Backup' }), subjects: ['hv01'] },
      { name: 'its command-line tool, wbadmin', plan: backedUp({ method: 'host-vss', product: 'wbadmin' }), subjects: ['hv01'] },
      { name: 'Windows Server Backup copying the VM files (what it does without the writer)', plan: backedUp({ method: 'host-file-copy', product: 'Windows Server Backup' }), subjects: ['hv01'] },
    ],
    silent: [
      { name: 'sound plan (agent in the guest)', plan: soundPlan() },
      { name: 'host VSS by DPM', plan: backedUp(hostVss) },
      { name: 'a host file copy by robocopy', plan: backedUp({ method: 'host-file-copy', product: 'robocopy' }) },
      { name: 'Windows Server Backup on a 2012 host', plan: edit(backedUp(wsb), (d) => { first(d).host.hypervisor = 'hyper-v-2012' }) },
      { name: 'Windows Server Backup inside the guest', plan: backedUp({ method: 'agent', product: 'Windows Server Backup' }) },
    ],
  },
]
