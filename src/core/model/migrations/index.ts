import { fail, ok, type Result } from '../problem.ts'
import { initial } from './001-initial.ts'
import type { Migration, PlanDocument } from './types.ts'

export type { Migration, PlanDocument } from './types.ts'

/** Every migration, in order; versions are contiguous from 1. Never remove or renumber an entry. */
export const MIGRATIONS: readonly Migration[] = [initial]

/**
 * Brings a document from its own version up to the newest one the list knows, one step at a time.
 * The input is never mutated: each step receives a structured clone.
 */
export function migrate(document: Readonly<PlanDocument>, from: number, migrations: readonly Migration[] = MIGRATIONS): Result<PlanDocument> {
  let current: PlanDocument = structuredClone(document) as PlanDocument
  for (const migration of migrations) {
    if (migration.version <= from) continue
    const step = migration.up(current)
    if (!step.ok) return step
    current = { ...step.value, version: migration.version }
  }
  const newest = migrations.at(-1)?.version ?? 0
  if (from > newest) return fail({ path: 'version', message: `version ${from} is newer than this vexplan knows (${newest})` })
  return ok(current)
}
