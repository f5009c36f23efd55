import { describe, expect, it } from 'vitest'
import { size } from './size.ts'

describe('size', () => {
  it('writes GB as the Inspector does, and whole TB only where the size is one', () => {
    expect(size(60)).toBe('60 GB')
    expect(size(4000)).toBe('4,000 GB')
    expect(size(2048)).toBe('2 TB')
    expect(size(1536)).toBe('1,536 GB')
    expect(size(146.5)).toBe('146.5 GB')
    expect(size(1024 * 1024)).toBe('1,024 TB')
    expect(size(1e12)).toBe('976,562,500 TB')
  })
})
