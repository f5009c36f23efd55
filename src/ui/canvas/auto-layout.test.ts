import { describe, expect, it } from 'vitest'
import { generateEstate } from '../../core/testing/estate.ts'
import { edit, first, host, lun, physicalDisk, soundPlan, storageArray } from '../../core/testing/plan-builder.ts'
import type { Plan } from '../../core/index.ts'
import type { Layout } from '../../store/history.ts'
import { autoLayout } from './auto-layout.ts'
import { computeGeometry, type Box } from './geometry.ts'

const overlap = (a: Box, b: Box) => a.ax < b.ax + b.w && b.ax < a.ax + a.w && a.ay < b.ay + b.h && b.ay < a.ay + a.h

/** The top-level boxes of a plan laid out by autoLayout, and the bounds of them all. */
async function laidOut(vms: number) {
  const plan = generateEstate(vms)
  const layout = await autoLayout(plan)
  const tops = computeGeometry(plan, layout).boxes.filter((box) => !box.parentId)
  const width = Math.max(...tops.map((b) => b.ax + b.w)) - Math.min(...tops.map((b) => b.ax))
  const height = Math.max(...tops.map((b) => b.ay + b.h)) - Math.min(...tops.map((b) => b.ay))
  return { plan, layout, tops, width, height }
}

function expectApart(tops: Box[]) {
  for (let i = 0; i < tops.length; i++) for (let j = i + 1; j < tops.length; j++) {
    expect(overlap(tops[i]!, tops[j]!), `${tops[i]!.id} and ${tops[j]!.id}`).toBe(false)
  }
}

describe('autoLayout', () => {
  it('puts the hosts of a small plan in one row and the storage below them', async () => {
    const { plan, layout, tops } = await laidOut(16)
    expect(Object.keys(layout).sort()).toEqual([...plan.hosts.map((h) => h.id), ...plan.storage.map((a) => a.id)].sort())
    expect(new Set(plan.hosts.map((host) => layout[host.id]!.y)).size).toBe(1)
    const hostsBottom = Math.max(...tops.filter((b) => b.kind === 'host').map((b) => b.ay + b.h))
    for (const array of tops.filter((b) => b.kind === 'array')) expect(array.ay).toBeGreaterThan(hostsBottom)
    expectApart(tops)
  })

  it('wraps the hosts of a big estate into a grid shaped like a screen, storage below, nothing overlapping', async () => {
    const { plan, layout, tops, width, height } = await laidOut(200)
    expect(plan.hosts).toHaveLength(25)
    expect(new Set(plan.hosts.map((host) => layout[host.id]!.y)).size).toBeGreaterThan(3)
    expect(width / height).toBeGreaterThan(0.8)
    expect(width / height).toBeLessThan(2.5)
    const hostsBottom = Math.max(...tops.filter((b) => b.kind === 'host').map((b) => b.ay + b.h))
    for (const array of tops.filter((b) => b.kind === 'array')) expect(array.ay).toBeGreaterThan(hostsBottom)
    expectApart(tops)
    // Reading order: the plan's first host top left, the next one to its right.
    expect(layout.hv0).toEqual({ x: 0, y: 0 })
    expect(layout.hv1!.y).toBe(0)
    expect(layout.hv1!.x).toBeGreaterThan(0)
  })

  it('keeps hosts that share no storage in one row, in plan order, rather than one above the other', async () => {
    const plan = generateEstate(16)
    const apart = { ...plan, storage: [], hosts: plan.hosts.map((host) => ({ ...host, disks: host.disks.map((disk) => ({ ...disk, lun: null })), vms: host.vms.map((vm) => ({ ...vm, disks: vm.disks.map((disk) => ({ ...disk, backing: disk.kind === 'iscsi-guest' || disk.kind === 'fc-guest' ? null : disk.backing })) })) })) }
    const layout = await autoLayout(apart)
    expect(new Set(apart.hosts.map((host) => layout[host.id]!.y)).size).toBe(1)
    const xs = apart.hosts.map((host) => layout[host.id]!.x)
    expect(xs).toEqual([...xs].sort((a, b) => a - b))
    expectApart(computeGeometry(apart, layout).boxes.filter((box) => !box.parentId))
  })

  it('tops the hosts of a row at one line, in plan order, a short host beside a tall one on the same storage', async () => {
    // HV01 holds a VM, HV02 none: HV02 is the shorter. Both have a disk on LUN 0 of SAN01.
    const plan = edit(soundPlan(), (d) => {
      // SAN02 is used by no host: it stays clear of the hosts.
      d.storage.push(storageArray({ id: 'san01', luns: [lun({ id: 'lun0' })] }), storageArray({ id: 'san02', luns: [lun({ id: 'lun9' })] }))
      first(d).host.disks.push(physicalDisk({ id: 'hv01-csv', online: true, contents: ['vm-files'], lun: 'lun0' }))
      d.hosts.push(host({ id: 'hv02', disks: [physicalDisk({ id: 'hv02-csv', online: true, contents: ['vm-files'], lun: 'lun0' })] }))
    })
    const layout = await autoLayout(plan)
    const tops = computeGeometry(plan, layout).boxes.filter((box) => !box.parentId)
    const [hv01, hv02] = [tops.find((b) => b.id === 'hv01')!, tops.find((b) => b.id === 'hv02')!]
    expect(hv02.h).toBeLessThan(hv01.h)
    expect(hv02.ay).toBe(hv01.ay)
    expect(hv01.ax).toBeLessThan(hv02.ax)
    expect(tops.find((b) => b.id === 'san01')!.ay).toBeGreaterThan(hv01.ay + hv01.h)
    expectApart(tops)
  })

  describe('in the view the plan opens in', () => {
    const apartPlan = (vms: number) => {
      const plan = generateEstate(vms)
      return { ...plan, storage: [], hosts: plan.hosts.map((host) => ({ ...host, disks: host.disks.map((disk) => ({ ...disk, lun: null })), vms: host.vms.map((vm) => ({ ...vm, disks: vm.disks.map((disk) => ({ ...disk, backing: disk.kind === 'iscsi-guest' || disk.kind === 'fc-guest' ? null : disk.backing })) })) })) }
    }
    /** The zoom at which the laid-out plan fits `view`, capped at 100 % as fitting is. */
    const fitZoom = (plan: Plan, layout: Layout, view: { width: number; height: number }) => {
      const tops = computeGeometry(plan, layout).boxes.filter((box) => !box.parentId)
      const width = Math.max(...tops.map((b) => b.ax + b.w)) - Math.min(...tops.map((b) => b.ax))
      const height = Math.max(...tops.map((b) => b.ay + b.h)) - Math.min(...tops.map((b) => b.ay))
      return Math.min(1, view.width / width, view.height / height)
    }

    it('puts two hosts one above the other in a tall view, where side by side would shrink them', async () => {
      const plan = apartPlan(16)
      const view = { width: 800, height: 650 }
      const layout = await autoLayout(plan, view)
      const [hv0, hv1] = [layout.hv0!, layout.hv1!]
      expect(hv0).toEqual({ x: 0, y: 0 })
      expect(hv1.x).toBe(0)
      expect(hv1.y).toBeGreaterThan(0)
      expect(fitZoom(plan, layout, view)).toBeGreaterThan(1.4 * fitZoom(plan, await autoLayout(plan), view))
      expectApart(computeGeometry(plan, layout).boxes.filter((box) => !box.parentId))
    })

    it('keeps them side by side in a wide view, in plan order', async () => {
      const plan = apartPlan(16)
      const layout = await autoLayout(plan, { width: 2400, height: 650 })
      expect(layout.hv0).toEqual({ x: 0, y: 0 })
      expect(layout.hv1!.y).toBe(0)
      expect(layout.hv1!.x).toBeGreaterThan(0)
    })

    it('shapes a big estate to the view: never smaller than the screen-shaped grid, HV-0 still top left', async () => {
      const plan = generateEstate(200)
      for (const view of [{ width: 800, height: 650 }, { width: 1600, height: 500 }, { width: 500, height: 1200 }]) {
        const layout = await autoLayout(plan, view)
        expect(layout.hv0).toEqual({ x: 0, y: 0 })
        // Within the 2 % by which gridLayout counts two fits as equal (and keeps the one closer to plan order).
        expect(fitZoom(plan, layout, view)).toBeGreaterThanOrEqual(fitZoom(plan, await autoLayout(plan), view) / 1.02)
        const tops = computeGeometry(plan, layout).boxes.filter((box) => !box.parentId)
        expectApart(tops)
        const hostsBottom = Math.max(...tops.filter((b) => b.kind === 'host').map((b) => b.ay + b.h))
        for (const array of tops.filter((b) => b.kind === 'array')) expect(array.ay).toBeGreaterThan(hostsBottom)
      }
    })

    it('lines the hosts up in columns as wide as their widest host, so the gaps between columns run straight down', async () => {
      // Hosts of different widths (2 to 8 VMs), several rows of them.
      const plan = edit(generateEstate(200), (d) => { d.hosts.forEach((h, i) => { h.vms = h.vms.slice(0, 2 + (i % 7)) }) })
      const layout = await autoLayout(plan, { width: 1400, height: 800 })
      const hosts = computeGeometry(plan, layout).boxes.filter((box) => box.kind === 'host')
      const rows = [...new Set(hosts.map((b) => b.ay))].sort((a, b) => a - b)
      expect(rows.length).toBeGreaterThan(1)
      expect(new Set(hosts.map((b) => b.w)).size).toBeGreaterThan(1)
      // Every host starts at one of the first row's places, and no host reaches into the gap before the next column.
      const starts = hosts.filter((b) => b.ay === rows[0]).map((b) => b.ax).sort((a, b) => a - b)
      for (const box of hosts) {
        const column = starts.indexOf(box.ax)
        expect(column, box.id).toBeGreaterThanOrEqual(0)
        if (column + 1 < starts.length) expect(box.ax + box.w, box.id).toBeLessThanOrEqual(starts[column + 1]! - 64)
      }
      expectApart(hosts)
    })
  })
})
