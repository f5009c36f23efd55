import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CLEAR, corridorRoute, sameObstacles, type Obstacle, type Point } from './corridors.ts'

/** True when some segment of the way passes through the inside of a box. */
function crossesAny(points: readonly Point[], boxes: readonly Obstacle[]): boolean {
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1]!, points[i]!]
    for (const box of boxes) {
      if (Math.min(a.x, b.x) < box.x + box.width && Math.max(a.x, b.x) > box.x && Math.min(a.y, b.y) < box.y + box.height && Math.max(a.y, b.y) > box.y) return true
    }
  }
  return false
}

const upright = (points: readonly Point[]) => points.every((p, i) => i === 0 || p.x === points[i - 1]!.x || p.y === points[i - 1]!.y)

describe('corridorRoute', () => {
  it('goes straight down and along the gap over the arrays when nothing is between', () => {
    expect(corridorRoute({ x: 100, y: 500 }, 500, { x: 300, y: 900 }, 880, [])).toEqual([
      { x: 100, y: 500 }, { x: 100, y: 880 - CLEAR }, { x: 300, y: 880 - CLEAR }, { x: 300, y: 900 },
    ])
    // Straight on where the LUN is right below: no corner.
    expect(corridorRoute({ x: 100, y: 500 }, 500, { x: 100, y: 900 }, 880, [])).toEqual([{ x: 100, y: 500 }, { x: 100, y: 900 }])
  })

  it('goes round a host below by the corridor beside it, turning in the middle of the gaps', () => {
    const below: Obstacle = { id: 'hv02', x: 0, y: 564, width: 400, height: 300 }
    const way = corridorRoute({ x: 100, y: 500 }, 500, { x: 300, y: 1000 }, 928, [below])!
    expect(way).toEqual([
      { x: 100, y: 500 }, { x: 100, y: 500 + CLEAR }, { x: -CLEAR, y: 500 + CLEAR }, { x: -CLEAR, y: 928 - CLEAR }, { x: 300, y: 928 - CLEAR }, { x: 300, y: 1000 },
    ])
    expect(crossesAny(way, [below])).toBe(false)
  })

  it('takes the corridor with the shorter way along', () => {
    const below: Obstacle = { id: 'hv02', x: 0, y: 564, width: 400, height: 300 }
    const way = corridorRoute({ x: 350, y: 500 }, 500, { x: 500, y: 1000 }, 928, [below])!
    expect(way[2]).toEqual({ x: 400 + CLEAR, y: 500 + CLEAR })
  })

  it('gives up where the LUN is not below the host, or every way is blocked', () => {
    expect(corridorRoute({ x: 100, y: 500 }, 500, { x: 300, y: 520 }, 510, [])).toBeNull()
    // A box right under the host, wider than anything: no gap to go along under the host.
    const wall: Obstacle = { id: 'wall', x: -5000, y: 510, width: 10000, height: 100 }
    expect(corridorRoute({ x: 100, y: 500 }, 500, { x: 300, y: 1000 }, 928, [wall])).toBeNull()
  })

  it('never crosses a host of a grid, whatever the host and LUN (property)', () => {
    // Hosts of random sizes in rows with Arrange's gaps, an array below them all.
    const grid = fc.array(fc.array(fc.record({ w: fc.integer({ min: 200, max: 900 }), h: fc.integer({ min: 150, max: 700 }) }), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 })
    fc.assert(fc.property(grid, fc.nat(), fc.nat(), fc.integer({ min: -500, max: 4000 }), (rows, pick, at, targetX) => {
      const boxes: Obstacle[] = []
      let y = 0
      rows.forEach((row, r) => {
        let x = 0
        for (const [c, size] of row.entries()) {
          boxes.push({ id: `h${r}-${c}`, x, y, width: size.w, height: size.h })
          x += size.w + 2 * CLEAR
        }
        y += Math.max(...row.map((size) => size.h)) + 2 * CLEAR
      })
      const arrayTop = y
      const own = boxes[pick % boxes.length]!
      const start = { x: own.x + (at % own.width), y: own.y + own.height }
      const way = corridorRoute(start, own.y + own.height, { x: targetX, y: arrayTop + 40 }, arrayTop, boxes.filter((box) => box !== own))
      // Below the last row, a way is always found; wherever one is, it crosses no host and turns square.
      if (own.y + own.height + 2 * CLEAR >= arrayTop) expect(way).not.toBeNull()
      if (way) {
        expect(crossesAny(way, boxes.filter((box) => box !== own))).toBe(false)
        expect(upright(way)).toBe(true)
        expect(way.at(-1)).toEqual({ x: targetX, y: arrayTop + 40 })
      }
    }), { numRuns: 300 })
  })

  it('tells a host moved or resized from one left as it was', () => {
    const box = { id: 'hv01', x: 0, y: 0, width: 400, height: 300 }
    const map = (...boxes: Obstacle[]) => new Map(boxes.map((b) => [b.id, b]))
    expect(sameObstacles(map(box), map({ ...box }))).toBe(true)
    expect(sameObstacles(map(box), map({ ...box, height: 320 }))).toBe(false)
    expect(sameObstacles(map(box), map({ ...box, x: 10 }))).toBe(false)
    expect(sameObstacles(map(box), map(box, { ...box, id: 'hv02' }))).toBe(false)
  })
})
