import { count, disconnectedBy, EXCHANGE_ROLE_LABELS, EXCHANGE_VERSION_LABELS, joinAnd, locate, locatedName, roleNames, updateLabel, type ExchangeInstall, type Located } from '../core/index.ts'
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
  const install = located?.kind === 'vm' ? located.vm.exchange : located?.kind === 'host' ? located.host.parent.exchange : null
  const problems = state.apply(edit, { select: null, layout: selection.kind === 'host' || selection.kind === 'storage-array' ? layout : state.layout })
  if (problems) {
    state.notify(problems[0]?.message ?? 'That cannot be removed')
    return
  }
  // Said where the user looks, not only to a screen reader: what went with it, and what it served is left not connected.
  const what = edit.op === 'remove-role'
    ? `Removed the ${EXCHANGE_ROLE_LABELS[edit.role]} role from ${name}${install?.roles.length === 1 ? lastRoleWent(install) : ''}`
    : `Deleted ${located ? withContents(located) : name}`
  const after = cut.length > 0
    ? `${joinAnd(cut)} ${cut.length === 1 ? 'is' : 'are'} not connected now; Undo reconnects ${cut.length === 1 ? 'it' : 'them'}.`
    : 'Undo brings it back.'
  state.notify(`${what}. ${after}`, undefined, 'info')
  state.announce(`${what}. ${after}`)
  // The focus was on the deleted node or on the Delete button, both gone: give it to the canvas.
  document.querySelector<HTMLElement>('.react-flow')?.focus()
}

/**
 * A server's last role takes its Exchange install with it (a server runs Exchange for its roles):
 * "; it was its last, so Exchange Server 2010 SP2 and its place in cluster "DAG1" went with it".
 */
export function lastRoleWent(install: ExchangeInstall): string {
  const cluster = install.cluster ? ` and its place in cluster "${install.cluster.id}"` : ''
  return `; it was its last, so ${EXCHANGE_VERSION_LABELS[install.version]} ${updateLabel(install.update)}${cluster} went with it`
}

/** "EX01 with its 3 disks and the Mailbox role": the entity and what is deleted with it. */
export function withContents(located: Located): string {
  // Every VM has a "Boot" and every host a "Disk 1": a disk is named with whose it is.
  if (located.kind === 'virtual-disk') return `${located.vm.name}'s ${located.disk.name}`
  if (located.kind === 'physical-disk') return `${located.host.name}'s ${located.disk.name}`
  if (located.kind === 'lun') return `${located.array.name}'s ${locatedName(located)}`
  const name = locatedName(located)
  const parts: string[] = []
  if (located.kind === 'host') {
    const { vms, disks, parent } = located.host
    if (vms.length > 0) parts.push(`its ${count(vms.length, 'VM')}`)
    if (disks.length > 0) parts.push(`its ${count(disks.length, 'host disk')}`)
    if (parent.exchange) parts.push(`its Exchange ${roleNames(parent.exchange.roles)}`)
  } else if (located.kind === 'vm') {
    const { disks, exchange } = located.vm
    if (disks.length > 0) parts.push(`its ${count(disks.length, 'disk')}`)
    if (exchange) parts.push(`the ${roleNames(exchange.roles)}`)
  } else if (located.kind === 'storage-array' && located.array.luns.length > 0) {
    parts.push(`its ${count(located.array.luns.length, 'LUN')}`)
  }
  return parts.length > 0 ? `${name} with ${joinAnd(parts)}` : name
}
