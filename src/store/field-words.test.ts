import { describe, expect, it } from 'vitest'
import { fieldChangeWords } from './field-words.ts'

describe('fieldChangeWords', () => {
  it('says one changed field and its new value in words, counts as what the entity has', () => {
    expect(fieldChangeWords('VM EX01', { ramGB: 8, vcpus: 2 }, { ramGB: 16384, vcpus: 2 })).toBe("VM EX01's RAM is 16,384 GB")
    expect(fieldChangeWords('VM EX01', { vcpus: 2 }, { vcpus: 1 })).toBe('VM EX01 has 1 virtual processor')
    expect(fieldChangeWords('VM EX01', { snapshots: 1 }, { snapshots: 0 })).toBe('VM EX01 has 0 snapshots')
    expect(fieldChangeWords('VM EX01', { guestOs: 'ws2008-r2' }, { guestOs: 'ws2012' })).toBe("VM EX01's guest OS is Windows Server 2012")
    expect(fieldChangeWords('VM EX01', { dynamicMemory: false }, { dynamicMemory: true })).toBe("VM EX01's dynamic memory is on")
    expect(fieldChangeWords('host HV01', { cluster: 'A' }, { cluster: null })).toBe("host HV01's host cluster is none")
  })

  it('looks into nested objects, and compares lists by their items', () => {
    const vm = { exchange: { version: '2007', update: 'sp1', roles: ['mailbox'] }, backup: { method: 'none' } }
    expect(fieldChangeWords('VM EX01', vm, { ...vm, exchange: { ...vm.exchange, update: 'sp3' } })).toBe("VM EX01's Exchange update is SP3")
    expect(fieldChangeWords('VM EX01', vm, { ...vm, exchange: { ...vm.exchange, roles: [] } })).toBe("VM EX01's Exchange roles are none")
    expect(fieldChangeWords('VM EX01', vm, { ...vm, exchange: { ...vm.exchange, roles: ['mailbox'] } })).toBeNull()
    expect(fieldChangeWords('disk D', { contents: ['logs'] }, { contents: ['database', 'logs'] })).toBe("disk D's contents are Database and Logs")
  })

  it('names the entity a reference points at, not its id', () => {
    const nameOf = (id: string) => (id === 'hv01-disk-2' ? "HV01's disk Disk 2" : id)
    expect(fieldChangeWords("EX01's disk Boot", { backing: null }, { backing: 'hv01-disk-2' }, [], nameOf)).toBe("EX01's disk Boot is connected to HV01's disk Disk 2")
    expect(fieldChangeWords("EX01's disk Boot", { backing: 'hv01-disk-2' }, { backing: null }, [], nameOf)).toBe("EX01's disk Boot is not connected")
    expect(fieldChangeWords("HV01's disk Disk 2", { lun: 'l0' }, { lun: null })).toBe("HV01's disk Disk 2 is a local disk")
  })

  it('says nothing for several fields, a field it has no words for, or the children it is told to skip', () => {
    expect(fieldChangeWords('VM EX01', { ramGB: 8, vcpus: 2 }, { ramGB: 16, vcpus: 4 })).toBeNull()
    expect(fieldChangeWords('VM EX01', { network: [] }, { network: [{ adapter: 'legacy' }] })).toBeNull()
    expect(fieldChangeWords('VM EX01', { ramGB: 8, disks: [] }, { ramGB: 16, disks: [{}] }, ['disks'])).toBe("VM EX01's RAM is 16 GB")
  })
})
