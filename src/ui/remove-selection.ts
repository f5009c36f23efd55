import { disconnectedBy, EXCHANGE_ROLE_LABELS, joinAnd, locate, locatedName } from '../core/index.ts'
import { useEditor } from '../store/editor-store.ts'

/**
 * Removes the selected entity (or role) as one undoable step; a parent partition stays with its host.
 * The Delete key on the canvas and the inspector's Delete button both come here.
 */
export function removeSelection(): void {
  const state = useEditor.getState()
  const selection = state.selection
  if (!selection) return
  if (selection.kind === 'parent-partition') {
    state.notify('The parent partition comes with its host: delete the host to remove it')
    return
  }
  const edit = selection.kind === 'exchange-role' && selection.role
    ? { op: 'remove-role' as const, server: selection.id, role: selection.role }
    : { op: 'remove' as const, target: selection.id }
  const layout = { ...state.layout }
  delete layout[selection.id]
  const located = locate(state.plan, selection.id)
  const name = located ? locatedName(located) : selection.id
  const cut = edit.op === 'remove' ? disconnectedBy(state.plan, selection.id) : []
  const problems = state.apply(edit, { select: null, layout: selection.kind === 'host' || selection.kind === 'storage-array' ? layout : state.layout })
  if (problems) {
    state.notify(problems[0]?.message ?? 'That cannot be removed')
    return
  }
  if (cut.length > 0) {
    // What it served is left not connected: say so where the user looks, not only to a screen reader.
    state.notify(`Deleted ${name}. ${joinAnd(cut)} ${cut.length === 1 ? 'is' : 'are'} not connected now; Undo reconnects ${cut.length === 1 ? 'it' : 'them'}.`, undefined, 'info')
  }
  state.announce(edit.op === 'remove-role' ? `Removed the ${EXCHANGE_ROLE_LABELS[selection.role!]} role from ${name}` : `Deleted ${name}; Undo brings it back`)
  // The focus was on the deleted node or on the Delete button, both gone: give it to the canvas.
  document.querySelector<HTMLElement>('.react-flow')?.focus()
}
