/**
 * Lanes for the lines that would cross other VMs. A host lays its VMs in rows and its disks in one
 * row under them all, so a line from a disk of a VM in an upper row, drawn straight down to the
 * host disk behind it, ran across the VMs of the rows below, over their names and disks. Such a
 * line goes instead down to the gap under its own row, along it to the gap beside its VM's column,
 * down that gap past the rows below, and along the gap over the host disks to its end. A line to a
 * LUN, out of the host, leaves by the host's side margin, clear of the VMs and the host disks;
 * from a VM of the last row with no host disk beneath it, it goes straight down and out instead.
 * Lanes are relative to the host, so a line keeps them while the host is dragged.
 */
import type { Plan } from '../../core/index.ts'
import { diskGrid, DISK_ROW_GAP, SIZE, type DiskGrid, type Geometry } from './geometry.ts'

/**
 * The way out of its VM of a line from a disk above the VM's last row of disks (DISKS_PER_ROW):
 * down to the gap under the disk's row, along it to the gap beside the disk's column on the side of
 * the line's end, and down that gap, past the rows below, to the VM's bottom edge. Offsets relative
 * to the host, like the lanes.
 */
export interface VmExit {
  rowGapY: number
  laneX: number
  bottomY: number
}

/** Offsets relative to `host`; `rowGapY` is the middle of the gap under the source VM's row. */
export type Lane = (
  | {
    to: 'host-disk'; host: string; rowGapY: number
    /** The middle of the gap beside the source VM's column, on the side of the line's end. */
    laneX: number
    /** The middle of the gap between the last row of VMs and the host disks. */
    disksGapY: number
  }
  | {
    to: 'outside'; host: string; rowGapY: number
    /** The middles of the host's side margins: the line takes the one on the side of its end. */
    leftX: number; rightX: number
    /** The host's bottom edge, where the line leaves it. */
    bottomY: number
    /**
     * True when nothing lies between the disk and the host's bottom edge (a VM of the last row, no
     * host disk beneath it): the line goes straight down and out, not round by a side margin.
     */
    clearBelow: boolean
  }
  /** Out of its VM (`exit`), then straight on to its end: a VM of the last row, over its host disk. */
  | { to: 'direct'; host: string }
) & { exit?: VmExit }

/**
 * The lane of each virtual disk (by id) whose line would pass a VM of a lower row or the host's
 * disks: to a host disk from an upper row, or to a LUN from any row.
 */
export function backingLanes(plan: Plan, geometry: Geometry): Map<string, Lane> {
  const lanes = new Map<string, Lane>()
  const luns = new Set(plan.storage.flatMap((array) => array.luns.map((lun) => lun.id)))
  for (const host of plan.hosts) {
    if (host.vms.length === 0) continue
    // VMs to a row as the geometry put them (geometry.ts, vmGrid): those level with the first.
    const firstY = geometry.byId.get(host.vms[0]!.id)!.y
    let perRow = 1
    while (perRow < host.vms.length && geometry.byId.get(host.vms[perRow]!.id)!.y === firstY) perRow += 1
    const rows = Math.ceil(host.vms.length / perRow)
    const hostBox = geometry.byId.get(host.id)!
    const hostDisks = new Set(host.disks.map((disk) => disk.id))
    // Each row's bottom, and the top of the host disks' row (below every VM).
    const rowBottom: number[] = []
    host.vms.forEach((vm, i) => {
      const box = geometry.byId.get(vm.id)!
      const row = Math.floor(i / perRow)
      rowBottom[row] = Math.max(rowBottom[row] ?? 0, box.y + box.h)
    })
    // In the upper part of the wider gap over the host disks, clear of the arrowheads at its foot.
    const disksGapY = rowBottom[rows - 1]! + SIZE.host.vmGap / 2
    const outside = { to: 'outside', host: host.id, leftX: SIZE.pad / 2, rightX: hostBox.w - SIZE.pad / 2, bottomY: hostBox.h } as const
    // Where the host disks are, across the host: a line straight down must keep a gap's width clear of them.
    const hostDiskSpans = host.disks.map((disk) => {
      const diskBox = geometry.byId.get(disk.id)!
      return { from: diskBox.x - SIZE.host.vmGap / 2, to: diskBox.x + diskBox.w + SIZE.host.vmGap / 2 }
    })
    // Whether nothing of the rows below `row` lies under `x`: a VM whose column is empty below it.
    const vmBoxes = host.vms.map((vm, i) => ({ box: geometry.byId.get(vm.id)!, row: Math.floor(i / perRow) }))
    const clearDown = (row: number, x: number) => vmBoxes.every(({ box, row: below }) =>
      below <= row || x < box.x - SIZE.host.vmGap / 2 || x > box.x + box.w + SIZE.host.vmGap / 2)
    const toHostDisks: { laneX: number; rowGapY: number; disksGapY: number }[] = []
    /** The lines to a LUN that go out by a side margin: where each starts, and which side it takes. */
    const outs: { lane: { rowGapY: number; leftX: number; rightX: number }; x: number; left: boolean }[] = []
    host.vms.forEach((vm, i) => {
      const row = Math.floor(i / perRow)
      const rowGapY = rowBottom[row]! + SIZE.host.vmGap / 2
      const column = i % perRow
      const box = geometry.byId.get(vm.id)!
      const leftGap = box.x - (column === 0 ? SIZE.pad : SIZE.host.vmGap) / 2
      const lastInRow = column === perRow - 1 || i === host.vms.length - 1
      const rightGap = box.x + box.w + (lastInRow ? SIZE.pad : SIZE.host.vmGap) / 2
      const grid = diskGrid(vm)
      const exits: VmExit[] = []
      vm.disks.forEach((disk, d) => {
        if (disk.backing === null) return
        const source = geometry.byId.get(disk.id)!
        const target = geometry.byId.get(disk.backing)
        if (!target) return
        const exit = vmExit(grid, d, box, source, target)
        if (exit) exits.push(exit)
        // Where the line leaves its VM: below the disk, or at the end of its way out.
        const x = exit ? exit.laneX : box.x + source.x + source.w / 2
        const withExit = exit ? { exit } : {}
        // A line from an upper row with no VM below it goes straight down to the gap over the host
        // disks, as one from the last row does: round the rows below, several such lines framed the
        // empty corner of the host.
        const down = row < rows - 1 && clearDown(row, x)
        if (luns.has(disk.backing)) {
          const clearBelow = (row === rows - 1 || down) && hostDiskSpans.every((span) => x < span.from || x > span.to)
          const lane = { ...outside, rowGapY: down ? disksGapY : rowGapY, clearBelow, ...withExit }
          lanes.set(disk.id, lane)
          // The side BackingEdge takes: the one facing the LUN.
          if (!clearBelow) outs.push({ lane, x, left: target.ax + target.w / 2 < hostBox.ax + hostBox.w / 2 })
          return
        }
        if (row === rows - 1 || !hostDisks.has(disk.backing)) {
          if (exit) lanes.set(disk.id, { to: 'direct', host: host.id, exit })
          return
        }
        // The gap on the side of the line's end, so it never doubles back across its own VM.
        const towardsRight = target.x + target.w / 2 > x
        const lane = {
          to: 'host-disk' as const, host: host.id, rowGapY: down ? disksGapY : rowGapY,
          laneX: down ? x : towardsRight ? rightGap : leftGap, disksGapY, ...withExit,
        }
        lanes.set(disk.id, lane)
        toHostDisks.push(lane)
      })
      // Lines out of one VM by the same gap between its columns run side by side, not over one another.
      spread(exits, (exit) => exit.laneX, SIZE.gap, (exit, offset) => {
        exit.laneX += offset
        exit.rowGapY += offset
      })
    })
    nestOutgoing(outs, Math.min(SIZE.pad, SIZE.host.vmGap))
    // So do the lines down one gap between a host's VMs, and along the gaps under its rows and over its disks.
    spread(toHostDisks, (lane) => lane.laneX, Math.min(SIZE.pad, SIZE.host.vmGap), (lane, offset) => {
      lane.laneX += offset
      lane.rowGapY += offset
      lane.disksGapY += offset
    })
  }
  return lanes
}

/** The most room between two lines that share a lane, in px. */
const LANE_STEP = 3

/**
 * Spreads the lines that share a lane (the same `keyOf`) across its `width`, LANE_STEP apart and
 * centred on it, keeping 2 px clear of what borders it; `move` shifts one line by `offset`.
 */
function spread<T>(lines: readonly T[], keyOf: (line: T) => number, width: number, move: (line: T, offset: number) => void): void {
  const lanes = new Map<number, T[]>()
  for (const line of lines) {
    const key = keyOf(line)
    const lane = lanes.get(key)
    if (lane) lane.push(line)
    else lanes.set(key, [line])
  }
  for (const lane of lanes.values()) {
    if (lane.length < 2) continue
    const step = Math.min(LANE_STEP, (width - 4) / (lane.length - 1))
    lane.forEach((line, i) => move(line, (i - (lane.length - 1) / 2) * step))
  }
}

/**
 * Spreads a host's lines to LUNs that leave by a side margin, LANE_STEP apart across `width`, so that
 * none runs over another along a gap or down a margin, and none crosses another: on each side the
 * lines are nested, each lower one (a lower row, or a start nearer that side's far end) turning down
 * inside the ones above it.
 */
function nestOutgoing(outs: readonly { lane: { rowGapY: number; leftX: number; rightX: number }; x: number; left: boolean }[], width: number): void {
  for (const left of [true, false]) {
    const side = outs.filter((out) => out.left === left)
      .sort((a, b) => a.lane.rowGapY - b.lane.rowGapY || (left ? a.x - b.x : b.x - a.x))
    if (side.length < 2) continue
    const step = Math.min(LANE_STEP, (width - 4) / (side.length - 1))
    side.forEach(({ lane }, i) => {
      const offset = (i - (side.length - 1) / 2) * step
      lane.rowGapY += offset
      // Inwards, the lower it runs: on the left side to the right, on the right side to the left.
      if (left) lane.leftX += offset
      else lane.rightX -= offset
    })
  }
}

/**
 * The way out of its VM of the line from disk `d` (`source`, relative to the VM `vm`) to `target`,
 * when rows of disks lie below it; undefined for a disk of the last row. The line takes the gap on
 * the side of its end (by absolute positions, for a host disk and a LUN alike); the result is
 * relative to the host.
 */
function vmExit(grid: DiskGrid, d: number, vm: { x: number; y: number; ax: number; h: number }, source: { x: number; y: number; w: number; h: number }, target: { ax: number; w: number }): VmExit | undefined {
  const { column, row } = grid.cells[d]!
  if (row === grid.rows - 1) return undefined
  const centre = vm.ax + source.x + source.w / 2
  const towardsRight = target.ax + target.w / 2 >= centre
  const cell = grid.columns[column]!
  const laneX = towardsRight ? cell.x + cell.w + SIZE.gap / 2 : cell.x - SIZE.gap / 2
  return { rowGapY: vm.y + source.y + source.h + DISK_ROW_GAP / 2, laneX: vm.x + laneX, bottomY: vm.y + vm.h }
}

/**
 * The SVG path through `points`, straight between them and rounded at each corner with at most
 * `radius` (less where a segment is too short for it).
 */
export function roundedPath(points: readonly { x: number; y: number }[], radius = 8): string {
  let path = `M${points[0]!.x},${points[0]!.y}`
  for (let i = 1; i < points.length - 1; i++) {
    const [before, corner, after] = [points[i - 1]!, points[i]!, points[i + 1]!]
    const r = Math.min(radius, distance(before, corner) / 2, distance(corner, after) / 2)
    const into = towards(corner, before, r)
    const out = towards(corner, after, r)
    path += `L${into.x},${into.y}Q${corner.x},${corner.y} ${out.x},${out.y}`
  }
  const last = points[points.length - 1]!
  return `${path}L${last.x},${last.y}`
}

const distance = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(b.x - a.x, b.y - a.y)

/** The point `r` from `from` on the way to `to`. */
function towards(from: { x: number; y: number }, to: { x: number; y: number }, r: number): { x: number; y: number } {
  const length = distance(from, to)
  if (length === 0) return from
  return { x: from.x + ((to.x - from.x) / length) * r, y: from.y + ((to.y - from.y) / length) * r }
}
