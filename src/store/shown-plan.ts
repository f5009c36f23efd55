/**
 * The plan and layout that the large views draw: the canvas, the findings and their totals. A
 * keystroke in a field changes the plan at once, and the field and the Inspector follow it; the
 * large views catch up when typing pauses, so that a keystroke does not redraw a whole estate (on
 * a 40-host plan each one took 90 ms, the letters showing late). Every other change (a drop, a
 * choice, undo, an open) is shown everywhere at once.
 */
import { create } from 'zustand'
import type { Plan } from '../core/index.ts'
import { useEditor, type EditorState } from './editor-store.ts'
import type { Layout } from './history.ts'

/** How long typing must pause before the large views show what was typed. */
export const TYPING_PAUSE_MS = 250

export interface ShownPlan { plan: Plan; layout: Layout }

export const useShownPlan = create<ShownPlan>()(() => ({ plan: useEditor.getState().plan, layout: useEditor.getState().layout }))

let pending: ReturnType<typeof setTimeout> | null = null

/** Shows the plan as it is now, without waiting for typing to pause (an export draws what is shown). */
export function showPlanNow(): void {
  if (pending !== null) clearTimeout(pending)
  pending = null
  const { plan, layout } = useEditor.getState()
  const shown = useShownPlan.getState()
  if (shown.plan !== plan || shown.layout !== layout) useShownPlan.setState({ plan, layout })
}

function follow(state: EditorState): void {
  const shown = useShownPlan.getState()
  if (shown.plan === state.plan && shown.layout === state.layout) return
  if (state.typedPlan !== state.plan) return showPlanNow()
  if (pending !== null) clearTimeout(pending)
  pending = setTimeout(showPlanNow, TYPING_PAUSE_MS)
}

useEditor.subscribe(follow)
