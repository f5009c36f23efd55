import { describe, expect, it } from 'vitest'
import { edit, first, host, physicalDisk, soundPlan } from '../testing/plan-builder.ts'
import { canConnect } from './connections.ts'

const plan = edit(soundPlan(), (d) => {
  d.storage.push({ id: 'san', name: 'SAN', protocol: 'iscsi', luns: [{ id: 'lun1', name: 'LUN 1', sizeGB: 100 }] })
  d.hosts.push(host({ id: 'hv02', disks: [physicalDisk({ id: 'hv02-d1', name: 'Disk 1' })] }))
  first(d).vm.disks.push({ id: 'ex01-iscsi', name: 'iSCSI', kind: 'iscsi-guest', controller: null, sizeGB: 100, backing: null, contents: [] })
  first(d).vm.disks.push({ id: 'ex01-vhd', name: 'VHD', kind: 'fixed-vhd', controller: 'scsi1', sizeGB: 100, backing: null, contents: [] })
})

describe('canConnect', () => {
  it.each([
    ['a VHD to a disk of its own host', 'ex01-vhd', 'hv01-db'],
    ['a pass-through disk to a disk of its own host', 'ex01-db', 'hv01-db'],
    ['a guest iSCSI disk to a LUN', 'ex01-iscsi', 'lun1'],
    ['a host disk to a LUN', 'hv01-db', 'lun1'],
  ])('allows %s', (_name, source, target) => {
    expect(canConnect(plan, source, target)).toEqual({ ok: true })
  })

  it.each([
    ['a VHD directly to a LUN', 'ex01-vhd', 'lun1', /cannot use a LUN directly: present the LUN to HV01/],
    ['a pass-through disk to a disk of another host', 'ex01-db', 'hv02-d1', /belongs to HV02; EX01 runs on HV01/],
    ['a guest iSCSI disk to a host disk', 'ex01-iscsi', 'hv01-db', /reaches a LUN, not a host disk/],
    ['a host disk to another host disk', 'hv01-db', 'hv01-logs', /not to another host disk/],
    ['a VM to anything', 'ex01', 'hv01-db', /Only disks connect/],
    ['to something that does not exist', 'ex01-vhd', 'nope', /Connect a disk/],
  ])('refuses %s, saying why', (_name, source, target, reason) => {
    const verdict = canConnect(plan, source, target)
    expect(verdict.ok).toBe(false)
    if (!verdict.ok) expect(verdict.reason).toMatch(reason)
  })
})

describe('canConnect, targets that are no disk (mutation-testing gaps)', () => {
  it.each([
    ['a VHD to a VM', 'ex01-vhd', 'ex01'],
    ['a VHD to a host', 'ex01-vhd', 'hv01'],
    ['a VHD to a storage array', 'ex01-vhd', 'san'],
    ['a pass-through disk to another virtual disk', 'ex01-db', 'ex01-vhd'],
  ])('refuses %s', (_name, source, target) => {
    expect(canConnect(plan, source, target)).toEqual({ ok: false, reason: expect.any(String) })
  })
})

describe('canConnect, a virtual disk drawn to what is no disk, says what it needs', () => {
  it.each([
    ['a VHD to its own VM', 'ex01-vhd', 'ex01', "EX01's VHD (Fixed VHD) keeps its file on a disk of HV01: connect it to one of HV01's host disks, not to EX01"],
    ['a pass-through disk to its host', 'ex01-db', 'hv01', "EX01's Database (Pass-through disk) is a whole disk of HV01: connect it to one of HV01's host disks, not to HV01"],
  ])('%s', (_name, source, target, reason) => {
    expect(canConnect(plan, source, target)).toEqual({ ok: false, reason })
  })
})
