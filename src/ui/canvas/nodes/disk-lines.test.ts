import { describe, expect, it } from 'vitest'
import type { PhysicalDisk, VirtualDisk } from '../../../core/index.ts'
import { MAX_DISK_WIDTH, MIN_DISK_WIDTH, MIN_LUN_WIDTH, lunWidth, physicalDiskDetails, physicalDiskWidth, virtualDiskLines, virtualDiskWidth } from './disk-lines.ts'
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
    expect(physicalDiskDetails(pdisk({ contents: [] }), false, 'EX01')).toBe('146 GB · local · passed to EX01')
    expect(physicalDiskDetails(pdisk({ lun: 'l1', contents: ['vm-files'] }), true, null)).toBe('146 GB · share · VM files')
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
    expect(physicalDiskWidth(pdisk({ contents: [] }), 'EXCHANGE-MAILBOX-01')).toBeGreaterThan(physicalDiskWidth(pdisk({ contents: [] }), null))
  })

  it('keep LUNs at their own minimum', () => {
    expect(lunWidth({ name: 'LUN 1', sizeGB: 500 })).toBe(MIN_LUN_WIDTH)
    expect(lunWidth({ name: 'MBX01 databases and logs (RAID 10)', sizeGB: 500 })).toBeGreaterThan(MIN_LUN_WIDTH)
  })
})
