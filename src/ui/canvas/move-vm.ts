import type { EditorState } from '../../store/editor-store.ts'
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
  const problems = state.apply({ op: 'move-vm', vm: vmId, host: host.entityId, index }, { select: { id: vmId, kind: 'vm' } })
  if (problems) {
    state.notify(problems[0]?.message ?? 'The VM cannot go there', notifyAt)
    return false
  }
  return true
}
