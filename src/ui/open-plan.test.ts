import { describe, expect, it } from 'vitest'
import { edit, first, host, soundPlan } from '../core/testing/plan-builder.ts'
import { farOffPlaces, farOffText, layoutFor, openedText, othersText, planCounts } from './open-plan.ts'

describe('planCounts and openedText', () => {
  it('count bare-metal servers apart from hosts, as the palette and canvas name them', () => {
    const plan = edit(soundPlan(), (d) => { d.hosts.push(host({ id: 'bm1', name: 'SRV01', hypervisor: 'none' }), host({ id: 'bm2', name: 'SRV02', hypervisor: 'none' })) })
    expect(planCounts(plan, 'virtual machine')).toEqual(['1 host', '2 bare-metal servers', '1 virtual machine', '0 storage arrays'])
    expect(planCounts(soundPlan(), 'VM')).toEqual(['1 host', '1 VM', '0 storage arrays'])
    expect(planCounts(edit(plan, (d) => { d.hosts.shift() }), 'VM')).toEqual(['2 bare-metal servers', '0 VMs', '0 storage arrays'])
    expect(planCounts({ ...plan, hosts: [] }, 'VM')).toEqual(['0 hosts', '0 VMs', '0 storage arrays'])
    expect(openedText(plan, 'a.json')).toBe('Opened "' + plan.name + '" from a.json: 1 host, 2 bare-metal servers, 1 VM. Undo goes back to the plan before.')
    const withArray = edit(soundPlan(), (d) => { d.storage.push({ id: 'san', name: 'SAN', protocol: 'fc', luns: [] }); first(d).host.name = 'HV01' })
    expect(openedText(withArray)).toMatch(/: 1 host, 1 VM, 1 storage array\. /)
  })
})

describe('othersText', () => {
  it('says why each file before the opened one could not be opened, and names those after it', () => {
    expect(othersText({
      failed: [
        { name: 'a.json', problems: [{ path: '(the whole file)', message: 'is not valid JSON at line 1, column 2: oops' }] },
        { name: 'b.json', problems: [{ path: 'hosts[0].id', message: 'is required but missing' }, { path: 'x', message: 'y' }, { path: 'z', message: 'w' }] },
      ],
      notOpened: ['d.json'],
    })).toBe(' a.json could not be opened (it is not valid JSON at line 1, column 2: oops). b.json could not be opened (hosts[0].id is required but missing, and 2 more problems). Only one plan opens at a time: d.json was not opened.')
    expect(othersText({ failed: [], notOpened: [] })).toBe('')
  })
})

describe('a layout whose places lie far off the canvas', () => {
  const plan = edit(soundPlan(), (d) => { d.layout = { hv01: { x: 1e300, y: -1e300 } } })

  it('is named by its places in the notice (the canvas lays the plan out anew: tests/e2e)', () => {
    expect(farOffPlaces(plan.layout)).toEqual(['hv01'])
    expect(farOffText(plan)).toBe(' Its canvas places were laid out anew: layout.hv01 lay more than 1,000,000 pixels off the canvas.')
  })

  it('is kept as it is within a million pixels, sizes too', async () => {
    const near = edit(soundPlan(), (d) => { d.layout = { hv01: { x: -999_999, y: 1_000_000, width: 900_000 } } })
    expect(farOffPlaces(near.layout)).toEqual([])
    expect(await layoutFor(near)).toBe(near.layout)
    expect(farOffPlaces({ hv01: { x: 0, y: 0, height: 2e6 } })).toEqual(['hv01'])
    expect(farOffText(near)).toBe('')
  })
})
