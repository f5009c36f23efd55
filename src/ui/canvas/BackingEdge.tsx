import { createContext, memo, useContext } from 'react'
import { BaseEdge, getBezierPath, Position, useInternalNode, type EdgeProps, type InternalNode } from '@xyflow/react'
import { arrowhead, backingRoute, type Box } from './backing-route.ts'
import { corridorRoute, type Obstacle, type Point } from './corridors.ts'
import { HANDLE_OUTSET } from './flow.ts'
import { roundedPath, type Lane } from './lanes.ts'

/**
 * What lines to LUNs are routed by: the hosts and arrays where the plan's layout puts them, by id
 * (what a line goes round), and each line's track in the gaps it shares (by its source disk's id).
 */
export interface Routing { obstacles: ReadonlyMap<string, Obstacle>; tracks: ReadonlyMap<string, number> }
export const RoutingContext = createContext<Routing | null>(null)

const boxOf = (node: InternalNode): Box => ({
  x: node.internals.positionAbsolute.x,
  y: node.internals.positionAbsolute.y,
  width: node.measured.width ?? node.width ?? 0,
  height: node.measured.height ?? node.height ?? 0,
})

/**
 * A line from a virtual disk to the host disk or LUN that backs it, or from a host disk to its LUN.
 * It leaves the side of the disk that faces what backs it (backingRoute), wherever the user has put
 * the hosts and arrays, and follows both ends while they are dragged.
 */
export const BackingEdge = memo(function BackingEdge({ id, source, target, style, data }: EdgeProps) {
  const from = useInternalNode(source)
  const to = useInternalNode(target)
  const lane = data?.lane as Lane | undefined
  // The host the line leaves: its lane's, or a host disk's own (a line from a host disk to its LUN).
  const host = useInternalNode(lane?.host ?? (from?.type === 'pdisk' ? from.parentId ?? '' : ''))
  const array = useInternalNode(to?.type === 'lun' ? to.parentId ?? '' : '')
  const routing = useContext(RoutingContext)
  if (!from || !to) return null
  const route = backingRoute(boxOf(from), boxOf(to), HANDLE_OUTSET)
  const downwards = route.sourcePosition === Position.Bottom && route.targetPosition === Position.Top
  // Out of its host round the other hosts and arrays (corridors.ts), where it goes to a LUN below.
  const onward = (start: Point): Point[] | null => (downwards && host && array && routing
    ? corridor(start, host, array, to, { x: route.targetX, y: route.targetY }, routing, routing.tracks.get(source) ?? 0)
    : null)
  // A line that would cross other VMs or the host disks goes round them by the gaps (lanes.ts); a
  // host disk's line to its LUN goes round the other hosts from the disk itself; any other is a curve.
  let path: string
  if (lane && host && downwards) path = lanePath(route, lane, host, onward)
  else {
    const way = from.type === 'pdisk' ? onward({ x: route.sourceX, y: route.sourceY }) : null
    path = way ? roundedPath(way) : getBezierPath(route)[0]
  }
  return (
    <>
      <BaseEdge id={id} path={path} style={style} interactionWidth={0} />
      {/* Its own arrowhead, coloured with the line by CSS (a shared SVG marker kept its grey when the line lit up). */}
      <path className="backing-arrow" d={arrowhead(route.targetX, route.targetY, route.targetPosition)} />
    </>
  )
})

/**
 * The way from `start`, at the bottom of `host`, to `tip` on `lun` of `array`, round the other
 * obstacles, on the line's `track`; null while a host or array is being dragged (the plan's layout
 * does not have it where it is drawn yet: the line is a curve until it is dropped), or where there is no such way.
 */
function corridor(start: Point, host: InternalNode, array: InternalNode, lun: InternalNode, tip: Point, { obstacles }: Routing, track: number): Point[] | null {
  const own = obstacles.get(host.id)
  const its = obstacles.get(array.id)
  const where = (node: InternalNode, box: Obstacle) => node.internals.positionAbsolute.x === box.x && node.internals.positionAbsolute.y === box.y
  if (!own || !its || !where(host, own) || !where(array, its)) return null
  const others: Obstacle[] = []
  for (const box of obstacles.values()) if (box !== own && box !== its) others.push(box)
  const end = { ...tip, arrayX: its.x, arrayTop: its.y, lunTop: lun.internals.positionAbsolute.y }
  return corridorRoute(start, own.y + own.height, end, others, track)
}

function lanePath(route: { sourceX: number; sourceY: number; targetX: number; targetY: number }, lane: Lane, host: InternalNode, onward: (start: Point) => Point[] | null): string {
  const { x: hostX, y: hostY } = host.internals.positionAbsolute
  const target = { x: route.targetX, y: route.targetY }
  // Out of the VM first, where rows of its disks lie below this one (lanes.ts, VmExit).
  const points = [{ x: route.sourceX, y: route.sourceY }]
  if (lane.exit) {
    const gap = hostY + lane.exit.rowGapY
    const x = hostX + lane.exit.laneX
    points.push({ x: route.sourceX, y: gap }, { x, y: gap }, { x, y: hostY + lane.exit.bottomY })
  }
  const start = points[points.length - 1]!
  if (lane.to === 'direct') {
    const middle = (start.y + target.y) / 2
    return `${roundedPath(points)}C${start.x},${middle} ${target.x},${middle} ${target.x},${target.y}`
  }
  const rowGap = hostY + lane.rowGapY
  if (lane.to === 'host-disk') {
    const x = hostX + lane.laneX
    const disksGap = hostY + lane.disksGapY
    return roundedPath([...points, { x: start.x, y: rowGap }, { x, y: rowGap }, { x, y: disksGap }, { x: target.x, y: disksGap }, target])
  }
  // Straight down and out where nothing is below the disk; else out by the side of the host that
  // faces the line's end. Then on to it as a curve.
  const bottom = hostY + lane.bottomY
  // Out of the host at `out`, after `inside`: on round the other hosts where it can, else as a curve.
  const leave = (inside: readonly Point[], out: Point): string => {
    const way = onward(out)
    if (way) return roundedPath([...inside, ...way])
    const middle = (bottom + target.y) / 2
    return `${roundedPath([...inside, out])}C${out.x},${middle} ${target.x},${middle} ${target.x},${target.y}`
  }
  if (lane.clearBelow) return leave(points, { x: start.x, y: bottom })
  const width = host.measured.width ?? host.width ?? 0
  const x = hostX + (target.x < hostX + width / 2 ? lane.leftX : lane.rightX)
  return leave([...points, { x: start.x, y: rowGap }, { x, y: rowGap }], { x, y: bottom })
}
