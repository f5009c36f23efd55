import { describe, expect, it } from 'vitest'
import { host, lun, physicalDisk, plan, storageArray, virtualDisk, vm } from '../testing/plan-builder.ts'
import { findEntities } from './find.ts'

const estate = plan({
  hosts: [
    host({
      id: 'hv01', name: 'HV01',
      disks: [physicalDisk({ id: 'hv01-d0', name: 'Disk 0' })],
      vms: [
        vm({ id: 'ex01', name: 'EX01', disks: [virtualDisk({ id: 'ex01-logs', name: 'Logs', kind: 'fixed-vhd' })] }),
        vm({ id: 'ex10', name: 'EX10' }),
        vm({ id: 'mbx-a', name: 'Mailbox EX' }),
      ],
    }),
    host({ id: 'mbx01', name: 'MBX01', hypervisor: 'none', vms: [] }),
  ],
  storage: [storageArray({ id: 'san', name: 'SAN01', protocol: 'iscsi', luns: [lun({ id: 'san-l1', name: 'EX01 logs LUN' })] })],
})

const found = (query: string) => findEntities(estate, query).matches.map((m) => m.id)

describe('findEntities', () => {
  it('puts the name or id itself first, then names that start with the query, then names holding it, then labels', () => {
    expect(found('ex01')).toEqual(['ex01', 'san-l1', 'ex01-logs'])
    expect(found('EX')).toEqual(['ex01', 'ex10', 'san-l1', 'mbx-a', 'ex01-logs'])
    expect(found('san')).toEqual(['san', 'san-l1'])
  })

  it('needs every word, each found in the name, the id or what and where the entity is', () => {
    expect(found('ex01 logs')).toEqual(['san-l1', 'ex01-logs'])
    expect(found('logs fixed')).toEqual(['ex01-logs'])
    expect(found('disk hv01')).toEqual(['hv01-d0'])
    expect(found('ex01 nothing')).toEqual([])
  })

  it('says what each match is and where, as the Inspector does', () => {
    const all = ['hv01', 'mbx01', 'hv01-d0', 'ex01', 'ex01-logs', 'san', 'san-l1'].flatMap((id) => findEntities(estate, id).matches)
    const labels = Object.fromEntries(all.map((m) => [m.id, [m.kind, m.label]]))
    expect(labels).toMatchObject({
      'hv01': ['host', 'Host'],
      'mbx01': ['host', 'Bare-metal server'],
      'hv01-d0': ['physical-disk', 'Physical disk of HV01'],
      'ex01': ['vm', 'Virtual machine on HV01'],
      'ex01-logs': ['virtual-disk', 'Fixed VHD of EX01'],
      'san': ['storage-array', 'Storage array'],
      'san-l1': ['lun', 'LUN of SAN01'],
    })
  })

  it('finds servers by what they run: Exchange roles and cluster, and a host by its cluster and hypervisor', () => {
    const dag = { version: '2019' as const, update: 'cu15', roles: ['mailbox' as const], cluster: { kind: 'dag' as const, id: 'dag1' } }
    const running = plan({
      hosts: [
        host({ id: 'hv01', name: 'HV01', hypervisor: 'hyper-v-2019', cluster: 'hvc1', vms: [vm({ id: 'a', name: 'A', exchange: dag }), vm({ id: 'b', name: 'B', exchange: null })] }),
        host({ id: 'bm', name: 'BM', hypervisor: 'none', parent: { ...host({ id: 'x' }).parent, exchange: { ...dag, roles: ['edge-transport'], cluster: null } } }),
      ],
    })
    const ids = (query: string) => findEntities(running, query).matches.map((m) => m.id)
    expect(ids('dag1')).toEqual(['a'])
    expect(ids('mailbox')).toEqual(['a'])
    expect(ids('edge')).toEqual(['bm'])
    expect(ids('hvc1')).toEqual(['hv01'])
    expect(ids('2019 hyper-v')).toEqual(['hv01'])
  })

  it('reads each plan afresh: an edited plan (a new object) is searched as it now is', () => {
    expect(found('EX10')).toEqual(['ex10'])
    const renamed = { ...estate, hosts: [{ ...estate.hosts[0]!, vms: estate.hosts[0]!.vms.map((v) => (v.id === 'ex10' ? { ...v, name: 'CAS10' } : v)) }, estate.hosts[1]!] }
    expect(findEntities(renamed, 'CAS10').matches.map((m) => m.id)).toEqual(['ex10'])
    // Its id is still ex10: found by it, under its new name.
    expect(findEntities(renamed, 'EX10').matches.map((m) => [m.id, m.name])).toEqual([['ex10', 'CAS10']])
  })

  it('counts every match beyond the limit, and finds nothing for an empty query', () => {
    expect(findEntities(estate, 'ex', 2)).toMatchObject({ total: 5, matches: [{ id: 'ex01' }, { id: 'ex10' }] })
    expect(findEntities(estate, '   ')).toEqual({ matches: [], total: 0 })
  })
})
