import { describe, expect, it } from 'vitest'
import { pixelRatioFor } from './export-png.ts'

describe('pixelRatioFor', () => {
  it('draws ordinary diagrams at 2× density', () => {
    expect(pixelRatioFor(1800, 1100)).toBe(2)
    expect(pixelRatioFor(3000, 2000)).toBe(2)
  })

  it('lowers the density of very large diagrams to stay within the canvas limits', () => {
    // A 200-VM estate laid out as a grid: about 6,000 × 6,700 CSS pixels.
    const ratio = pixelRatioFor(6050, 6663)
    expect(ratio).toBeGreaterThan(0.95)
    expect(ratio).toBeLessThan(2)
    expect(6050 * 6663 * ratio * ratio).toBeLessThanOrEqual(40_000_001)
    // A strip: the long side decides.
    expect(pixelRatioFor(30_000, 1_000) * 30_000).toBeLessThanOrEqual(16_384)
  })
})
