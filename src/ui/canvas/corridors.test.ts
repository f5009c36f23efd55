import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CLEAR, MAX_TRACK, corridorRoute, linesToArrays, sameBox, sameEntries, tracksOf, type LunEnd, type Obstacle, type Point } from './corridors.ts'
import { LUN_ROW_GAP, SIZE } from './geometry.ts'
import { generateEstate } from '../../core/testing/estate.ts'

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

/** The top of a LUN at `x` in `row` of an array whose top is `arrayTop` (left edge at -600), 4 px above it the arrowhead's tip. */
function lun(x: number, arrayTop: number, row = 0): LunEnd {
  const lunTop = arrayTop + SIZE.array.head + row * (SIZE.array.lun.h + LUN_ROW_GAP)
  return { x, y: lunTop - 4, arrayX: -600, arrayTop, lunTop }
}

describe('corridorRoute', () => {
  it('goes straight down and along the gap over the arrays when nothing is between', () => {
    expect(corridorRoute({ x: 100, y: 500 }, 500, lun(300, 880), [])).toEqual([
      { x: 100, y: 500 }, { x: 100, y: 880 - CLEAR }, { x: 300, y: 880 - CLEAR }, { x: 300, y: 880 + SIZE.array.head - 4 },
    ])
    // Straight on where the LUN is right below: no corner.
    expect(corridorRoute({ x: 100, y: 500 }, 500, lun(100, 880), [])).toEqual([{ x: 100, y: 500 }, { x: 100, y: 880 + SIZE.array.head - 4 }])
  })

  it('goes round a host below by the corridor beside it, turning in the middle of the gaps', () => {
    const below: Obstacle = { id: 'hv02', x: 0, y: 564, width: 400, height: 300 }
    const way = corridorRoute({ x: 100, y: 500 }, 500, lun(300, 928), [below])!
    expect(way).toEqual([
      { x: 100, y: 500 }, { x: 100, y: 500 + CLEAR }, { x: -CLEAR, y: 500 + CLEAR }, { x: -CLEAR, y: 928 - CLEAR }, { x: 300, y: 928 - CLEAR }, { x: 300, y: 928 + SIZE.array.head - 4 },
    ])
    expect(crossesAny(way, [below])).toBe(false)
  })

  it('takes the corridor with the shorter way along, in the middle of the gap between two hosts', () => {
    const left: Obstacle = { id: 'hv02', x: 0, y: 564, width: 400, height: 300 }
    const right: Obstacle = { id: 'hv03', x: 480, y: 564, width: 400, height: 300 }
    const way = corridorRoute({ x: 350, y: 500 }, 500, lun(500, 928), [left, right])!
    expect(way[2]).toEqual({ x: 440, y: 500 + CLEAR })
  })

  it('runs a line on its track: off the middle of every gap it runs along by the same distance', () => {
    const below: Obstacle = { id: 'hv02', x: 0, y: 564, width: 400, height: 300 }
    const way = corridorRoute({ x: 100, y: 500 }, 500, lun(300, 928), [below], 6)!
    expect(way.slice(1, 5)).toEqual([{ x: 100, y: 500 + CLEAR + 6 }, { x: -CLEAR + 6, y: 500 + CLEAR + 6 }, { x: -CLEAR + 6, y: 928 - CLEAR + 6 }, { x: 300, y: 928 - CLEAR + 6 }])
  })

  it('reaches a LUN below the first row by the array\'s margin and the gap over its row, not through the LUNs above', () => {
    const end = lun(300, 928, 2)
    const way = corridorRoute({ x: 100, y: 500 }, 500, end, [])!
    const rowGap = end.lunTop - LUN_ROW_GAP / 2
    expect(way.slice(-4)).toEqual([{ x: -600 + SIZE.pad / 2, y: 928 - CLEAR }, { x: -600 + SIZE.pad / 2, y: rowGap }, { x: 300, y: rowGap }, { x: 300, y: end.y }])
  })

  it('gives up where the LUN is not below the host, or every way is blocked', () => {
    expect(corridorRoute({ x: 100, y: 500 }, 500, lun(300, 510), [])).toBeNull()
    // A box right under the host, wider than anything: no gap to go along under the host.
    const wall: Obstacle = { id: 'wall', x: -5000, y: 510, width: 10000, height: 100 }
    expect(corridorRoute({ x: 100, y: 500 }, 500, lun(300, 928), [wall])).toBeNull()
  })

  it('never crosses a host of a grid, whatever the host, LUN and track (property)', () => {
    // Hosts of random sizes in rows with Arrange's gaps, an array below them all.
    const grid = fc.array(fc.array(fc.record({ w: fc.integer({ min: 200, max: 900 }), h: fc.integer({ min: 150, max: 700 }) }), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 })
    const track = fc.integer({ min: -MAX_TRACK, max: MAX_TRACK })
    fc.assert(fc.property(grid, fc.nat(), fc.nat(), fc.integer({ min: -500, max: 4000 }), track, fc.nat(3), (rows, pick, at, targetX, offset, row) => {
      const boxes: Obstacle[] = []
      let y = 0
      rows.forEach((cells, r) => {
        let x = 0
        for (const [c, size] of cells.entries()) {
          boxes.push({ id: `h${r}-${c}`, x, y, width: size.w, height: size.h })
          x += size.w + 2 * CLEAR
        }
        y += Math.max(...cells.map((size) => size.h)) + 2 * CLEAR
      })
      const own = boxes[pick % boxes.length]!
      const start = { x: own.x + (at % own.width), y: own.y + own.height }
      const end = { ...lun(targetX, y, row), arrayX: Math.min(-600, targetX - 100) }
      const others = boxes.filter((box) => box !== own)
      const way = corridorRoute(start, own.y + own.height, end, others, offset)
      // Below the last row, a way is always found; wherever one is, it crosses no host and turns square.
      if (own.y + own.height + 2 * CLEAR >= y) expect(way).not.toBeNull()
      if (way) {
        expect(crossesAny(way, others)).toBe(false)
        expect(upright(way)).toBe(true)
        expect(way.at(-1)).toEqual({ x: targetX, y: end.y })
      }
    }), { numRuns: 300 })
  })

  it('tells a host moved or resized from one left as it was', () => {
    const box = { id: 'hv01', x: 0, y: 0, width: 400, height: 300 }
    const map = (...boxes: Obstacle[]) => new Map(boxes.map((b) => [b.id, b]))
    expect(sameEntries(map(box), map({ ...box }), sameBox)).toBe(true)
    expect(sameEntries(map(box), map({ ...box, height: 320 }), sameBox)).toBe(false)
    expect(sameEntries(map(box), map({ ...box, x: 10 }), sameBox)).toBe(false)
    expect(sameEntries(map(box), map(box, { ...box, id: 'hv02' }), sameBox)).toBe(false)
  })
})

describe('tracksOf', () => {
  it('gives each line to an array its own track, 3 px apart about the middle, closer where many share a gap', () => {
    const tracks = tracksOf(new Map([['san', ['a', 'b', 'c']], ['nas', ['d']]]))
    expect([...tracks]).toEqual([['a', -3], ['b', 0], ['c', 3], ['d', 0]])
    const many = tracksOf(new Map([['san', Array.from({ length: 100 }, (_, i) => `d${i}`)]]))
    const values = [...many.values()]
    expect(new Set(values).size).toBe(100)
    expect(Math.max(...values.map(Math.abs))).toBeCloseTo(MAX_TRACK)
    expect(sameEntries(tracks, tracksOf(new Map([['san', ['a', 'b', 'c']], ['nas', ['d']]])))).toBe(true)
    expect(sameEntries(tracks, tracksOf(new Map([['san', ['a', 'b']], ['nas', ['d']]])))).toBe(false)
  })

  it('lists the lines to each array in plan order: host disks on its LUNs, and VMs\' disks on them', () => {
    const lines = linesToArrays(generateEstate(16))
    const all = [...lines.values()].flat()
    expect(all.length).toBeGreaterThan(4)
    expect(new Set(all).size).toBe(all.length)
  })
})
