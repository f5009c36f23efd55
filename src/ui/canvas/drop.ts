/**
 * Putting palette items into the plan: by drag-and-drop at a point on the canvas, or by keyboard
 * into the selected container. Where an item cannot go, nothing changes and a notice says why.
 */
import { applyEdit, isRoleKind, ruleById, isTopLevelKind, locate, locatedName, lunWord, paletteLabel, placeItem, storageUnitTitle, type DropTarget, type EntityKind, type Finding, type PaletteKind, type Plan } from '../../core/index.ts'
import type { DragEvent as ReactDragEvent } from 'react'
import { useEditor, type Selection } from '../../store/editor-store.ts'
import { deriveFindings } from '../../store/findings.ts'
import { defaultPositions, freeSpot } from './geometry.ts'

export const PALETTE_MIME = 'application/x-vexplan-item'

const SELECT_KIND: Record<string, EntityKind> = {
  host: 'host', 'bare-metal': 'host', 'storage-array': 'storage-array', vm: 'vm', 'physical-disk': 'physical-disk', lun: 'lun',
}

/** The drop target under a screen point: the innermost canvas node there, or the canvas. */
export function targetAt(client: { x: number; y: number }): DropTarget {
  for (const element of document.elementsFromPoint(client.x, client.y)) {
    if (!(element instanceof HTMLElement) || !element.dataset.entityId) continue
    const kind = element.dataset.kind
    const id = element.dataset.entityId
    if (kind === 'parent-partition') return { kind: 'entity', id: `parent:${id}` }
    if (kind === 'exchange-role' && useEditor.getState().plan.hosts.some((host) => host.id === id)) return { kind: 'entity', id: `parent:${id}` }
    return { kind: 'entity', id }
  }
  return { kind: 'canvas' }
}

/** The target the current selection stands for, for keyboard adds. */
export function targetOfSelection(selection: Selection | null): DropTarget {
  if (!selection) return { kind: 'canvas' }
  if (selection.kind === 'parent-partition') return { kind: 'entity', id: `parent:${selection.id}` }
  if (selection.kind === 'exchange-role') {
    const isHost = useEditor.getState().plan.hosts.some((host) => host.id === selection.id)
    return { kind: 'entity', id: isHost ? `parent:${selection.id}` : selection.id }
  }
  return { kind: 'entity', id: selection.id }
}

/** Adds an item to the plan; `at` places a top-level item, `notifyAt` is where a refusal shows. */
export function addItem(kindText: string, target: DropTarget, at: { x: number; y: number } | null, notifyAt?: { x: number; y: number }): boolean {
  const state = useEditor.getState()
  const kind = kindText as PaletteKind
  const placement = placeItem(state.plan, kind, target)
  if (!placement.ok) {
    state.notify(placement.reason, notifyAt)
    return false
  }
  const selection: Selection = isRoleKind(kind)
    ? { id: placement.id, kind: 'exchange-role', role: kind }
    : { id: placement.id, kind: SELECT_KIND[kind] ?? 'virtual-disk' }
  let layout = state.layout
  if (isTopLevelKind(kind)) {
    const preview = applyEdit(state.plan, placement.edit)
    const spot = !preview.ok ? at ?? undefined
      : at ? freeSpot(preview.value, layout, placement.id, at)
      : defaultPositions(preview.value, layout).get(placement.id)
    if (spot) layout = { ...layout, [placement.id]: { x: Math.round(spot.x), y: Math.round(spot.y) } }
  }
  const problems = state.apply(placement.edit, { select: selection, layout })
  if (problems) {
    state.notify(problems[0]?.message ?? 'That cannot go there', notifyAt)
    return false
  }
  const after = useEditor.getState().plan
  state.announce(addedText(after, kind, placement.id))
  const raised = placement.note ? null : raisedFinding(state.plan, after, kind, placement.id)
  const note = placement.note ?? raised?.text
  // Said over the canvas, not at the pointer, where it would cover what was just added.
  if (note) state.notify(note, undefined, placement.unsupported || raised?.unsupported ? 'unsupported' : 'info')
  return true
}

/**
 * What an accepted item does not support where it landed (a VHDX on Windows Server 2008 Hyper-V,
 * Unified Messaging on Exchange 2019): the first error it raises, said at once rather than left to a
 * badge. For a role, the findings of rules about roles (`aboutRoles`) whatever their severity, so also
 * the lesser one of a role its version has no install for (Hub Transport on Exchange 2019, whose
 * Mailbox role does that work), and not the errors a new Mailbox server raises for what is yet to be
 * planned around it, such as its backup. The findings are the ones the canvas derives for the plan
 * anyway (cached per plan).
 */
function raisedFinding(before: Plan, after: Plan, kind: PaletteKind, id: string): { text: string; unsupported: boolean } | null {
  const key = (f: Finding) => `${f.rule} ${f.subject} ${f.message}`
  const known = new Set(deriveFindings(before).findings.filter((f) => f.subject === id).map(key))
  const raised = deriveFindings(after).findings.filter((f) => f.subject === id && !known.has(key(f))
    && (isRoleKind(kind) ? ruleById(f.rule)?.aboutRoles === true : f.severity === 'error'))
  const first = raised[0]
  if (!first) return null
  if (first.severity !== 'error') return { text: `Added, with a note: ${first.message}`, unsupported: false }
  const more = raised.filter((f) => f.severity === 'error').length - 1
  return { text: `Added, but Microsoft does not support this: ${first.message}${more > 0 ? ` (and ${more} more error${more === 1 ? '' : 's'} in Findings)` : ''}`, unsupported: true }
}

/** "Added Virtual machine EX02 to HV01", "Added the Mailbox role to EX01": read out after an add. */
function addedText(plan: Plan, kind: PaletteKind, id: string): string {
  const at = locate(plan, id)
  const label = paletteLabel(kind)
  if (!at) return `Added ${label}`
  if (isRoleKind(kind)) return `Added the ${label} role to ${locatedName(at)}`
  const container = at.kind === 'vm' || at.kind === 'physical-disk' ? at.host : at.kind === 'virtual-disk' ? at.vm : at.kind === 'lun' ? at.array : null
  // A NAS array's LUN is a share, named so ("Share 2"): the name says what it is.
  if (at.kind === 'lun' && lunWord(at.array.protocol) === 'share') return `Added ${storageUnitTitle(at.lun.name, at.array.protocol)} to ${at.array.name}`
  // A name that says what it is ("LUN 0", "Disk 3") is not preceded by its kind again.
  const name = locatedName(at)
  const what = name.toLowerCase().startsWith(label.toLowerCase()) || (at.kind === 'physical-disk' && /^disk\b/i.test(name)) ? name : `${label} ${name}`
  return `Added ${what}${container ? ` to ${container.name}` : ''}`
}

/**
 * What lies over the diagram and is not part of it: a drop there is not meant for the node that may
 * lie beneath (nor the spot, for a host), so it is refused, naming what it landed on.
 */
const OVERLAYS: readonly (readonly [selector: string, name: string])[] = [
  ['.overview', 'overview map'], ['.react-flow__controls', 'zoom controls'], ['.find-box', 'find box'],
]

/** True, having said why, when the drop at `client` landed on one of them. */
function refusedOnOverlay(kind: string, client: { x: number; y: number }): boolean {
  const top = document.elementFromPoint(client.x, client.y)
  const overlay = OVERLAYS.find(([selector]) => top?.closest(selector))?.[1]
  const label = paletteLabel(kind as PaletteKind)
  if (overlay) useEditor.getState().notify(`Nothing was added: drop the ${label}${isRoleKind(kind as PaletteKind) ? ' role' : ''} on the diagram itself, not on the ${overlay}`, client)
  return overlay !== undefined
}

export function dropOnCanvas(kind: string, client: { x: number; y: number }, flowPoint: { x: number; y: number }): boolean {
  return !refusedOnOverlay(kind, client) && addItem(kind, targetAt(client), flowPoint, client)
}

/** Lets a palette item be dropped here (on the canvas, or on the find box to be refused there). */
export function acceptPaletteDrag(event: ReactDragEvent) {
  if (!event.dataTransfer.types.includes(PALETTE_MIME)) return
  event.preventDefault()
  event.dataTransfer.dropEffect = 'copy'
}

/** The drag-over and drop of a palette item on something over the canvas (the find box): refused, and said so. */
export const refuseDropOnOverlay = {
  onDragOver: acceptPaletteDrag,
  onDrop(event: ReactDragEvent) {
    const kind = event.dataTransfer.getData(PALETTE_MIME)
    if (!kind) return
    event.preventDefault()
    refusedOnOverlay(kind, { x: event.clientX, y: event.clientY })
  },
}
