import { edit, first, soundPlan, virtualDisk, vm } from '../testing/plan-builder.ts'
import type { RuleCases } from '../testing/rule-cases.ts'

const sound = soundPlan()
/** The sound plan with its boot disk moved to SCSI, which 2012 R2+ reads as a Generation 2 VM. */
const scsiBoot = (hypervisor: 'hyper-v-2012' | 'hyper-v-2012-r2' | 'hyper-v-2016' | 'vmware-esx') => edit(sound, (d) => {
  first(d).host.hypervisor = hypervisor
  first(d).vm.disks[0]!.controller = 'scsi0'
})

/** The sound plan with EX01 lacking the integration components and using only a legacy NIC. */
const noIcLegacyNic = (change: (ex: ReturnType<typeof first>['vm']) => void = () => {}) => edit(sound, (d) => {
  const { vm: ex } = first(d)
  ex.integrationComponents = 'none'
  ex.network = [{ adapter: 'legacy', switch: 'external' }]
  change(ex)
})
/** A Windows Server 2012 guest booting from SCSI on `hypervisor`, which has no Generation 2 VMs. */
const ws2012ScsiBoot = (hypervisor: 'hyper-v-2008' | 'hyper-v-2008-r2' | 'hyper-v-2012') => edit(sound, (d) => {
  first(d).host.hypervisor = hypervisor
  first(d).vm.guestOs = 'ws2012'
  first(d).vm.disks[0]!.controller = 'scsi1'
})
/** A Windows Server 2016 guest on Hyper-V 2016 whose OS disk is a guest iSCSI disk (no controller). */
const iscsiBoot = edit(scsiBoot('hyper-v-2016'), (d) => {
  first(d).vm.guestOs = 'ws2016'
  Object.assign(first(d).vm.disks[0]!, { kind: 'iscsi-guest', controller: null, backing: null })
})

export const cases: RuleCases[] = [
  {
    rule: 'guest-integration-components',
    fires: [
      {
        name: 'no IC, with SCSI disks and a synthetic NIC',
        plan: edit(sound, (d) => { first(d).vm.integrationComponents = 'none' }),
        subjects: ['ex01'],
        severity: 'error',
      },
      {
        name: 'no IC, IDE disks and a legacy NIC only',
        plan: edit(sound, (d) => {
          const { vm: ex } = first(d)
          ex.integrationComponents = 'none'
          ex.network = [{ adapter: 'legacy', switch: 'external' }]
          ex.disks[1]!.controller = 'ide0'
          ex.disks[2]!.controller = 'ide1'
        }),
        subjects: ['ex01'],
        severity: 'warning',
      },
      {
        name: 'no IC, a legacy NIC, boot disk on IDE and data disks on SCSI (any SCSI disk needs the IC)',
        plan: noIcLegacyNic(),
        subjects: ['ex01'],
        severity: 'error',
      },
      {
        name: 'no IC, IDE disks only, a legacy and a synthetic NIC (any synthetic NIC needs the IC)',
        plan: noIcLegacyNic((ex) => {
          ex.network.push({ adapter: 'synthetic', switch: 'external' })
          ex.disks = ex.disks.slice(0, 1)
        }),
        subjects: ['ex01'],
        severity: 'error',
      },
      {
        name: 'no IC, a legacy NIC, an IDE boot disk and a guest iSCSI disk with no controller (emulated only: a warning)',
        plan: noIcLegacyNic((ex) => {
          ex.disks = [ex.disks[0]!, virtualDisk({ id: 'ex01-iscsi', kind: 'iscsi-guest', controller: null, sizeGB: 100, contents: ['other'] })]
        }),
        subjects: ['ex01'],
        severity: 'warning',
      },
      {
        name: 'Windows Server 2003 before SP2 has no IC',
        plan: edit(sound, (d) => { first(d).vm.guestOs = 'ws2003-x86' }),
        subjects: ['ex01'],
        severity: 'error',
      },
    ],
    silent: [
      { name: 'the sound plan', plan: sound },
      { name: 'no IC in a VM without Exchange', plan: edit(sound, (d) => { first(d).host.vms.push(vm({ id: 'dc01', exchange: null, integrationComponents: 'none' })) }) },
      {
        name: 'not Hyper-V',
        plan: edit(sound, (d) => { first(d).host.hypervisor = 'vmware-esx'; first(d).vm.integrationComponents = 'none' }),
      },
    ],
  },
  {
    rule: 'guest-ic-rtm-update',
    fires: [
      { name: 'WS2008 host without the RTM update', plan: edit(sound, (d) => { first(d).host.hyperVRtmUpdate = false }), subjects: ['hv01'] },
      {
        name: 'beta IC in guests, Exchange or not, on Hyper-V Server 2008',
        plan: edit(sound, (d) => {
          first(d).host.hypervisor = 'hyper-v-server-2008'
          first(d).vm.integrationComponents = 'beta'
          first(d).host.vms.push(vm({ id: 'dc01', exchange: null, integrationComponents: 'beta' }))
        }),
        subjects: ['ex01', 'dc01'],
      },
    ],
    silent: [
      { name: 'the sound plan', plan: sound },
      { name: 'Hyper-V Server 2008 without the RTM update flag (it shipped with the final Hyper-V)', plan: edit(sound, (d) => { Object.assign(first(d).host, { hypervisor: 'hyper-v-server-2008', hyperVRtmUpdate: false }) }) },
      {
        name: 'a 2008 R2 host (no pre-release Hyper-V there)',
        plan: edit(sound, (d) => {
          first(d).host.hypervisor = 'hyper-v-2008-r2'
          first(d).host.hyperVRtmUpdate = false
          first(d).vm.integrationComponents = 'beta'
        }),
      },
    ],
  },
  {
    rule: 'vm-boot-disk-on-ide',
    fires: [
      { name: 'boot disk on SCSI, Hyper-V 2008', plan: edit(sound, (d) => { first(d).vm.disks[0]!.controller = 'scsi1' }), subjects: ['ex01-boot'] },
      {
        name: 'the OS disk on a LUN of the guest\'s own iSCSI initiator (there only once the OS runs)',
        plan: edit(sound, (d) => { Object.assign(first(d).vm.disks[0]!, { kind: 'iscsi-guest', controller: null, backing: null }) }),
        subjects: ['ex01-boot'],
      },
      { name: 'a Windows Server 2016 guest on Hyper-V 2016 booting from a guest iSCSI disk (it could be Generation 2; still no boot)', plan: iscsiBoot, subjects: ['ex01-boot'] },
      {
        name: 'a guest iSCSI OS disk given SCSI 0 in a hand-written plan (a guest-attached disk sits on no virtual controller)',
        plan: edit(iscsiBoot, (d) => { first(d).vm.guestOs = 'ws2008-x64'; first(d).host.hypervisor = 'hyper-v-2008'; first(d).vm.disks[0]!.controller = 'scsi0' }),
        subjects: ['ex01-boot'],
      },
      {
        name: 'the OS disk of a Windows Server 2016 guest on Hyper-V 2016 through its own Fibre Channel adapter',
        plan: edit(sound, (d) => { first(d).host.hypervisor = 'hyper-v-2016'; first(d).vm.guestOs = 'ws2016'; Object.assign(first(d).vm.disks[0]!, { kind: 'fc-guest', controller: null, backing: null }) }),
        subjects: ['ex01-boot'],
      },
      { name: 'boot disk on SCSI, Hyper-V 2012 (Generation 1 only)', plan: scsiBoot('hyper-v-2012'), subjects: ['ex01-boot'] },
      { name: 'a Windows Server 2008 guest booting from SCSI on Hyper-V 2016 (it can only be Generation 1)', plan: scsiBoot('hyper-v-2016'), subjects: ['ex01-boot'] },
      {
        name: 'a Windows Server 2016 guest booting from SCSI on Hyper-V 2016 with another disk on IDE (no Generation 2 VM has IDE)',
        plan: edit(scsiBoot('hyper-v-2016'), (d) => { first(d).vm.guestOs = 'ws2016'; first(d).vm.disks[1]!.controller = 'ide1' }),
        subjects: ['ex01-boot'],
      },
      {
        name: 'a Windows Server 2016 guest booting from SCSI on Hyper-V 2016 with a legacy network adapter (Generation 1 only)',
        plan: edit(scsiBoot('hyper-v-2016'), (d) => { first(d).vm.guestOs = 'ws2016'; first(d).vm.network = [{ adapter: 'legacy', switch: 'external' }] }),
        subjects: ['ex01-boot'],
      },
      {
        name: 'a Windows Server 2016 guest booting from SCSI on Hyper-V 2016 with a synthetic and a legacy network adapter (one legacy adapter makes it Generation 1)',
        plan: edit(scsiBoot('hyper-v-2016'), (d) => {
          first(d).vm.guestOs = 'ws2016'
          first(d).vm.network = [{ adapter: 'synthetic', switch: 'external' }, { adapter: 'legacy', switch: 'external' }]
        }),
        subjects: ['ex01-boot'],
      },
      { name: 'a Windows Server 2012 guest booting from SCSI on Hyper-V 2008 (no Generation 2 there)', plan: ws2012ScsiBoot('hyper-v-2008'), subjects: ['ex01-boot'], severity: 'error' },
      { name: 'a Windows Server 2012 guest booting from SCSI on Hyper-V 2008 R2 (no Generation 2 there)', plan: ws2012ScsiBoot('hyper-v-2008-r2'), subjects: ['ex01-boot'], severity: 'error' },
      { name: 'a Windows Server 2012 guest booting from SCSI on Hyper-V 2012, not R2 (no Generation 2 there)', plan: ws2012ScsiBoot('hyper-v-2012'), subjects: ['ex01-boot'], severity: 'error' },
    ],
    silent: [
      { name: 'the sound plan (IDE 0)', plan: sound },
      { name: 'a guest iSCSI disk holding data, the OS on IDE 0', plan: edit(sound, (d) => { Object.assign(first(d).vm.disks[1]!, { kind: 'iscsi-guest', controller: null, backing: null }) }) },
      { name: 'the OS disk on a guest iSCSI LUN on VMware ESX (not Hyper-V)', plan: edit(iscsiBoot, (d) => { first(d).host.hypervisor = 'vmware-esx'; first(d).host.svvpValidated = true }) },
      { name: 'a Windows Server 2012 R2 guest on Hyper-V 2012 R2 (Generation 2 boots from SCSI)', plan: edit(scsiBoot('hyper-v-2012-r2'), (d) => { first(d).vm.guestOs = 'ws2012-r2' }) },
      { name: 'a Windows Server 2016 guest on Hyper-V 2016, every disk on SCSI and a synthetic adapter (Generation 2)', plan: edit(scsiBoot('hyper-v-2016'), (d) => { first(d).vm.guestOs = 'ws2016' }) },
      { name: 'not Hyper-V', plan: scsiBoot('vmware-esx') },
    ],
  },
  {
    rule: 'vm-vcpu-max',
    fires: [
      { name: '8 vCPUs on Hyper-V 2008', plan: edit(sound, (d) => { first(d).vm.vcpus = 8 }), subjects: ['ex01'] },
      { name: '4 vCPUs in a Windows Server 2003 guest', plan: edit(sound, (d) => { Object.assign(first(d).vm, { vcpus: 4, guestOs: 'ws2003-sp2-x64' }) }), subjects: ['ex01'] },
      { name: '4 vCPUs in a Windows Server 2003 guest on Hyper-V 2022, which has no figure of its own', plan: edit(sound, (d) => { first(d).host.hypervisor = 'hyper-v-2022'; Object.assign(first(d).vm, { vcpus: 4, guestOs: 'ws2003-sp2-x64' }) }), subjects: ['ex01'] },
      {
        name: '100 vCPUs in a Generation 1 VM on Hyper-V 2016, Exchange or not',
        plan: edit(sound, (d) => {
          first(d).host.hypervisor = 'hyper-v-2016'
          first(d).vm.vcpus = 100
          first(d).host.vms.push(vm({ id: 'app01', exchange: null, vcpus: 65 }))
        }),
        subjects: ['ex01', 'app01'],
      },
    ],
    silent: [
      { name: 'the sound plan', plan: sound },
      { name: '4 vCPUs on Hyper-V 2008', plan: edit(sound, (d) => { first(d).vm.vcpus = 4 }) },
      { name: '2 vCPUs in a Windows Server 2003 guest', plan: edit(sound, (d) => { first(d).vm.guestOs = 'ws2003-sp2-x64' }) },
      { name: '100 vCPUs in a Generation 2 VM on Hyper-V 2016', plan: edit(scsiBoot('hyper-v-2016'), (d) => { Object.assign(first(d).vm, { vcpus: 100, guestOs: 'ws2016' }) }) },
      {
        name: '100 vCPUs in a Generation 2 VM on Hyper-V 2016 with a guest iSCSI data disk (no controller: still Generation 2)',
        plan: edit(scsiBoot('hyper-v-2016'), (d) => {
          Object.assign(first(d).vm, { vcpus: 100, guestOs: 'ws2016' })
          first(d).vm.disks.push(virtualDisk({ id: 'ex01-iscsi', kind: 'iscsi-guest', controller: null, sizeGB: 100, contents: ['other'] }))
        }),
      },
      { name: 'a Windows Server 2016 VM on Hyper-V 2016 booting from a guest iSCSI disk', plan: iscsiBoot },
      { name: 'not Hyper-V', plan: edit(scsiBoot('vmware-esx'), (d) => { first(d).vm.vcpus = 8 }) },
      { name: '1,000 vCPUs on Hyper-V 2022 (the catalogue gives no 2022 figure)', plan: edit(scsiBoot('hyper-v-2016'), (d) => { first(d).host.hypervisor = 'hyper-v-2022'; Object.assign(first(d).vm, { guestOs: 'ws2022', vcpus: 1000 }) }) },
    ],
  },
  {
    rule: 'vm-memory-max',
    fires: [
      { name: '80 GB on Hyper-V 2008', plan: edit(sound, (d) => { first(d).vm.ramGB = 80 }), subjects: ['ex01'] },
      { name: '32 GB on Windows Server 2008 Standard', plan: edit(sound, (d) => { first(d).host.parent.edition = 'standard'; first(d).vm.ramGB = 32 }), subjects: ['ex01'] },
    ],
    silent: [
      { name: 'the sound plan', plan: sound },
      { name: '64 GB on Enterprise', plan: edit(sound, (d) => { first(d).vm.ramGB = 64 }) },
      { name: '31 GB on Standard', plan: edit(sound, (d) => { first(d).host.parent.edition = 'standard'; first(d).vm.ramGB = 31 }) },
      {
        name: '48 GB on Windows Server 2008 R2 Standard',
        plan: edit(sound, (d) => { Object.assign(first(d).host, { hypervisor: 'hyper-v-2008-r2' }); first(d).host.parent.edition = 'standard'; first(d).vm.ramGB = 48 }),
      },
      { name: 'not Hyper-V', plan: edit(sound, (d) => { first(d).host.hypervisor = 'vmware-esx'; first(d).vm.ramGB = 128 }) },
      { name: '32 GB on Hyper-V Server 2008, whose edition field means nothing (no Standard cap)', plan: edit(sound, (d) => { first(d).host.hypervisor = 'hyper-v-server-2008'; first(d).host.parent.edition = 'standard'; first(d).vm.ramGB = 32 }) },
      { name: '300 TB on Hyper-V 2025 (the catalogue gives no 2025 figure)', plan: edit(scsiBoot('hyper-v-2016'), (d) => { first(d).host.hypervisor = 'hyper-v-2025'; Object.assign(first(d).vm, { guestOs: 'ws2022', ramGB: 307_200 }) }) },
    ],
  },
]
