import { describe, expect, it } from 'vitest'
import { formatPath, namesOnPath } from './problem.ts'

const doc = {
  name: 'Plan',
  hosts: [
    { id: 'hv01', name: 'HV01', vms: [{ id: 'ex01', name: 'EX01', disks: [{ id: 'ex01-boot', name: '  Boot  ' }] }] },
    { id: 'hv02', name: '', vms: [{ id: 'ex02', name: 'EX\u202E02' }, 'not an object', { name: 'x'.repeat(60) }] },
    { vms: [{ id: 'ex03' }] },
  ],
  storage: [{ id: 'san', luns: [{ id: 'lun1', name: 'LUN 1' }] }],
}

describe('formatPath', () => {
  it('writes indexes in brackets and field names after dots', () => {
    expect(formatPath(['hosts', 0, 'vms', 1, 'disks', 0, 'kind'])).toBe('hosts[0].vms[1].disks[0].kind')
    expect(formatPath(['layout', 'hv01-os'])).toBe('layout.hv01-os')
    expect(formatPath([])).toBe('(the whole file)')
  })

  it('quotes a key that a dot would make ambiguous', () => {
    expect(formatPath(['layout', 'ex01.boot'])).toBe('layout["ex01.boot"]')
    expect(formatPath(['layout', 'bad key!'])).toBe('layout["bad key!"]')
    expect(formatPath(['layout', ''])).toBe('layout[""]')
  })

  it('writes out the control characters and direction marks of a key, which raw would reset a terminal or reverse the line', () => {
    expect(formatPath(['hosts', 0, '\u001bc'])).toBe('hosts[0]["\\u001bc"]')
    expect(formatPath(['hosts', 0, 'vms', 0, 'x\u202eabc'])).toBe('hosts[0].vms[0]["x\\u202Eabc"]')
    expect(formatPath(['layout', '\u2066evil'])).toBe('layout["\\u2066evil"]')
  })
})

describe('namesOnPath', () => {
  it('names each list item the path runs through, by its name, else its id', () => {
    expect(namesOnPath(doc, 'hosts[0].vms[0].disks[0].kind')).toBe('HV01 › EX01 › Boot')
    expect(namesOnPath(doc, 'hosts[0].vms[0]')).toBe('HV01 › EX01')
    expect(namesOnPath(doc, 'storage[0].luns[0].sizeGB')).toBe('san › LUN 1')
    expect(namesOnPath(doc, 'hosts[1].vms[0].name')).toBe('hv02 › ex02')
    expect(namesOnPath(doc, 'hosts[2].vms[0].ramGB')).toBe('ex03')
  })

  it('shortens a long name and stops where the document does', () => {
    expect(namesOnPath(doc, 'hosts[1].vms[2].vcpus')).toBe(`hv02 › ${'x'.repeat(39)}…`)
    expect(namesOnPath(doc, 'hosts[1].vms[1].disks[0]')).toBe('hv02')
    expect(namesOnPath(doc, 'hosts[9].vms[0]')).toBeNull()
    expect(namesOnPath(doc, 'hosts.vms')).toBeNull()
  })

  it('gives nothing for paths through no list, or for no document', () => {
    expect(namesOnPath(doc, 'name')).toBeNull()
    expect(namesOnPath(doc, '(the whole file)')).toBeNull()
    expect(namesOnPath(null, 'hosts[0]')).toBeNull()
    expect(namesOnPath([{ name: 'A' }], '[0].x')).toBe('A')
  })
})
