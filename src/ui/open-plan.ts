import { useCallback } from 'react'
import { useReactFlow, type FitViewOptions } from '@xyflow/react'
import type { Plan } from '../core/index.ts'
import { useEditor } from '../store/editor-store.ts'
import type { Layout } from '../store/history.ts'
import { autoLayout } from './canvas/auto-layout.ts'

/** The plan's own layout, or one made by elkjs for plans that have none. */
export async function layoutFor(plan: Plan): Promise<Layout> {
  return Object.keys(plan.layout).length > 0 ? plan.layout : autoLayout(plan)
}

/** Opens a plan as one undoable step; plans without a layout are laid out by elkjs first. */
export async function openPlan(plan: Plan, fit: () => void): Promise<void> {
  useEditor.getState().open(plan, await layoutFor(plan))
  useEditor.getState().announce(`Opened ${plan.name}; Undo goes back to the plan before`)
  requestAnimationFrame(() => requestAnimationFrame(fit))
}

/**
 * How the whole plan is fitted into the canvas: clear of the find box at the top left, the zoom
 * controls at the bottom left and the overview map at the bottom right (about 200 × 140 px), so no
 * node ends up under any of them.
 */
export const FIT_PLAN: FitViewOptions = { padding: { top: '60px', right: '32px', bottom: '150px', left: '64px' }, maxZoom: 1 }

/** Fits the whole plan into the canvas, as after opening one. */
export function useFitPlan(): () => void {
  const flow = useReactFlow()
  return useCallback(() => { void flow.fitView({ ...FIT_PLAN, duration: 200 }) }, [flow])
}
