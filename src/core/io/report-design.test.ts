import { describe, expect, it } from 'vitest'
import { edit, first, host, lun, physicalDisk, soundPlan, storageArray, virtualDisk } from '../testing/plan-builder.ts'
import { designTables } from './report-design.ts'

/** The cells of a table row, split on the pipes Markdown would split on (not the escaped ones). */
const cellsOf = (row: string) => row.split(/(?<!\\)\|/).slice(1, -1).map((cell) => cell.trim())
/** The rows (head included) of the table under `heading`. */
function table(lines: string[], heading: string): string[][] {
  const start = lines.findIndex((line) => line.startsWith(heading))
  const rows: string[][] = []
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break
    if (!line.startsWith('|---')) rows.push(cellsOf(line))
  }
  return rows
}

const plan = edit(soundPlan(), (d) => {
  const { host: hv, vm } = first(d)
  vm.name = 'EX01'
  vm.exchange = { version: '2010', update: 'sp1', roles: ['mailbox', 'client-access'], cluster: { kind: 'dag', id: 'dag1' } }
  vm.disks.push(virtualDisk({ id: 'ex01-arch', name: 'Archive', kind: 'iscsi-guest', controller: null, backing: 'l1', sizeGB: 200, contents: ['other'] }))
  vm.disks.push(virtualDisk({ id: 'ex01-new', name: 'New', kind: 'dynamic-vhdx', controller: 'scsi1', backing: null, sizeGB: 50 }))
  hv.name = 'HV01'
  d.storage.push(storageArray({ id: 'san', name: 'SAN01', protocol: 'iscsi', luns: [lun({ id: 'l1', name: 'Archive LUN', sizeGB: 1024 })] }))
  const bare = host({ id: 'mbx', name: 'MBX01', hypervisor: 'none', disks: [physicalDisk({ id: 'mbx-db', name: 'DB', sizeGB: 600, lun: 'l1', contents: ['database'] })] })
  bare.parent.exchange = { version: '2010', update: 'sp1', roles: ['mailbox'], cluster: { kind: 'dag', id: 'dag1' } }
  d.hosts.push(bare)
})

describe('designTables', () => {
  const lines = designTables(plan)

  it('lists every host with its hypervisor, hardware and what its VMs take of it', () => {
    const hosts = table(lines, '### Hosts (2)')
    expect(hosts[0]).toEqual(['Host', 'Hypervisor', 'Hardware', 'Host cluster', 'Memory used', 'Virtual processors', 'Disks'])
    const hv = first(plan).host
    expect(hosts[1]!.slice(0, 6)).toEqual(['HV01', 'Windows Server 2008 Hyper-V', `${hv.hardware.sockets} × ${hv.hardware.coresPerSocket} cores, ${hv.hardware.ramGB} GB RAM`, '—',
      `${first(plan).vm.ramGB + 2} GB of ${hv.hardware.ramGB} GB`, `${first(plan).vm.vcpus + 2} on ${hv.hardware.sockets * hv.hardware.coresPerSocket} cores`])
    expect(hosts[2]!.slice(0, 6)).toEqual(['MBX01', 'None (bare metal)', expect.any(String), '—', '—', '—'])
    expect(hosts[2]![6]).toBe('DB: 600 GB, Archive LUN of SAN01 (Database)')
  })

  it('lists every server, VMs and physical ones, with Exchange, cluster and where each disk is', () => {
    const servers = table(lines, '### Servers (2)')
    expect(servers[1]!.slice(0, 2)).toEqual(['EX01', 'VM on HV01'])
    expect(servers[1]![5]).toBe('Exchange Server 2010 SP1: Mailbox, Client Access; DAG (database availability group) dag1')
    expect(servers[1]![6]).toContain('Archive: iSCSI disk (guest initiator), 200 GB, on Archive LUN of SAN01 (Other)')
    expect(servers[1]![6]).toContain('New: Dynamic VHDX, 50 GB, SCSI 1, not connected')
    expect(servers[2]!.slice(0, 3)).toEqual(['MBX01', 'Physical server', 'Windows Server Enterprise'])
    // A physical server's disks are its host's own: listed in its server row too.
    expect(servers[2]![6]).toBe('DB: 600 GB, Archive LUN of SAN01 (Database)')
  })

  it('lists the storage arrays and their LUNs', () => {
    expect(table(lines, '### Storage arrays (1)')).toEqual([['Array', 'Protocol', 'LUNs'], ['SAN01', 'iSCSI', 'Archive LUN: 1,024 GB']])
  })

  it('escapes names, so no name can break a table', () => {
    const nasty = edit(plan, (d) => { first(d).vm.name = 'EX|01' })
    const servers = table(designTables(nasty), '### Servers')
    expect(servers[1]![0]).toBe('EX\\|01')
    expect(servers.every((row) => row.length === 7)).toBe(true)
  })
})
