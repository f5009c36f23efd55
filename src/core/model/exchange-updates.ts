/**
 * The updates of each Exchange version, oldest first: service packs up to 2010, cumulative updates
 * from 2013. One table for the palette (a new install takes its version's last update) and the
 * Inspector's Update list. 2013 and 2016 ended at CU23 and 2019 at CU15; Subscription Edition (RTM
 * July 2025) ships about two a year, and CU1 and CU2 are listed. The format allows up to CU99, and a
 * plan's own value is always kept by those who show it.
 */
import { EXCHANGE_VERSIONS, type ExchangeVersion } from './enums.ts'

const SERVICE_PACKS: Partial<Record<ExchangeVersion, number>> = { '2003': 2, '2007': 3, '2010': 3 }
const CUMULATIVE_UPDATES: Partial<Record<ExchangeVersion, number>> = { '2013': 23, '2016': 23, '2019': 15, se: 2 }

function listUpdates(version: ExchangeVersion): readonly string[] {
  const packs = SERVICE_PACKS[version]
  const count = packs ?? CUMULATIVE_UPDATES[version] ?? 0
  return ['rtm', ...Array.from({ length: count }, (_, i) => `${packs === undefined ? 'cu' : 'sp'}${i + 1}`)]
}

const UPDATES = Object.fromEntries(EXCHANGE_VERSIONS.map((version) => [version, listUpdates(version)])) as Record<ExchangeVersion, readonly string[]>

/** Every update a version has had, RTM first: ["rtm", "sp1", "sp2", "sp3"], ["rtm", "cu1", …, "cu15"]. */
export const exchangeUpdates = (version: ExchangeVersion): readonly string[] => UPDATES[version]

/** A version's newest update: what a new install of it gets. */
export const latestUpdate = (version: ExchangeVersion): string => UPDATES[version].at(-1)!
