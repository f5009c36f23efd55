/**
 * "Arrange the diagram": lays the plan's hosts, servers and arrays out again as opening a plan
 * without a layout does (elkjs: hosts in rows, the arrays they use below, lines kept short), as one
 * undoable step, and fits the result into view.
 */
import { useEditor } from '../../store/editor-store.ts'
import type { Layout } from '../../store/history.ts'
import { canvasView, fitOnceDrawn } from '../open-plan.ts'
import { autoLayout } from './auto-layout.ts'

export async function arrangeDiagram(fit: () => void): Promise<boolean> {
  const plan = useEditor.getState().plan
  if (plan.hosts.length === 0 && plan.storage.length === 0) return false
  const layout = await autoLayout(plan, canvasView())
  const state = useEditor.getState()
  // An edit made while elkjs worked would be laid out by a stale layout: leave it to the next click.
  if (state.plan !== plan) return false
  // Already so: said, with no undo step that changes nothing (a click that did nothing visible said nothing).
  if (sameLayout(state.layout, layout)) {
    const said = 'The diagram is already arranged: nothing moved.'
    state.notify(said, undefined, 'info')
    state.announce(said)
    fitOnceDrawn(fit)
    return false
  }
  // No edit of the plan, only its layout: one undo step that puts the old places back.
  if (state.apply([], { layout })) return false
  state.announce('Arranged the diagram; Undo puts everything back where it was')
  fitOnceDrawn(fit)
  return true
}

/** True when two layouts put every node at the same place and size. */
export function sameLayout(a: Layout, b: Layout): boolean {
  const ids = Object.keys(a)
  if (ids.length !== Object.keys(b).length) return false
  return ids.every((id) => {
    const [p, q] = [a[id]!, b[id]]
    return q !== undefined && p.x === q.x && p.y === q.y && p.width === q.width && p.height === q.height
  })
}
