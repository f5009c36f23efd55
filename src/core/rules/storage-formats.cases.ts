import { edit, first, soundPlan, virtualDisk, vm } from '../testing/plan-builder.ts'
import type { RuleCases } from '../testing/rule-cases.ts'
import { sound2003 } from './exchange-2003.cases.ts'
import { onVersion, sound, vdisk } from './storage-case-plans.ts'

export const cases: RuleCases[] = [
  {
    rule: 'dynamic-vhd-unsupported',
    fires: [
      { name: 'Exchange 2007 database on a dynamic VHD', plan: sound((d) => { vdisk(d, 'ex01-db').kind = 'dynamic-vhd' }), subjects: ['ex01-db'], severity: 'error' },
      { name: 'Exchange 2013 database on a dynamic VHD', plan: sound((d) => { onVersion(d, '2013'); vdisk(d, 'ex01-db').kind = 'dynamic-vhd' }), subjects: ['ex01-db'] },
      { name: 'Exchange 2010 database on a dynamic VHDX', plan: sound((d) => { onVersion(d, '2010'); vdisk(d, 'ex01-db').kind = 'dynamic-vhdx' }), subjects: ['ex01-db'] },
    ],
    silent: [
      { name: 'sound plan', plan: soundPlan() },
      { name: 'fixed VHD', plan: sound((d) => { vdisk(d, 'ex01-db').kind = 'fixed-vhd' }) },
      { name: 'Exchange 2013 on a dynamic VHDX', plan: sound((d) => { onVersion(d, '2013'); vdisk(d, 'ex01-db').kind = 'dynamic-vhdx' }) },
      { name: 'a VM without Exchange', plan: sound((d) => { first(d).vm.exchange = null; vdisk(d, 'ex01-db').kind = 'dynamic-vhd' }) },
      { name: 'Exchange 2003 database on a dynamic VHD on Virtual Server (2003 is left out: unconfirmed)', plan: edit(sound2003(), (d) => { vdisk(d, 'ex01-db').kind = 'dynamic-vhd' }) },
    ],
  },
  {
    rule: 'differencing-vhd-unsupported',
    fires: [
      { name: 'Exchange 2007 database on a differencing VHD', plan: sound((d) => { vdisk(d, 'ex01-db').kind = 'differencing-vhd' }), subjects: ['ex01-db'], severity: 'error' },
      { name: 'Exchange 2016 boot disk on a differencing VHD', plan: sound((d) => { onVersion(d, '2016', 'hyper-v-2016'); vdisk(d, 'ex01-boot').kind = 'differencing-vhd' }), subjects: ['ex01-boot'] },
    ],
    silent: [
      { name: 'sound plan', plan: soundPlan() },
      { name: 'a VM without Exchange', plan: sound((d) => { first(d).vm.exchange = null; vdisk(d, 'ex01-db').kind = 'differencing-vhd' }) },
    ],
  },
  {
    rule: 'fixed-vhd-size-limit',
    fires: [
      { name: 'a 2,040 GB fixed VHD', plan: sound((d) => { Object.assign(vdisk(d, 'ex01-db'), { kind: 'fixed-vhd', sizeGB: 2040 }) }), subjects: ['ex01-db'], severity: 'error' },
      {
        name: 'a large VHD on a VM without Exchange',
        plan: sound((d) => {
          first(d).host.vms.push(vm({ id: 'file01', exchange: null, disks: [virtualDisk({ id: 'file01-data', kind: 'dynamic-vhd', sizeGB: 3000, backing: 'hv01-os' })] }))
        }),
        subjects: ['file01-data'],
      },
      { name: 'any VHDX on Hyper-V 2008', plan: sound((d) => { Object.assign(vdisk(d, 'ex01-db'), { kind: 'fixed-vhdx', sizeGB: 100 }) }), subjects: ['ex01-db'] },
      { name: 'a VHDX above 64 TB', plan: sound((d) => { onVersion(d, '2016', 'hyper-v-2016'); Object.assign(vdisk(d, 'ex01-db'), { kind: 'fixed-vhdx', sizeGB: 70000 }) }), subjects: ['ex01-db'] },
      { name: 'a fixed VHDX on Virtual Server 2005 R2 SP1 (no VHDX format)', plan: edit(sound2003(), (d) => { vdisk(d, 'ex01-db').kind = 'fixed-vhdx' }), subjects: ['ex01-db'] },
      { name: 'a dynamic VHDX on Virtual PC', plan: edit(sound2003(), (d) => { first(d).host.hypervisor = 'virtual-pc'; vdisk(d, 'ex01-logs').kind = 'dynamic-vhdx' }), subjects: ['ex01-logs'] },
    ],
    silent: [
      { name: 'sound plan (pass-through disks)', plan: soundPlan() },
      { name: 'a 2,039 GB fixed VHD', plan: sound((d) => { Object.assign(vdisk(d, 'ex01-db'), { kind: 'fixed-vhd', sizeGB: 2039 }) }) },
      { name: 'a VHDX of exactly 64 TB on Hyper-V 2012 R2 (the limit itself is allowed)', plan: sound((d) => { onVersion(d, '2013'); Object.assign(vdisk(d, 'ex01-db'), { kind: 'fixed-vhdx', sizeGB: 65536 }) }) },
      { name: 'a 20 TB VHDX on Hyper-V 2012 R2', plan: sound((d) => { onVersion(d, '2013'); Object.assign(vdisk(d, 'ex01-db'), { kind: 'fixed-vhdx', sizeGB: 20000 }) }) },
      { name: 'a pass-through disk above 2,040 GB', plan: sound((d) => { vdisk(d, 'ex01-db').sizeGB = 4000 }) },
      { name: 'fixed VHDs on Virtual Server 2005 R2 SP1', plan: sound2003() },
      { name: 'not Hyper-V', plan: sound((d) => { first(d).host.hypervisor = 'vmware-esx'; Object.assign(vdisk(d, 'ex01-db'), { kind: 'fixed-vhd', sizeGB: 3000 }) }) },
    ],
  },
]
