import { describe, expect, it } from 'vitest'
import { loadPlanValue } from '../io/load.ts'
import { edit, first, host, plan, soundPlan } from '../testing/plan-builder.ts'
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

  it('puts roles on VMs, parent partitions and bare-metal servers, once each', () => {
    const p = edit(soundPlan(), (d) => { first(d).vm.exchange = null; d.hosts.push(host({ id: 'srv', hypervisor: 'none', vms: [] })) })
    expect(first(place(p, 'mailbox', { kind: 'entity', id: 'ex01' }).plan!).vm.exchange).toMatchObject({ version: '2007', update: 'sp1', roles: ['mailbox'] })
    expect(first(place(p, 'mailbox', { kind: 'entity', id: 'parent:hv01' }).plan!).host.parent.exchange?.roles).toEqual(['mailbox'])
    expect(place(p, 'mailbox', { kind: 'entity', id: 'srv' }).plan!.hosts[1]!.parent.exchange?.roles).toEqual(['mailbox'])
    expect(place(p, 'mailbox', { kind: 'entity', id: 'hv01' }).reason).toMatch(/virtual machine, a parent partition or a bare-metal server/)
    expect(place(soundPlan(), 'mailbox', { kind: 'entity', id: 'ex01' }).reason).toBe('EX01 already has the Mailbox role')
    const esx = edit(p, (d) => { Object.assign(first(d).host, { hypervisor: 'vmware-esx', svvpValidated: true }) })
    expect(place(esx, 'mailbox', { kind: 'entity', id: 'parent:hv01' }).reason).toBe('HV01 runs its hypervisor on the hardware itself, with no Windows host OS for Exchange: put the Mailbox role on a VM')
    expect(first(place(esx, 'mailbox', { kind: 'entity', id: 'ex01' }).plan!).vm.exchange?.roles).toEqual(['mailbox'])
  })

  it('refuses what cannot go there, saying why', () => {
    const p = edit(soundPlan(), (d) => d.hosts.push(host({ id: 'srv', name: 'SRV', hypervisor: 'none' })))
    expect(place(p, 'vm', { kind: 'entity', id: 'srv' }).reason).toBe('SRV is a bare-metal server: it runs no VMs')
    expect(place(p, 'fixed-vhd', { kind: 'canvas' }).reason).toBe('A Fixed VHD goes into a virtual machine')
    expect(place(p, 'fixed-vhd', { kind: 'entity', id: 'hv01' }).reason).toMatch(/goes into a virtual machine/)
    expect(place(p, 'lun', { kind: 'entity', id: 'hv01' }).reason).toBe('A LUN goes into a storage array')
    expect(place(p, 'vm', { kind: 'canvas' }).reason).toBe('A virtual machine goes into a host')
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
