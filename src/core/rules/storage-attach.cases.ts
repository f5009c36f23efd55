import type { Protocol } from '../model/enums.ts'
import type { Plan } from '../model/plan.ts'
import { first, host, lun, physicalDisk, plan, soundPlan, storageArray, virtualDisk } from '../testing/plan-builder.ts'
import type { RuleCases } from '../testing/rule-cases.ts'
import { hdisk, onVersion, sound, vdisk, withLun } from './storage-case-plans.ts'

/** Makes the plan's database disk one the guest reaches by its own initiator over `lun1`. */
const guestAttachedDbIn = (d: Plan, kind: 'iscsi-guest' | 'fc-guest') => {
  withLun(d, kind === 'iscsi-guest' ? 'iscsi' : 'fc')
  Object.assign(vdisk(d, 'ex01-db'), { kind, controller: null, backing: 'lun1' })
}
/** The sound plan's database disk reached by the guest's own initiator over `lun1`. */
const guestAttachedDb = (kind: 'iscsi-guest' | 'fc-guest') => sound((d) => guestAttachedDbIn(d, kind))

/** The sound plan with its database disk a fixed VHD on a host disk that is a LUN of a `protocol` array. */
const dbVhdOn = (protocol: 'nfs' | 'smb' | 'smb3', change: Parameters<typeof sound>[0] = () => {}) =>
  sound((d) => {
    withLun(d, protocol)
    hdisk(d, 'hv01-db').lun = 'lun1'
    vdisk(d, 'ex01-db').kind = 'fixed-vhd'
    change(d)
  })

/** A bare-metal Exchange `version` server whose database disk is a share of a `protocol` array. */
const bareMetalOn = (protocol: Protocol, version: '2007' | '2010' = '2010') => plan({
  hosts: [host({
    id: 'bm01',
    hypervisor: 'none',
    parent: { edition: 'enterprise', installation: 'full', roles: [], applications: [], exchange: { version, update: version === '2010' ? 'sp3' : 'sp1', roles: ['mailbox'], cluster: null }, backup: { method: 'agent' } },
    disks: [physicalDisk({ id: 'bm01-os', online: true, contents: ['os'] }), physicalDisk({ id: 'bm01-db', online: true, contents: ['database', 'logs'], lun: 'share1' })],
  })],
  storage: [storageArray({ id: 'nas', protocol, luns: [lun({ id: 'share1' })] })],
})

export const cases: RuleCases[] = [
  {
    rule: 'data-disks-on-scsi',
    fires: [
      { name: 'database disk on IDE', plan: sound((d) => { vdisk(d, 'ex01-db').controller = 'ide1' }), subjects: ['ex01-db'], severity: 'info' },
    ],
    silent: [
      { name: 'sound plan (boot disk with the queue on IDE)', plan: soundPlan() },
      { name: 'not Hyper-V', plan: sound((d) => { first(d).host.hypervisor = 'vmware-esx'; vdisk(d, 'ex01-db').controller = 'ide1' }) },
      { name: 'a VM without Exchange', plan: sound((d) => { first(d).vm.exchange = null; vdisk(d, 'ex01-db').controller = 'ide1' }) },
      {
        name: 'a disk holding no Exchange data (contents "other") on IDE',
        plan: sound((d) => { first(d).vm.disks.push(virtualDisk({ id: 'ex01-other', name: 'Other', controller: 'ide1', sizeGB: 20, contents: ['other'] })) }),
      },
    ],
  },
  {
    rule: 'iscsi-in-guest-perf',
    fires: [
      { name: 'database over the guest iSCSI initiator', plan: guestAttachedDb('iscsi-guest'), subjects: ['ex01-db'], severity: 'info' },
      {
        name: 'guest iSCSI over legacy network adapters only',
        plan: sound((d) => {
          withLun(d, 'iscsi')
          Object.assign(vdisk(d, 'ex01-db'), { kind: 'iscsi-guest', controller: null, backing: 'lun1' })
          first(d).vm.network = [{ adapter: 'legacy', switch: 'external' }]
        }),
        subjects: ['ex01-db'],
        severity: 'warning',
      },
      {
        name: 'guest iSCSI with a synthetic and a legacy network adapter (not legacy-only: a hint)',
        plan: sound((d) => {
          guestAttachedDbIn(d, 'iscsi-guest')
          first(d).vm.network = [{ adapter: 'synthetic', switch: 'external' }, { adapter: 'legacy', switch: 'external' }]
        }),
        subjects: ['ex01-db'],
        severity: 'info',
      },
      {
        // Virtual Server has only emulated adapters, whatever the plan calls the VM's.
        name: 'guest iSCSI on Virtual Server 2005 R2 SP1, its adapter entered as synthetic',
        plan: sound((d) => {
          guestAttachedDbIn(d, 'iscsi-guest')
          Object.assign(first(d).host, { hypervisor: 'virtual-server-2005-r2-sp1', svvpValidated: false })
          first(d).host.parent.roles = []
          first(d).vm.network = [{ adapter: 'synthetic', switch: 'external' }]
        }),
        subjects: ['ex01-db'],
        severity: 'warning',
      },
      {
        name: 'guest iSCSI in a VM with no network adapter at all (not "legacy only": a hint)',
        plan: sound((d) => { guestAttachedDbIn(d, 'iscsi-guest'); first(d).vm.network = [] }),
        subjects: ['ex01-db'],
        severity: 'info',
      },
    ],
    silent: [
      { name: 'sound plan', plan: soundPlan() },
      {
        name: 'a VM without Exchange',
        plan: sound((d) => { withLun(d, 'iscsi'); first(d).vm.exchange = null; Object.assign(vdisk(d, 'ex01-db'), { kind: 'iscsi-guest', controller: null, backing: 'lun1' }) }),
      },
    ],
  },
  {
    rule: 'fc-hba-host-only',
    fires: [
      { name: 'guest FC HBA on Hyper-V 2008', plan: guestAttachedDb('fc-guest'), subjects: ['ex01-db'], severity: 'error' },
      {
        name: 'Exchange 2016 with a guest FC HBA on Hyper-V 2016',
        plan: sound((d) => { withLun(d); onVersion(d, '2016', 'hyper-v-2016'); Object.assign(vdisk(d, 'ex01-db'), { kind: 'fc-guest', controller: null, backing: 'lun1' }) }),
        subjects: ['ex01-db'],
        severity: 'info',
      },
    ],
    silent: [
      { name: 'sound plan', plan: soundPlan() },
      {
        name: 'Exchange 2010 with virtual Fibre Channel on Hyper-V 2012 R2',
        plan: sound((d) => { withLun(d); onVersion(d, '2010'); Object.assign(vdisk(d, 'ex01-db'), { kind: 'fc-guest', controller: null, backing: 'lun1' }) }),
      },
      { name: 'the LUN passed through from the host', plan: sound((d) => { withLun(d); hdisk(d, 'hv01-db').lun = 'lun1' }) },
    ],
  },
  {
    rule: 'nas-storage-unsupported',
    fires: [
      { name: 'Exchange 2007 VHD on an NFS share', plan: dbVhdOn('nfs'), subjects: ['ex01-db'], severity: 'error' },
      { name: 'Exchange 2007 VHD on SMB 3.0 under Hyper-V 2008', plan: dbVhdOn('smb3'), subjects: ['ex01-db'] },
      { name: 'Exchange 2010 VHD on SMB 3.0', plan: dbVhdOn('smb3', (d) => onVersion(d, '2010')), subjects: ['ex01-db'] },
      { name: 'Exchange 2013 on an SMB (< 3.0) share', plan: dbVhdOn('smb', (d) => onVersion(d, '2013')), subjects: ['ex01-db'] },
      {
        name: 'Exchange 2013 on an SMB 3.0 share, not inside a VHD',
        plan: dbVhdOn('smb3', (d) => { onVersion(d, '2013'); vdisk(d, 'ex01-db').kind = 'pass-through' }),
        subjects: ['ex01-db'],
      },
      { name: 'Exchange 2016 on an NFS datastore under VMware', plan: dbVhdOn('nfs', (d) => onVersion(d, '2016', 'vmware-esx')), subjects: ['ex01-db'] },
      { name: 'bare-metal Exchange 2010 database on a share', plan: bareMetalOn('smb'), subjects: ['bm01-db'] },
      {
        name: 'Exchange 2016 VHD on an SMB 3.0 share under VMware (VHDs on SMB 3.0 are allowed only on Hyper-V 2012 and later)',
        plan: dbVhdOn('smb3', (d) => onVersion(d, '2016', 'vmware-esx')),
        subjects: ['ex01-db'],
        severity: 'error',
      },
    ],
    silent: [
      { name: 'sound plan', plan: soundPlan() },
      { name: 'Exchange 2013 fixed VHDX on SMB 3.0 under Hyper-V 2012 R2', plan: dbVhdOn('smb3', (d) => { onVersion(d, '2013'); vdisk(d, 'ex01-db').kind = 'fixed-vhdx' }) },
      { name: 'Exchange 2007 on an NFS datastore under VMware (no Hyper-V ban; 2007 text unconfirmed)', plan: dbVhdOn('nfs', (d) => { first(d).host.hypervisor = 'vmware-esx' }) },
      { name: 'a VM without Exchange', plan: dbVhdOn('nfs', (d) => { first(d).vm.exchange = null }) },
      { name: 'bare-metal Exchange 2010 on a Fibre Channel LUN', plan: bareMetalOn('fc') },
      { name: 'bare-metal Exchange 2007 database on an NFS share (the block-only text is 2010+, and no Hyper-V is involved)', plan: bareMetalOn('nfs', '2007') },
      { name: 'Exchange database on a pass-through Fibre Channel LUN (block storage)', plan: sound((d) => { withLun(d, 'fc'); hdisk(d, 'hv01-db').lun = 'lun1' }) },
    ],
  },
]
