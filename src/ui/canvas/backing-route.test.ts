import { Position } from '@xyflow/react'
import { describe, expect, it } from 'vitest'
import { arrowhead, backingRoute, type Box } from './backing-route.ts'

const disk: Box = { x: 100, y: 300, width: 160, height: 40 }
const at = (x: number, y: number): Box => ({ x, y, width: 120, height: 36 })

describe('backingRoute', () => {
  it('leaves a disk at the middle of its bottom for what lies below it, and ends at the middle of its top', () => {
    expect(backingRoute(disk, at(600, 500))).toEqual({
      sourceX: 180, sourceY: 340, sourcePosition: Position.Bottom, targetX: 660, targetY: 500, targetPosition: Position.Top,
    })
  })

  it('leaves a disk at its top for an array above, and meets the LUN from below', () => {
    expect(backingRoute(disk, at(0, 100))).toEqual({
      sourceX: 180, sourceY: 300, sourcePosition: Position.Top, targetX: 60, targetY: 136, targetPosition: Position.Bottom,
    })
  })

  it('leaves a disk at the side facing an array level with it', () => {
    expect(backingRoute(disk, at(900, 310))).toMatchObject({ sourceX: 260, sourceY: 320, sourcePosition: Position.Right, targetX: 900, targetY: 328, targetPosition: Position.Left })
    expect(backingRoute(disk, at(-400, 290))).toMatchObject({ sourceX: 100, sourceY: 320, sourcePosition: Position.Left, targetX: -280, targetY: 308, targetPosition: Position.Right })
  })

  it('puts each end `outset` outside its box, where a handle on that side ends', () => {
    expect(backingRoute(disk, at(600, 500), 3.5)).toMatchObject({ sourceX: 180, sourceY: 343.5, targetX: 660, targetY: 496.5 })
    expect(backingRoute(disk, at(900, 310), 3.5)).toMatchObject({ sourceX: 263.5, sourceY: 320, targetX: 896.5, targetY: 328 })
  })

  it('goes down where the boxes touch or overlap', () => {
    expect(backingRoute(disk, at(100, 340))).toMatchObject({ sourcePosition: Position.Bottom, targetPosition: Position.Top })
    expect(backingRoute(disk, at(120, 310))).toMatchObject({ sourcePosition: Position.Bottom, targetPosition: Position.Top })
    expect(backingRoute(disk, at(120, 250))).toMatchObject({ sourcePosition: Position.Top, targetPosition: Position.Bottom })
  })

  it('runs from side to side only between boxes that share some height: a VM disk just above its host disk is met from above', () => {
    expect(backingRoute(disk, at(900, 265))).toMatchObject({ sourcePosition: Position.Right, targetPosition: Position.Left })
    expect(backingRoute(disk, at(900, 339))).toMatchObject({ sourcePosition: Position.Right, targetPosition: Position.Left })
    expect(backingRoute(disk, at(900, 350))).toMatchObject({ sourcePosition: Position.Bottom, targetPosition: Position.Top })
    expect(backingRoute(disk, at(900, 260))).toMatchObject({ sourcePosition: Position.Top, targetPosition: Position.Bottom })
  })
})

describe('arrowhead', () => {
  it('has its tip where the line ends and points into the side it reaches', () => {
    expect(arrowhead(100, 50, Position.Top)).toBe('M100,50L95.5,41L104.5,41Z')
    expect(arrowhead(100, 50, Position.Bottom)).toBe('M100,50L104.5,59L95.5,59Z')
    expect(arrowhead(100, 50, Position.Left)).toBe('M100,50L91,54.5L91,45.5Z')
  })
})
