import { describe, expect, it, vi } from 'vitest'
import { generateEstate } from '../../core/testing/estate.ts'
import { autoLayout } from './auto-layout.ts'

// Counts the elk instances autoLayout makes, around the real elk.
const made = vi.hoisted(() => ({ count: 0 }))
vi.mock('elkjs/lib/elk.bundled.js', async (importOriginal) => {
  const { default: ELK } = await importOriginal<typeof import('elkjs/lib/elk.bundled.js')>()
  return { default: class extends ELK { constructor(...args: ConstructorParameters<typeof ELK>) { super(...args); made.count += 1 } } }
})

describe('autoLayout and elk', () => {
  it('runs elk only where its placement is kept: a row of hosts that fits, tied to arrays', async () => {
    made.count = 0
    await autoLayout(generateEstate(16))
    expect(made.count).toBe(1)
    // An estate too wide for one row goes into a grid in plan order: elk would run for nothing (seconds at 3,000 VMs).
    made.count = 0
    const layout = await autoLayout(generateEstate(400))
    expect(made.count).toBe(0)
    expect(Object.keys(layout)).toHaveLength(generateEstate(400).hosts.length + generateEstate(400).storage.length)
  })
})
