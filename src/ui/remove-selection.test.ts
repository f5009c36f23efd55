import { describe, expect, it } from 'vitest'
import { locate, type Plan } from '../core/index.ts'
import { edit, first, soundPlan, storageArray, lun } from '../core/testing/plan-builder.ts'
import { lastRoleWent, withContents } from './remove-selection.ts'

const located = (plan: Plan, id: string) => {
  const at = locate(plan, id)
  if (!at) throw new Error(`no ${id}`)
  return withContents(at)
}

describe('what a delete says it took with it', () => {
  const plan = edit(soundPlan(), (d) => {
    d.storage.push(storageArray({ id: 'san1', name: 'SAN 1', luns: [lun({ id: 'l1' }), lun({ id: 'l2' })] }))
    first(d).vm.exchange!.roles = ['mailbox', 'hub-transport']
  })

  it('a VM with its disks and roles, a host with its VMs and disks, an array with its LUNs', () => {
    expect(located(plan, 'ex01')).toBe('EX01 with its 3 disks and the Mailbox and Hub Transport roles')
    expect(located(plan, 'hv01')).toBe('HV01 with its 1 VM and its 4 host disks')
    expect(located(plan, 'san1')).toBe('SAN 1 with its 2 LUNs')
  })

  it('a disk or LUN with whose it is (every VM has a "Boot"), a VM with nothing in it by its name alone', () => {
    expect(located(plan, 'ex01-boot')).toBe("EX01's Boot")
    expect(located(plan, first(plan).host.disks[0]!.id)).toBe(`HV01's ${first(plan).host.disks[0]!.name}`)
    expect(located(plan, 'l1')).toBe("SAN 1's l1")
    expect(located(edit(plan, (d) => { Object.assign(first(d).vm, { disks: [], exchange: null }) }), 'ex01')).toBe('EX01')
  })
})

describe('what removing a server\'s last role says it took with it', () => {
  it('its Exchange install, by version and update, and its place in a cluster', () => {
    expect(lastRoleWent({ version: '2010', update: 'sp2', roles: ['mailbox'], cluster: { kind: 'dag', id: 'DAG1' } }))
      .toBe('; it was its last, so Exchange Server 2010 SP2 and its place in cluster "DAG1" went with it')
    expect(lastRoleWent({ version: '2007', update: 'sp1', roles: ['hub-transport'], cluster: null }))
      .toBe('; it was its last, so Exchange Server 2007 SP1 went with it')
  })
})
