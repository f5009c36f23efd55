import { describe, expect, it } from 'vitest'
import { generateEstate } from '../../core/testing/estate.ts'
import { edit, first, soundPlan, virtualDisk } from '../../core/testing/plan-builder.ts'
import type { Plan } from '../../core/index.ts'
import { LUNS_PER_ROW, MIN_ZOOM, SIZE, VM_ROW_WIDTH, computeGeometry, freeSpot, minZoomFor, vmGrid, type Box } from './geometry.ts'
import { MAX_DISK_WIDTH, MIN_DISK_WIDTH } from './nodes/disk-lines.ts'

const inside = (child: Box, parent: Box) =>
  child.ax >= parent.ax && child.ay >= parent.ay && child.ax + child.w <= parent.ax + parent.w && child.ay + child.h <= parent.ay + parent.h
const overlap = (a: Box, b: Box) => a.ax < b.ax + b.w && b.ax < a.ax + a.w && a.ay < b.ay + b.h && b.ay < a.ay + a.h

describe('computeGeometry', () => {
  const plan = generateEstate(40)
  const geometry = computeGeometry(plan, { hv0: { x: 100, y: 50 } })

  it('gives every entity of the plan a box, and containers grow to hold their children', () => {
    for (const box of geometry.boxes) {
      if (!box.parentId) continue
      const parent = geometry.byId.get(box.parentId)!
      expect(inside(box, parent), `${box.id} inside ${parent.id}`).toBe(true)
      expect(box.ax - parent.ax).toBe(box.x)
      expect(box.ay - parent.ay).toBe(box.y)
    }
    const vms = plan.hosts.flatMap((h) => h.vms)
    expect(geometry.boxes.filter((b) => b.kind === 'vm')).toHaveLength(vms.length)
    expect(geometry.boxes.filter((b) => b.kind === 'vdisk')).toHaveLength(vms.flatMap((vm) => vm.disks).length)
  })

  it('keeps siblings apart and places top-level items where the layout says, the rest in tidy rows', () => {
    const byParent = new Map<string, Box[]>()
    for (const box of geometry.boxes) byParent.set(box.parentId ?? '', [...(byParent.get(box.parentId ?? '') ?? []), box])
    for (const siblings of byParent.values()) {
      for (let i = 0; i < siblings.length; i++) for (let j = i + 1; j < siblings.length; j++) {
        expect(overlap(siblings[i]!, siblings[j]!), `${siblings[i]!.id} and ${siblings[j]!.id}`).toBe(false)
      }
    }
    expect(geometry.byId.get('hv0')).toMatchObject({ x: 100, y: 50 })
    const tops = byParent.get('')!
    expect(new Set(tops.map((b) => b.ay)).size).toBeGreaterThan(1)
  })
})

describe('disk widths in the geometry', () => {
  const longNames = edit(soundPlan(), (plan) => {
    const host = plan.hosts[0]!
    host.disks[0]!.name = 'Disk 1 (RAID 1, host OS and page file)'
    host.vms[0]!.disks[0]!.name = 'Database and transaction logs of the first storage group'
  })

  it('gives a disk with a long name a wider box, and moves its neighbours along rather than under it', () => {
    const plain = computeGeometry(soundPlan(), {})
    const wide = computeGeometry(longNames, {})
    const host = longNames.hosts[0]!
    const [first, second] = host.vms[0]!.disks.map((disk) => wide.byId.get(disk.id)!)
    expect(first!.w).toBeGreaterThan(MIN_DISK_WIDTH)
    expect(first!.w).toBeLessThanOrEqual(MAX_DISK_WIDTH)
    expect(second!.x).toBe(first!.x + first!.w + SIZE.gap)
    const [hostDisk, nextHostDisk] = host.disks.map((disk) => wide.byId.get(disk.id)!)
    expect(hostDisk!.w).toBeGreaterThan(plain.byId.get(host.disks[0]!.id)!.w)
    expect(nextHostDisk!.x).toBe(hostDisk!.x + hostDisk!.w + SIZE.gap)
    for (const box of wide.boxes) if (box.parentId) expect(inside(box, wide.byId.get(box.parentId)!), box.id).toBe(true)
  })
})

describe('a host\'s VMs in columns', () => {
  it('line up whatever their disks\' names: each column as wide as its widest VM, every VM in it that wide', () => {
    const plan = edit(generateEstate(8), (draft) => { draft.hosts[0]!.vms[3]!.disks[0]!.name = 'Boot disk of the fourth VM, on the host\'s mirror' })
    const { byId } = computeGeometry(plan, {})
    const columns = vmGrid(plan.hosts[0]!).perRow
    expect(columns).toBe(2)
    const vms = plan.hosts[0]!.vms.map((vm) => byId.get(vm.id)!)
    for (let i = columns; i < vms.length; i++) {
      const above = vms[i - columns]!
      expect({ x: vms[i]!.x, w: vms[i]!.w }, `${vms[i]!.id} under ${above.id}`).toEqual({ x: above.x, w: above.w })
    }
    // The fourth VM (second column) widened its column; the first kept its width.
    expect(vms[1]!.w).toBeGreaterThan(vms[0]!.w)
    expect(vms[1]!.x).toBe(vms[0]!.x + vms[0]!.w + SIZE.host.vmGap)
  })

  it('are three to a row, or fewer where three would make the host wider than a canvas', () => {
    const withDisks = (count: number) => edit(generateEstate(6), (draft) => {
      for (const vm of draft.hosts[0]!.vms) {
        vm.disks = Array.from({ length: count }, (_, i) => ({ ...vm.disks[0]!, id: `${vm.id}-d${i}`, name: `Disk ${i + 1}` }))
      }
    })
    const rowWidth = (plan: Plan) => {
      const { byId } = computeGeometry(plan, {})
      const boxes = plan.hosts[0]!.vms.slice(0, vmGrid(plan.hosts[0]!).perRow).map((vm) => byId.get(vm.id)!)
      return boxes.at(-1)!.x + boxes.at(-1)!.w - boxes[0]!.x
    }
    // Two disks: three VMs side by side. Three, four, or nine (in rows of four): two.
    for (const [disks, columns] of [[2, 3], [3, 2], [4, 2], [9, 2]] as const) {
      const plan = withDisks(disks)
      expect(vmGrid(plan.hosts[0]!).perRow, `${disks} disks`).toBe(columns)
      expect(rowWidth(plan), `${disks} disks`).toBeLessThanOrEqual(VM_ROW_WIDTH)
    }
    // Four disks with long names: one VM to a row.
    const long = edit(withDisks(4), (draft) => { for (const disk of draft.hosts[0]!.vms[0]!.disks) disk.name = `${disk.name} of the primary mailbox database copy` })
    expect(vmGrid(long.hosts[0]!).perRow).toBe(1)
  })
})

describe('freeSpot', () => {
  // Three hosts in a row at y 0 (hv0, hv1, hv2) and a new, empty host hv9 being put down.
  const plan = generateEstate(24)
  const layout = { hv0: { x: 0, y: 0 }, hv1: { x: 1300, y: 0 }, hv2: { x: 2600, y: 0 } }
  const withNew = { ...plan, hosts: [...plan.hosts, { ...plan.hosts[0]!, id: 'hv9', name: 'HV-9', disks: [], vms: [] }] }
  const boxOf = (id: string, at: { x: number; y: number }) =>
    computeGeometry(withNew, { ...layout, [id]: at }).byId.get(id)!

  it('keeps a spot that covers nothing', () => {
    expect(freeSpot(withNew, layout, 'hv9', { x: 0, y: 5000 })).toEqual({ x: 0, y: 5000 })
  })

  it('moves an item put down over others to the right until it covers none of them', () => {
    const spot = freeSpot(withNew, layout, 'hv9', { x: 200, y: 100 })
    expect(spot.y).toBe(100)
    expect(spot.x).toBeGreaterThan(2600)
    const placed = boxOf('hv9', spot)
    const tops = computeGeometry(withNew, { ...layout, hv9: spot }).boxes.filter((b) => !b.parentId && b.id !== 'hv9')
    for (const other of tops) expect(overlap(placed, other), `hv9 and ${other.id}`).toBe(false)
  })
})

describe('top-level boxes never cover one another', () => {
  const plan = generateEstate(24)
  const tops = (layout: Record<string, { x: number; y: number }>) =>
    computeGeometry(plan, layout).boxes.filter((b) => !b.parentId)
  const noneCover = (boxes: Box[]) => {
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
      expect(overlap(boxes[i]!, boxes[j]!), `${boxes[i]!.id} and ${boxes[j]!.id}`).toBe(false)
    }
  }

  it('a host grown over its neighbour pushes the neighbour the shorter way (here down), and the upper-left one stays put', () => {
    // hv0 holds 8 VMs, far wider than the 500 px the layout leaves before hv1, and wider than it is tall
    const boxes = tops({ hv0: { x: 0, y: 0 }, hv1: { x: 500, y: 0 }, hv2: { x: 0, y: 3000 } })
    noneCover(boxes)
    const [hv0, hv1] = [boxes.find((b) => b.id === 'hv0')!, boxes.find((b) => b.id === 'hv1')!]
    expect(hv0).toMatchObject({ ax: 0, ay: 0 })
    expect(hv0.w).toBeGreaterThan(hv0.h)
    expect(hv1).toMatchObject({ ax: 500, ay: hv0.h + SIZE.topGap })
  })

  it('a host\'s disks sit side by side in one row, so no line to one passes behind another', () => {
    for (const host of plan.hosts) {
      const disks = computeGeometry(plan, {}).boxes.filter((b) => b.kind === 'pdisk' && b.parentId === host.id)
      expect(disks.length).toBe(host.disks.length)
      expect(new Set(disks.map((b) => b.ay)).size).toBe(1)
    }
  })

  it('boxes piled on one spot are spread out', () => {
    noneCover(tops({ hv0: { x: 0, y: 0 }, hv1: { x: 0, y: 0 }, hv2: { x: 0, y: 0 }, san1: { x: 10, y: 10 } }))
  })

  it('leaves a layout that covers nothing as it is', () => {
    const layout = { hv0: { x: 0, y: 0 }, hv1: { x: 0, y: 2000 }, hv2: { x: 0, y: 4000 }, san1: { x: 0, y: 6000 } }
    for (const box of tops(layout)) expect({ x: box.ax, y: box.ay }).toEqual(layout[box.id as keyof typeof layout])
  })
})

describe('a storage array of an estate', () => {
  it('wraps its LUNs into rows, so that the array stays about as wide as a host row, not a strip no view can fit', () => {
    const plan = generateEstate(1000)
    const array = plan.storage[0]!
    expect(array.luns.length).toBeGreaterThan(3 * LUNS_PER_ROW)
    const geometry = computeGeometry(plan, {})
    const box = geometry.byId.get(array.id)!
    const luns = array.luns.map((lun) => geometry.byId.get(lun.id)!)
    expect(box.w).toBe(LUNS_PER_ROW * SIZE.array.lun.w + (LUNS_PER_ROW - 1) * SIZE.gap + 2 * SIZE.pad)
    expect(new Set(luns.map((lun) => lun.y)).size).toBe(Math.ceil(array.luns.length / LUNS_PER_ROW))
    for (const lun of luns) expect(inside(lun, box), lun.id).toBe(true)
    for (let i = 1; i < luns.length; i++) expect(overlap(luns[i - 1]!, luns[i]!), luns[i]!.id).toBe(false)
  })
})

describe('a VM with many disks', () => {
  it('lays them in rows of four in columns, each disk as wide as its column, and grows down rather than across', () => {
    const many = (n: number) => edit(soundPlan(), (d) => {
      const vm = first(d).vm
      while (vm.disks.length < n) vm.disks.push(virtualDisk({ id: `ex01-d${vm.disks.length}`, name: vm.disks.length === 5 ? 'A disk with a long name' : `Data ${vm.disks.length}`, kind: 'fixed-vhd', controller: 'scsi1', backing: null }))
    })
    const four = computeGeometry(many(4), {})
    const nine = computeGeometry(many(9), {})
    const disks = nine.boxes.filter((b) => b.kind === 'vdisk')
    expect(new Set(disks.map((b) => b.y)).size).toBe(3)
    const columns = new Map<number, Set<number>>()
    for (const b of disks) columns.set(b.x, (columns.get(b.x) ?? new Set()).add(b.w))
    expect(columns.size).toBe(4)
    for (const widths of columns.values()) expect(widths.size).toBe(1)
    // Nine disks in three rows take about the width of four in one.
    expect(nine.byId.get('ex01')!.w).toBeLessThan(four.byId.get('ex01')!.w * 1.5)
    expect(nine.byId.get('ex01')!.h).toBeGreaterThan(four.byId.get('ex01')!.h + 2 * SIZE.disk.h)
    // Four disks stay in one row, each as wide as its own lines.
    expect(new Set(four.boxes.filter((b) => b.kind === 'vdisk').map((b) => b.y)).size).toBe(1)
  })
})

describe('minZoomFor', () => {
  it('lets a plan zoom out to half the zoom that fits it, between 5 % and 50 %', () => {
    const small = computeGeometry(soundPlan(), {})
    const estate = computeGeometry(generateEstate(2000), {})
    // One host fits a 1,200 × 800 canvas at well over 100 %: zooming out stops at 50 %.
    expect(minZoomFor(small, 1200, 800)).toBe(0.5)
    const host = small.byId.get('hv01')!
    expect(minZoomFor(small, host.w / 2, host.h / 2)).toBeCloseTo(0.25)
    expect(minZoomFor(estate, 1200, 800)).toBe(MIN_ZOOM)
    // Nothing to fit, or a canvas not measured yet: the floor.
    expect(minZoomFor(computeGeometry({ ...soundPlan(), hosts: [] }, {}), 1200, 800)).toBe(MIN_ZOOM)
    expect(minZoomFor(small, 0, 0)).toBe(MIN_ZOOM)
  })
})
