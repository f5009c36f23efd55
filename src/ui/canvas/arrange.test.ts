import { describe, expect, it } from 'vitest'
import { sameLayout } from './arrange.ts'

describe('sameLayout', () => {
  it('is true only when every node has the same place and size in both', () => {
    const a = { hv01: { x: 0, y: 0 }, san: { x: 0, y: 500, width: 400 } }
    expect(sameLayout(a, { san: { x: 0, y: 500, width: 400 }, hv01: { x: 0, y: 0 } })).toBe(true)
    expect(sameLayout(a, { ...a, hv01: { x: 1, y: 0 } })).toBe(false)
    expect(sameLayout(a, { ...a, san: { x: 0, y: 500 } })).toBe(false)
    expect(sameLayout(a, { hv01: { x: 0, y: 0 } })).toBe(false)
    expect(sameLayout(a, { hv01: { x: 0, y: 0 }, other: { x: 0, y: 500, width: 400 } })).toBe(false)
  })
})
