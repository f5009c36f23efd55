import type { Plan } from '../model/plan.ts'

/**
 * The table of cases for one rule: plans where it fires (with the subjects it must name) and
 * nearby plans where it must stay silent. `rules.test.ts` runs every table and fails when a
 * registered rule has no firing or no silent case.
 */
export interface RuleCases {
  rule: string
  fires: { name: string; plan: Plan; subjects: string[]; severity?: 'error' | 'warning' | 'info' }[]
  silent: { name: string; plan: Plan }[]
}
