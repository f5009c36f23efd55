import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { savePlan } from '../io/save.ts'
import { loadPlanValue } from '../io/load.ts'
import { arbitraryPlan } from '../testing/plan-arbitrary.ts'
import { edit, first, host, soundPlan } from '../testing/plan-builder.ts'
import { applyEdit, applyEdits, PLAN_TARGET } from './edits.ts'

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
