import type { Plan } from '../core/index.ts'
import { useEditor } from '../store/editor-store.ts'
import type { Layout } from '../store/history.ts'
import { autoLayout } from './canvas/auto-layout.ts'

/** Opens a plan as one undoable step; plans without a layout are laid out by elkjs first. */
export async function openPlan(plan: Plan, fit: () => void): Promise<void> {
  const layout: Layout = Object.keys(plan.layout).length > 0 ? plan.layout : await autoLayout(plan)
  useEditor.getState().open(plan, layout)
  requestAnimationFrame(() => requestAnimationFrame(fit))
}
