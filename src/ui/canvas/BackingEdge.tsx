import { memo } from 'react'
import { BaseEdge, getBezierPath, Position, useInternalNode, type EdgeProps, type InternalNode } from '@xyflow/react'
import { arrowhead, backingRoute, type Box } from './backing-route.ts'
import { HANDLE_OUTSET } from './flow.ts'
import { roundedPath, type Lane } from './lanes.ts'

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
  const host = useInternalNode(lane?.host ?? '')
  if (!from || !to) return null
  const route = backingRoute(boxOf(from), boxOf(to), HANDLE_OUTSET)
  // A line that would cross other VMs or the host disks goes round them by the gaps (lanes.ts).
  const path = lane && host && route.sourcePosition === Position.Bottom && route.targetPosition === Position.Top
    ? lanePath(route, lane, host)
    : getBezierPath(route)[0]
  return (
    <>
      <BaseEdge id={id} path={path} style={style} interactionWidth={0} />
      {/* Its own arrowhead, coloured with the line by CSS (a shared SVG marker kept its grey when the line lit up). */}
      <path className="backing-arrow" d={arrowhead(route.targetX, route.targetY, route.targetPosition)} />
    </>
  )
})

function lanePath(route: { sourceX: number; sourceY: number; targetX: number; targetY: number }, lane: Lane, host: InternalNode): string {
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
  const middle = (bottom + target.y) / 2
  if (lane.clearBelow) return `${roundedPath([...points, { x: start.x, y: bottom }])}C${start.x},${middle} ${target.x},${middle} ${target.x},${target.y}`
  const width = host.measured.width ?? host.width ?? 0
  const x = hostX + (target.x < hostX + width / 2 ? lane.leftX : lane.rightX)
  return `${roundedPath([...points, { x: start.x, y: rowGap }, { x, y: rowGap }, { x, y: bottom }])}C${x},${middle} ${target.x},${middle} ${target.x},${target.y}`
}
