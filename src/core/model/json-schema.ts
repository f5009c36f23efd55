import { z } from 'zod'
import { PlanSchema } from './plan.ts'

/**
 * The JSON Schema of the plan file (draft 2020-12), for editors that validate plan files.
 * It describes what a file may contain (the input side: fields with defaults are optional);
 * cross-references (unique ids, backings) are beyond JSON Schema and checked on load.
 */
export function planJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(PlanSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>
  return {
    $schema: schema.$schema,
    $id: 'https://vexplan.dev/schema/plan.schema.json',
    title: 'vexplan plan file, version 1',
    description: 'A virtualized Microsoft Exchange deployment plan (see plan-format.md).',
    ...schema,
  }
}
