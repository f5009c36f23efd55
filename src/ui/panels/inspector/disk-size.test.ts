import { describe, expect, it } from 'vitest'
import { host, lun, physicalDisk, plan, storageArray, virtualDisk, vm } from '../../../core/testing/plan-builder.ts'
import { hostDiskSizeFromLun, virtualDiskSizeFromBacking } from './disk-size.ts'

const hv = host({
  id: 'hv1', name: 'HV1',
  disks: [
    physicalDisk({ id: 'local', name: 'Disk 1', sizeGB: 300 }),
    physicalDisk({ id: 'on-lun', name: 'Disk 2', sizeGB: 300, lun: 'l1' }),
    physicalDisk({ id: 'on-big-lun', name: 'Disk 3', sizeGB: 300, lun: 'l2' }),
  ],
})
const estate = plan({
  hosts: [hv],
  storage: [storageArray({ id: 'san', luns: [lun({ id: 'l1', name: 'Logs', sizeGB: 150 }), lun({ id: 'l2', name: 'LUN 2', sizeGB: 500 })] })],
})
const vdisk = virtualDisk

describe('hostDiskSizeFromLun', () => {
  it('gives a host disk on a LUN the LUN\'s size, and nothing for a local disk or one already that size', () => {
    expect(hostDiskSizeFromLun(estate, hv.disks[1]!)).toEqual({ sizeGB: 150, note: 'This disk is LUN Logs, which has 150 GB: the host sees a disk of that size.' })
    expect(hostDiskSizeFromLun(estate, hv.disks[2]!)).toMatchObject({ sizeGB: 500 })
    expect(hostDiskSizeFromLun(estate, hv.disks[0]!)).toBeNull()
    expect(hostDiskSizeFromLun(estate, { ...hv.disks[1]!, sizeGB: 150 })).toBeNull()
  })
})

describe('virtualDiskSizeFromBacking', () => {
  it('gives a pass-through disk the size of the host disk behind it, or of its LUN where that is smaller', () => {
    expect(virtualDiskSizeFromBacking(estate, hv, vdisk({ id: 'a', kind: 'pass-through', sizeGB: 200, backing: 'local' })))
      .toEqual({ sizeGB: 300, note: "A pass-through disk is the whole disk behind it: HV1's Disk 1 has 300 GB." })
    expect(virtualDiskSizeFromBacking(estate, hv, vdisk({ id: 'a', kind: 'pass-through', sizeGB: 200, backing: 'on-lun' })))
      .toEqual({ sizeGB: 150, note: "A pass-through disk is the whole disk behind it: HV1's Disk 2 has 150 GB, the size of its LUN Logs." })
    expect(virtualDiskSizeFromBacking(estate, hv, vdisk({ id: 'a', kind: 'pass-through', sizeGB: 200, backing: 'on-big-lun' }))).toMatchObject({ sizeGB: 300 })
    expect(virtualDiskSizeFromBacking(estate, hv, vdisk({ id: 'a', kind: 'pass-through', sizeGB: 300, backing: 'local' }))).toBeNull()
    expect(virtualDiskSizeFromBacking(estate, hv, vdisk({ id: 'a', kind: 'pass-through', sizeGB: 200, backing: null }))).toBeNull()
  })

  it('gives a guest-attached disk the size of its LUN, and leaves VHD files their own size', () => {
    const onHost = { ...hv, vms: [vm({ id: 'ex' })] }
    expect(virtualDiskSizeFromBacking(estate, onHost, vdisk({ id: 'a', kind: 'iscsi-guest', controller: null, sizeGB: 100, backing: 'l2' })))
      .toEqual({ sizeGB: 500, note: 'The guest sees the whole LUN 2, which has 500 GB.' })
    expect(virtualDiskSizeFromBacking(estate, onHost, vdisk({ id: 'a', kind: 'fc-guest', controller: null, sizeGB: 500, backing: 'l2' }))).toBeNull()
    expect(virtualDiskSizeFromBacking(estate, onHost, vdisk({ id: 'a', kind: 'fixed-vhd', sizeGB: 40, backing: 'local' }))).toBeNull()
  })
})
