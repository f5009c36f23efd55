import type { Hypervisor } from '../model/enums.ts'
import type { Host, Nic, Plan, VirtualDisk } from '../model/plan.ts'
import { edit, first, soundPlan, virtualDisk, vm } from '../testing/plan-builder.ts'
import type { RuleCases } from '../testing/rule-cases.ts'

const onHost = (change: (h: Host) => void, hypervisor?: Hypervisor): Plan => edit(soundPlan(), (d) => {
  const h = first(d).host
  if (hypervisor) h.hypervisor = hypervisor
  change(h)
})

/** `count` extra non-Exchange VMs with `vcpus` each, beside EX01. */
const extraVms = (count: number, vcpus = 1) => (h: Host) => {
  for (let i = 1; i <= count; i += 1) h.vms.push(vm({ id: `vm${i}`, vcpus, ramGB: 1, exchange: null, backup: { method: 'none' } }))
}

const nics = (synthetic: number, legacy: number): Nic[] => [
  ...Array.from({ length: synthetic }, () => ({ adapter: 'synthetic' as const, switch: 'external' as const })),
  ...Array.from({ length: legacy }, () => ({ adapter: 'legacy' as const, switch: 'external' as const })),
]
const withNics = (synthetic: number, legacy: number) => (h: Host) => { h.vms[0]!.network = nics(synthetic, legacy) }

/** `count` unconnected data disks on EX01's SCSI 1. */
const scsiDisks = (count: number) => (h: Host) => {
  for (let i = 1; i <= count; i += 1) h.vms[0]!.disks.push(virtualDisk({ id: `ex01-d${i}`, name: `Data ${i}`, controller: 'scsi1', sizeGB: 10 }))
}

const snapshots = (n: number) => (h: Host) => { h.vms[0]!.snapshots = n }

/** One unconnected data disk of EX01 on `controller` (null: a disk the guest attaches itself). */
const dataDisk = (id: string, controller: VirtualDisk['controller'], kind: VirtualDisk['kind'] = 'pass-through') => (h: Host) => {
  h.vms[0]!.disks.push(virtualDisk({ id, name: id, kind, controller, sizeGB: 10 }))
}

export const cases: RuleCases[] = [
  {
    rule: 'host-running-vm-limit',
    fires: [
      { name: '385 VMs on a WS2008 R2 Hyper-V host', plan: onHost(extraVms(384), 'hyper-v-2008-r2'), subjects: ['hv01'] },
      { name: '129 VMs on a WS2008 Hyper-V host (192 only with KB956710)', plan: onHost(extraVms(128)), subjects: ['hv01'] },
      { name: '193 VMs on a WS2008 Hyper-V host', plan: onHost(extraVms(192)), subjects: ['hv01'] },
    ],
    silent: [
      { name: 'the sound plan', plan: soundPlan() },
      { name: '384 VMs on a WS2008 R2 Hyper-V host', plan: onHost(extraVms(383), 'hyper-v-2008-r2') },
      { name: '128 VMs on a WS2008 Hyper-V host', plan: onHost(extraVms(127)) },
      { name: 'Hyper-V Server 2008: no figure in the catalogue', plan: onHost(extraVms(200), 'hyper-v-server-2008') },
    ],
  },
  {
    rule: 'host-vp-limit',
    fires: [
      { name: '514 virtual processors on a WS2008 R2 Hyper-V host', plan: onHost(extraVms(128, 4), 'hyper-v-2008-r2'), subjects: ['hv01'] },
    ],
    silent: [
      { name: 'the sound plan', plan: soundPlan() },
      { name: '510 virtual processors on a WS2008 R2 Hyper-V host', plan: onHost(extraVms(127, 4), 'hyper-v-2008-r2') },
      { name: 'exactly 512 virtual processors on a WS2008 R2 Hyper-V host (the limit itself is allowed)', plan: onHost((h) => { extraVms(127, 4)(h); h.vms[0]!.vcpus = 4 }, 'hyper-v-2008-r2') },
      { name: 'WS2008 Hyper-V: no confirmed limit', plan: onHost(extraVms(128, 4)) },
    ],
  },
  {
    rule: 'vm-nic-limit',
    fires: [
      { name: '9 synthetic adapters', plan: onHost(withNics(9, 0)), subjects: ['ex01'] },
      { name: '5 legacy adapters', plan: onHost(withNics(1, 5)), subjects: ['ex01'] },
      { name: '13 adapters on WS2008 R2', plan: onHost(withNics(8, 5), 'hyper-v-2008-r2'), subjects: ['ex01'] },
      { name: '9 synthetic adapters on WS2016 Hyper-V', plan: onHost(withNics(9, 0), 'hyper-v-2016'), subjects: ['ex01'] },
      { name: '65 synthetic adapters on WS2019 Hyper-V', plan: onHost(withNics(65, 0), 'hyper-v-2019'), subjects: ['ex01'] },
      { name: '5 legacy adapters on WS2019 Hyper-V', plan: onHost(withNics(1, 5), 'hyper-v-2019'), subjects: ['ex01'] },
    ],
    silent: [
      { name: 'the sound plan', plan: soundPlan() },
      { name: '8 synthetic and 4 legacy adapters', plan: onHost(withNics(8, 4)) },
      { name: '9 synthetic adapters on WS2012 Hyper-V (no figure in the catalogue)', plan: onHost(withNics(9, 0), 'hyper-v-2012') },
      { name: '8 synthetic and 4 legacy adapters on WS2016 Hyper-V', plan: onHost(withNics(8, 4), 'hyper-v-2016') },
      { name: '64 synthetic and 4 legacy adapters on WS2019 Hyper-V', plan: onHost(withNics(64, 4), 'hyper-v-2019') },
    ],
  },
  {
    rule: 'vm-scsi-limit',
    fires: [
      { name: '65 disks on SCSI 1', plan: onHost(scsiDisks(65)), subjects: ['ex01'] },
    ],
    silent: [
      { name: 'the sound plan', plan: soundPlan() },
      { name: '64 disks on SCSI 1', plan: onHost(scsiDisks(64)) },
      {
        name: 'disks on all four SCSI controllers and one on IDE 1 (four controllers are allowed; IDE disks are not SCSI)',
        plan: onHost((h) => { for (const controller of ['ide1', 'scsi1', 'scsi2', 'scsi3'] as const) dataDisk(`ex01-${controller}`, controller)(h) }),
      },
      {
        name: 'five disks, one of them a guest iSCSI disk with no controller (it is not on a SCSI controller)',
        plan: onHost((h) => { dataDisk('ex01-s1', 'scsi1')(h); dataDisk('ex01-iscsi', null, 'iscsi-guest')(h) }),
      },
      { name: '65 disks on VMware ESX (no Hyper-V table)', plan: onHost((h) => { scsiDisks(65)(h); h.svvpValidated = true }, 'vmware-esx') },
    ],
  },
  {
    rule: 'vm-ide-limit',
    fires: [
      { name: 'three disks on IDE 0 (the boot disk and two data disks)', plan: onHost((h) => { dataDisk('ex01-i1', 'ide0')(h); dataDisk('ex01-i2', 'ide0')(h) }), subjects: ['ex01'] },
      { name: 'three disks on IDE 1, two on IDE 0', plan: onHost((h) => { for (const id of ['a', 'b', 'c']) dataDisk(`ex01-${id}`, 'ide1')(h); dataDisk('ex01-d', 'ide0')(h) }), subjects: ['ex01'] },
      { name: 'three disks on IDE 0 on Hyper-V 2016 (a Generation 1 VM)', plan: onHost((h) => { dataDisk('ex01-i1', 'ide0')(h); dataDisk('ex01-i2', 'ide0')(h) }, 'hyper-v-2016'), subjects: ['ex01'] },
    ],
    silent: [
      { name: 'the sound plan', plan: soundPlan() },
      { name: 'two disks on each IDE controller (four IDE devices are allowed)', plan: onHost((h) => { dataDisk('ex01-i1', 'ide0')(h); dataDisk('ex01-i2', 'ide1')(h); dataDisk('ex01-i3', 'ide1')(h) }) },
      {
        name: 'a guest iSCSI disk that a hand-written plan puts on IDE 0 (the guest attaches it; it is on no controller)',
        plan: onHost((h) => { dataDisk('ex01-i1', 'ide0')(h); dataDisk('ex01-iscsi', 'ide0', 'iscsi-guest')(h) }),
      },
      { name: 'three disks on IDE 0 on VMware ESX (no Hyper-V table)', plan: onHost((h) => { dataDisk('ex01-i1', 'ide0')(h); dataDisk('ex01-i2', 'ide0')(h); h.svvpValidated = true }, 'vmware-esx') },
    ],
  },
  {
    rule: 'vm-snapshot-count',
    fires: [
      { name: '51 snapshots', plan: onHost(snapshots(51)), subjects: ['ex01'] },
    ],
    silent: [
      { name: 'the sound plan', plan: soundPlan() },
      { name: '50 snapshots', plan: onHost(snapshots(50)) },
      { name: '51 snapshots on VMware ESX', plan: onHost((h) => { snapshots(51)(h); h.svvpValidated = true }, 'vmware-esx') },
    ],
  },
  {
    rule: 'quick-migration-is-saved-state',
    fires: [
      { name: 'WS2008 Hyper-V cluster with Quick Migration', plan: onHost((h) => { h.cluster = 'hvc1'; h.mobility = 'quick-migration' }), subjects: ['hv01'], severity: 'info' },
      { name: 'WS2008 Hyper-V cluster set to live migration', plan: onHost((h) => { h.cluster = 'hvc1'; h.mobility = 'live-migration' }), subjects: ['hv01'] },
      { name: 'Quick Migration chosen on WS2008 R2', plan: onHost((h) => { h.cluster = 'hvc1'; h.mobility = 'quick-migration' }, 'hyper-v-2008-r2'), subjects: ['hv01'] },
      { name: 'Hyper-V Server 2008 set to live migration (it has neither clustering nor Live Migration)', plan: onHost((h) => { h.mobility = 'live-migration' }, 'hyper-v-server-2008'), subjects: ['hv01'] },
      { name: 'Hyper-V Server 2008 in a host cluster', plan: onHost((h) => { h.cluster = 'hvc1' }, 'hyper-v-server-2008'), subjects: ['hv01'] },
      { name: 'WS2008 Hyper-V cluster with mobility "none" (a WS2008 cluster still moves VMs by Quick Migration)', plan: onHost((h) => { h.cluster = 'hvc1' }), subjects: ['hv01'], severity: 'info' },
      { name: 'stand-alone WS2008 Hyper-V host set to live migration (WS2008 has only Quick Migration)', plan: onHost((h) => { h.mobility = 'live-migration' }), subjects: ['hv01'], severity: 'info' },
    ],
    silent: [
      { name: 'the sound plan (no cluster)', plan: soundPlan() },
      { name: 'WS2008 R2 cluster with Live Migration', plan: onHost((h) => { h.cluster = 'hvc1'; h.mobility = 'live-migration' }, 'hyper-v-2008-r2') },
      { name: 'a clustered WS2008 host without VMs', plan: onHost((h) => { h.cluster = 'hvc1'; h.mobility = 'quick-migration'; h.vms = [] }) },
      { name: 'Hyper-V Server 2008 standing alone, no mobility', plan: onHost(() => {}, 'hyper-v-server-2008') },
      { name: 'VMware ESX cluster set to "quick-migration" (the rule is about Hyper-V only)', plan: onHost((h) => { h.cluster = 'c1'; h.mobility = 'quick-migration'; h.svvpValidated = true }, 'vmware-esx') },
    ],
  },
]
