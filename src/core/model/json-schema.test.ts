import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { planJsonSchema } from './json-schema.ts'

describe('schema/plan.schema.json', () => {
  it('is in sync with the zod schemas (run `npm run schema` after changing them)', () => {
    const onDisk = readFileSync(new URL('../../../schema/plan.schema.json', import.meta.url), 'utf8')
    expect(onDisk).toBe(`${JSON.stringify(planJsonSchema(), null, 2)}\n`)
  })
})

describe('planJsonSchema', () => {
  /** Every subschema that has `key`, with its path. */
  const withKey = (node: unknown, key: string, path = ''): string[] => {
    if (typeof node !== 'object' || node === null) return []
    const own = key in node ? [path] : []
    return [...own, ...Object.entries(node).flatMap(([name, child]) => withKey(child, key, `${path}/${name}`))]
  }

  it('says what the loader checks beyond types: sets list no value twice, numbers stay usable', () => {
    const schema = planJsonSchema()
    const unique = withKey(schema, 'uniqueItems')
    for (const set of ['roles', 'contents']) expect(unique.some((path) => path.endsWith(`/${set}`)), set).toBe(true)
    expect(withKey(schema, 'maximum').length).toBeGreaterThanOrEqual(3)
  })
})
