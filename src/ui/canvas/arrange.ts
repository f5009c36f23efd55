/**
 * "Arrange the diagram": lays the plan's hosts, servers and arrays out again as opening a plan
 * without a layout does (elkjs: hosts in rows, the arrays they use below, lines kept short), as one
 * undoable step, and fits the result into view.
 */
import { useEditor } from '../../store/editor-store.ts'
import { canvasView, fitOnceDrawn } from '../open-plan.ts'
import { autoLayout } from './auto-layout.ts'

export async function arrangeDiagram(fit: () => void): Promise<boolean> {
  const plan = useEditor.getState().plan
  if (plan.hosts.length === 0 && plan.storage.length === 0) return false
  const layout = await autoLayout(plan, canvasView())
  const state = useEditor.getState()
  // An edit made while elkjs worked would be laid out by a stale layout: leave it to the next click.
  if (state.plan !== plan) return false
  // No edit of the plan, only its layout: one undo step that puts the old places back.
  if (state.apply([], { layout })) return false
  state.announce('Arranged the diagram; Undo puts everything back where it was')
  fitOnceDrawn(fit)
  return true
}
