import { ok } from '../problem.ts'
import type { Migration } from './types.ts'

/**
 * Version 1 is the first plan format: there is nothing older to upgrade. The entry exists so the
 * pipeline is complete from day one; version 2 will add `002-<what it changes>.ts` after it.
 */
export const initial: Migration = {
  version: 1,
  description: 'The first plan format (nothing to upgrade).',
  up: (document) => ok(document),
}
