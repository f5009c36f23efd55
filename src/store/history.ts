import type { LayoutEntry, Plan } from '../core/index.ts'

export type Layout = Record<string, LayoutEntry>
/** One undo step: the domain plan and the canvas layout as they were. */
export interface Snapshot { plan: Plan; layout: Layout }

/** Undo keeps this many steps; older ones fall off. */
export const HISTORY_LIMIT = 200

export function pushPast(past: readonly Snapshot[], snapshot: Snapshot): Snapshot[] {
  const next = [...past, snapshot]
  return next.length > HISTORY_LIMIT ? next.slice(next.length - HISTORY_LIMIT) : next
}
