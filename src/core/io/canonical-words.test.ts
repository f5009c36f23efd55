import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { exchangeUpdates } from '../model/exchange-updates.ts'
import { EXCHANGE_VERSIONS } from '../model/enums.ts'
import { soundPlan } from '../testing/plan-builder.ts'
import { canonicalWord, isCanonicalWord, useCanonicalWords } from './canonical-words.ts'
import { loadPlan } from './load.ts'

/** Every value of every enum (and const) in the plan's JSON Schema. */
function schemaWords(node: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) schemaWords(item, into)
  else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'enum' && Array.isArray(value)) {
        for (const word of value) if (typeof word === 'string') into.add(word)
      } else if (key === 'const' && typeof value === 'string') {
        into.add(value)
      } else {
        schemaWords(value, into)
      }
    }
  }
  return into
}

describe('canonical words', () => {
  it('cover every enum value of the plan format and every Exchange update', () => {
    const schema: unknown = JSON.parse(readFileSync(new URL('../../../schema/plan.schema.json', import.meta.url), 'utf8'))
    const words = [...schemaWords(schema)]
    expect(words.length).toBeGreaterThan(50)
    expect(words.filter((word) => !isCanonicalWord(word))).toEqual([])
    const updates = EXCHANGE_VERSIONS.flatMap((version) => exchangeUpdates(version))
    expect(updates.filter((update) => !isCanonicalWord(update))).toEqual([])
    expect(isCanonicalWord('EX01')).toBe(false)
  })

  it('leave the text of every value as it was, in a loaded plan and in frozen parts', () => {
    const plan = soundPlan()
    const text = JSON.stringify(plan)
    const loaded = loadPlan(text)
    expect(loaded.ok && loaded.value).toEqual(JSON.parse(text))
    const frozen = Object.freeze({ kind: 'fixed-vhd', inner: Object.freeze(['os']) })
    expect(useCanonicalWords({ frozen, list: ['database', 'EX01'] })).toEqual({ frozen: { kind: 'fixed-vhd', inner: ['os'] }, list: ['database', 'EX01'] })
    expect([canonicalWord('hyper-v-2019'), canonicalWord('EX01'), canonicalWord(3), canonicalWord(null)]).toEqual(['hyper-v-2019', 'EX01', 3, null])
  })
})
