import { describe, expect, it } from 'vitest'
import { host, lun, physicalDisk, plan, storageArray, virtualDisk, vm } from '../../../core/testing/plan-builder.ts'
import { hostDiskUse } from './disk-use.ts'

const disk = physicalDisk({ id: 'd1', name: 'Disk 1', sizeGB: 500, lun: 'l1' })
const san = storageArray({ id: 'san', luns: [lun({ id: 'l1', name: 'LUN A', sizeGB: 400 })] })
const on = (...vms: ReturnType<typeof vm>[]) => {
  const hv = host({ id: 'hv', disks: [disk, physicalDisk({ id: 'd2' })], vms })
  return { p: plan({ hosts: [hv], storage: [san] }), hv }
}

describe('hostDiskUse', () => {
  it('sums the fixed files against the disk or its smaller LUN, and lists every file with its kind', () => {
    const { p, hv } = on(
      vm({ id: 'a', name: 'EX01', disks: [virtualDisk({ id: 'a1', name: 'DB', kind: 'fixed-vhd', sizeGB: 300, backing: 'd1' }), virtualDisk({ id: 'a2', name: 'Other', kind: 'fixed-vhd', sizeGB: 50, backing: 'd2' })] }),
      vm({ id: 'b', name: 'EX02', disks: [virtualDisk({ id: 'b1', name: 'Temp', kind: 'dynamic-vhdx', sizeGB: 900, backing: 'd1' }), virtualDisk({ id: 'b2', name: 'Logs', kind: 'fixed-vhdx', sizeGB: 150, backing: 'd1' })] }),
    )
    expect(hostDiskUse(p, hv, disk)).toEqual([{
      label: 'VHD files', value: '450 GB fixed of 400 GB (the size of LUN A)', over: true,
      detail: 'EX01\'s disk DB (300 GB, Fixed VHD); EX02\'s disk Temp (900 GB, Dynamic VHDX); EX02\'s disk Logs (150 GB, Fixed VHDX)',
    }])
  })

  it('names the VM disks a host disk is passed through to, marking more than one', () => {
    const pass = (id: string) => virtualDisk({ id, name: 'Data', kind: 'pass-through', backing: 'd1' })
    const { p, hv } = on(vm({ id: 'a', name: 'EX01', disks: [pass('a1')] }), vm({ id: 'b', name: 'EX02', disks: [pass('b1')] }))
    expect(hostDiskUse(p, hv, disk)).toEqual([{ label: 'Passed through to', value: 'EX01\'s disk Data and EX02\'s disk Data', detail: null, over: true }])
  })

  it('says when no VM uses the disk', () => {
    const { p, hv } = on(vm({ id: 'a', disks: [virtualDisk({ id: 'a1', backing: 'd2' })] }))
    expect(hostDiskUse(p, hv, disk)).toEqual([{ label: 'Used by', value: 'No VM', detail: null, over: false }])
  })
})
