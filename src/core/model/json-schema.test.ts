import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { planJsonSchema } from './json-schema.ts'

describe('schema/plan.schema.json', () => {
  it('is in sync with the zod schemas (run `npm run schema` after changing them)', () => {
    const onDisk = readFileSync(new URL('../../../schema/plan.schema.json', import.meta.url), 'utf8')
    expect(onDisk).toBe(`${JSON.stringify(planJsonSchema(), null, 2)}\n`)
  })
})
