import { joinAnd, locate } from '../../core/index.ts'
import { useEditor, type EditorState } from '../../store/editor-store.ts'
import type { Geometry } from './geometry.ts'

/**
 * Finishes dragging a VM: onto another host (or another place in its own) it moves with its disks
 * and roles; anywhere else it goes back. Returns whether the plan changed.
 */
export function moveVmTo(vmId: string, point: { x: number; y: number }, geometry: Geometry, state: EditorState, notifyAt?: { x: number; y: number }): boolean {
  const host = geometry.boxes.find((box) => box.kind === 'host'
    && point.x >= box.ax && point.x <= box.ax + box.w && point.y >= box.ay && point.y <= box.ay + box.h)
  if (!host) {
    // Dropped beside every host: say why it goes back, as a refused palette drop does.
    state.notify('A virtual machine goes into a host: drop it on one to move it there', notifyAt)
    return false
  }
  const siblings = geometry.boxes.filter((box) => box.kind === 'vm' && box.parentId === host.id && box.id !== vmId)
  const index = siblings.filter((box) => point.y > box.ay + box.h || (point.y >= box.ay && point.x > box.ax + box.w / 2)).length
  const current = geometry.byId.get(vmId)
  if (current?.parentId === host.id) {
    const currentIndex = geometry.boxes.filter((box) => box.kind === 'vm' && box.parentId === host.id).findIndex((box) => box.id === vmId)
    if (currentIndex === index) return false
  }
  const refused = moveVm(vmId, host.entityId, index)
  if (refused) {
    state.notify(refused, notifyAt)
    return false
  }
  return true
}

/**
 * Moves a VM to a host (one undoable step, the VM selected), and says which of its disks the move
 * left unconnected: they were files on, or pass-throughs of, disks of the host it left. Returns why
 * the move was refused, or null. The canvas drag and the inspector's Host field both come here.
 */
export function moveVm(vmId: string, hostId: string, index?: number): string | null {
  const state = useEditor.getState()
  const before = locate(state.plan, vmId)
  const problems = state.apply({ op: 'move-vm', vm: vmId, host: hostId, ...(index === undefined ? {} : { index }) }, { select: { id: vmId, kind: 'vm' } })
  if (problems) return problems[0]?.message ?? 'The VM cannot go there'
  const after = locate(useEditor.getState().plan, vmId)
  if (before?.kind !== 'vm' || after?.kind !== 'vm' || before.host.id === after.host.id) return null
  const movedDisk = (id: string) => after.vm.disks.find((moved) => moved.id === id)
  const cut = before.vm.disks.filter((disk) => disk.backing !== null && movedDisk(disk.id)?.backing === null)
  const followed = before.vm.disks.filter((disk) => disk.backing !== null && movedDisk(disk.id)?.backing !== disk.backing && movedDisk(disk.id)?.backing !== null)
  const said: string[] = []
  if (followed.length > 0) {
    const names = joinAnd(followed.map((disk) => disk.name))
    said.push(`${followed.length === 1 ? `Its disk ${names} is` : `Its disks ${names} are`} on ${after.host.name}'s disk${followed.length === 1 ? '' : 's'} on the same shared LUN.`)
  }
  if (cut.length > 0) {
    const names = joinAnd(cut.map((disk) => disk.name))
    said.push(`${cut.length === 1 ? `Its disk ${names} is` : `Its disks ${names} are`} not connected: ${cut.length === 1 ? 'it was' : 'they were'} on disks of ${before.host.name}.`)
  }
  // Below the canvas, not at the drop: there it covered the VM it speaks of, just moved under the pointer.
  if (said.length > 0) state.notify(`${after.vm.name} is on ${after.host.name} now. ${said.join(' ')}`, undefined, 'info')
  return null
}
