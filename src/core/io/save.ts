import type { Plan } from '../model/plan.ts'

/**
 * Writes a plan in canonical form: every field, in schema order, two-space indentation and a final
 * newline. Plans come from the schema, whose output order is canonical, so load → save is stable.
 */
export function savePlan(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`
}
