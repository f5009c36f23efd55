import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { savePlan } from '../io/save.ts'
import { loadPlanValue } from '../io/load.ts'
import { arbitraryPlan } from '../testing/plan-arbitrary.ts'
import { edit, first, host, physicalDisk, soundPlan } from '../testing/plan-builder.ts'
import { applyEdit, applyEdits, disconnectedBy, PLAN_TARGET } from './edits.ts'

const value = <T>(result: { ok: true; value: T } | { ok: false }) => {
  if (!result.ok) throw new Error('expected the edit to apply')
  return result.value
}

describe('applyEdit', () => {
  it('sets a dotted field and shares every untouched object', () => {
    const plan = edit(soundPlan(), (d) => d.hosts.push(host({ id: 'hv02' })))
    const next = value(applyEdit(plan, { op: 'set', target: 'ex01-db', field: 'kind', value: 'dynamic-vhd' }))
    expect(first(next).vm.disks[1]!.kind).toBe('dynamic-vhd')
    expect(next.hosts[1]).toBe(plan.hosts[1])
    expect(first(next).vm.disks[0]).toBe(first(plan).vm.disks[0])
    expect(first(plan).vm.disks[1]!.kind).toBe('pass-through')
    const ram = value(applyEdit(plan, { op: 'set', target: 'hv01', field: 'hardware.ramGB', value: 64 }))
    expect(first(ram).host.hardware.ramGB).toBe(64)
    const core = value(applyEdit(plan, { op: 'set', target: 'hv01', field: 'parent.installation', value: 'full' }))
    expect(first(core).host.parent.installation).toBe('full')
    const name = value(applyEdit(plan, { op: 'set', target: PLAN_TARGET, field: 'organization.mailboxes', value: 5000 }))
    expect(name.organization.mailboxes).toBe(5000)
  })

  it('refuses values the schema refuses, and ids', () => {
    expect(applyEdit(soundPlan(), { op: 'set', target: 'ex01', field: 'vcpus', value: 0 }).ok).toBe(false)
    expect(applyEdit(soundPlan(), { op: 'set', target: 'ex01-db', field: 'kind', value: 'floppy' }).ok).toBe(false)
    expect(applyEdit(soundPlan(), { op: 'set', target: 'ex01', field: 'id', value: 'x' }).ok).toBe(false)
    expect(applyEdit(soundPlan(), { op: 'set', target: 'nope', field: 'name', value: 'x' }).ok).toBe(false)
  })

  it('removes a host disk and disconnects what it backed', () => {
    const next = value(applyEdit(soundPlan(), { op: 'remove', target: 'hv01-db' }))
    expect(first(next).host.disks.map((d) => d.id)).not.toContain('hv01-db')
    expect(first(next).vm.disks[1]!.backing).toBeNull()
    expect(loadPlanValue(next).ok).toBe(true)
  })

  it('removes a LUN and disconnects host disks and guest disks on it', () => {
    const plan = edit(soundPlan(), (d) => {
      d.storage.push({ id: 'san', name: 'SAN', protocol: 'iscsi', luns: [{ id: 'lun1', name: 'LUN 1', sizeGB: 100 }] })
      first(d).host.disks[2]!.lun = 'lun1'
      first(d).vm.disks.push({ id: 'ex01-iscsi', name: 'iSCSI', kind: 'iscsi-guest', controller: null, sizeGB: 100, backing: 'lun1', contents: [] })
    })
    const next = value(applyEdit(plan, { op: 'remove', target: 'lun1' }))
    expect(first(next).host.disks[2]!.lun).toBeNull()
    expect(first(next).vm.disks[3]!.backing).toBeNull()
    const noArray = value(applyEdit(plan, { op: 'remove', target: 'san' }))
    expect(noArray.storage).toEqual([])
    expect(first(noArray).host.disks[2]!.lun).toBeNull()
    // What a removal leaves not connected, named as the user knows it.
    expect(disconnectedBy(plan, 'lun1')).toEqual(["HV01's disk Disk 2", "EX01's disk iSCSI"])
    expect(disconnectedBy(plan, 'san')).toEqual(["HV01's disk Disk 2", "EX01's disk iSCSI"])
    expect(disconnectedBy(plan, 'hv01-db')).toEqual(["EX01's disk Database"])
    expect(disconnectedBy(plan, 'hv01-os')).toEqual([])
    for (const id of ['hv01', 'ex01', 'ex01-db', 'nothing']) expect(disconnectedBy(plan, id)).toEqual([])
  })

  it('renames an id and every reference to it: backings, LUNs and the layout', () => {
    const plan = edit(soundPlan(), (d) => {
      d.storage.push({ id: 'san', name: 'SAN', protocol: 'iscsi', luns: [{ id: 'lun1', name: 'LUN 1', sizeGB: 100 }] })
      first(d).host.disks[2]!.lun = 'lun1'
      first(d).vm.disks.push({ id: 'ex01-iscsi', name: 'iSCSI', kind: 'iscsi-guest', controller: null, sizeGB: 100, backing: 'lun1' , contents: [] })
      d.layout = { hv01: { x: 1, y: 2 }, san: { x: 3, y: 4 } }
    })
    const lun = value(applyEdit(plan, { op: 'rename-id', target: 'lun1', id: 'mail-db' }))
    expect(lun.storage[0]!.luns[0]!.id).toBe('mail-db')
    expect(first(lun).host.disks[2]!.lun).toBe('mail-db')
    expect(first(lun).vm.disks[3]!.backing).toBe('mail-db')
    const disk = value(applyEdit(plan, { op: 'rename-id', target: 'hv01-db', id: 'hv01-d2' }))
    expect(first(disk).host.disks[2]!.id).toBe('hv01-d2')
    expect(first(disk).vm.disks[1]!.backing).toBe('hv01-d2')
    expect(first(disk).vm.disks.map((d) => d.backing)).toEqual(['hv01-boot', 'hv01-d2', 'hv01-logs', 'lun1'])
    const hostRenamed = value(applyEdit(plan, { op: 'rename-id', target: 'hv01', id: 'nyc-hv01' }))
    expect(hostRenamed.hosts[0]!.id).toBe('nyc-hv01')
    expect(hostRenamed.layout).toEqual({ san: { x: 3, y: 4 }, 'nyc-hv01': { x: 1, y: 2 } })
    expect(value(applyEdit(plan, { op: 'rename-id', target: 'ex01', id: 'mbx01' })).hosts[0]!.vms[0]!.id).toBe('mbx01')
    for (const next of [lun, disk, hostRenamed]) expect(loadPlanValue(next).ok).toBe(true)
    expect(applyEdit(plan, { op: 'rename-id', target: 'ex01', id: 'ex01' })).toEqual({ ok: true, value: plan })
  })

  it('refuses an id that is taken or does not fit the id pattern, saying why', () => {
    expect(applyEdit(soundPlan(), { op: 'rename-id', target: 'ex01', id: 'hv01-db' })).toEqual({ ok: false, problems: [
      { path: 'ex01.id', message: '"hv01-db" is already the id of HV01\'s disk Disk 2; every id must be unique across the plan' },
    ] })
    expect(applyEdit(soundPlan(), { op: 'rename-id', target: 'hv01-db', id: 'hv01' })).toMatchObject({ ok: false, problems: [{ message: expect.stringMatching(/already the id of host HV01;/) }] })
    expect(applyEdit(soundPlan(), { op: 'rename-id', target: 'ex01-db', id: 'ex01-boot' })).toMatchObject({ ok: false, problems: [{ message: expect.stringMatching(/already the id of EX01's disk Boot;/) }] })
    expect(applyEdit(soundPlan(), { op: 'rename-id', target: 'ex01', id: 'EX 01' })).toMatchObject({ ok: false, problems: [{ path: 'ex01.id', message: expect.stringMatching(/^"EX 01" is not an id/) }] })
    expect(applyEdit(soundPlan(), { op: 'rename-id', target: 'ex01', id: '' }).ok).toBe(false)
    expect(applyEdit(soundPlan(), { op: 'rename-id', target: 'nope', id: 'x' }).ok).toBe(false)
  })

  it('moves a VM with its disks and roles to another host, disconnecting the old host disks', () => {
    const plan = edit(soundPlan(), (d) => d.hosts.push(host({ id: 'hv02' })))
    const next = value(applyEdit(plan, { op: 'move-vm', vm: 'ex01', host: 'hv02' }))
    expect(next.hosts[0]!.vms).toEqual([])
    const moved = next.hosts[1]!.vms[0]!
    expect(moved.exchange?.roles).toEqual(['mailbox', 'client-access', 'hub-transport'])
    expect(moved.disks.map((d) => d.backing)).toEqual([null, null, null])
    expect(loadPlanValue(next).ok).toBe(true)
    const bare = edit(plan, (d) => { d.hosts[1]!.hypervisor = 'none' })
    expect(applyEdit(bare, { op: 'move-vm', vm: 'ex01', host: 'hv02' })).toMatchObject({ ok: false })
  })

  it('moves a VM\'s disks on a shared LUN to the new host\'s disk on that LUN, and disconnects the rest', () => {
    const plan = edit(soundPlan(), (d) => {
      d.storage.push({ id: 'sofs', name: 'SOFS', protocol: 'smb3', luns: [{ id: 'share1', name: 'Share 1', sizeGB: 2000 }] })
      const hv01 = d.hosts[0]!
      hv01.disks.push(physicalDisk({ id: 'hv01-share', name: 'Share', online: true, contents: ['vm-files'], lun: 'share1' }))
      Object.assign(hv01.vms[0]!.disks[1]!, { kind: 'fixed-vhdx', backing: 'hv01-share' })
      d.hosts.push(host({ id: 'hv02', disks: [
        physicalDisk({ id: 'hv02-os', name: 'Disk 0', online: true, contents: ['os'] }),
        physicalDisk({ id: 'hv02-share', name: 'Share', online: true, contents: ['vm-files'], lun: 'share1' }),
      ] }))
    })
    const next = value(applyEdit(plan, { op: 'move-vm', vm: 'ex01', host: 'hv02' }))
    expect(next.hosts[1]!.vms[0]!.disks.map((d) => d.backing)).toEqual([null, 'hv02-share', null])
    expect(loadPlanValue(next).ok).toBe(true)
    // And back: the database follows the share again.
    const back = value(applyEdit(next, { op: 'move-vm', vm: 'ex01', host: 'hv01' }))
    expect(back.hosts[0]!.vms[0]!.disks.map((d) => d.backing)).toEqual([null, 'hv01-share', null])
  })

  it('moves a pass-through of a shared LUN only to a disk of that LUN that nothing else uses', () => {
    const plan = edit(soundPlan(), (d) => {
      d.storage.push({ id: 'san', name: 'SAN', protocol: 'fc', luns: [{ id: 'lun1', name: 'LUN 1', sizeGB: 500 }] })
      d.hosts[0]!.disks[2]!.lun = 'lun1'
      d.hosts.push(host({ id: 'hv02', disks: [
        physicalDisk({ id: 'hv02-files', name: 'Files', online: true, contents: ['vm-files'], lun: 'lun1' }),
        physicalDisk({ id: 'hv02-pt', name: 'Pass-through', lun: 'lun1' }),
      ] }))
    })
    const next = value(applyEdit(plan, { op: 'move-vm', vm: 'ex01', host: 'hv02' }))
    expect(next.hosts[1]!.vms[0]!.disks.map((d) => d.backing)).toEqual([null, 'hv02-pt', null])
  })

  it('adds and removes Exchange roles; the last role removes the install', () => {
    const plan = edit(soundPlan(), (d) => { first(d).vm.exchange = null })
    const install = { version: '2007' as const, update: 'sp1', roles: ['mailbox' as const], cluster: null }
    const added = value(applyEdit(plan, { op: 'add-role', server: 'ex01', role: 'mailbox', install }))
    expect(first(added).vm.exchange).toEqual(install)
    const more = value(applyEdit(added, { op: 'add-role', server: 'ex01', role: 'hub-transport', install }))
    expect(first(more).vm.exchange?.roles).toEqual(['mailbox', 'hub-transport'])
    const parent = value(applyEdit(plan, { op: 'add-role', server: 'hv01', role: 'mailbox', install }))
    expect(first(parent).host.parent.exchange?.roles).toEqual(['mailbox'])
    const removed = value(applyEdits(more, [{ op: 'remove-role', server: 'ex01', role: 'mailbox' }, { op: 'remove-role', server: 'ex01', role: 'hub-transport' }]))
    expect(first(removed).vm.exchange).toBeNull()
  })

  it('connects disks and refuses connections that break references', () => {
    const plan = edit(soundPlan(), (d) => { first(d).vm.disks[1]!.backing = null })
    expect(first(value(applyEdit(plan, { op: 'connect', source: 'ex01-db', target: 'hv01-db' }))).vm.disks[1]!.backing).toBe('hv01-db')
    expect(applyEdit(plan, { op: 'connect', source: 'ex01-db', target: 'ex01' }).ok).toBe(false)
  })

  it('applyEdits is all or nothing', () => {
    const plan = soundPlan()
    const result = applyEdits(plan, [{ op: 'set', target: 'ex01', field: 'vcpus', value: 4 }, { op: 'remove', target: 'missing' }])
    expect(result.ok).toBe(false)
    expect(first(plan).vm.vcpus).toBe(2)
  })

  it('applyEdits checks references in the plan the edits lead to, not between them', () => {
    const plan = soundPlan()
    // Pointed at nothing, then back at a disk: the step is sound, though its middle was not.
    const through = applyEdits(plan, [
      { op: 'set', target: 'ex01-db', field: 'backing', value: 'nothing-here' },
      { op: 'set', target: 'ex01-db', field: 'backing', value: 'hv01-db' },
    ])
    expect(through.ok).toBe(true)
    // Left pointing at nothing, the step is refused, saying where.
    const dangling = applyEdits(plan, [{ op: 'set', target: 'ex01', field: 'vcpus', value: 4 }, { op: 'set', target: 'ex01-db', field: 'backing', value: 'nothing-here' }])
    expect(dangling).toMatchObject({ ok: false, problems: [{ path: expect.stringContaining('backing') }] })
    expect(applyEdit(plan, { op: 'set', target: 'ex01-db', field: 'backing', value: 'nothing-here' }).ok).toBe(false)
  })

  it('never mutates its input, on random plans and random removals', () => {
    fc.assert(fc.property(arbitraryPlan, fc.nat(), (plan, pick) => {
      const ids = plan.hosts.flatMap((h) => [h.id, ...h.disks.map((d) => d.id), ...h.vms.map((v) => v.id)])
      if (ids.length === 0) return
      const before = savePlan(plan)
      const result = applyEdit(plan, { op: 'remove', target: ids[pick % ids.length]! })
      expect(savePlan(plan)).toBe(before)
      expect(result.ok).toBe(true)
      if (result.ok) expect(loadPlanValue(result.value).ok).toBe(true)
    }), { numRuns: 150 })
  })
})

describe('applyEdit, each edit on its own (mutation-testing gaps)', () => {
  const withSan = () => edit(soundPlan(), (d) => {
    d.storage.push({ id: 'san', name: 'SAN', protocol: 'iscsi', luns: [{ id: 'lun1', name: 'LUN 1', sizeGB: 100 }, { id: 'lun2', name: 'LUN 2', sizeGB: 100 }] })
    d.storage.push({ id: 'san2', name: 'SAN 2', protocol: 'fc', luns: [] })
    first(d).host.disks[1]!.lun = 'lun1'
    first(d).host.disks[2]!.lun = 'lun2'
  })

  it('adds a LUN to an array, and refuses an unknown array or an id of another kind', () => {
    const next = value(applyEdit(withSan(), { op: 'add-lun', array: 'san2', lun: { id: 'lun3', name: 'LUN 3', sizeGB: 10 } }))
    expect(next.storage[1]!.luns).toEqual([{ id: 'lun3', name: 'LUN 3', sizeGB: 10 }])
    expect(applyEdit(withSan(), { op: 'add-lun', array: 'nope', lun: { id: 'lun3', name: 'LUN 3', sizeGB: 10 } })).toEqual({ ok: false, problems: [{ path: 'nope', message: 'no entity has the id "nope"' }] })
    expect(applyEdit(withSan(), { op: 'add-lun', array: 'hv01', lun: { id: 'lun3', name: 'LUN 3', sizeGB: 10 } })).toMatchObject({ ok: false, problems: [{ path: 'hv01' }] })
  })

  it('adds a VM to the named host only, and refuses an unknown host', () => {
    const plan = edit(soundPlan(), (d) => d.hosts.push(host({ id: 'hv02' })))
    const vmCopy = { ...first(plan).vm, id: 'ex02', name: 'EX02', disks: [] }
    const next = value(applyEdit(plan, { op: 'add-vm', host: 'hv02', vm: vmCopy }))
    expect(next.hosts.map((h) => h.vms.map((v) => v.id))).toEqual([['ex01'], ['ex02']])
    expect(applyEdit(plan, { op: 'add-vm', host: 'hv09', vm: vmCopy })).toMatchObject({ ok: false, problems: [{ path: 'hv09' }] })
  })

  it('replaces the whole plan', () => {
    const other = edit(soundPlan(), (d) => { d.name = 'Other' })
    expect(value(applyEdit(soundPlan(), { op: 'replace-plan', plan: other }))).toBe(other)
  })

  it('sets fields of storage arrays and LUNs', () => {
    expect(value(applyEdit(withSan(), { op: 'set', target: 'san', field: 'protocol', value: 'fc' })).storage[0]!.protocol).toBe('fc')
    expect(value(applyEdit(withSan(), { op: 'set', target: 'lun2', field: 'sizeGB', value: 7 })).storage[0]!.luns[1]!.sizeGB).toBe(7)
  })

  it('names the path of a refused set: the field of the plan, the entity field, or the id', () => {
    expect(applyEdit(soundPlan(), { op: 'set', target: PLAN_TARGET, field: 'name', value: '' })).toMatchObject({ ok: false, problems: [{ path: 'name' }] })
    expect(applyEdit(soundPlan(), { op: 'set', target: 'ex01', field: 'vcpus', value: 0 })).toMatchObject({ ok: false, problems: [{ path: 'ex01.vcpus' }] })
    expect(applyEdit(soundPlan(), { op: 'set', target: 'ex01', field: 'id', value: 'x' })).toEqual({ ok: false, problems: [{ path: 'ex01.id', message: 'an id is not set like a field: rename-id changes it, and every reference with it' }] })
  })

  it('removes one role and keeps the others; removing from a server without Exchange leaves it without', () => {
    const next = value(applyEdit(soundPlan(), { op: 'remove-role', server: 'ex01', role: 'client-access' }))
    expect(first(next).vm.exchange?.roles).toEqual(['mailbox', 'hub-transport'])
    const none = value(applyEdit(soundPlan(), { op: 'remove-role', server: 'hv01', role: 'mailbox' }))
    expect(first(none).host.parent.exchange).toBeNull()
  })

  it('refuses roles on what is not a server, at the id', () => {
    const install = { version: '2007' as const, update: 'sp1', roles: ['mailbox' as const], cluster: null }
    expect(applyEdit(soundPlan(), { op: 'add-role', server: 'ex01-db', role: 'mailbox', install })).toMatchObject({ ok: false, problems: [{ path: 'ex01-db' }] })
    expect(applyEdit(soundPlan(), { op: 'add-role', server: 'nope', role: 'mailbox', install })).toMatchObject({ ok: false, problems: [{ path: 'nope' }] })
    expect(applyEdit(soundPlan(), { op: 'remove-role', server: 'nope', role: 'mailbox' })).toMatchObject({ ok: false, problems: [{ path: 'nope' }] })
  })

  it('removes exactly the entity named, whatever its kind', () => {
    const plan = edit(withSan(), (d) => {
      d.hosts.push(host({ id: 'hv02' }))
      first(d).host.vms.push({ ...first(d).vm, id: 'ex02', name: 'EX02', disks: [] })
    })
    expect(value(applyEdit(plan, { op: 'remove', target: 'hv02' })).hosts.map((h) => h.id)).toEqual(['hv01'])
    expect(value(applyEdit(plan, { op: 'remove', target: 'san2' })).storage.map((s) => s.id)).toEqual(['san'])
    expect(value(applyEdit(plan, { op: 'remove', target: 'lun1' })).storage[0]!.luns.map((l) => l.id)).toEqual(['lun2'])
    expect(first(value(applyEdit(plan, { op: 'remove', target: 'ex02' }))).host.vms.map((v) => v.id)).toEqual(['ex01'])
    expect(first(value(applyEdit(plan, { op: 'remove', target: 'ex01-db' }))).vm.disks.map((d) => d.id)).toEqual(['ex01-boot', 'ex01-logs'])
    expect(applyEdit(plan, { op: 'remove', target: 'nope' })).toEqual({ ok: false, problems: [{ path: 'nope', message: 'no entity has the id "nope"' }] })
  })

  it('disconnects only what pointed at the removed entity, and leaves untouched hosts as they were', () => {
    const plan = edit(withSan(), (d) => {
      first(d).host.vms.push({ ...first(d).vm, id: 'ex02', name: 'EX02', disks: [{ ...first(d).vm.disks[2]!, id: 'ex02-logs' }] })
      d.hosts.push(host({
        id: 'hv02',
        disks: [{ id: 'hv02-d', name: 'D', sizeGB: 10, online: false, contents: [], lun: 'lun2' }],
        vms: [{ ...first(d).vm, id: 'ex03', name: 'EX03', disks: [{ ...first(d).vm.disks[2]!, id: 'ex03-logs', backing: 'hv02-d' }] }],
      }))
    })
    const noLun = value(applyEdit(plan, { op: 'remove', target: 'lun1' }))
    expect(first(noLun).host.disks.map((d) => d.lun)).toEqual([null, null, 'lun2', null])
    expect(noLun.hosts[1]).toBe(plan.hosts[1])
    const noDisk = value(applyEdit(plan, { op: 'remove', target: 'hv01-db' }))
    expect(first(noDisk).vm.disks.map((d) => d.backing)).toEqual(['hv01-boot', null, 'hv01-logs'])
    expect(noDisk.hosts[0]!.vms[1]).toBe(plan.hosts[0]!.vms[1])
    expect(noDisk.hosts[1]).toBe(plan.hosts[1])
  })

  it('moves a VM: within its host it keeps its disks, a guest disk keeps its LUN, and the other VMs stay', () => {
    const plan = edit(withSan(), (d) => {
      first(d).vm.disks.push({ id: 'ex01-iscsi', name: 'iSCSI', kind: 'iscsi-guest', controller: null, sizeGB: 100, backing: 'lun1', contents: [] })
      first(d).host.disks[1]!.lun = null
      first(d).host.vms.push({ ...first(d).vm, id: 'ex02', name: 'EX02', disks: [] })
      d.hosts.push(host({ id: 'hv02' }))
    })
    const reordered = value(applyEdit(plan, { op: 'move-vm', vm: 'ex01', host: 'hv01', index: 1 }))
    expect(first(reordered).host.vms.map((v) => v.id)).toEqual(['ex02', 'ex01'])
    expect(reordered.hosts[0]!.vms[1]!.disks.map((d) => d.backing)).toEqual(['hv01-boot', 'hv01-db', 'hv01-logs', 'lun1'])
    const moved = value(applyEdit(plan, { op: 'move-vm', vm: 'ex01', host: 'hv02' }))
    expect(moved.hosts[0]!.vms.map((v) => v.id)).toEqual(['ex02'])
    expect(moved.hosts[1]!.vms[0]!.disks.map((d) => d.backing)).toEqual([null, null, null, 'lun1'])
    const back = value(applyEdit(moved, { op: 'move-vm', vm: 'ex01', host: 'hv01', index: 0 }))
    expect(back.hosts[0]!.vms.map((v) => v.id)).toEqual(['ex01', 'ex02'])
  })

  it('refuses to move what is no VM, to a missing host, or onto a bare-metal server, at the id', () => {
    const plan = edit(soundPlan(), (d) => d.hosts.push(host({ id: 'hv02', hypervisor: 'none' })))
    expect(applyEdit(plan, { op: 'move-vm', vm: 'hv01', host: 'hv02' })).toMatchObject({ ok: false, problems: [{ path: 'hv01' }] })
    expect(applyEdit(plan, { op: 'move-vm', vm: 'ex01', host: 'hv09' })).toMatchObject({ ok: false, problems: [{ path: 'hv09' }] })
    expect(applyEdit(plan, { op: 'move-vm', vm: 'ex01', host: 'hv02' })).toEqual({ ok: false, problems: [{ path: 'hv02', message: 'HV02 is a bare-metal server: it runs no VMs' }] })
  })

  it('connects a host disk to a LUN, and refuses a source that is no disk', () => {
    const next = value(applyEdit(withSan(), { op: 'connect', source: 'hv01-logs', target: 'lun1' }))
    expect(first(next).host.disks[3]!.lun).toBe('lun1')
    expect(first(value(applyEdit(withSan(), { op: 'connect', source: 'hv01-boot', target: null }))).host.disks[1]!.lun).toBeNull()
    expect(applyEdit(withSan(), { op: 'connect', source: 'ex01', target: 'lun1' })).toMatchObject({ ok: false, problems: [{ path: 'ex01' }] })
    expect(applyEdit(withSan(), { op: 'connect', source: 'nope', target: 'lun1' })).toMatchObject({ ok: false, problems: [{ path: 'nope' }] })
  })
})

describe('applyEdit keeps the plan valid and canonical', () => {
  /** Export, import, export: the same bytes when the plan is in canonical form. */
  const roundTrips = (plan: Parameters<typeof savePlan>[0]) => {
    const once = savePlan(plan)
    const loaded = loadPlanValue(JSON.parse(once))
    return loaded.ok && savePlan(loaded.value) === once
  }

  it('refuses an added entity the schema refuses, naming each problem at the entity and field', () => {
    const plan = soundPlan()
    const badVm = applyEdit(plan, { op: 'add-vm', host: 'hv01', vm: { ...first(plan).vm, id: 'bad id!', vcpus: 0, disks: [] } })
    expect(badVm.ok).toBe(false)
    if (!badVm.ok) expect(badVm.problems.map((p) => p.path).sort()).toEqual(['bad id!.id', 'bad id!.vcpus'])
    const badHost = applyEdit(plan, { op: 'add-host', host: { ...host({ id: 'hv02' }), hypervisor: 'kvm' as never } })
    expect(badHost.ok).toBe(false)
    if (!badHost.ok) expect(badHost.problems[0]!.path).toBe('hv02.hypervisor')
    const badRole = applyEdit(plan, { op: 'add-role', server: 'hv01', role: 'mailbox', install: { version: '2099', update: 'sp1', roles: [], cluster: null } as never })
    expect(badRole.ok).toBe(false)
  })

  it('refuses to connect a disk to an id that names nothing', () => {
    const result = applyEdit(soundPlan(), { op: 'connect', source: 'ex01-db', target: 'not an id!' })
    expect(result).toEqual({ ok: false, problems: [{ path: 'ex01-db', message: 'cannot connect to "not an id!": no entity has that id' }] })
  })

  it('stores what it adds and sets as the schema reads it, so the next export is already canonical', () => {
    const plan = value(loadPlanValue(soundPlan()))
    expect(roundTrips(plan)).toBe(true)
    const partialExchange = value(applyEdit(plan, { op: 'set', target: 'ex01', field: 'exchange', value: { version: '2007', update: 'sp1', roles: ['mailbox'] } }))
    expect(first(partialExchange).vm.exchange).toEqual({ version: '2007', update: 'sp1', roles: ['mailbox'], cluster: null })
    const reordered = value(applyEdit(plan, { op: 'set', target: 'ex01', field: 'backup', value: { product: 'DPM 2007', method: 'agent' } }))
    expect(Object.keys(first(reordered).vm.backup)).toEqual(['method', 'product'])
    const organization = value(applyEdit(plan, { op: 'set', target: PLAN_TARGET, field: 'organization', value: { mailboxes: 5 } }))
    expect(organization.organization).toEqual({ mailboxes: 5, activeDirectory: true })
    // A VM given without its disks list: the schema's default (none) is stored.
    const withoutDisks: Record<string, unknown> = { ...first(plan).vm, id: 'ex02', name: 'EX02' }
    delete withoutDisks.disks
    const addedVm = value(applyEdit(plan, { op: 'add-vm', host: 'hv01', vm: withoutDisks as never }))
    expect(first(addedVm).host.vms[1]!.disks).toEqual([])
    for (const changed of [partialExchange, reordered, organization, addedVm]) expect(roundTrips(changed)).toBe(true)
  })
})
