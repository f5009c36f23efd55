import { describe, expect, it } from 'vitest'
import { generateEstate } from '../../core/testing/estate.ts'
import { edit, first, lun, soundPlan, storageArray, virtualDisk } from '../../core/testing/plan-builder.ts'
import { computeGeometry, SIZE, vmGrid } from './geometry.ts'
import { ARROW_LENGTH } from './backing-route.ts'
import { HANDLE_OUTSET } from './flow.ts'
import { backingLanes, roundedPath } from './lanes.ts'

describe('backingLanes', () => {
  // Two hosts of 8 VMs of three disks: rows of 2. Each VM's database is a pass-through disk of its host.
  const plan = generateEstate(16)
  const geometry = computeGeometry(plan, {})
  const lanes = backingLanes(plan, geometry)
  const host = plan.hosts[0]!
  const box = (id: string) => geometry.byId.get(id)!

  it('gives a lane to the lines of the upper rows\' VMs that end on a host disk, and to every line to a LUN', () => {
    const luns = new Set(plan.storage[0]!.luns.map((lun) => lun.id))
    host.vms.forEach((vm, i) => {
      const columns = vmGrid(host).perRow
      const lowerRow = Math.floor(i / columns) === Math.floor((host.vms.length - 1) / columns)
      for (const disk of vm.disks) {
        const onHostDisk = host.disks.some((hostDisk) => hostDisk.id === disk.backing)
        const onLun = luns.has(disk.backing ?? '')
        expect(lanes.get(disk.id)?.to, `${disk.id}`).toBe(onLun ? 'outside' : onHostDisk && !lowerRow ? 'host-disk' : undefined)
      }
    })
  })

  it('takes a line to a LUN out by the host\'s side margins, clear of the VMs and host disks, to its bottom edge', () => {
    const hostBox = box(host.id)
    const lane = lanes.get('hv0-ex0-logs')!
    expect(lane).toMatchObject({ to: 'outside', host: 'hv0', bottomY: hostBox.h })
    if (lane.to !== 'outside') throw new Error('an outside lane')
    // In the margins, a gap's width from the host's edge and its VMs and disks.
    expect(lane.leftX).toBeGreaterThan(1)
    expect(lane.leftX).toBeLessThan(SIZE.pad - 1)
    expect(lane.rightX).toBeGreaterThan(hostBox.w - SIZE.pad + 1)
    expect(lane.rightX).toBeLessThan(hostBox.w - 1)
    for (const child of geometry.boxes.filter((b) => b.parentId === host.id && (b.kind === 'vm' || b.kind === 'pdisk'))) {
      expect(child.x).toBeGreaterThan(SIZE.pad / 2)
      expect(child.x + child.w).toBeLessThan(hostBox.w - SIZE.pad / 2)
    }
  })

  it('nests the lines that leave by one side margin: none runs over another, and a lower one turns down inside the ones above', () => {
    const hostBox = box(host.id)
    const outs = host.vms.flatMap((vm) => vm.disks.flatMap((disk) => {
      const lane = lanes.get(disk.id)
      const target = box(disk.backing ?? '')
      return lane?.to === 'outside' && !lane.clearBelow ? [{ lane, left: target.ax + target.w / 2 < hostBox.ax + hostBox.w / 2 }] : []
    }))
    expect(outs.length).toBeGreaterThanOrEqual(3)
    for (const left of [true, false]) {
      const side = outs.filter((out) => out.left === left).map((out) => out.lane).sort((a, b) => a.rowGapY - b.rowGapY)
      const xs = side.map((lane) => (left ? lane.leftX : lane.rightX))
      expect(new Set(side.map((lane) => lane.rowGapY)).size).toBe(side.length)
      // Lower lines turn down further in: on the left side further right, on the right side further left.
      for (let i = 1; i < xs.length; i++) expect(left ? xs[i]! > xs[i - 1]! : xs[i]! < xs[i - 1]!).toBe(true)
    }
    expect(outs.filter((out) => out.left).length, 'lines on one side at least').toBeGreaterThanOrEqual(2)
  })

  it('runs the lines along the gap over the host disks clear of the arrowheads that end on them', () => {
    // The last row's lines to a LUN run along that gap to the host's side, as do the upper rows' lines to a host disk.
    const disksTop = Math.min(...host.disks.map((disk) => box(disk.id).y))
    const arrowTop = disksTop - HANDLE_OUTSET - ARROW_LENGTH
    const along = [...lanes.values()].flatMap((lane) => (lane.to === 'host-disk' ? [lane.disksGapY] : lane.to === 'outside' && !lane.clearBelow && lane.rowGapY > arrowTop - SIZE.host.disksGap ? [lane.rowGapY] : []))
    expect(along.length).toBeGreaterThan(3)
    for (const y of along) expect(y).toBeLessThan(arrowTop - 2)
  })

  it('takes a line to a LUN straight down and out from a VM of the last row where no host disk is beneath it', () => {
    // EX01, the only VM, with an iSCSI disk on SAN01's LUN 0 as its last or its first disk; HV01 without its
    // last host disk, so that nothing is beneath EX01's last disk.
    const withIscsi = (at: 'last' | 'first') => edit(soundPlan(), (d) => {
      d.storage.push(storageArray({ id: 'san01', protocol: 'iscsi', luns: [lun({ id: 'lun0' })] }))
      const { host: h, vm } = first(d)
      const gone = h.disks.pop()!
      for (const disk of vm.disks) if (disk.backing === gone.id) disk.backing = null
      const disk = virtualDisk({ id: 'ex01-iscsi', kind: 'iscsi-guest', controller: null, backing: 'lun0' })
      if (at === 'last') vm.disks.push(disk)
      else vm.disks.unshift(disk)
    })
    for (const at of ['last', 'first'] as const) {
      const plan = withIscsi(at)
      const geometry = computeGeometry(plan, {})
      const lane = backingLanes(plan, geometry).get('ex01-iscsi')
      if (lane?.to !== 'outside') throw new Error(`ex01-iscsi (${at}) has no lane out of its host`)
      const [vm, disk] = [geometry.byId.get('ex01')!, geometry.byId.get('ex01-iscsi')!]
      const x = vm.x + disk.x + disk.w / 2
      const beneath = plan.hosts[0]!.disks.map((d) => geometry.byId.get(d.id)!).filter((d) => x > d.x - SIZE.host.vmGap / 2 && x < d.x + d.w + SIZE.host.vmGap / 2)
      // Last, the disk is right of every host disk; first, it is above HV01's first one.
      expect(beneath.length, at).toBe(at === 'last' ? 0 : 1)
      expect(lane.clearBelow, at).toBe(at === 'last')
    }
    // A VM of an upper row has VMs beneath it: round by the side margin.
    const upper = lanes.get('hv0-ex0-logs')
    expect(upper?.to === 'outside' && upper.clearBelow).toBe(false)
  })

  it('runs a lane in the gaps: under its own row, beside its VM, and over the host disks, clear of every other VM', () => {
    for (const [diskId, lane] of lanes) {
      if (lane.to !== 'host-disk') continue
      expect(lane.host).toBe(plan.hosts.find((h) => h.vms.some((vm) => vm.disks.some((d) => d.id === diskId)))!.id)
      const vms = plan.hosts.find((h) => h.id === lane.host)!.vms.map((vm) => box(vm.id))
      for (const vm of vms) {
        // The vertical run (from the gap under its row to the gap over the host disks) is beside every VM it passes, never through one.
        const passes = vm.y < lane.disksGapY && vm.y + vm.h > lane.rowGapY
        expect(passes && lane.laneX > vm.x && lane.laneX < vm.x + vm.w, `${diskId}'s lane through ${vm.id}`).toBe(false)
        // The horizontal runs are between rows.
        for (const y of [lane.rowGapY, lane.disksGapY]) expect(y > vm.y && y < vm.y + vm.h, `${diskId} at y ${y} through ${vm.id}`).toBe(false)
      }
      const firstHostDisk = box(plan.hosts.find((h) => h.id === lane.host)!.disks[0]!.id)
      expect(lane.disksGapY).toBeLessThan(firstHostDisk.y)
    }
  })

  it('takes the gap on the side of the line\'s end', () => {
    // EX-0-1's database (second column) is backed by the host disk of the second VM, to the right of it.
    const vm = box('hv0-ex1')
    const lane = lanes.get('hv0-ex1-db')!
    if (lane.to !== 'host-disk') throw new Error('hv0-ex1-db has no lane to its host disk')
    const target = box(host.disks.find((disk) => disk.id === 'hv0-ex1-pt')!.id)
    const source = box('hv0-ex1-db')
    expect(target.x + target.w / 2 > vm.x + source.x + source.w / 2 ? lane.laneX > vm.x + vm.w : lane.laneX < vm.x).toBe(true)
  })

  it('takes a line from an upper row with no VM below it straight down to the gap over the host disks', () => {
    // HV-0's 7 VMs: rows of 2, 2, 2 and 1, so the second column's third-row VM (EX-0-5) has none below it.
    const seven = generateEstate(7)
    expect(vmGrid(seven.hosts[0]!).perRow).toBe(2)
    const sevenGeometry = computeGeometry(seven, {})
    const sevenLanes = backingLanes(seven, sevenGeometry)
    const at = (id: string) => sevenGeometry.byId.get(id)!
    const lane = sevenLanes.get('hv0-ex5-db')
    const disk = at('hv0-ex5-db')
    const vm = at('hv0-ex5')
    if (lane?.to !== 'host-disk') throw new Error('hv0-ex5-db has a lane to its host disk')
    expect(lane.rowGapY).toBe(lane.disksGapY)
    expect(lane.laneX).toBe(vm.x + disk.x + disk.w / 2)
    // EX-0-3, above EX-0-5, still goes round it.
    const above = sevenLanes.get('hv0-ex3-db')
    if (above?.to !== 'host-disk') throw new Error('hv0-ex3-db has a lane to its host disk')
    expect(above.rowGapY).toBeLessThan(above.disksGapY)
  })

  it('gives the lines of a host with one row of VMs no lane but to a LUN', () => {
    const small = generateEstate(2)
    expect([...backingLanes(small, computeGeometry(small, {})).values()].map((lane) => lane.to)).toEqual(['outside'])
  })
})

describe('roundedPath', () => {
  it('runs straight between the points and rounds each corner, less where a leg is short', () => {
    expect(roundedPath([{ x: 0, y: 0 }, { x: 0, y: 100 }, { x: 50, y: 100 }])).toBe('M0,0L0,92Q0,100 8,100L50,100')
    expect(roundedPath([{ x: 0, y: 0 }, { x: 0, y: 6 }, { x: 50, y: 6 }])).toBe('M0,0L0,3Q0,6 3,6L50,6')
    expect(roundedPath([{ x: 0, y: 0 }, { x: 10, y: 0 }])).toBe('M0,0L10,0')
  })
})

describe('lines out of a VM with rows of disks', () => {
  // EX01 with ten disks (rows of 4, 4 and 2) above EX04 with six (rows of 4 and 2), all on HV01's disks;
  // EX01's last disk on a LUN.
  const data = (vmId: string, n: number, backing: string) => Array.from({ length: n }, (_, i) =>
    virtualDisk({ id: `${vmId}-data${i}`, name: `Data ${i + 1}`, kind: 'fixed-vhd', controller: 'scsi1', backing, contents: ['other'] }))
  const plan = edit(soundPlan(), (d) => {
    const { host: h, vm: ex01 } = first(d)
    d.storage.push(storageArray({ id: 'san01', protocol: 'iscsi', luns: [lun({ id: 'lun0' })] }))
    ex01.disks.push(...data('ex01', 6, 'hv01-os'), virtualDisk({ id: 'ex01-iscsi', kind: 'iscsi-guest', controller: null, backing: 'lun0' }))
    for (const n of [2, 3, 4]) h.vms.push({ ...structuredClone(ex01), id: `ex0${n}`, name: `EX0${n}`, exchange: null, disks: data(`ex0${n}`, n === 4 ? 6 : 1, 'hv01-os') })
  })
  const geometry = computeGeometry(plan, {})
  const lanes = backingLanes(plan, geometry)
  const box = (id: string) => geometry.byId.get(id)!

  it('leave by the gaps between the disks: down to the gap under their row, down the gap beside their column, out at the bottom', () => {
    for (const vmId of ['ex01', 'ex04']) {
      const vm = box(vmId)
      const disks = geometry.boxes.filter((b) => b.parentId === vmId && b.kind === 'vdisk')
      const lastRowTop = Math.max(...disks.map((d) => d.y))
      for (const disk of disks) {
        const exit = lanes.get(disk.id)?.exit
        if (disk.y === lastRowTop) {
          expect(exit, disk.id).toBeUndefined()
          continue
        }
        if (!exit) throw new Error(`${disk.id}, above the last row, has no way out of ${vmId}`)
        expect(exit.bottomY).toBe(vm.y + vm.h)
        // The gap under the disk's row is clear of every disk; so is the lane, from there to the bottom.
        expect(exit.rowGapY).toBeGreaterThan(vm.y + disk.y + disk.h)
        for (const other of disks) {
          const [left, right, top, bottom] = [vm.x + other.x, vm.x + other.x + other.w, vm.y + other.y, vm.y + other.y + other.h]
          expect(exit.rowGapY > top && exit.rowGapY < bottom, `${disk.id}'s row gap through ${other.id}`).toBe(false)
          expect(exit.laneX > left && exit.laneX < right && bottom > exit.rowGapY, `${disk.id}'s lane through ${other.id}`).toBe(false)
        }
      }
    }
  })

  it('go on as before once out: by the host\'s lanes from an upper row of VMs or to a LUN, straight on from the last row', () => {
    expect(lanes.get('ex01-data0')?.to).toBe('host-disk')
    expect(lanes.get('ex01-iscsi')?.to).toBe('outside')
    expect(lanes.get('ex04-data0')).toMatchObject({ to: 'direct', host: 'hv01' })
    // EX04's last row needs no lane at all: nothing lies between it and the host disks.
    expect(lanes.get('ex04-data5')).toBeUndefined()
  })
})

describe('lines that share a lane', () => {
  it('run side by side across it, never one over another, and stay inside it', () => {
    // Two hosts of 8 VMs: lines from the upper rows to host disks share the gaps beside their VMs' columns.
    const plan = generateEstate(16)
    const geometry = computeGeometry(plan, {})
    const lanes = [...backingLanes(plan, geometry).values()].filter((lane) => lane.to === 'host-disk')
    const byHost = new Map<string, { laneX: number; rowGapY: number; disksGapY: number }[]>()
    for (const lane of lanes) if (lane.to === 'host-disk') byHost.set(lane.host, [...(byHost.get(lane.host) ?? []), lane])
    for (const [host, runs] of byHost) {
      expect(new Set(runs.map((run) => run.laneX)).size, host).toBe(runs.length)
      const vms = geometry.boxes.filter((b) => b.parentId === host && b.kind === 'vm')
      for (const run of runs) {
        for (const vm of vms) {
          const passes = vm.y < run.disksGapY && vm.y + vm.h > run.rowGapY
          expect(passes && run.laneX > vm.x && run.laneX < vm.x + vm.w, `${host} lane at ${run.laneX} through ${vm.id}`).toBe(false)
        }
      }
    }
  })
})
