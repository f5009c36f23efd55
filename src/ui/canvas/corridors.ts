/**
 * The way from a host down to a LUN of an array below it, round the other hosts and arrays. A line
 * drawn as one curve from a host's bottom edge to a LUN far below ran across every host between,
 * over their VMs' names and disks. It goes instead down into the gap under its own host, along it to
 * the gap beside a host (a corridor), down that corridor, and along the gap over the arrays to its
 * LUN: every turn in the middle of a gap Arrange leaves between boxes (SIZE.topGap).
 */
import type { Plan } from '../../core/index.ts'
import { LUN_ROW_GAP, SIZE, type Geometry } from './geometry.ts'

export interface Point { x: number; y: number }
/** A host or an array on the canvas, in flow coordinates. */
export interface Obstacle { id: string; x: number; y: number; width: number; height: number }

/** How far from a box a line keeps: half the gap Arrange leaves between boxes. */
export const CLEAR = SIZE.topGap / 2

/**
 * Where a line ends: the top of a LUN (the arrowhead's tip), and its array's place. A LUN below its
 * array's first row is reached along the gap over its row (LUN_ROW_GAP), from the array's left margin,
 * not straight down through the LUNs above it.
 */
export interface LunEnd { x: number; y: number; arrayX: number; arrayTop: number; lunTop: number }

/** The most a line is moved off the middle of a gap for its track, in px: it keeps 8 px from the boxes. */
export const MAX_TRACK = CLEAR - 8

/**
 * The points of the way from `start` (where the line leaves its own host, at `hostBottom`) to a LUN
 * (`end`), none of it crossing an obstacle (the other hosts and arrays); null when the LUN is not below
 * the host, or no such way is found (the caller draws its curve then). The way with the shortest run
 * along is taken. `track` moves the line that far off the middle of each gap it runs along, so that
 * the lines sharing a gap run side by side, each to be followed (tracksOf gives each line its own).
 */
export function corridorRoute(start: Point, hostBottom: number, end: LunEnd, obstacles: readonly Obstacle[], track = 0): Point[] | null {
  const leaveY = hostBottom + CLEAR + track
  const approachY = end.arrayTop - CLEAR + track
  if (approachY < leaveY) return null
  // Every segment lies between leaveY and approachY: only the boxes that reach into that band can be in the way.
  const band = obstacles.filter((box) => box.y < approachY && box.y + box.height > leaveY)
  const free = (segments: readonly [Point, Point][]) => segments.every(([a, b]) => band.every((box) => !crosses(a, b, box)))
  const down = (x: number): [Point, Point] => [{ x, y: leaveY }, { x, y: approachY }]
  const along = (y: number, from: number, to: number): [Point, Point] => [{ x: from, y }, { x: to, y }]
  // Into the array: straight down onto a LUN of its first row; else down its left margin and along the gap over the LUN's row.
  const firstRow = end.lunTop - end.arrayTop <= SIZE.array.head + 1
  const margin = end.arrayX + SIZE.pad / 2
  const rowGapY = end.lunTop - LUN_ROW_GAP / 2 + Math.max(-LUN_ROW_GAP / 2 + 4, Math.min(LUN_ROW_GAP / 2 - 4, track / 2))
  const inX = firstRow ? end.x : margin
  const into = firstRow
    ? [{ x: end.x, y: approachY }, { x: end.x, y: end.y }]
    : [{ x: margin, y: approachY }, { x: margin, y: rowGapY }, { x: end.x, y: rowGapY }, { x: end.x, y: end.y }]
  // Down its own x where nothing is in the way, else by the gap beside a box between: the way with the shortest run along.
  const candidates = [start.x, ...gapMiddles(band)]
  const cost = (x: number) => Math.abs(x - start.x) + Math.abs(inX - x)
  candidates.sort((a, b) => cost(a) - cost(b) || a - b)
  for (const middle of candidates) {
    const x = middle + track
    if (free([along(leaveY, start.x, x), down(x), along(approachY, x, inX)])) {
      return distinct([start, { x: start.x, y: leaveY }, { x, y: leaveY }, { x, y: approachY }, ...into])
    }
  }
  return null
}

/**
 * The middle of the gap on each side of each box: halfway to the nearest box beside it in its row,
 * or CLEAR out where there is none (a line there keeps as far from both as it can).
 */
function gapMiddles(boxes: readonly Obstacle[]): number[] {
  const middles: number[] = []
  for (const box of boxes) {
    let left = -Infinity
    let right = Infinity
    for (const other of boxes) {
      if (other === box || other.y >= box.y + box.height || other.y + other.height <= box.y) continue
      if (other.x + other.width <= box.x) left = Math.max(left, other.x + other.width)
      if (other.x >= box.x + box.width) right = Math.min(right, other.x)
    }
    middles.push(left === -Infinity ? box.x - CLEAR : (left + box.x) / 2)
    middles.push(right === Infinity ? box.x + box.width + CLEAR : (box.x + box.width + right) / 2)
  }
  return middles
}

/**
 * Each line's track in the gaps it shares with the other lines to its array: lines to one array in
 * plan order, spread evenly about the middle of a gap, 3 px apart or closer where many share it.
 * `lines` maps each array to the ids of the lines (their source disks) that end on its LUNs.
 */
export function tracksOf(lines: ReadonlyMap<string, readonly string[]>): Map<string, number> {
  const tracks = new Map<string, number>()
  for (const ids of lines.values()) {
    const step = ids.length < 2 ? 0 : Math.min(3, (2 * MAX_TRACK) / (ids.length - 1))
    ids.forEach((id, i) => tracks.set(id, (i - (ids.length - 1) / 2) * step))
  }
  return tracks
}

/** The ends and corners of a way: a point that repeats the one before it, or lies on the line straight on, goes. */
function distinct(points: readonly Point[]): Point[] {
  const kept: Point[] = []
  for (const point of points) {
    const last = kept.at(-1)
    if (last && last.x === point.x && last.y === point.y) continue
    const before = kept.at(-2)
    if (before && last && ((before.x === last.x && last.x === point.x) || (before.y === last.y && last.y === point.y))) kept.pop()
    kept.push(point)
  }
  return kept
}

/** True when the level or upright segment a–b passes through the inside of `box`. */
function crosses(a: Point, b: Point, box: Obstacle): boolean {
  const [left, right] = [Math.min(a.x, b.x), Math.max(a.x, b.x)]
  const [top, bottom] = [Math.min(a.y, b.y), Math.max(a.y, b.y)]
  return left < box.x + box.width && right > box.x && top < box.y + box.height && bottom > box.y
}

/** The hosts and arrays of a plan's geometry (its top-level boxes), by id. */
export function obstaclesOf(geometry: Geometry): Map<string, Obstacle> {
  const obstacles = new Map<string, Obstacle>()
  for (const box of geometry.boxes) {
    if (box.kind === 'host' || box.kind === 'array') obstacles.set(box.id, { id: box.id, x: box.ax, y: box.ay, width: box.w, height: box.h })
  }
  return obstacles
}

/** True when both maps hold equal values (`equal`, else ===) under the same keys. */
export function sameEntries<T>(a: ReadonlyMap<string, T>, b: ReadonlyMap<string, T>, equal: (x: T, y: T) => boolean = Object.is): boolean {
  if (a.size !== b.size) return false
  for (const [key, value] of b) {
    const was = a.get(key)
    if (was === undefined || !equal(was, value)) return false
  }
  return true
}

/** True when two boxes are at the same place with the same size. */
export const sameBox = (a: Obstacle, b: Obstacle): boolean => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height

/** A line to a LUN of an array: the host it leaves, its source disk (a host disk on the LUN, or a VM's disk backed by it), the array. */
export interface LineToArray { host: string; disk: string; array: string }

/** Every line to a LUN of an array, in plan order: each host's disks on a LUN, then its VMs' disks backed by one. */
export function linesToLuns(plan: Plan): LineToArray[] {
  const arrayOf = new Map<string, string>()
  for (const array of plan.storage) for (const lun of array.luns) arrayOf.set(lun.id, array.id)
  const lines: LineToArray[] = []
  const add = (host: string, disk: string, lun: string | null) => {
    const array = lun === null ? undefined : arrayOf.get(lun)
    if (array !== undefined) lines.push({ host, disk, array })
  }
  for (const host of plan.hosts) {
    for (const disk of host.disks) add(host.id, disk.id, disk.lun)
    for (const vm of host.vms) for (const disk of vm.disks) add(host.id, disk.id, disk.backing)
  }
  return lines
}

/** The lines to each array's LUNs (by source disk id), in plan order. */
export function linesToArrays(plan: Plan): Map<string, string[]> {
  const lines = new Map<string, string[]>()
  for (const { disk, array } of linesToLuns(plan)) {
    const list = lines.get(array)
    if (list) list.push(disk)
    else lines.set(array, [disk])
  }
  return lines
}
