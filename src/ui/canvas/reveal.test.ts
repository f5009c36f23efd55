import { describe, expect, it } from 'vitest'
import { nudgeIntoView } from './reveal.ts'

const area = { left: 200, top: 50, right: 1000, bottom: 650 }

describe('nudgeIntoView', () => {
  it('leaves a box that shows whole where it is', () => {
    expect(nudgeIntoView({ left: 300, top: 100, right: 500, bottom: 200 }, area)).toEqual({ dx: 0, dy: 0 })
  })

  it('pans a box cut by an edge just far enough to show it whole, with a margin', () => {
    // Cut by the right edge: 100 px past it, plus the 16 px margin.
    expect(nudgeIntoView({ left: 900, top: 100, right: 1100, bottom: 200 }, area)).toEqual({ dx: -116, dy: 0 })
    // Cut by the top and the left edge.
    expect(nudgeIntoView({ left: 150, top: 20, right: 350, bottom: 120 }, area)).toEqual({ dx: 66, dy: 46 })
    // Cut by the bottom edge.
    expect(nudgeIntoView({ left: 300, top: 600, right: 500, bottom: 700 }, area)).toEqual({ dx: 0, dy: -66 })
  })

  it('shows the start of a box larger than the area', () => {
    expect(nudgeIntoView({ left: 100, top: 100, right: 1300, bottom: 200 }, area)).toEqual({ dx: 116, dy: 0 })
    expect(nudgeIntoView({ left: 216, top: 100, right: 1300, bottom: 200 }, area)).toEqual({ dx: 0, dy: 0 })
  })
})
