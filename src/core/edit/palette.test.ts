import { describe, expect, it } from 'vitest'
import { loadPlanValue } from '../io/load.ts'
import { edit, first, host, plan, soundPlan } from '../testing/plan-builder.ts'
import type { Host, Vm } from '../model/plan.ts'
import { applyEdit } from './edits.ts'
import { PALETTE, placeItem, uniqueId } from './palette.ts'

const place = (p: ReturnType<typeof soundPlan>, kind: Parameters<typeof placeItem>[1], target: Parameters<typeof placeItem>[2]) => {
  const placement = placeItem(p, kind, target)
  if (!placement.ok) return { reason: placement.reason }
  const result = applyEdit(p, placement.edit)
  if (!result.ok) throw new Error(JSON.stringify(result.problems))
  expect(loadPlanValue(result.value).ok).toBe(true)
  return { plan: result.value, id: placement.id }
}

describe('placeItem', () => {
  it('offers every kind DESIGN.md names, in its order', () => {
    expect(PALETTE.map((item) => item.label)).toEqual(['Host', 'Bare-metal server', 'Virtual machine', 'Physical disk', 'Fixed VHD', 'Dynamic VHD',
      'Differencing VHD', 'Fixed VHDX', 'Dynamic VHDX', 'Pass-through disk', 'iSCSI disk', 'Fibre Channel disk', 'Storage array', 'LUN',
      'Mailbox', 'Client Access', 'Hub Transport', 'Edge Transport', 'Unified Messaging'])
  })

  it('puts hosts, servers and arrays on the canvas, with a parent partition and a system disk', () => {
    const added = place(plan(), 'host', { kind: 'canvas' })
    expect(added.plan!.hosts[0]).toMatchObject({ name: 'HV01', hypervisor: 'hyper-v-2008', parent: { roles: ['hyper-v'] } })
    expect(added.plan!.hosts[0]!.disks[0]!.contents).toEqual(['os'])
    const bare = place(added.plan!, 'bare-metal', { kind: 'canvas' })
    expect(bare.plan!.hosts[1]).toMatchObject({ name: 'SRV01', hypervisor: 'none' })
    expect(place(plan(), 'storage-array', { kind: 'canvas' }).plan!.storage).toHaveLength(1)
    expect(place(soundPlan(), 'host', { kind: 'entity', id: 'hv01' }).reason).toMatch(/empty canvas/)
  })

  it('walks up from the item under the pointer to the container that takes it', () => {
    expect(first(place(soundPlan(), 'vm', { kind: 'entity', id: 'ex01-db' }).plan!).host.vms).toHaveLength(2)
    expect(first(place(soundPlan(), 'vm', { kind: 'entity', id: 'parent:hv01' }).plan!).host.vms).toHaveLength(2)
    expect(first(place(soundPlan(), 'physical-disk', { kind: 'entity', id: 'ex01' }).plan!).host.disks).toHaveLength(5)
    const disk = place(soundPlan(), 'dynamic-vhd', { kind: 'entity', id: 'ex01-logs' })
    expect(first(disk.plan!).vm.disks.at(-1)).toMatchObject({ kind: 'dynamic-vhd', controller: 'scsi0', backing: null })
  })

  it('gives a VM its boot disk on IDE 0 first, and guest-attached disks no controller', () => {
    const p = edit(soundPlan(), (d) => { first(d).vm.disks = [] })
    expect(first(place(p, 'fixed-vhd', { kind: 'entity', id: 'ex01' }).plan!).vm.disks[0]).toMatchObject({ controller: 'ide0', contents: ['os', 'pagefile'] })
    expect(first(place(p, 'iscsi-guest', { kind: 'entity', id: 'ex01' }).plan!).vm.disks[0]).toMatchObject({ controller: null, contents: [] })
  })

  it('gives a new VM the guest OS its host\'s VMs run, or the Windows Server of its Hyper-V', () => {
    const newGuest = (p: ReturnType<typeof soundPlan>) => {
      const placed = place(p, 'vm', { kind: 'entity', id: 'hv01' })
      return placed.plan!.hosts[0]!.vms.find((vm) => vm.id === placed.id)!.guestOs
    }
    expect(newGuest(soundPlan())).toBe('ws2008-x64')
    expect(newGuest(edit(soundPlan(), (d) => { first(d).vm.guestOs = 'ws2008-r2-sp1' }))).toBe('ws2008-r2-sp1')
    const empty2016 = edit(soundPlan(), (d) => { first(d).host.hypervisor = 'hyper-v-2016'; first(d).host.vms = [] })
    expect(newGuest(empty2016)).toBe('ws2016')
    const emptyEsx = edit(soundPlan(), (d) => { first(d).host.hypervisor = 'vmware-esx'; first(d).host.vms = [] })
    expect(newGuest(emptyEsx)).toBe('ws2008-x64')
  })

  it('names a new LUN of a NAS array a share', () => {
    const withArrays = edit(soundPlan(), (d) => {
      d.storage.push({ id: 'nas', name: 'NAS', protocol: 'smb3', luns: [] }, { id: 'san', name: 'SAN', protocol: 'iscsi', luns: [] })
    })
    const lunName = (array: string) => {
      const placed = place(withArrays, 'lun', { kind: 'entity', id: array })
      return placed.plan!.storage.find((a) => a.id === array)!.luns[0]!.name
    }
    expect([lunName('nas'), lunName('san')]).toEqual(['Share 0', 'LUN 0'])
  })

  it('puts roles on VMs, parent partitions and bare-metal servers, once each', () => {
    const p = edit(soundPlan(), (d) => { first(d).vm.exchange = null; d.hosts.push(host({ id: 'srv', hypervisor: 'none', vms: [] })) })
    expect(first(place(p, 'mailbox', { kind: 'entity', id: 'ex01' }).plan!).vm.exchange).toMatchObject({ version: '2007', update: 'sp1', roles: ['mailbox'] })
    expect(first(place(p, 'mailbox', { kind: 'entity', id: 'parent:hv01' }).plan!).host.parent.exchange?.roles).toEqual(['mailbox'])
    expect(place(p, 'mailbox', { kind: 'entity', id: 'srv' }).plan!.hosts[1]!.parent.exchange?.roles).toEqual(['mailbox'])
    expect(place(p, 'mailbox', { kind: 'entity', id: 'hv01' }).reason).toMatch(/virtual machine or a bare-metal server/)
    expect(place(soundPlan(), 'mailbox', { kind: 'entity', id: 'ex01' }).reason).toBe('EX01 already has the Mailbox role')
    const esx = edit(p, (d) => { Object.assign(first(d).host, { hypervisor: 'vmware-esx', svvpValidated: true }) })
    expect(place(esx, 'mailbox', { kind: 'entity', id: 'parent:hv01' }).reason).toBe('HV01 runs its hypervisor on the hardware itself, with no Windows host OS for Exchange: put the Mailbox role on a VM')
    expect(first(place(esx, 'mailbox', { kind: 'entity', id: 'ex01' }).plan!).vm.exchange?.roles).toEqual(['mailbox'])
  })

  it('refuses what cannot go there, saying why', () => {
    const p = edit(soundPlan(), (d) => d.hosts.push(host({ id: 'srv', name: 'SRV', hypervisor: 'none' })))
    expect(place(p, 'vm', { kind: 'entity', id: 'srv' }).reason).toBe('SRV is a bare-metal server: it runs no VMs')
    expect(place(p, 'fixed-vhd', { kind: 'canvas' }).reason).toBe('A Fixed VHD goes into a virtual machine, such as EX01')
    // Refused by a host, a disk or a role is pointed at the host's VMs.
    expect(place(p, 'fixed-vhd', { kind: 'entity', id: 'hv01' }).reason).toBe("A Fixed VHD goes into a virtual machine: put it on one of HV01's virtual machines, such as EX01")
    // Not a VM that has the role already, nor, for Edge Transport, one with another role.
    expect(place(p, 'mailbox', { kind: 'entity', id: 'hv01' }).reason).toBe('A Mailbox role goes onto a virtual machine or a bare-metal server: EX01 has it already, so add a virtual machine to HV01 for it')
    expect(place(p, 'edge-transport', { kind: 'entity', id: 'hv01' }).reason).toBe('An Edge Transport role goes onto a virtual machine or a bare-metal server: EX01 already runs Exchange, and Edge Transport stands alone, so add a virtual machine to HV01 for it')
    const two = edit(p, (d) => { first(d).host.vms.push({ ...first(d).vm, id: 'ex02', name: 'EX02', disks: [], exchange: null }) })
    expect(place(two, 'mailbox', { kind: 'entity', id: 'hv01' }).reason).toBe("A Mailbox role goes onto a virtual machine or a bare-metal server: put it on one of HV01's virtual machines, such as EX02")
    expect(place(two, 'edge-transport', { kind: 'entity', id: 'hv01' }).reason).toMatch(/such as EX02$/)
    expect(place(two, 'fixed-vhd', { kind: 'entity', id: 'hv01' }).reason).toMatch(/such as EX01$/)
    expect(place(p, 'fixed-vhd', { kind: 'entity', id: 'srv' }).reason).toBe('A Fixed VHD goes into a virtual machine; SRV is a bare-metal server and runs no virtual machines')
    const empty = edit(soundPlan(), (d) => { first(d).host.vms = [] })
    expect(place(empty, 'pass-through', { kind: 'entity', id: 'hv01' }).reason).toBe('A pass-through disk goes into a virtual machine; HV01 has no virtual machine yet: add one to it first')
    expect(place(p, 'lun', { kind: 'entity', id: 'hv01' }).reason).toBe('A LUN goes into a storage array, not into the host HV01')
    expect(place(p, 'vm', { kind: 'canvas' }).reason).toBe('A virtual machine goes into a host, such as HV01')
    expect(place(plan(), 'vm', { kind: 'canvas' }).reason).toBe('A virtual machine goes into a host')
    // A role is named as one wherever it is refused: on the canvas as on a storage array.
    // EX01 has Mailbox already: no server is offered.
    const roleRefusal = 'A Mailbox role goes onto a virtual machine or a bare-metal server'
    const san = edit(soundPlan(), (d) => d.storage.push({ id: 'san', name: 'SAN', protocol: 'iscsi', luns: [] }))
    expect(place(san, 'mailbox', { kind: 'canvas' }).reason).toBe(roleRefusal)
    expect(place(san, 'mailbox', { kind: 'entity', id: 'san' }).reason).toBe(`${roleRefusal}, not onto the storage array SAN`)
  })

  it('gives a new VM an id that follows its name, as a host\'s does', () => {
    const added = place(soundPlan(), 'vm', { kind: 'entity', id: 'hv01' })
    expect(first(added.plan!).host.vms[1]).toMatchObject({ id: 'ex02', name: 'EX02' })
  })

  it('makes ids unique', () => {
    expect(uniqueId(new Set(['a', 'a-2']), 'a')).toBe('a-3')
    expect(uniqueId(new Set(), '--bad id!')).toBe('bad-id-')
  })
})

describe('placeItem, what each item is made of (mutation-testing gaps)', () => {
  const withSan = () => edit(soundPlan(), (d) => d.storage.push({ id: 'san', name: 'SAN', protocol: 'iscsi', luns: [{ id: 'san-lun', name: 'LUN 0', sizeGB: 100 }] }))

  it('puts a LUN into the array dropped on, or into the array of the LUN dropped on', () => {
    expect(placeItem(withSan(), 'lun', { kind: 'entity', id: 'san' })).toEqual({ ok: true, id: 'san-lun-2', edit: { op: 'add-lun', array: 'san', lun: { id: 'san-lun-2', name: 'LUN 1', sizeGB: 500 } } })
    expect(place(withSan(), 'lun', { kind: 'entity', id: 'san-lun' }).plan!.storage[0]!.luns.map((l) => l.id)).toEqual(['san-lun', 'san-lun-2'])
  })

  it('refuses a VM or a host disk anywhere but a host, and anything on an id that is gone', () => {
    expect(place(withSan(), 'vm', { kind: 'entity', id: 'san' }).reason).toBe('A virtual machine goes into a host, such as HV01, not into the storage array SAN')
    expect(place(withSan(), 'physical-disk', { kind: 'entity', id: 'san-lun' }).reason).toBe('A physical disk goes into a host, such as HV01, not into LUN 0 of SAN')
    expect(place(withSan(), 'fixed-vhd', { kind: 'entity', id: 'san' }).reason).toBe('A Fixed VHD goes into a virtual machine, such as EX01, not into the storage array SAN')
    expect(place(withSan(), 'lun', { kind: 'entity', id: 'ex01' }).reason).toBe('A LUN goes into a storage array, such as SAN, not into the virtual machine EX01')
    expect(place(withSan(), 'lun', { kind: 'entity', id: first(soundPlan()).vm.disks[0]!.id }).reason).toMatch(/, not into EX01's disk \w+$/)
    expect(place(withSan(), 'unified-messaging', { kind: 'entity', id: 'san-lun' }).reason).toBe('A Unified Messaging role goes onto a virtual machine or a bare-metal server, such as EX01, not onto LUN 0 of SAN')
    expect(place(withSan(), 'fixed-vhd', { kind: 'entity', id: 'gone' }).reason).toBe('That item no longer exists')
  })

  it('makes a new host, bare-metal server, array, VM and host disk with the documented defaults', () => {
    const hostPlacement = placeItem(plan(), 'host', { kind: 'canvas' })
    expect(hostPlacement).toMatchObject({ ok: true, id: 'hv01' })
    expect(hostPlacement.ok && hostPlacement.edit).toEqual({ op: 'add-host', host: {
      id: 'hv01', name: 'HV01',
      hardware: { sockets: 2, coresPerSocket: 4, threadsPerCore: 1, ramGB: 32, x64: true, hardwareVirtualization: true, dep: true, certified: true },
      hypervisor: 'hyper-v-2008', svvpValidated: false, hyperVRtmUpdate: true, cluster: null, mobility: 'none',
      parent: { edition: 'enterprise', installation: 'core', roles: ['hyper-v'], applications: [], exchange: null, backup: { method: 'none' } },
      disks: [{ id: 'hv01-system', name: 'System disk', sizeGB: 146, online: true, contents: ['os'], lun: null }],
      vms: [],
    } })
    const taken = edit(soundPlan(), (d) => { first(d).host.disks[0]!.id = 'hv01-system'; first(d).host.id = 'hv07'; first(d).host.name = 'HV07' })
    const second = placeItem(taken, 'host', { kind: 'canvas' })
    expect(second.ok && second.edit.op === 'add-host' && second.edit.host.disks[0]!.id).toBe('hv01-system-2')
    expect(placeItem(withSan(), 'storage-array', { kind: 'canvas' })).toMatchObject({ ok: true, id: 'san1', edit: { array: { id: 'san1', name: 'SAN 1', protocol: 'iscsi', luns: [] } } })
    const vmPlacement = placeItem(soundPlan(), 'vm', { kind: 'entity', id: 'hv01' })
    expect(vmPlacement.ok && vmPlacement.edit).toEqual({ op: 'add-vm', host: 'hv01', vm: {
      id: 'ex02', name: 'EX02', guestOs: 'ws2008-x64', integrationComponents: 'rtm', vcpus: 2, ramGB: 8, dynamicMemory: false, snapshots: 0,
      stopAction: 'shutdown', roles: [], network: [{ adapter: 'synthetic', switch: 'external' }], disks: [], exchange: null, backup: { method: 'none' },
    } })
    const diskPlacement = placeItem(soundPlan(), 'physical-disk', { kind: 'entity', id: 'hv01' })
    expect(diskPlacement.ok && diskPlacement.edit).toEqual({ op: 'add-physical-disk', host: 'hv01', disk: { id: 'hv01-disk', name: 'Disk 4', sizeGB: 300, online: false, contents: [], lun: null } })
    expect(diskPlacement).not.toHaveProperty('note')
  })

  it('makes a host disk offline on a Hyper-V host, to pass through, and online on a bare-metal server or another hypervisor', () => {
    const newDisk = (hypervisor: Host['hypervisor']) => {
      const p = edit(soundPlan(), (d) => { first(d).host.hypervisor = hypervisor; if (hypervisor === 'none') first(d).host.vms = [] })
      return first(place(p, 'physical-disk', { kind: 'entity', id: 'hv01' }).plan!).host.disks.at(-1)!
    }
    expect(newDisk('hyper-v-2008').online).toBe(false)
    expect(newDisk('hyper-v-2019').online).toBe(false)
    expect(newDisk('none').online).toBe(true)
    expect(newDisk('vmware-esx').online).toBe(true)
    expect(newDisk('virtual-server-2005-r2-sp1').online).toBe(true)
  })

  it('puts a VM dropped on a VM into its host, and says so; dropped on the host, it says nothing more', () => {
    const placement = placeItem(soundPlan(), 'vm', { kind: 'entity', id: 'ex01' })
    expect(placement).toMatchObject({ ok: true, id: 'ex02', edit: { op: 'add-vm', host: 'hv01' } })
    expect(placement.ok && placement.note).toBe('A virtual machine runs on a host, not inside another one, so EX02 went into HV01, beside EX01.')
    expect(placeItem(soundPlan(), 'vm', { kind: 'entity', id: 'hv01' })).not.toHaveProperty('note')
  })

  it('puts a physical disk dropped on a VM or its disk into the host, and says so', () => {
    for (const id of ['ex01', first(soundPlan()).vm.disks[0]!.id]) {
      const placement = placeItem(soundPlan(), 'physical-disk', { kind: 'entity', id })
      expect(placement).toMatchObject({ ok: true, id: 'hv01-disk', edit: { op: 'add-physical-disk', host: 'hv01' } })
      expect(placement.ok && placement.note).toBe('A virtual machine has only virtual disks, so the physical disk Disk 4 went into its host HV01. To give EX01 a whole disk, add a Pass-through disk to it.')
    }
  })

  it('boots a VM that can be Generation 2 from SCSI 0: a VHDX or pass-through disk, on Hyper-V from 2012 R2, with a guest from 2012', () => {
    const bootOf = (hypervisor: Host['hypervisor'], guestOs: Vm['guestOs'], kind: Parameters<typeof placeItem>[1], disks: Vm['disks'] = []) => {
      const p = edit(soundPlan(), (d) => { Object.assign(first(d).host, { hypervisor }); Object.assign(first(d).vm, { guestOs, disks }) })
      return first(place(p, kind, { kind: 'entity', id: 'ex01' }).plan!).vm.disks.at(-1)!.controller
    }
    expect(bootOf('hyper-v-2019', 'ws2019', 'fixed-vhdx')).toBe('scsi0')
    expect(bootOf('hyper-v-2012-r2', 'ws2012-r2', 'pass-through')).toBe('scsi0')
    // A Generation 2 VM boots from no VHD, Hyper-V 2012 has no Generation 2, nor a Windows Server 2008 R2 guest.
    expect(bootOf('hyper-v-2019', 'ws2019', 'fixed-vhd')).toBe('ide0')
    expect(bootOf('hyper-v-2012', 'ws2012', 'fixed-vhdx')).toBe('ide0')
    expect(bootOf('hyper-v-2019', 'ws2008-r2-sp1', 'fixed-vhdx')).toBe('ide0')
    // A VM with a disk on IDE already is Generation 1.
    const onIde = [{ id: 'dvd', name: 'Data', kind: 'fixed-vhdx' as const, controller: 'ide1' as const, sizeGB: 10, backing: null, contents: [] }]
    expect(bootOf('hyper-v-2019', 'ws2019', 'fixed-vhdx', onIde)).toBe('ide0')
  })

  it('sizes a boot disk for the guest OS and its page file, and gives a Fibre Channel disk no controller', () => {
    const empty = (ramGB: number) => edit(soundPlan(), (d) => { first(d).vm.disks = []; first(d).vm.ramGB = ramGB })
    expect(first(place(empty(8), 'fixed-vhd', { kind: 'entity', id: 'ex01' }).plan!).vm.disks[0]!.sizeGB).toBe(40)
    expect(first(place(empty(64), 'fixed-vhd', { kind: 'entity', id: 'ex01' }).plan!).vm.disks[0]!.sizeGB).toBe(79)
    expect(first(place(empty(8), 'fc-guest', { kind: 'entity', id: 'ex01' }).plan!).vm.disks[0]).toMatchObject({ name: 'Data 1', controller: null, sizeGB: 200, contents: [] })
  })

  it('names a VM\'s new data disks Data 1, Data 2… (the first number free), with ids that follow the names', () => {
    const once = place(soundPlan(), 'fixed-vhd', { kind: 'entity', id: 'ex01' }).plan!
    const twice = place(once, 'iscsi-guest', { kind: 'entity', id: 'ex01' }).plan!
    expect(first(twice).vm.disks.slice(3).map((disk) => [disk.id, disk.name])).toEqual([['ex01-data-1', 'Data 1'], ['ex01-data-2', 'Data 2']])
    // With Data 1 gone, the next is Data 1 again; its id, still taken by nothing, too.
    const without = edit(twice, (d) => { first(d).vm.disks.splice(3, 1) })
    expect(first(place(without, 'fixed-vhd', { kind: 'entity', id: 'ex01' }).plan!).vm.disks.at(-1)).toMatchObject({ id: 'ex01-data-1', name: 'Data 1' })
    // A name the architect wrote keeps its number: "data 1 (database)" takes 1, as "Disk 1 (RAID 1)" does on a host.
    const renamed = edit(once, (d) => { first(d).vm.disks[3]!.name = 'data 1 (database)' })
    expect(first(place(renamed, 'fixed-vhd', { kind: 'entity', id: 'ex01' }).plan!).vm.disks.at(-1)!.name).toBe('Data 2')
  })

  it('gives a new Exchange install the version and update most servers run', () => {
    // Windows Server 2008 R2 Hyper-V with 2008 R2 guests, where Exchange 2007 and 2010 both run.
    const p = edit(soundPlan(), (d) => {
      const h = first(d).host
      h.hypervisor = 'hyper-v-2008-r2'
      first(d).vm.guestOs = 'ws2008-r2-sp1'
      first(d).vm.exchange = { version: '2007', update: 'sp3', roles: ['mailbox'], cluster: null }
      h.vms.push({ ...first(d).vm, id: 'ex02', name: 'EX02', disks: [], exchange: { version: '2010', update: 'sp3', roles: ['mailbox'], cluster: null } })
      h.vms.push({ ...first(d).vm, id: 'ex03', name: 'EX03', disks: [], exchange: { version: '2010', update: 'sp3', roles: ['client-access'], cluster: null } })
      h.vms.push({ ...first(d).vm, id: 'ex04', name: 'EX04', disks: [], exchange: null })
    })
    expect(placeItem(p, 'hub-transport', { kind: 'entity', id: 'ex04' })).toEqual({ ok: true, id: 'ex04', edit: {
      op: 'add-role', server: 'ex04', role: 'hub-transport', install: { version: '2010', update: 'sp3', roles: ['hub-transport'], cluster: null },
    } })
    const onParent = edit(p, (d) => { first(d).host.parent.exchange = { version: '2007', update: 'sp3', roles: ['mailbox'], cluster: null } })
    const parentFirst = edit(onParent, (d) => { for (const v of first(d).host.vms.slice(1, 3)) v.exchange = { version: '2007', update: 'sp3', roles: ['mailbox'], cluster: null } })
    expect(placeItem(parentFirst, 'mailbox', { kind: 'entity', id: 'ex04' })).toMatchObject({ edit: { install: { version: '2007', update: 'sp3' } } })
  })

  it('gives a new Exchange install a version the server can run, not one that only errors there', () => {
    const installed = (p: ReturnType<typeof soundPlan>, id: string) => {
      const placement = placeItem(p, 'mailbox', { kind: 'entity', id })
      return placement.ok && placement.edit.op === 'add-role' ? `${placement.edit.install.version} ${placement.edit.install.update}` : placement
    }
    // Most servers run 2010 SP3, which neither Windows Server 2008 x64 nor 2019 (guest or Hyper-V) supports.
    const mixed = edit(soundPlan(), (d) => {
      const h = first(d).host
      for (const n of [2, 3, 4]) h.vms.push({ ...first(d).vm, id: `ex0${n}`, name: `EX0${n}`, disks: [], exchange: { version: '2010', update: 'sp3', roles: ['mailbox'], cluster: null } })
      h.vms.push({ ...first(d).vm, id: 'new08', name: 'NEW08', disks: [], exchange: null })
      d.hosts.push(host({ id: 'hv19', name: 'HV19', hypervisor: 'hyper-v-2019', vms: [{ ...first(d).vm, id: 'new19', name: 'NEW19', guestOs: 'ws2019', disks: [], exchange: null }] }))
      d.hosts.push(host({ id: 'hv16', name: 'HV16', hypervisor: 'hyper-v-2016', vms: [{ ...first(d).vm, id: 'new16', name: 'NEW16', guestOs: 'ws2016', disks: [], exchange: null }] }))
    })
    expect(installed(mixed, 'new08')).toBe('2007 sp1')
    // Nothing in the plan runs there: the version for the guest OS.
    expect(installed(mixed, 'new19')).toBe('2019 cu15')
    expect(installed(mixed, 'new16')).toBe('2016 cu23')
    const with2019 = edit(mixed, (d) => { d.hosts[1]!.vms.push({ ...d.hosts[1]!.vms[0]!, id: 'mbx', name: 'MBX', exchange: { version: '2019', update: 'cu14', roles: ['mailbox'], cluster: null } }) })
    expect(installed(with2019, 'new19')).toBe('2019 cu14')
    // Neither the plan's 2010 SP3 (not on Hyper-V 2012 R2) nor the guest's: the newest that runs there.
    const r2 = edit(mixed, (d) => { Object.assign(d.hosts[2]!, { hypervisor: 'hyper-v-2012-r2' }); d.hosts[2]!.vms[0]!.guestOs = 'ws2008-r2-sp1' })
    expect(installed(r2, 'new16')).toBe('2013 cu23')
    // On a host's own OS every version is unsupported alike: the one for its Hyper-V's Windows Server.
    expect(installed(mixed, 'parent:hv19')).toBe('2019 cu15')
    expect(installed(mixed, 'parent:hv01')).toBe('2007 sp1')
  })

  it('makes a new host like most of the plan\'s Hyper-V hosts', () => {
    const madeHost = (p: ReturnType<typeof soundPlan>) => {
      const placement = placeItem(p, 'host', { kind: 'canvas' })
      return placement.ok && placement.edit.op === 'add-host' ? placement.edit.host : null
    }
    const cluster2019 = edit(soundPlan(), (d) => {
      Object.assign(first(d).host, { hypervisor: 'hyper-v-2019', cluster: 'c1', mobility: 'live-migration' })
      first(d).host.hardware = { ...first(d).host.hardware, sockets: 2, coresPerSocket: 12, threadsPerCore: 2, ramGB: 384 }
      first(d).host.parent.edition = 'datacenter'
      d.hosts.push(host({ id: 'esx', name: 'ESX', hypervisor: 'vmware-esx' }), host({ id: 'esx2', name: 'ESX2', hypervisor: 'vmware-esx' }))
    })
    // VMware hosts are not what the palette's Host makes, however many there are.
    expect(madeHost(cluster2019)).toMatchObject({
      hypervisor: 'hyper-v-2019', cluster: null, mobility: 'none', vms: [],
      hardware: { sockets: 2, coresPerSocket: 12, threadsPerCore: 2, ramGB: 384 },
      parent: { edition: 'datacenter', roles: ['hyper-v'], exchange: null },
    })
    expect(madeHost(edit(soundPlan(), (d) => { d.hosts[0]!.hypervisor = 'none' }))).toMatchObject({ hypervisor: 'hyper-v-2008', parent: { edition: 'enterprise', installation: 'core' } })
    const bare = placeItem(cluster2019, 'bare-metal', { kind: 'canvas' })
    expect(bare.ok && bare.edit.op === 'add-host' && bare.edit.host).toMatchObject({ hypervisor: 'none', hardware: { coresPerSocket: 4 }, parent: { roles: [], installation: 'full' } })
  })

  it('names a new host disk, LUN or array with the first number free, not by count', () => {
    const p = edit(soundPlan(), (d) => {
      first(d).host.disks = [{ ...first(d).host.disks[0]!, name: 'Disk 0' }, { ...first(d).host.disks[1]!, name: 'Disk 2' }]
      d.storage.push({ id: 'san1', name: 'SAN1', protocol: 'iscsi', luns: [{ id: 'l1', name: 'LUN 1', sizeGB: 10 }, { id: 'l0', name: 'LUN 0', sizeGB: 10 }] })
      d.storage.push({ id: 'nas1', name: 'NAS1', protocol: 'smb3', luns: [{ id: 's1', name: 'Share 1', sizeGB: 10 }] })
    })
    const named = (kind: Parameters<typeof placeItem>[1], id?: string) => {
      const placement = placeItem(p, kind, id ? { kind: 'entity', id } : { kind: 'canvas' })
      if (!placement.ok) return placement.reason
      const e = placement.edit
      return e.op === 'add-physical-disk' ? e.disk.name : e.op === 'add-lun' ? e.lun.name : e.op === 'add-array' ? `${e.array.name} ${e.array.id}` : e.op
    }
    expect(named('physical-disk', 'hv01')).toBe('Disk 1')
    const raid = edit(p, (d) => { first(d).host.disks = [{ ...first(d).host.disks[0]!, name: 'Disk 1 (RAID 1, host OS)' }, { ...first(d).host.disks[1]!, name: 'disk2' }] })
    const raidPlacement = placeItem(raid, 'physical-disk', { kind: 'entity', id: 'hv01' })
    expect(raidPlacement.ok && raidPlacement.edit.op === 'add-physical-disk' && raidPlacement.edit.disk.name).toBe('Disk 3')
    expect(named('lun', 'san1')).toBe('LUN 2')
    expect(named('lun', 'nas1')).toBe('Share 0')
    expect(named('storage-array')).toBe('SAN 2 san2')
  })

  it('says where a VM dropped on a host disk went, and that a role on a parent partition is unsupported', () => {
    const onDisk = placeItem(soundPlan(), 'vm', { kind: 'entity', id: first(soundPlan()).host.disks[0]!.id })
    expect(onDisk).toMatchObject({ ok: true, edit: { op: 'add-vm', host: 'hv01' }, note: 'A virtual machine runs on a host, not on one of its disks, so EX02 went into HV01.' })
    const onParent = placeItem(soundPlan(), 'edge-transport', { kind: 'entity', id: 'parent:hv01' })
    expect(onParent.ok && onParent.note).toBe("HV01's parent partition now runs Exchange (Edge Transport), which Microsoft does not support: Findings says why. Undo, and put the role on one of its virtual machines instead.")
    expect(onParent).toMatchObject({ unsupported: true })
    const noVms = placeItem(edit(soundPlan(), (d) => { first(d).host.vms = [] }), 'mailbox', { kind: 'entity', id: 'parent:hv01' })
    expect(noVms.ok && noVms.note).toMatch(/Undo, and add a virtual machine to HV01 for it instead\.$/)
    expect(placeItem(soundPlan(), 'vm', { kind: 'entity', id: 'hv01' })).not.toHaveProperty('unsupported')
    const bare = edit(soundPlan(), (d) => d.hosts.push(host({ id: 'srv', name: 'SRV', hypervisor: 'none', vms: [] })))
    expect(placeItem(bare, 'mailbox', { kind: 'entity', id: 'srv' })).not.toHaveProperty('note')
  })

  it('gives the first Exchange install of a plan the newest version for its guest OS, at its last update', () => {
    const alone = (guestOs: Vm['guestOs']) => edit(soundPlan(), (d) => { Object.assign(first(d).vm, { guestOs, exchange: null }) })
    const installed = (guestOs: Vm['guestOs']) => {
      const placement = placeItem(alone(guestOs), 'mailbox', { kind: 'entity', id: 'ex01' })
      return placement.ok && placement.edit.op === 'add-role' ? `${placement.edit.install.version} ${placement.edit.install.update}` : placement
    }
    const guests: Vm['guestOs'][] = ['ws2003-sp2-x86', 'ws2003-sp2-x64', 'ws2008-x64', 'ws2008-r2-sp1', 'ws2012-r2', 'ws2016', 'ws2022', 'ws2025', 'other']
    expect(guests.map(installed))
      .toEqual(['2003 sp2', '2007 sp1', '2007 sp1', '2010 sp3', '2013 cu23', '2016 cu23', '2019 cu15', 'se cu2', '2007 sp1'])
    // A host's own OS has no guest OS to go by.
    const bare = edit(alone('ws2016'), (d) => { d.hosts.push({ ...first(d).host, id: 'mbx01', name: 'MBX01', hypervisor: 'none', disks: [], vms: [] }) })
    expect(placeItem(bare, 'mailbox', { kind: 'entity', id: 'mbx01' })).toMatchObject({ edit: { install: { version: '2007', update: 'sp1' } } })
  })

  it('cuts a long id to fit the id pattern', () => {
    expect(uniqueId(new Set(), 'x'.repeat(100))).toBe('x'.repeat(56))
  })
})
