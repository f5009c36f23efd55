import { describe, expect, it } from 'vitest'
import { EXCHANGE_VERSIONS } from './enums.ts'
import { exchangeUpdates, latestUpdate } from './exchange-updates.ts'
import { UPDATE_PATTERN } from './plan.ts'

describe('Exchange updates', () => {
  it('list service packs up to 2010 and cumulative updates from 2013, ending at each version’s last', () => {
    expect(exchangeUpdates('2003')).toEqual(['rtm', 'sp1', 'sp2'])
    expect(exchangeUpdates('2007')).toEqual(['rtm', 'sp1', 'sp2', 'sp3'])
    expect(exchangeUpdates('2010').at(-1)).toBe('sp3')
    expect(exchangeUpdates('2013')).toHaveLength(24)
    expect(EXCHANGE_VERSIONS.map(latestUpdate)).toEqual(['sp2', 'sp3', 'sp3', 'cu23', 'cu23', 'cu15', 'cu2'])
  })

  it('are all values the plan format accepts', () => {
    for (const version of EXCHANGE_VERSIONS) for (const update of exchangeUpdates(version)) expect(update).toMatch(UPDATE_PATTERN)
  })
})
