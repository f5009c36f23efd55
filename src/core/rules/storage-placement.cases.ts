import { edit, first, host, physicalDisk, soundPlan, virtualDisk } from '../testing/plan-builder.ts'
import type { RuleCases } from '../testing/rule-cases.ts'
import { sound2003 } from './exchange-2003.cases.ts'
import { hdisk, onVersion, sound, vdisk, withLun } from './storage-case-plans.ts'

/** Boot and database disks as fixed VHDs on the same host disk. */
const dbBesideBoot = sound((d) => {
  vdisk(d, 'ex01-boot').kind = 'fixed-vhd'
  Object.assign(vdisk(d, 'ex01-db'), { kind: 'fixed-vhd', backing: 'hv01-boot' })
})

/** Database and logs as fixed VHDs on the same host disk. */
const logsBesideDb = (change: Parameters<typeof sound>[0] = () => {}) => sound((d) => {
  vdisk(d, 'ex01-db').kind = 'fixed-vhd'
  Object.assign(vdisk(d, 'ex01-logs'), { kind: 'fixed-vhd', backing: 'hv01-db' })
  change(d)
})

/** The sound plan plus BM01, a bare-metal Exchange 2007 Mailbox server with two disks holding what is given. */
const bareMetalMailbox = (first: ('database' | 'logs' | 'queue')[], second: ('database' | 'logs' | 'queue')[]) => edit(soundPlan(), (d) => {
  const bare = host({ id: 'bm01', name: 'BM01', hypervisor: 'none', disks: [
    physicalDisk({ id: 'bm01-os', name: 'System', online: true, contents: ['os'] }),
    physicalDisk({ id: 'bm01-d1', name: 'Data 1', online: true, contents: first }),
    physicalDisk({ id: 'bm01-d2', name: 'Data 2', online: true, contents: second }),
  ] })
  bare.parent.exchange = { version: '2007', update: 'sp1', roles: ['mailbox'], cluster: null }
  bare.parent.backup = { method: 'agent' }
  d.hosts.push(bare)
})

export const cases: RuleCases[] = [
  {
    rule: 'exchange-storage-separate-from-os-spindles',
    fires: [
      { name: 'database VHD on the host disk holding the OS VHD', plan: dbBesideBoot, subjects: ['ex01-db'], severity: 'warning' },
      {
        name: 'boot and database pass-through disks on one LUN',
        plan: sound((d) => { withLun(d); hdisk(d, 'hv01-boot').lun = 'lun1'; hdisk(d, 'hv01-db').lun = 'lun1' }),
        subjects: ['ex01-db'],
      },
      {
        name: 'database on the OS disk itself (the seed’s two-disk design)',
        plan: sound((d) => { first(d).vm.disks = first(d).vm.disks.filter((x) => x.id === 'ex01-boot'); vdisk(d, 'ex01-boot').contents = ['os', 'database', 'logs', 'queue'] }),
        subjects: ['ex01-boot'],
      },
      {
        name: 'database on the OS disk itself, before the disk is connected to a host disk (no spindle needed to see it)',
        plan: sound((d) => { Object.assign(vdisk(d, 'ex01-boot'), { backing: null, contents: ['os', 'database'] }) }),
        subjects: ['ex01-boot'],
      },
      { name: 'transport queue on the OS disk', plan: sound((d) => { vdisk(d, 'ex01-boot').contents = ['os', 'pagefile', 'queue']; vdisk(d, 'ex01-logs').contents = ['logs'] }), subjects: ['ex01-boot'] },
    ],
    silent: [
      { name: 'sound plan (queue beside the logs, apart from the OS)', plan: soundPlan() },
      { name: 'page file on the OS disk (not Exchange data)', plan: sound((d) => { vdisk(d, 'ex01-boot').contents = ['os', 'pagefile', 'other'] }) },
      {
        name: 'a page-file VHD beside the OS VHD on the same host disk (not Exchange data)',
        plan: sound((d) => {
          Object.assign(vdisk(d, 'ex01-boot'), { kind: 'fixed-vhd', sizeGB: 40, contents: ['os'] })
          first(d).vm.disks.push(virtualDisk({ id: 'ex01-pf', name: 'Page file', kind: 'fixed-vhd', controller: 'ide1', sizeGB: 20, backing: 'hv01-boot', contents: ['pagefile'] }))
        }),
      },
      { name: 'Exchange 2003', plan: sound((d) => { onVersion(d, '2003', 'virtual-server-2005-r2-sp1'); first(d).vm.guestOs = 'ws2003-sp2-x86'; Object.assign(vdisk(d, 'ex01-db'), { kind: 'fixed-vhd', backing: 'hv01-boot' }) }) },
      { name: 'a VM without Exchange', plan: sound((d) => { first(d).vm.exchange = null; Object.assign(vdisk(d, 'ex01-db'), { kind: 'fixed-vhd', backing: 'hv01-boot' }) }) },
    ],
  },
  {
    rule: 'db-and-logs-separate-spindles',
    fires: [
      { name: 'Exchange 2007 database and logs VHDs on one host disk', plan: logsBesideDb(), subjects: ['ex01-db'], severity: 'warning' },
      {
        name: 'database and logs on one disk',
        plan: sound((d) => { first(d).vm.disks = first(d).vm.disks.filter((x) => x.id !== 'ex01-logs'); vdisk(d, 'ex01-db').contents = ['database', 'logs'] }),
        subjects: ['ex01-db'],
      },
      {
        name: 'Exchange 2010 DAG member: a hint only',
        plan: logsBesideDb((d) => { onVersion(d, '2010'); first(d).vm.exchange!.cluster = { kind: 'dag', id: 'dag1' } }),
        subjects: ['ex01-db'],
        severity: 'info',
      },
      { name: 'a bare-metal Exchange 2007 server with database and logs on one of its disks', plan: bareMetalMailbox(['database', 'logs'], ['queue']), subjects: ['bm01-d1'], severity: 'warning' },
      {
        name: 'Exchange 2013 DAG member: a hint only',
        plan: logsBesideDb((d) => { onVersion(d, '2013'); first(d).vm.exchange!.cluster = { kind: 'dag', id: 'dag1' } }),
        subjects: ['ex01-db'],
        severity: 'info',
      },
    ],
    silent: [
      { name: 'sound plan', plan: soundPlan() },
      { name: 'Exchange 2013 without a DAG (outside the 2007/2010 guidance)', plan: logsBesideDb((d) => onVersion(d, '2013')) },
      { name: 'database and logs on different LUNs', plan: sound((d) => { withLun(d); hdisk(d, 'hv01-db').lun = 'lun1' }) },
      { name: 'a bare-metal Exchange 2007 server with database and logs on separate disks', plan: bareMetalMailbox(['database'], ['logs']) },
      {
        name: 'Exchange in the parent partition of a host with VMs, database and logs on one host disk (not a bare-metal server: exchange-in-parent-partition speaks)',
        plan: sound((d) => {
          const { host: h } = first(d)
          h.parent.exchange = { version: '2007', update: 'sp1', roles: ['mailbox'], cluster: null }
          h.disks.push(physicalDisk({ id: 'hv01-data', name: 'Disk 4', online: true, contents: ['database', 'logs'] }))
        }),
      },
      { name: 'a second host with neither VMs nor Exchange', plan: sound((d) => { d.hosts.push(host({ id: 'hv02' })) }) },
      { name: 'database and logs disks both not connected yet (no spindles to share)', plan: sound((d) => { vdisk(d, 'ex01-db').backing = null; vdisk(d, 'ex01-logs').backing = null }) },
    ],
  },
  {
    rule: 'vm-files-off-host-system-disk',
    fires: [
      { name: 'Exchange VHD on the host system disk', plan: sound((d) => { Object.assign(vdisk(d, 'ex01-boot'), { kind: 'fixed-vhd', backing: 'hv01-os' }) }), subjects: ['ex01-boot'], severity: 'info' },
    ],
    silent: [
      { name: 'sound plan', plan: soundPlan() },
      { name: 'Exchange VHD on its own host disk', plan: sound((d) => { vdisk(d, 'ex01-boot').kind = 'fixed-vhd' }) },
      {
        name: 'an Exchange VHD not connected to a host disk yet',
        plan: sound((d) => { first(d).vm.disks.push(virtualDisk({ id: 'ex01-vhd', name: 'Spare', kind: 'fixed-vhd', controller: 'scsi1', sizeGB: 20, contents: ['other'] })) }),
      },
      { name: 'a VM without Exchange', plan: sound((d) => { first(d).vm.exchange = null; Object.assign(vdisk(d, 'ex01-boot'), { kind: 'fixed-vhd', backing: 'hv01-os' }) }) },
    ],
  },
  {
    rule: 'guest-storage-sufficient',
    fires: [
      { name: 'Mailbox server without a logs disk', plan: sound((d) => { vdisk(d, 'ex01-logs').contents = ['other', 'queue'] }), subjects: ['ex01'], severity: 'warning' },
      { name: 'Hub Transport 2007 without a queue', plan: sound((d) => { vdisk(d, 'ex01-logs').contents = ['logs'] }), subjects: ['ex01'] },
      { name: 'Exchange 2013 Mailbox without a queue', plan: sound((d) => { onVersion(d, '2013'); vdisk(d, 'ex01-logs').contents = ['logs'] }), subjects: ['ex01'] },
      { name: 'an Exchange VM with no disks', plan: sound((d) => { first(d).vm.disks = [] }), subjects: ['ex01'] },
      { name: 'Mailbox server whose database disk is not connected', plan: sound((d) => { vdisk(d, 'ex01-db').backing = null }), subjects: ['ex01'], severity: 'warning' },
      { name: 'Hub Transport 2007 whose logs-and-queue disk is not connected', plan: sound((d) => { vdisk(d, 'ex01-logs').backing = null }), subjects: ['ex01'] },
    ],
    silent: [
      { name: 'sound plan', plan: soundPlan() },
      {
        name: 'Exchange 2007 Client Access only',
        plan: sound((d) => { first(d).vm.exchange!.roles = ['client-access']; first(d).vm.disks = first(d).vm.disks.filter((x) => x.id === 'ex01-boot'); vdisk(d, 'ex01-boot').contents = ['os'] }),
      },
      { name: 'a VM without Exchange and without disks', plan: sound((d) => { first(d).vm.exchange = null; first(d).vm.disks = [] }) },
      { name: 'a not connected disk beside a connected one holding the same', plan: sound((d) => { first(d).vm.disks.push({ ...vdisk(d, 'ex01-db'), id: 'ex01-db2', name: 'Spare', backing: null }) }) },
      { name: 'a not connected OS disk (the rule is about data and queues)', plan: sound((d) => { vdisk(d, 'ex01-boot').backing = null }) },
      { name: 'Exchange 2003 Mailbox without a queue disk (queues are listed from 2007 on)', plan: edit(sound2003(), (d) => { vdisk(d, 'ex01-logs').contents = ['logs'] }) },
    ],
  },
]
