/**
 * What the user was looking at, kept for a reload of the same tab: the selected item and the
 * findings panel's filter (its text and the severities shown). It lives in sessionStorage, beside
 * the plan's autosave: a reload comes back to the same view, a new tab starts with a clean one.
 * Nothing here is the plan; a stored view that does not fit the restored plan is left unused.
 */
import { z } from 'zod'
import { ENTITY_KINDS, locate } from '../core/edit/locate.ts'
import { EXCHANGE_ROLES } from '../core/model/enums.ts'
import type { Plan } from '../core/model/plan.ts'
import { keepSelection, useEditor, type Selection } from './editor-store.ts'

export const VIEW_KEY = 'vexplan.view'

const StoredView = z.object({
  selection: z.object({ id: z.string(), kind: z.enum(ENTITY_KINDS), role: z.enum(EXCHANGE_ROLES).optional() }).nullable().catch(null),
  findings: z.object({
    query: z.string().max(500),
    shown: z.object({ error: z.boolean(), warning: z.boolean(), info: z.boolean() }),
  }).nullable().catch(null),
})
export type FindingsView = NonNullable<z.infer<typeof StoredView>['findings']>
type View = z.infer<typeof StoredView>

const sessionStore = (): Storage | null => {
  try {
    return window.sessionStorage
  } catch {
    return null // storage disabled: the view lasts as long as the page
  }
}

/** The stored view, or an empty one when there is none or it is not one (an older build's, say). */
export function readView(storage: Storage | null = sessionStore()): View {
  let text: string | null = null
  try {
    text = storage?.getItem(VIEW_KEY) ?? null
  } catch { /* unreadable storage: no view */ }
  if (text === null) return { selection: null, findings: null }
  try {
    const parsed = StoredView.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : { selection: null, findings: null }
  } catch {
    return { selection: null, findings: null }
  }
}

function writeView(change: Partial<View>, storage: Storage | null): void {
  if (!storage) return
  try {
    storage.setItem(VIEW_KEY, JSON.stringify({ ...readView(storage), ...change }))
  } catch { /* full or disabled: the view is not worth a message */ }
}

/** Keeps the findings panel's filter for a reload. */
export function rememberFindingsView(findings: FindingsView, storage: Storage | null = sessionStore()): void {
  writeView({ findings }, storage)
}

/**
 * The stored selection if the plan still has that item (as undo keeps one: keepSelection), as that
 * kind of item: a stored view may come from another build, or name an id that is now another kind.
 */
export function selectionIn(plan: Plan, selection: Selection | null): Selection | null {
  const kept = keepSelection(selection, plan)
  if (!kept) return null
  const at = locate(plan, kept.id)!.kind
  switch (kept.kind) {
    case 'parent-partition': return at === 'host' ? kept : null
    case 'exchange-role': return kept.role !== undefined && (at === 'vm' || at === 'host') ? kept : null
    default: return at === kept.kind ? kept : null
  }
}

/**
 * Selects what was selected before the reload (when the restored plan still has it), then keeps
 * the selection of the user's own plan as it changes. Returns the function that stops keeping it.
 */
export function startViewMemory(storage: Storage | null = sessionStore()): () => void {
  const state = useEditor.getState()
  const selection = selectionIn(state.plan, readView(storage).selection)
  if (selection) state.select(selection)
  return useEditor.subscribe((next, previous) => {
    if (next.selection === previous.selection || next.origin !== 'own') return
    writeView({ selection: next.selection }, storage)
  })
}
