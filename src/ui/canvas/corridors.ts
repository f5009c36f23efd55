/**
 * The way from a host down to a LUN of an array below it, round the other hosts and arrays. A line
 * drawn as one curve from a host's bottom edge to a LUN far below ran across every host between,
 * over their VMs' names and disks. It goes instead down into the gap under its own host, along it to
 * the gap beside a host (a corridor), down that corridor, and along the gap over the arrays to its
 * LUN: every turn in the middle of a gap Arrange leaves between boxes (SIZE.topGap).
 */
import { SIZE, type Geometry } from './geometry.ts'

export interface Point { x: number; y: number }
/** A host or an array on the canvas, in flow coordinates. */
export interface Obstacle { id: string; x: number; y: number; width: number; height: number }

/** How far from a box a line keeps: half the gap Arrange leaves between boxes. */
export const CLEAR = SIZE.topGap / 2

/**
 * The points of the way from `start` (where the line leaves its own host, at `hostBottom`) to
 * `target` (the top of a LUN of an array whose top is `arrayTop`), none of it crossing an obstacle
 * (the other hosts and arrays); null when the LUN is not below the host, or no such way is found
 * (the caller draws its curve then). The way with the shortest run along is taken.
 */
export function corridorRoute(start: Point, hostBottom: number, target: Point, arrayTop: number, obstacles: readonly Obstacle[]): Point[] | null {
  const leaveY = hostBottom + CLEAR
  const approachY = arrayTop - CLEAR
  if (approachY < leaveY) return null
  // Every segment lies between leaveY and approachY: only the boxes that reach into that band can be in the way.
  const band = obstacles.filter((box) => box.y < approachY && box.y + box.height > leaveY)
  const free = (segments: readonly [Point, Point][]) => segments.every(([a, b]) => band.every((box) => !crosses(a, b, box)))
  const down = (x: number): [Point, Point] => [{ x, y: leaveY }, { x, y: approachY }]
  const along = (y: number, from: number, to: number): [Point, Point] => [{ x: from, y }, { x: to, y }]
  const end = [{ x: target.x, y: approachY }, target]
  // Straight down where nothing is in the way, then along the gap over the arrays.
  if (free([down(start.x), along(approachY, start.x, target.x)])) return distinct([start, { x: start.x, y: approachY }, ...end])
  // Else by a corridor beside a box that lies between: the one with the shortest way along.
  const candidates: number[] = []
  for (const box of band) candidates.push(box.x - CLEAR, box.x + box.width + CLEAR)
  const cost = (x: number) => Math.abs(x - start.x) + Math.abs(target.x - x)
  candidates.sort((a, b) => cost(a) - cost(b) || a - b)
  for (const x of candidates) {
    if (free([along(leaveY, start.x, x), down(x), along(approachY, x, target.x)])) {
      return distinct([start, { x: start.x, y: leaveY }, { x, y: leaveY }, { x, y: approachY }, ...end])
    }
  }
  return null
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

/** True when both maps hold the same boxes, by id, at the same places and sizes. */
export function sameObstacles(a: ReadonlyMap<string, Obstacle>, b: ReadonlyMap<string, Obstacle>): boolean {
  if (a.size !== b.size) return false
  for (const [id, box] of b) {
    const was = a.get(id)
    if (!was || was.x !== box.x || was.y !== box.y || was.width !== box.width || was.height !== box.height) return false
  }
  return true
}
