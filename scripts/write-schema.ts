/** Writes schema/plan.schema.json from the zod schemas (`npm run schema`). */
import { writeFileSync } from 'node:fs'
import { planJsonSchema } from '../src/core/model/json-schema.ts'

const path = new URL('../schema/plan.schema.json', import.meta.url)
writeFileSync(path, `${JSON.stringify(planJsonSchema(), null, 2)}\n`)
console.log(`wrote ${path.pathname}`)
