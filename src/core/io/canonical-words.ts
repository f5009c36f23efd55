/**
 * A loaded plan's words (its enum values and Exchange updates) made the very strings the rules
 * compare them with. JSON.parse makes a string of its own for every value, which V8 compares with a
 * literal such as 'hyper-v-2008' character by character, and which sits in memory of its own; a
 * literal is one string for all its uses, and two of those compare as pointers. On a 10,000-VM
 * estate loaded from its file, validate() took 74 ms where the same plan built in code took 51.
 */
import * as ENUMS from '../model/enums.ts'
import { exchangeUpdates } from '../model/exchange-updates.ts'
import { PLAN_FORMAT } from '../model/plan.ts'

/** Every word of the format, mapped to the one string the code uses for it. */
const WORDS = new Map<string, string>()
// The enums' values are literals: the code's own strings.
for (const value of Object.values(ENUMS)) {
  if (Array.isArray(value)) for (const word of value) if (typeof word === 'string') WORDS.set(word, word)
}
for (const word of [PLAN_FORMAT, 'management', 'server']) WORDS.set(word, word)
// Updates are made by code ("cu" + n): a property key is the engine's one string for its text.
for (const version of ENUMS.EXCHANGE_VERSIONS) {
  for (const update of exchangeUpdates(version)) {
    if (!WORDS.has(update)) {
      const word = Object.keys({ [update]: true })[0]!
      WORDS.set(word, word)
    }
  }
}
/** No word of the format is longer: longer strings (names, ids) are not looked up. */
const LONGEST = Math.max(...[...WORDS.keys()].map((word) => word.length))

/** The code's own string for a word of the format, or undefined for any other text. */
const wordOf = (text: string): string | undefined => (text.length <= LONGEST ? WORDS.get(text) : undefined)

/** A value with the code's own string in place of a word of the format (an Inspector's choice arrives as the DOM's string). */
export function canonicalWord<T>(value: T): T {
  return typeof value === 'string' ? (wordOf(value) as T | undefined) ?? value : value
}

/** True for a word that loading puts the code's own string in place of. */
export const isCanonicalWord = (text: string): boolean => WORDS.has(text)

/**
 * Puts the code's own string in place of each word of a plan just parsed, in place. The text of
 * every value stays as it was; frozen objects (none that the schema makes) are left alone.
 */
export function useCanonicalWords<T>(plan: T): T {
  canonicalize(plan)
  return plan
}

function canonicalize(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i]
      if (typeof item !== 'string') canonicalize(item)
      else {
        const word = wordOf(item)
        if (word !== undefined) value[i] = word
      }
    }
    return
  }
  const record = value as Record<string, unknown>
  for (const key in record) {
    const item = record[key]
    if (typeof item !== 'string') canonicalize(item)
    else {
      const word = wordOf(item)
      if (word !== undefined) record[key] = word
    }
  }
}
