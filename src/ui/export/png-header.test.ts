import { describe, expect, it } from 'vitest'
import { summaryParts } from './png-header.ts'

describe('summaryParts', () => {
  it('gives each severity its count, and marks a count of none so that it is drawn muted, not in its alarm colour', () => {
    expect(summaryParts({ error: 0, warning: 4, info: 1 })).toEqual([
      { text: '0 errors', severity: 'error', none: true },
      { text: '4 warnings', severity: 'warning', none: false },
      { text: '1 info', severity: 'info', none: false },
    ])
    expect(summaryParts({ error: 1, warning: 0, info: 0 }).map((part) => [part.text, part.none])).toEqual([['1 error', false], ['0 warnings', true], ['0 info', true]])
  })
})
