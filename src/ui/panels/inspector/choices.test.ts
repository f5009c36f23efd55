import { describe, expect, it } from 'vitest'
import { applyEdits, type DiskKind, type Edit, type ExchangeInstall, type Host, type VirtualDisk } from '../../../core/index.ts'
import { edit, first, host, lun, physicalDisk, plan, soundPlan, storageArray, virtualDisk, vm } from '../../../core/testing/plan-builder.ts'
import { backingChoices, backupMethodChoices, ownOsBackupChoices, sameNameNote, guestToolsField, clusterMismatch, clusterNotInVersion, moreVcpusThanHost, editionNote, hasChoice, hostFlags, hypervisorChange, kindChangeEdits, kindChangeLosses, lunChoices, mobilityChoices, offlineBackingNote, offlineHostDiskNote, rolesNotInVersion, updateChoices, versionChangeLoss, withVersion } from './choices.ts'

const san = storageArray({ id: 'san', name: 'SAN', protocol: 'iscsi', luns: [lun({ id: 'l1', name: 'DB LUN', sizeGB: 500 })] })
const hv1 = host({
  id: 'hv1', name: 'HV1',
  disks: [physicalDisk({ id: 'd1', name: 'Disk 1', sizeGB: 300, online: true }), physicalDisk({ id: 'd2', name: 'Disk 2', sizeGB: 100 })],
})
const hv2 = host({ id: 'hv2', disks: [physicalDisk({ id: 'other' })] })
const estate = plan({ hosts: [hv1, hv2], storage: [san, storageArray({ id: 'empty' })] })

describe('backingChoices', () => {
  it('offers the disks of the VM\'s own host for VHD and pass-through kinds', () => {
    expect(backingChoices(estate, hv1, { kind: 'fixed-vhd' })).toEqual([
      { value: '', label: 'Not connected' },
      { group: 'Disks of HV1', options: [{ value: 'd1', label: 'Disk 1 · 300 GB' }, { value: 'd2', label: 'Disk 2 · 100 GB (offline)' }] },
    ])
    expect(hasChoice(backingChoices(estate, hv1, { kind: 'pass-through' }), 'other')).toBe(false)
  })

  it('marks a host disk another VM has passed through, for every disk but that one', () => {
    const taken = plan({ hosts: [{ ...hv1, vms: [
      vm({ id: 'ex1', name: 'EX1', disks: [virtualDisk({ id: 'ex1-db', kind: 'pass-through', backing: 'd2' }), virtualDisk({ id: 'ex1-vhd', kind: 'fixed-vhd', backing: 'd1' })] }),
    ] }] })
    const labels = (disk: { kind: DiskKind; id?: string }) => (backingChoices(taken, taken.hosts[0]!, disk)[1] as { options: { label: string }[] }).options.map((o) => o.label)
    expect(labels({ kind: 'pass-through', id: 'ex2-db' })).toEqual(['Disk 1 · 300 GB', 'Disk 2 · 100 GB (offline) · passed through to EX1'])
    expect(labels({ kind: 'fixed-vhd' })).toEqual(['Disk 1 · 300 GB', 'Disk 2 · 100 GB (offline) · passed through to EX1'])
    expect(labels({ kind: 'pass-through', id: 'ex1-db' })).toEqual(['Disk 1 · 300 GB', 'Disk 2 · 100 GB (offline)'])
  })

  it('offers LUNs, grouped by array, for guest-attached kinds', () => {
    const items = backingChoices(estate, hv1, { kind: 'iscsi-guest' })
    expect(items).toEqual([{ value: '', label: 'Not connected' }, ...lunChoices(estate)])
    expect(lunChoices(estate)).toEqual([{ group: 'SAN (iSCSI)', options: [{ value: 'l1', label: 'DB LUN · 500 GB' }] }])
    expect(hasChoice(items, 'd1')).toBe(false)
  })
})

describe('updateChoices', () => {
  it('lists service packs up to 2010 and cumulative updates from 2013', () => {
    expect(updateChoices('2007').map((c) => c.label)).toEqual(['RTM', 'SP1', 'SP2', 'SP3'])
    expect(updateChoices('2003').map((c) => c.value)).toEqual(['rtm', 'sp1', 'sp2'])
    expect(updateChoices('2016').slice(0, 3).map((c) => c.label)).toEqual(['RTM', 'CU1', 'CU2'])
    expect(updateChoices('2013').slice(3, 6).map((c) => c.label)).toEqual(['CU3', 'CU4 (SP1)', 'CU5'])
    expect(updateChoices('2016')[4]!.label).toBe('CU4')
  })

  it('ends at the last cumulative update each version shipped', () => {
    expect(updateChoices('2013').at(-1)?.label).toBe('CU23')
    expect(updateChoices('2016').at(-1)?.label).toBe('CU23')
    expect(updateChoices('2019').at(-1)?.label).toBe('CU15')
    expect(updateChoices('se').map((c) => c.label)).toEqual(['RTM', 'CU1', 'CU2'])
  })

  it('keeps an unusual current value', () => {
    expect(updateChoices('2019', 'cu77').at(-1)).toEqual({ value: 'cu77', label: 'CU77' })
  })

  it('keeps the update across versions that have it, else falls back to RTM', () => {
    const install: ExchangeInstall = { version: '2007', update: 'sp1', roles: ['mailbox'], cluster: null }
    expect(withVersion(install, '2010').update).toBe('sp1')
    expect(withVersion(install, '2016')).toEqual({ ...install, version: '2016', update: 'rtm' })
  })
})

describe('kindChangeEdits', () => {
  const on = (disk: VirtualDisk) => plan({
    hosts: [{ ...hv1, vms: [vm({ id: 'ex', disks: [disk] })] }], storage: [san],
  })
  const after = (disk: VirtualDisk, kind: DiskKind) => {
    const result = applyEdits(on(disk), kindChangeEdits(disk, kind))
    if (!result.ok) throw new Error(result.problems[0]?.message)
    return result.value.hosts[0]!.vms[0]!.disks[0]!
  }

  it('keeps the backing and controller within the same sort of disk', () => {
    const disk = virtualDisk({ id: 'v', kind: 'dynamic-vhd', backing: 'd1', controller: 'scsi1' })
    expect(after(disk, 'fixed-vhd')).toMatchObject({ kind: 'fixed-vhd', backing: 'd1', controller: 'scsi1' })
  })

  it('disconnects a host disk and drops the controller for a guest initiator', () => {
    const disk = virtualDisk({ id: 'v', kind: 'fixed-vhd', backing: 'd1', controller: 'scsi0' })
    expect(after(disk, 'iscsi-guest')).toMatchObject({ kind: 'iscsi-guest', backing: null, controller: null })
  })

  it('disconnects a LUN and picks a controller when leaving a guest initiator', () => {
    const data = virtualDisk({ id: 'v', kind: 'fc-guest', backing: 'l1', controller: null })
    expect(after(data, 'pass-through')).toMatchObject({ kind: 'pass-through', backing: null, controller: 'scsi0' })
    const boot = { ...data, contents: ['os' as const] }
    expect(after(boot, 'fixed-vhd')).toMatchObject({ controller: 'ide0' })
  })
})

describe('kindChangeLosses and versionChangeLoss', () => {
  const on = (disk: VirtualDisk) => plan({ hosts: [{ ...hv1, vms: [vm({ id: 'ex', disks: [disk] })] }], storage: [san] })

  it('say what a kind change disconnects or takes off, and nothing when it takes nothing', () => {
    const vhd = virtualDisk({ id: 'v', name: 'Logs', kind: 'fixed-vhd', backing: 'd1', controller: 'scsi0' })
    expect(kindChangeLosses(vhd, 'iscsi-guest', on(vhd))).toBe(
      'Logs is now an iSCSI disk (guest initiator), so it was disconnected from Disk 1 and taken off SCSI 0: the guest reaches its LUN through its own initiator; choose the LUN under Storage.')
    expect(kindChangeLosses(vhd, 'fc-guest', on(vhd))).toMatch(/: the guest reaches its LUN through its own Fibre Channel adapter; choose the LUN under Storage\.$/)
    const guest = virtualDisk({ id: 'v', name: 'Data', kind: 'fc-guest', backing: 'l1', controller: null })
    expect(kindChangeLosses(guest, 'pass-through', on(guest))).toBe(
      'Data is now a pass-through disk, so it was disconnected from DB LUN: its data lives on a host disk; choose it under Storage.')
    expect(kindChangeLosses(vhd, 'dynamic-vhd', on(vhd))).toBeNull()
    expect(kindChangeLosses({ ...vhd, backing: null, controller: null }, 'iscsi-guest', on(vhd))).toBeNull()
  })

  it('say when a version change resets the update the new version has not', () => {
    const install: ExchangeInstall = { version: '2007', update: 'sp3', roles: ['mailbox'], cluster: null }
    expect(versionChangeLoss(install, '2013')).toBe('The update is now RTM: Exchange Server 2013 is updated by cumulative updates, not service packs (its SP1 is CU4): choose its update under Update.')
    expect(versionChangeLoss(install, '2016')).toBe('The update is now RTM: Exchange Server 2016 is updated by cumulative updates, not service packs: choose its update under Update.')
    expect(versionChangeLoss({ ...install, version: '2016', update: 'cu23' }, '2019')).toBe('The update is now RTM: Exchange Server 2019 has no CU23.')
    expect(versionChangeLoss({ ...install, version: '2016', update: 'cu5' }, '2010')).toBe('The update is now RTM: Exchange Server 2010 has no CU5.')
    expect(versionChangeLoss({ ...install, update: 'rtm' }, '2013')).toBeNull()
  })
})

describe('rolesNotInVersion', () => {
  const install = (version: ExchangeInstall['version'], roles: ExchangeInstall['roles']): ExchangeInstall => ({ version, update: 'rtm', roles, cluster: null })
  it('says which roles a version does not have, and where their work went', () => {
    expect(rolesNotInVersion(install('2016', ['mailbox', 'client-access', 'hub-transport'])))
      .toBe('Exchange Server 2016 has no Client Access and Hub Transport roles: its client access, transport and Unified Messaging run as services of the Mailbox role.')
    expect(rolesNotInVersion(install('2013', ['mailbox', 'unified-messaging']))).toMatch(/^Exchange Server 2013 has no Unified Messaging role: /)
    expect(rolesNotInVersion(install('2003', ['mailbox', 'hub-transport', 'unified-messaging'])))
      .toBe('Exchange Server 2003 has no Hub Transport and Unified Messaging roles: its servers are back-end (Mailbox) or front-end (Client Access) servers, and server roles came with Exchange Server 2007.')
  })

  it('says nothing where the version has every role listed', () => {
    expect(rolesNotInVersion(install('2010', ['mailbox', 'client-access', 'hub-transport', 'edge-transport', 'unified-messaging']))).toBeNull()
    expect(rolesNotInVersion(install('2019', ['mailbox']))).toBeNull()
    expect(rolesNotInVersion(install('2003', ['mailbox', 'client-access']))).toBeNull()
    expect(rolesNotInVersion(install('2013', ['mailbox', 'client-access', 'edge-transport']))).toBeNull()
  })
})

describe('offline host disks', () => {
  const files = host({
    id: 'hv9', name: 'HV9',
    disks: [physicalDisk({ id: 'up', name: 'Disk 1', online: true }), physicalDisk({ id: 'down', name: 'Disk 2', online: false })],
    vms: [vm({ id: 'ex9', name: 'EX9', disks: [
      virtualDisk({ id: 'a', name: 'Boot', kind: 'fixed-vhd', backing: 'down' }),
      virtualDisk({ id: 'b', name: 'Data', kind: 'dynamic-vhdx', backing: 'down' }),
      virtualDisk({ id: 'c', name: 'Logs', kind: 'pass-through', backing: 'down' }),
      virtualDisk({ id: 'd', name: 'Queue', kind: 'fixed-vhd', backing: 'up' }),
    ] })],
  })
  const [boot, data, logs, queue] = files.vms[0]!.disks

  it('notes a VHD file on an offline disk, not a pass-through disk (which must be offline) or a file on an online one', () => {
    expect(offlineBackingNote(files, boot!)).toBe("HV9's Disk 2 is offline in Disk Management: the host cannot keep this file on it until the disk is brought online.")
    expect(offlineBackingNote(files, data!)).not.toBeNull()
    expect(offlineBackingNote(files, logs!)).toBeNull()
    expect(offlineBackingNote(files, queue!)).toBeNull()
  })

  it('notes on the offline host disk whose files it is to hold', () => {
    expect(offlineHostDiskNote(files, files.disks[1]!)).toBe("Offline in Disk Management, yet it is to hold the virtual disk files of EX9's Boot and EX9's Data: the host can keep files only on a disk that is online.")
    expect(offlineHostDiskNote(files, files.disks[0]!)).toBeNull()
    // The host's own system disk offline: nothing of the host could run.
    const system = { ...files.disks[0]!, online: false, contents: ['os' as const, 'vm-files' as const] }
    expect(offlineHostDiskNote(files, system)).toBe("Offline in Disk Management, yet it is to hold HV9's own operating system: HV9 can keep files only on a disk that is online, and Windows does not take its system disk offline.")
  })
})

describe('editionNote', () => {
  it('says that Windows Server 2012 and later have no Enterprise edition, and nothing otherwise', () => {
    const server = (hypervisor: Parameters<typeof host>[0]['hypervisor'], edition: 'enterprise' | 'datacenter') => {
      const made = host({ id: 'hv01', name: 'HV01', hypervisor })
      return { ...made, parent: { ...made.parent, edition } }
    }
    expect(editionNote(server('hyper-v-2016', 'enterprise'))).toBe('HV01 runs Windows Server 2016 Hyper-V: Windows Server 2012 and later have no Enterprise edition; choose Standard or Datacenter.')
    expect(editionNote(server('hyper-v-2016', 'datacenter'))).toBeNull()
    expect(editionNote(server('hyper-v-2008-r2', 'enterprise'))).toBeNull()
  })

  it('says a bare-metal server cannot run the free Hyper-V Server, nor have the Hyper-V role without a hypervisor', () => {
    const bare = host({ id: 'srv', name: 'SRV02', hypervisor: 'none' })
    expect(editionNote({ ...bare, parent: { ...bare.parent, edition: 'hyper-v-server' } })).toMatch(/^SRV02 is a bare-metal server, and Hyper-V Server \(free\) is only a hypervisor/)
    expect(editionNote({ ...bare, parent: { ...bare.parent, roles: ['hyper-v'] } })).toMatch(/^SRV02 has the Hyper-V role but runs no hypervisor/)
    expect(editionNote({ ...bare, parent: { ...bare.parent, roles: [] } })).toBeNull()
    const hv = host({ id: 'hv', name: 'HV1' })
    expect(editionNote({ ...hv, parent: { ...hv.parent, edition: 'hyper-v-server', roles: ['hyper-v'] } })).toBeNull()
  })
})

describe('clusterNotInVersion', () => {
  const install = (version: ExchangeInstall['version'], kind: 'ccr' | 'scc' | 'dag' | 'windows'): ExchangeInstall =>
    ({ version, update: 'rtm', roles: ['mailbox'], cluster: { kind, id: 'c1' } })
  it('says which cluster kinds a version does not have', () => {
    expect(clusterNotInVersion(install('2016', 'ccr'))).toBe('Exchange Server 2016 has no CCR clusters: from Exchange Server 2010 on, database copies are kept in a DAG.')
    expect(clusterNotInVersion(install('2007', 'dag'))).toBe('Exchange Server 2007 has no database availability groups: DAGs came with Exchange Server 2010.')
    expect(clusterNotInVersion(install('2003', 'ccr'))).toBe('Exchange Server 2003 has no CCR clusters: they came with Exchange Server 2007.')
    for (const ok of [install('2007', 'ccr'), install('2007', 'scc'), install('2010', 'dag'), install('2019', 'dag'), install('2003', 'windows'), install('2003', 'scc')]) expect(clusterNotInVersion(ok)).toBeNull()
  })
})

describe('clusterMismatch', () => {
  const install = (version: ExchangeInstall['version'], kind: 'ccr' | 'dag', id = 'dag1'): ExchangeInstall =>
    ({ version, update: 'rtm', roles: ['mailbox'], cluster: { kind, id } })
  const withServers = (...installs: ExchangeInstall[]) => plan({
    hosts: [host({ id: 'hv1', name: 'HV1', vms: installs.map((exchange, i) => vm({ id: `mbx${i + 1}`, name: `MBX${i + 1}`, exchange })) })],
  })

  it('names the members of the same cluster that run another Exchange version', () => {
    const estate = withServers(install('2019', 'dag'), install('2016', 'dag'), install('2019', 'dag'))
    expect(clusterMismatch(estate, 'mbx1', install('2019', 'dag'))).toBe('DAG "dag1" also has MBX2 (Exchange Server 2016): the members of one cluster run one Exchange version.')
    expect(clusterMismatch(estate, 'mbx2', install('2016', 'dag'))).toBe('DAG "dag1" also has MBX1 (Exchange Server 2019) and MBX3 (Exchange Server 2019): the members of one cluster run one Exchange version.')
  })

  it('names a server with the same cluster ID in another kind of cluster, and says nothing where members agree', () => {
    const estate = withServers(install('2007', 'ccr', 'c1'), install('2007', 'dag', 'c1'))
    expect(clusterMismatch(estate, 'mbx1', install('2007', 'ccr', 'c1'))).toBe('MBX2 is in "c1" as a DAG: give this CCR cluster another ID, or make them one kind.')
    const agreeing = withServers(install('2019', 'dag'), install('2019', 'dag'))
    expect(clusterMismatch(agreeing, 'mbx1', install('2019', 'dag'))).toBeNull()
    expect(clusterMismatch(agreeing, 'mbx1', { ...install('2019', 'dag'), cluster: null })).toBeNull()
  })

  it('takes Exchange 2019 and SE as one release, as exchange-cluster-members-match does (SE joins a 2019 DAG)', () => {
    const rolling = withServers(install('2019', 'dag'), install('se', 'dag'))
    expect(clusterMismatch(rolling, 'mbx1', install('2019', 'dag'))).toBeNull()
    expect(clusterMismatch(rolling, 'mbx2', install('se', 'dag'))).toBeNull()
  })
})

describe('moreVcpusThanHost', () => {
  const on = (vcpus: number, hypervisor: Host['hypervisor'] = 'hyper-v-2019') => {
    const hv = host({ id: 'hv', name: 'HV1', hypervisor })
    hv.hardware = { ...hv.hardware, sockets: 1, coresPerSocket: 8, threadsPerCore: 2 }
    return [hv, vm({ id: 'ex', name: 'EX01', vcpus })] as const
  }

  it('notes a VM with more virtual processors than its host has logical ones', () => {
    expect(moreVcpusThanHost(...on(17))).toBe('EX01 has 17 virtual processors and HV1 16 logical processors: Windows Server 2019 Hyper-V does not start a VM with more virtual processors than its host has logical ones.')
  })

  it('says nothing up to the host\'s logical processors, hyper-threads counted', () => {
    expect(moreVcpusThanHost(...on(16))).toBeNull()
  })
})

describe('mobilityChoices', () => {
  const labels = (...args: Parameters<typeof mobilityChoices>) => mobilityChoices(...args).map((choice) => choice.label)

  it('offers each hypervisor its own ways to move VMs, in its own words', () => {
    expect(labels('hyper-v-2012-r2', 'none')).toEqual(['None', 'Quick Migration', 'Live Migration'])
    expect(labels('hyper-v-2008', 'none')).toEqual(['None', 'Quick Migration'])
    expect(labels('vmware-esx', 'none')).toEqual(['None', 'vMotion'])
    expect(labels('third-party', 'none')).toEqual(['None', 'Live migration'])
    expect(labels('virtual-server-2005-r2-sp1', 'none')).toEqual(['None'])
  })

  it('keeps a value the plan holds, marked, where the hypervisor has no such thing', () => {
    expect(mobilityChoices('vmware-esx', 'quick-migration')).toEqual([
      { value: 'none', label: 'None' },
      { value: 'quick-migration', label: 'Quick Migration (not on VMware ESX)' },
      { value: 'live-migration', label: 'vMotion' },
    ])
    expect(labels('hyper-v-2008', 'live-migration')).toEqual(['None', 'Quick Migration', 'Live Migration (not on Windows Server 2008 Hyper-V)'])
  })
})

describe('hypervisorChange', () => {
  const hv = (over: Partial<Host> = {}) => ({ ...first(soundPlan()).host, ...over })
  const fields = (edits: Edit[]) => Object.fromEntries(edits.map((edit) => [(edit as { field: string }).field, (edit as { value: unknown }).value]))

  it('keeps the Hyper-V role on the host OS exactly when the host runs Hyper-V', () => {
    const host = hv({ mobility: 'none' })
    expect(fields(hypervisorChange(host, 'vmware-esx').edits)).toEqual({ hypervisor: 'vmware-esx', 'parent.roles': [] })
    const esx = { ...host, hypervisor: 'vmware-esx' as const, parent: { ...host.parent, roles: [] } }
    expect(fields(hypervisorChange(esx, 'hyper-v-2016').edits)).toEqual({ hypervisor: 'hyper-v-2016', 'parent.roles': ['hyper-v'] })
    expect(hypervisorChange(host, 'vmware-esx').note).toBe('HV01 now runs VMware ESX, so the Hyper-V role is off (it has no Windows host OS).')
    expect(hypervisorChange(host, 'hyper-v-2008-r2').note).toBeNull()
  })

  it('refuses a bare-metal server for a host with VMs, saying why from the host; without VMs, says what it became', () => {
    expect(hypervisorChange(hv(), 'none')).toEqual({ edits: [], note: null, refused: 'HV01 runs EX01, a VM, so it cannot become a bare-metal server: move it to another host, or delete it, first.' })
    const two = hv({ vms: [...hv().vms, { ...hv().vms[0]!, id: 'ex02', name: 'EX02' }] })
    expect(hypervisorChange(two, 'none').refused).toBe('HV01 runs 2 VMs, so it cannot become a bare-metal server: move them to another host, or delete them, first.')
    expect(hypervisorChange(hv({ vms: [] }), 'none').note).toMatch(/^HV01 is now a bare-metal server, so /)
  })

  it('makes a Virtual Server host a full installation, and moves VMs the nearest way the new hypervisor has', () => {
    const host = hv({ mobility: 'quick-migration', parent: { ...first(soundPlan()).host.parent, installation: 'core' } })
    expect(fields(hypervisorChange(host, 'virtual-server-2005-r2-sp1').edits)).toEqual({
      hypervisor: 'virtual-server-2005-r2-sp1', 'parent.roles': [], 'parent.installation': 'full', mobility: 'none',
    })
    expect(hypervisorChange(host, 'virtual-server-2005-r2-sp1').note).toBe('HV01 now runs Virtual Server 2005 R2 SP1, so its host OS no longer has the Hyper-V role, its host OS is a full installation (Server Core came with Windows Server 2008) and it no longer moves running VMs.')
    expect(fields(hypervisorChange(host, 'vmware-esx').edits).mobility).toBe('live-migration')
    expect(hypervisorChange(host, 'vmware-esx').note).toBe('HV01 now runs VMware ESX, so the Hyper-V role is off (it has no Windows host OS) and it moves VMs by vMotion.')
    expect(fields(hypervisorChange({ ...host, mobility: 'live-migration' }, 'hyper-v-2008').edits).mobility).toBe('quick-migration')
  })

  it('puts the flags of the hypervisor left behind back to their defaults, so none stays in the file unseen', () => {
    const esx = hv({ hypervisor: 'vmware-esx', svvpValidated: true, mobility: 'none', parent: { ...first(soundPlan()).host.parent, roles: [] } })
    expect(fields(hypervisorChange(esx, 'hyper-v-2019').edits)).toEqual({ hypervisor: 'hyper-v-2019', 'parent.roles': ['hyper-v'], svvpValidated: false })
    expect(hypervisorChange(esx, 'hyper-v-2019').note).toBe('HV01 now runs Windows Server 2019 Hyper-V, so its host OS has the Hyper-V role and it is no longer marked SVVP validated (a mark for VMware ESX and other third-party hypervisors).')
    expect(fields(hypervisorChange(esx, 'third-party').edits)).not.toHaveProperty('svvpValidated')
    const beforeRtm = hv({ hypervisor: 'hyper-v-2008', hyperVRtmUpdate: false, mobility: 'none' })
    expect(fields(hypervisorChange(beforeRtm, 'hyper-v-2008-r2').edits)).toEqual({ hypervisor: 'hyper-v-2008-r2', hyperVRtmUpdate: true })
    expect(hypervisorChange(beforeRtm, 'hyper-v-2008-r2').note).toBe('HV01 now runs Windows Server 2008 R2 Hyper-V, so the Hyper-V RTM update, which only Windows Server 2008 Hyper-V lacked at first, counts as installed.')
  })
})

describe('hostFlags', () => {
  const hv = (over: Partial<Host>) => ({ ...first(soundPlan()).host, ...over })
  const shown = (host: Host) => hostFlags(host).map((flag) => `${flag.field}${flag.note ? ' (noted)' : ''}`)

  it('shows each hypervisor\'s flag on its hosts, and a flag a file set elsewhere with a note', () => {
    expect(shown(hv({ hypervisor: 'hyper-v-2019' }))).toEqual([])
    expect(shown(hv({ hypervisor: 'vmware-esx' }))).toEqual(['svvpValidated'])
    expect(shown(hv({ hypervisor: 'third-party' }))).toEqual(['svvpValidated'])
    expect(shown(hv({ hypervisor: 'hyper-v-2008' }))).toEqual(['hyperVRtmUpdate'])
    expect(shown(hv({ hypervisor: 'hyper-v-2019', svvpValidated: true, hyperVRtmUpdate: false }))).toEqual(['svvpValidated (noted)', 'hyperVRtmUpdate (noted)'])
    expect(hostFlags(hv({ hypervisor: 'hyper-v-2016', svvpValidated: true }))[0]).toEqual({
      field: 'svvpValidated', label: 'SVVP validated', note: 'Set in this plan, though only VMware ESX and other third-party hypervisors are SVVP validated.',
    })
  })
})

describe('guestToolsField and backupMethodChoices', () => {
  it('keeps the format\'s name for a VM\'s guest tools, notes its hypervisor\'s own, and offers the levels it has', () => {
    expect(guestToolsField('hyper-v-2008', 'rtm')).toEqual({ label: 'Integration components', note: null, choices: [
      { value: 'none', label: 'Not installed' }, { value: 'beta', label: 'Beta (pre-release)' }, { value: 'rtm', label: 'RTM' },
    ] })
    expect(guestToolsField('hyper-v-2016', 'rtm').note).toBe('Windows Server 2016 Hyper-V calls them Integration services.')
    expect(guestToolsField('vmware-esx', 'rtm')).toEqual({
      label: 'Integration components', note: 'VMware ESX calls them VMware Tools.', choices: [{ value: 'none', label: 'Not installed' }, { value: 'rtm', label: 'Installed' }],
    })
    expect(guestToolsField('virtual-server-2005-r2-sp1', 'none').note).toMatch(/calls them Virtual Machine Additions\.$/)
    expect(guestToolsField('vmware-esx', 'beta').choices.map((choice) => choice.label)).toEqual(['Not installed', 'Pre-release (not on VMware ESX)', 'Installed'])
  })

  it('calls a host-level VSS backup Hyper-V\'s only under Hyper-V', () => {
    const hostVss = (hypervisor: Parameters<typeof backupMethodChoices>[0]) => backupMethodChoices(hypervisor).find((choice) => choice.value === 'host-vss')!.label
    expect(hostVss('hyper-v-2012-r2')).toBe('Hyper-V VSS from the host')
    expect(hostVss('vmware-esx')).toBe('VSS-quiesced image from the host (vSphere)')
    expect(hostVss('virtual-server-2005-r2-sp1')).toBe('Virtual Server VSS from the host')
    expect(hostVss(null)).toBe('Hyper-V VSS from the host')
  })

  it('offers a bare-metal server no host-level backup, unless its plan has one (its finding says why)', () => {
    const bare = host({ id: 'bm', hypervisor: 'none' })
    const values = (method: Parameters<typeof ownOsBackupChoices>[1], on = bare) => ownOsBackupChoices(on, method).map((choice) => `${choice.value}: ${choice.label}`)
    expect(values('agent')).toEqual(['none: No backup', 'agent: Exchange-aware agent in the OS', 'host-file-copy: File copy (not Exchange-aware)'])
    expect(values('host-vss')).toContain('host-vss: Hyper-V VSS from a host (there is none)')
    // A Hyper-V host's own OS can be backed up by a VSS backup on itself.
    expect(values('agent', host({ id: 'hv' }))).toContain('host-vss: Hyper-V VSS from the host')
    expect(values('agent', host({ id: 'vs', hypervisor: 'virtual-server-2005-r2-sp1' }))).toContain('host-vss: VSS backup of the host itself')
  })
})

describe('sameNameNote', () => {
  it('names the other servers of the same name, hosts and VMs alike, and nothing for a name of its own', () => {
    const plan = edit(soundPlan(), (d) => {
      d.hosts.push(host({ id: 'hv02', name: 'HV02', vms: [vm({ id: 'ex02', name: 'EX01' })] }), host({ id: 'bm', name: 'EX01', hypervisor: 'none' }))
    })
    expect(sameNameNote(plan, 'ex01', 'EX01')).toBe('the VM ex02 on HV02 ("EX01") and the bare-metal server bm ("EX01") have this name too, as Windows compares names (case and spaces aside): findings and the diagram will name them all alike, and on one network they clash. Give each server a name of its own.')
    // Case and spaces around a name do not make it another.
    expect(sameNameNote(plan, 'ex03', ' ex01 ')).toMatch(/^the VM ex01 on HV01 \("EX01"\), the VM ex02 on HV02 \("EX01"\) and the bare-metal server bm \("EX01"\) have this name too/)
    expect(sameNameNote(plan, 'hv02', 'HV02')).toBeNull()
  })
})
