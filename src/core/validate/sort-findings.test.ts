import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sortInPlace } from './sort-findings.ts'

interface Item { key: string; at: number }
const byKey = (a: Item, b: Item) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
const items = (keys: readonly string[]): Item[] => keys.map((key, at) => ({ key, at }))

describe('sortInPlace', () => {
  it('sorts as Array.prototype.sort does, equal keys in their order, and leaves what lies past count', () => {
    fc.assert(fc.property(fc.array(fc.string({ maxLength: 3 }), { maxLength: 300 }), fc.nat(20), (keys, extra) => {
      const list = items(keys)
      const tail = items(Array.from({ length: extra }, (_, i) => `~${i}`))
      const sorted = [...list].sort(byKey)
      const into = [...list, ...tail]
      sortInPlace(into, list.length, byKey)
      expect(into).toEqual([...sorted, ...tail])
    }))
  })

  it('merges long runs as Array.prototype.sort does, galloping over blocks of one run, equal keys in their order', () => {
    // Sorted runs of keys from a small alphabet, one after the other: blocks of one run long enough
    // to gallop over, ties within and across runs.
    const run = fc.array(fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 4 }), { maxLength: 60 }).map((keys) => keys.sort())
    fc.assert(fc.property(fc.array(run, { maxLength: 6 }), (runs) => {
      const list = items(runs.flat())
      const sorted = [...list].sort(byKey)
      sortInPlace(list, list.length, byKey)
      expect(list).toEqual(sorted)
    }), { numRuns: 500 })
  })

  it('merges the runs of ids counted up in plan order', () => {
    const ids = Array.from({ length: 1250 }, (_, i) => `hv${i}`)
    const list = items(ids)
    sortInPlace(list, list.length, byKey)
    expect(list.map((item) => item.key)).toEqual([...ids].sort())
  })

  it('sorts lists one after another, long and short, and a list already in order stays as it is', () => {
    const long = items(Array.from({ length: 2000 }, (_, i) => String((i * 7919) % 2000)))
    sortInPlace(long, long.length, byKey)
    expect(long).toEqual([...long].sort(byKey))
    const short = items(['b', 'a'])
    sortInPlace(short, 2, byKey)
    expect(short.map((item) => item.key)).toEqual(['a', 'b'])
    const inOrder = items(['a', 'b', 'c'])
    const before = [...inOrder]
    sortInPlace(inOrder, 3, byKey)
    expect(inOrder).toEqual(before)
  })
})
