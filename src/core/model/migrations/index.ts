import { fail, ok, type Result } from '../problem.ts'
import { initial } from './001-initial.ts'
import type { Migration, PlanDocument } from './types.ts'

export type { Migration, PlanDocument } from './types.ts'

/** Every migration, in order; versions are contiguous from 1. Never remove or renumber an entry. */
export const MIGRATIONS: readonly Migration[] = [initial]

/**
 * Brings a document from its own version up to the newest one the list knows, one step at a time.
 * The input is never mutated: the steps work on a structured clone. A document already at the
 * newest version is returned as it is, uncopied (copying a 10,000-VM plan takes a tenth of a second).
 */
export function migrate(document: Readonly<PlanDocument>, from: number, migrations: readonly Migration[] = MIGRATIONS): Result<PlanDocument> {
  let current = document as PlanDocument
  let copied = false
  for (const migration of migrations) {
    if (migration.version <= from) continue
    if (!copied) {
      current = structuredClone(document) as PlanDocument
      copied = true
    }
    const step = migration.up(current)
    if (!step.ok) return step
    current = { ...step.value, version: migration.version }
  }
  const newest = migrations.at(-1)?.version ?? 0
  if (from > newest) return fail({ path: 'version', message: `version ${from} is newer than this vexplan knows (${newest})` })
  return ok(current)
}
