import { memo } from 'react'
import { BaseEdge, getBezierPath, useInternalNode, type EdgeProps, type InternalNode } from '@xyflow/react'
import { arrowhead, backingRoute, type Box } from './backing-route.ts'
import { HANDLE_OUTSET } from './flow.ts'

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
export const BackingEdge = memo(function BackingEdge({ id, source, target, style }: EdgeProps) {
  const from = useInternalNode(source)
  const to = useInternalNode(target)
  if (!from || !to) return null
  const route = backingRoute(boxOf(from), boxOf(to), HANDLE_OUTSET)
  const [path] = getBezierPath(route)
  return (
    <>
      <BaseEdge id={id} path={path} style={style} interactionWidth={0} />
      {/* Its own arrowhead, coloured with the line by CSS (a shared SVG marker kept its grey when the line lit up). */}
      <path className="backing-arrow" d={arrowhead(route.targetX, route.targetY, route.targetPosition)} />
    </>
  )
})
