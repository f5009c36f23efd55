import { describe, expect, it } from 'vitest'
import type { PhysicalDisk, VirtualDisk, Vm } from '../../../core/index.ts'
import { MAX_DISK_WIDTH, MIN_DISK_WIDTH, MIN_LUN_WIDTH, hostDiskUses, lunWidth, physicalDiskDetails, physicalDiskWidth, virtualDiskLines, virtualDiskWidth } from './disk-lines.ts'
import { textWidth } from './text-width.ts'

const vdisk = (over: Partial<VirtualDisk>): VirtualDisk => ({
  id: 'd', name: 'Boot', kind: 'fixed-vhd', controller: 'ide0', sizeGB: 60, backing: 'hd', contents: ['os'], ...over,
})
const pdisk = (over: Partial<PhysicalDisk>): PhysicalDisk => ({ id: 'p', name: 'Disk 1', sizeGB: 146, online: true, contents: ['os'], lun: null, ...over })

describe('the lines of a disk node', () => {
  it('says a VM disk\'s kind, where it is attached, its size and contents', () => {
    expect(virtualDiskLines(vdisk({ contents: ['database', 'logs'], controller: 'scsi0', sizeGB: 4096 }))).toEqual({ kind: 'Fixed VHD', details: 'SCSI 0 · 4 TB · DB · Logs' })
    expect(virtualDiskLines(vdisk({ kind: 'iscsi-guest', controller: null, contents: [] }))).toEqual({ kind: 'iSCSI disk', details: 'guest initiator · 60 GB · empty' })
  })

  it('says whose a host disk is when it is passed through and holds nothing of the host\'s', () => {
    expect(physicalDiskDetails(pdisk({ contents: [] }), false, 'passed to EX01')).toBe('146 GB · local · passed to EX01')
    expect(physicalDiskDetails(pdisk({ lun: 'l1', contents: ['vm-files'] }), true, null)).toBe('146 GB · share · VM files')
  })

  it('says what VMs use a host disk for: passed through to one, or the VHD files of some', () => {
    const vm = (name: string, disks: VirtualDisk[]) => ({ id: name.toLowerCase(), name, disks } as unknown as Vm)
    const uses = hostDiskUses([
      vm('EX01', [vdisk({ id: 'a', backing: 'store' }), vdisk({ id: 'b', kind: 'pass-through', backing: 'pt' }), vdisk({ id: 'c', kind: 'dynamic-vhdx', backing: 'store' })]),
      vm('EX02', [vdisk({ id: 'd', backing: 'store' }), vdisk({ id: 'e', backing: 'many' })]),
      vm('EX03', [vdisk({ id: 'f', backing: 'many' }), vdisk({ id: 'g', kind: 'iscsi-guest', controller: null, backing: 'lun1' })]),
      vm('EX04', [vdisk({ id: 'h', backing: 'many' }), vdisk({ id: 'i', backing: null })]),
    ])
    expect(Object.fromEntries(uses)).toEqual({ store: 'VHDs of EX01 and EX02', pt: 'passed to EX01', many: 'VHDs of 3 VMs' })
    // A disk that keeps the host's own files says those: the VMs' use is the host's business there.
    expect(physicalDiskDetails(pdisk({ contents: [] }), false, uses.get('store')!)).toBe('146 GB · local · VHDs of EX01 and EX02')
    expect(physicalDiskDetails(pdisk({ contents: ['os', 'vm-files'] }), false, uses.get('store')!)).toBe('146 GB · local · OS · VM files')
  })
})

describe('disk node widths', () => {
  it('measures text in Inter\'s advances, bold names wider than detail text, other scripts by an average or an em', () => {
    expect(textWidth('', 'name')).toBe(0)
    expect(textWidth('MMMM', 'name')).toBeGreaterThan(textWidth('iiii', 'name'))
    expect(textWidth('Database', 'name')).toBeGreaterThan(textWidth('Database', 'detail'))
    expect(textWidth('Сервер', 'name')).toBeGreaterThan(30)
    expect(textWidth('服务器', 'name')).toBe(36)
    expect(textWidth('𠀀𠀁', 'name')).toBe(24)
  })

  it('keep the old width for short names and grow with a long one, up to a limit', () => {
    expect(virtualDiskWidth(vdisk({ name: 'Boot' }))).toBe(MIN_DISK_WIDTH)
    const long = virtualDiskWidth(vdisk({ name: 'Disk 3 (EX01 database)' }))
    expect(long).toBeGreaterThan(MIN_DISK_WIDTH)
    expect(long).toBeGreaterThan(textWidth('Disk 3 (EX01 database)', 'name') + 44)
    expect(virtualDiskWidth(vdisk({ name: 'A name far too long to show whole on any disk of a diagram' }))).toBe(MAX_DISK_WIDTH)
  })

  it('make room for the detail line too, and for "not connected" where nothing backs a disk', () => {
    const contents: VirtualDisk['contents'] = ['database', 'logs', 'queue', 'pagefile']
    expect(virtualDiskWidth(vdisk({ contents }))).toBeGreaterThan(MIN_DISK_WIDTH)
    expect(virtualDiskWidth(vdisk({ contents, backing: null }))).toBeGreaterThan(virtualDiskWidth(vdisk({ contents })))
    expect(physicalDiskWidth(pdisk({ contents: [] }), 'passed to EXCHANGE-MAILBOX-01')).toBeGreaterThan(physicalDiskWidth(pdisk({ contents: [] }), null))
  })

  it('keep LUNs at their own minimum', () => {
    expect(lunWidth({ name: 'LUN 1', sizeGB: 500 })).toBe(MIN_LUN_WIDTH)
    expect(lunWidth({ name: 'MBX01 databases and logs (RAID 10)', sizeGB: 500 })).toBeGreaterThan(MIN_LUN_WIDTH)
  })
})
