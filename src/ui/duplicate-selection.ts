import type { ReactFlowInstance } from '@xyflow/react'
import { applyEdit, duplicateEntity, locate, locatedName } from '../core/index.ts'
import { useEditor } from '../store/editor-store.ts'
import { defaultPositions, freeSpot } from './canvas/geometry.ts'
import { centreWhenDrawn, revealWhenDrawn } from './canvas/reveal.ts'

/**
 * Duplicates the selected VM (beside it, on its host) or host (to its right on the canvas) as one
 * undoable step, selects the copy and shows it on the canvas. The Inspector's Duplicate button and
 * Ctrl+D both come here. Returns the copy's id, or null when there is nothing to duplicate (a notice
 * then says why).
 */
export function duplicateSelection(flow: ReactFlowInstance): string | null {
  // Ctrl+D on a focused node acts on that node, as Delete does (a node reached by Tab is focused,
  // not selected); the focus then goes on to the copy, which the next key (Delete) is for.
  const focused = document.activeElement instanceof HTMLElement && document.activeElement.classList.contains('react-flow__node') ? document.activeElement : null
  if (focused) {
    const node = flow.getNode(focused.dataset.id ?? '')
    const kind = node?.type === 'vm' ? 'vm' : node?.type === 'host' ? 'host' : null
    if (!node || !kind) {
      useEditor.getState().notify('Select a virtual machine or a host to duplicate')
      return null
    }
    useEditor.getState().select({ id: node.id, kind })
  }
  const state = useEditor.getState()
  const selection = state.selection
  if (!selection || (selection.kind !== 'vm' && selection.kind !== 'host')) {
    state.notify('Select a virtual machine or a host to duplicate')
    return null
  }
  const placement = duplicateEntity(state.plan, selection.id)
  if (!placement.ok) {
    state.notify(placement.reason)
    return null
  }
  let layout = state.layout
  if (selection.kind === 'host') {
    const preview = applyEdit(state.plan, placement.edit)
    const origin = layout[selection.id] ?? defaultPositions(state.plan, layout).get(selection.id)
    // Put down on the original, the copy moves right past it (and past whatever else is there).
    if (preview.ok && origin) layout = { ...layout, [placement.id]: freeSpot(preview.value, layout, placement.id, origin) }
  }
  const problems = state.apply(placement.edit, { select: { id: placement.id, kind: selection.kind }, layout })
  if (problems) {
    state.notify(problems[0]?.message ?? 'That cannot be duplicated')
    return null
  }
  const plan = useEditor.getState().plan
  const name = (id: string) => { const at = locate(plan, id); return at ? locatedName(at) : id }
  state.announce(`Duplicated ${name(selection.id)} as ${name(placement.id)}`)
  // What the copy could not take from its original is shown where the user looks (and read out).
  if (placement.notes.length > 0) state.notify(`${placement.notes.join('. ')}.`, undefined, 'info')
  // A host copy is shown whole (fitted when it is wider than the view); a VM copy, nudged into view.
  if (selection.kind === 'host') centreWhenDrawn(flow, placement.id)
  else revealWhenDrawn(flow, placement.id, document.querySelector('.react-flow'))
  if (focused) focusNodeWhenDrawn(placement.id)
  return placement.id
}

/** Puts the keyboard focus on a node once React Flow has drawn it (a few frames at most). */
function focusNodeWhenDrawn(id: string, tries = 10) {
  requestAnimationFrame(() => {
    const element = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`)
    if (element) {
      // The copy is being shown already (centred or nudged): the focus must not pan the view again.
      element.dataset.noReveal = 'true'
      element.focus({ preventScroll: true })
      delete element.dataset.noReveal
    }
    else if (tries > 0) focusNodeWhenDrawn(id, tries - 1)
  })
}
