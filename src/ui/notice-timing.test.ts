import { describe, expect, it } from 'vitest'
import { showMs } from './Notice.tsx'

describe('how long a notice shows', () => {
  it('gives a short notice four seconds, a long one time to read it, and none more than twelve', () => {
    expect(showMs('Saved.')).toBe(4_000)
    const summary = 'Opened "Large organisation: Exchange 2007 CCR": 3 hosts, 2 bare-metal servers, 14 virtual machines, 1 storage array with 12 LUNs and 84 findings. Undo goes back to the plan you had before.'
    expect(showMs(summary)).toBeGreaterThan(8_000)
    expect(showMs(summary)).toBeLessThanOrEqual(12_000)
    expect(showMs('word '.repeat(500))).toBe(12_000)
  })
})
