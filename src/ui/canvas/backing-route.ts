import { Position } from '@xyflow/react'

/** A node's box on the canvas, in flow coordinates. */
export interface Box { x: number; y: number; width: number; height: number }

/** Where a backing line leaves its disk and where it meets the disk or LUN that backs it. */
export interface Route {
  sourceX: number; sourceY: number; sourcePosition: Position
  targetX: number; targetY: number; targetPosition: Position
}

/**
 * Every container lays its disks in one row and Arrange puts arrays below the hosts, so a line
 * normally leaves a disk at the middle of its bottom edge and ends at the middle of the top edge of
 * what backs it. An array the user has moved above the hosts is met from below (the line leaves the
 * disk's top), and one beside them, level with the disk, from the side that faces it: a line that
 * left a disk's bottom for a LUN above looped around the disk. Each end lies `outset` outside the
 * box, where a handle on that side ends.
 */
export function backingRoute(source: Box, target: Box, outset = 0): Route {
  const between = (sourcePosition: Position, targetPosition: Position): Route => {
    const from = sideMiddle(source, sourcePosition, outset)
    const to = sideMiddle(target, targetPosition, outset)
    return { sourceX: from.x, sourceY: from.y, sourcePosition, targetX: to.x, targetY: to.y, targetPosition }
  }
  // Only boxes that share some height are beside each other: a VM's disk sits a few pixels above
  // the host disk that backs it, and a line between them must still run down, not along the row.
  if (target.y >= source.y + source.height) return between(Position.Bottom, Position.Top)
  if (target.y + target.height <= source.y) return between(Position.Top, Position.Bottom)
  if (target.x >= source.x + source.width) return between(Position.Right, Position.Left)
  if (target.x + target.width <= source.x) return between(Position.Left, Position.Right)
  // Overlapping boxes (a LUN dragged onto its own disk): the usual way down.
  return between(Position.Bottom, Position.Top)
}

function sideMiddle(box: Box, side: Position, outset: number): { x: number; y: number } {
  switch (side) {
    case Position.Top: return { x: box.x + box.width / 2, y: box.y - outset }
    case Position.Bottom: return { x: box.x + box.width / 2, y: box.y + box.height + outset }
    case Position.Left: return { x: box.x - outset, y: box.y + box.height / 2 }
    case Position.Right: return { x: box.x + box.width + outset, y: box.y + box.height / 2 }
  }
}

export const ARROW_LENGTH = 9
const ARROW_HALF_WIDTH = 4.5

/** A closed arrowhead whose tip is at (x, y), pointing into the side `side` of the node it reaches. */
export function arrowhead(x: number, y: number, side: Position): string {
  const [dx, dy] = side === Position.Top ? [0, 1] : side === Position.Bottom ? [0, -1] : side === Position.Left ? [1, 0] : [-1, 0]
  const baseX = x - dx * ARROW_LENGTH
  const baseY = y - dy * ARROW_LENGTH
  const [px, py] = [-dy * ARROW_HALF_WIDTH, dx * ARROW_HALF_WIDTH]
  return `M${x},${y}L${baseX + px},${baseY + py}L${baseX - px},${baseY - py}Z`
}
