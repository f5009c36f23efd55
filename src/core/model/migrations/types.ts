import type { Result } from '../problem.ts'

/** A JSON document of the plan file, before the schema has checked it. */
export type PlanDocument = Record<string, unknown>

/**
 * Upgrades a document of version `version - 1` to `version`. It returns a new document (never
 * mutates its input) or problems; it never throws.
 */
export interface Migration {
  version: number
  description: string
  up(document: Readonly<PlanDocument>): Result<PlanDocument>
}
