/** React Flow nodes and edges derived from the plan's geometry and findings; never a second copy of the data. */
import type { Edge, Node, NodeHandle } from '@xyflow/react'
import { Position } from '@xyflow/react'
import { DISK_KIND_LABELS, EXCHANGE_ROLE_LABELS, EXCHANGE_VERSION_LABELS, FILE_PROTOCOLS, capitalize, lacksRole, storageUnitTitle, unitTitle, type ExchangeRole, type ExchangeVersion, type Host, type Lun, type PhysicalDisk, type Plan, type StorageArray, type VirtualDisk, type Vm } from '../../core/index.ts'
import { entityFindings, type DerivedFindings, type EntityFindings } from '../../store/findings.ts'
import { hostOsTitle } from '../host-os.ts'
import { hostDiskUses } from './nodes/disk-lines.ts'
import type { Geometry } from './geometry.ts'
import type { Lane } from './lanes.ts'

export type NodeData =
  | { kind: 'host'; host: Host; counts: EntityFindings }
  | { kind: 'parent'; host: Host; counts: EntityFindings }
  | { kind: 'vm'; vm: Vm; counts: EntityFindings }
  | { kind: 'vdisk'; disk: VirtualDisk; counts: EntityFindings }
  | { kind: 'pdisk'; disk: PhysicalDisk; counts: EntityFindings; /** On a share of a NAS array, not a SAN LUN. */ share: boolean; /** What VMs use it for ("passed to EX01", "VHDs of EX01"), or null. */ use: string | null }
  | { kind: 'role'; role: ExchangeRole; serverId: string; counts: EntityFindings; /** The server's Exchange version, where it has no such role (Hub Transport on 2019), else null. */ lackedBy: ExchangeVersion | null }
  | { kind: 'array'; array: StorageArray; counts: EntityFindings }
  | { kind: 'lun'; lun: Lun; counts: EntityFindings; share: boolean }

export type FlowNode = Node<NodeData>

const DRAGGABLE = new Set(['host', 'array', 'vm'])

/** A connection handle's size and a disk node's border, as canvas.css draws them. */
const HANDLE = 9
const BORDER = 1
/** How far a handle stands out of a node's edge: a line leaves and ends at the outer side of one. */
export const HANDLE_OUTSET = HANDLE / 2 - BORDER
const NO_HANDLES: NodeHandle[] = []

/**
 * Where a node's connection handles are, as React Flow would measure them: a line enters a disk or
 * LUN at the middle of its top edge ("in") and leaves a disk at the middle of its bottom edge ("out").
 * Given beforehand, they spare React Flow drawing every node of a newly opened plan once, in view or
 * not, only to measure them: 21,700 nodes for a 3,000-VM estate, of which 12,500 then went again.
 */
export function handlesOf(kind: NodeData['kind'], w: number, h: number): NodeHandle[] {
  if (kind !== 'vdisk' && kind !== 'pdisk' && kind !== 'lun') return NO_HANDLES
  const x = w / 2 - HANDLE / 2
  const into: NodeHandle = { id: 'in', type: 'target', position: Position.Top, x, y: BORDER - HANDLE / 2, width: HANDLE, height: HANDLE }
  const out: NodeHandle = { id: 'out', type: 'source', position: Position.Bottom, x, y: h - BORDER - HANDLE / 2, width: HANDLE, height: HANDLE }
  return kind === 'vdisk' ? [out] : kind === 'pdisk' ? [into, out] : [into]
}

const NO_FINDINGS: EntityFindings = { error: 0, warning: 0, info: 0, worst: null }

/** The id of the canvas (React Flow's `id`), from which React Flow names its shared node description. */
export const FLOW_ID = 'plan-diagram'
/** React Flow's description of every node: the keys that move, select and connect it. */
const NODE_KEYS_ID = `react-flow__node-desc-${FLOW_ID}`
/** The DOM id of a node's counts of errors and warnings, in words (Badge.tsx). */
export const badgeId = (nodeId: string) => `findings-of-${nodeId}`
/**
 * A node with errors or warnings is described by their counts, then by the keys: focused, it is heard
 * as "VM EX01, 1 error, 2 warnings." (its badge, a child of the node, is not read out with its name).
 */
const describedBy = (nodeId: string, counts: EntityFindings): Pick<FlowNode, 'domAttributes'> =>
  counts.error > 0 || counts.warning > 0 ? { domAttributes: { 'aria-describedby': `${badgeId(nodeId)} ${NODE_KEYS_ID}` } } : {}

/**
 * Builds the node list. Node objects are reused from `previous` when nothing they show changed,
 * so React Flow re-renders only the nodes an edit touched.
 */
export function toFlowNodes(plan: Plan, geometry: Geometry, findings: DerivedFindings, previous: Map<string, FlowNode>): FlowNode[] {
  const entities = new Map<string, unknown>()
  // Host disks that VMs use: the node says how (their own contents list is the host's use).
  const uses = new Map<string, string>()
  for (const host of plan.hosts) {
    hostDiskUses(host.vms, uses)
    entities.set(host.id, host)
    for (const disk of host.disks) entities.set(disk.id, disk)
    for (const vm of host.vms) {
      entities.set(vm.id, vm)
      for (const disk of vm.disks) {
        entities.set(disk.id, disk)
      }
    }
  }
  // Shares of NAS arrays (NFS, SMB): a host disk on one is a share, not a SAN LUN.
  const shares = new Set<string>()
  for (const array of plan.storage) {
    entities.set(array.id, array)
    const file = FILE_PROTOCOLS.includes(array.protocol)
    for (const lun of array.luns) {
      entities.set(lun.id, lun)
      if (file) shares.add(lun.id)
    }
  }
  return geometry.boxes.map((box) => {
    const entity = entities.get(box.entityId)
    const counts = box.kind === 'role' || box.kind === 'parent' ? NO_FINDINGS : sameCounts(previous.get(box.id)?.data.counts, entityFindings(findings, box.entityId))
    const data = makeData(box.kind, entity, counts, box.role, box.entityId, shares, uses)
    const ariaLabel = ariaLabelOf(data, entities, box.parentId)
    const old = previous.get(box.id)
    if (old && old.position.x === box.x && old.position.y === box.y && old.width === box.w && old.height === box.h
      && old.parentId === box.parentId && shallowEqual(old.data, data) && old.ariaLabel === ariaLabel) return old
    const node: FlowNode = {
      id: box.id,
      ariaLabel,
      type: box.kind,
      position: { x: box.x, y: box.y },
      width: box.w,
      height: box.h,
      // Known sizes and handles, so that nodes out of view need not be drawn to be measured (and
      // fitting the view counts them all).
      measured: { width: box.w, height: box.h },
      handles: handlesOf(box.kind, box.w, box.h),
      data,
      draggable: DRAGGABLE.has(box.kind),
      connectable: box.kind === 'vdisk' || box.kind === 'pdisk' || box.kind === 'lun',
      ...(box.parentId ? { parentId: box.parentId } : {}),
      ...zIndexOf(data),
      ...describedBy(box.id, counts),
    }
    return node
  })
}

/**
 * Drawing order (React Flow draws lines before nodes of the same level, and a child at least one
 * level above its parent): hosts and arrays at 0, VMs and the parent partition at 1, their disks and
 * role chips at 2, host disks and LUNs at 4; the lines over them all, at 5. Every container lays its
 * disks in one row (geometry.ts), so a line leaves a disk's bottom edge and ends on a disk's top edge
 * without passing its neighbours (for an array put above or beside the hosts, backing-route.ts). A line
 * from a VM of a host's upper rows to a host disk goes round the rows below by the gaps between them
 * (lanes.ts); one that must still pass a node on its way (from a VM to a LUN under its host's disks)
 * is drawn over it, seen to pass rather than to end or start there.
 */
const Z_INDEX: Partial<Record<FlowNode['data']['kind'], number>> = { host: 0, array: 0, pdisk: 4, lun: 4 }
/** The level of the backing lines: see Z_INDEX. */
const EDGE_Z = 5
/** A VM being dragged: above every disk and line (its own disks and roles one above it). */
export const DRAGGED_VM_Z = 10
const zIndexOf = (data: NodeData): { zIndex?: number } => {
  const z = Z_INDEX[data.kind]
  return z === undefined ? {} : { zIndex: z }
}

/** What a screen reader hears for a node: its kind and name ("VM EX01", "Mailbox role of EX01"). */
function ariaLabelOf(data: NodeData, entities: ReadonlyMap<string, unknown>, parentId: string | undefined): string {
  // Disks are named by their VM or host too: every host has a "System disk", every VM a "Boot".
  const of = (entities.get(parentId ?? '') as { name?: string } | undefined)?.name
  switch (data.kind) {
    case 'host': return `${data.host.hypervisor === 'none' ? 'Bare-metal server' : 'Host'} ${data.host.name}`
    // A bare-metal server's is its operating system, not a parent partition (as the node itself says).
    case 'parent': return `${hostOsTitle(data.host.hypervisor)} of ${data.host.name}`
    case 'vm': return `VM ${data.vm.name}`
    case 'vdisk': return `Virtual disk ${data.disk.name}${of ? ` of ${of}` : ''} (${DISK_KIND_LABELS[data.disk.kind]})`
    case 'pdisk': return `Host disk ${data.disk.name}${of ? ` of ${of}` : ''}`
    case 'role': return `${EXCHANGE_ROLE_LABELS[data.role]} role of ${(entities.get(data.serverId) as { name?: string } | undefined)?.name ?? data.serverId}${data.lackedBy ? `, which ${EXCHANGE_VERSION_LABELS[data.lackedBy]} does not have` : ''}`
    case 'array': return `Storage array ${data.array.name}`
    case 'lun': {
      // "Share VMs of NAS01", "LUN Data of SAN01"; a name that already says what it is ("lun 5") is kept
      // as written. Named with its array, as disks are with their host: two arrays may each have a "LUN 0".
      const title = unitTitle(data.lun.name, data.share)
      return `${title === data.lun.name ? title : capitalize(title)}${of ? ` of ${of}` : ''}`
    }
  }
}

function makeData(kind: FlowNode['data']['kind'], entity: unknown, counts: EntityFindings, role: ExchangeRole | undefined, entityId: string, shares: ReadonlySet<string>, uses: ReadonlyMap<string, string>): NodeData {
  switch (kind) {
    case 'host': return { kind, host: entity as Host, counts }
    case 'parent': return { kind, host: entity as Host, counts }
    case 'vm': return { kind, vm: entity as Vm, counts }
    case 'vdisk': return { kind, disk: entity as VirtualDisk, counts }
    case 'pdisk': return { kind, disk: entity as PhysicalDisk, counts, share: shares.has((entity as PhysicalDisk).lun ?? ''), use: uses.get(entityId) ?? null }
    case 'role': {
      const install = entity && 'vms' in (entity as object) ? (entity as Host).parent.exchange : (entity as Vm | undefined)?.exchange
      return { kind, role: role!, serverId: entityId, counts, lackedBy: install && lacksRole(install.version, role!) ? install.version : null }
    }
    case 'array': return { kind, array: entity as StorageArray, counts }
    case 'lun': return { kind, lun: entity as Lun, counts, share: shares.has((entity as Lun).id) }
  }
}

function sameCounts(old: EntityFindings | undefined, next: EntityFindings): EntityFindings {
  return old && old.error === next.error && old.warning === next.warning && old.info === next.info && old.worst === next.worst ? old : next
}

function shallowEqual(a: object, b: object): boolean {
  const ka = Object.keys(a)
  if (ka.length !== Object.keys(b).length) return false
  return ka.every((key) => (a as Record<string, unknown>)[key] === (b as Record<string, unknown>)[key])
}

/**
 * Edges from each virtual disk to what backs it, and from each host disk to its LUN. Edge objects
 * are reused from `previous` when unchanged, so one edit does not make React Flow redraw them all.
 */
export function toEdges(plan: Plan, selectedId: string | null, previous: Map<string, Edge>, lanes: ReadonlyMap<string, Lane> = NO_LANES): Edge[] {
  const edges: Edge[] = []
  const keep = (edge: Edge) => {
    const old = previous.get(edge.id)
    const same = old && old.source === edge.source && old.target === edge.target && old.className === edge.className && old.ariaLabel === edge.ariaLabel
      && sameLane(old.data?.lane as Lane | undefined, edge.data?.lane as Lane | undefined)
    edges.push(same ? old : edge)
  }
  const names = new Map<string, string>()
  // "HV01's Disk 2", and a LUN named "LUN 0" is not "LUN LUN 0": a VM's disks are named like host disks.
  for (const host of plan.hosts) for (const disk of host.disks) names.set(disk.id, `${host.name}'s ${disk.name}`)
  for (const array of plan.storage) for (const lun of array.luns) names.set(lun.id, `${storageUnitTitle(lun.name, array.protocol)} of ${array.name}`)
  const backs = (name: string, backing: string) => `${name} is backed by ${names.get(backing) ?? backing}`
  // Edges only show what backs what (connections are made from handles, changed in the inspector):
  // they take no clicks or focus, so a line across a host or VM header never blocks a click or drop.
  const style = (active: boolean) => ({
    type: 'backing',
    className: active ? 'backing-edge active' : 'backing-edge',
    selectable: false,
    focusable: false,
    interactionWidth: 0,
    // zIndexMode "manual" on the canvas keeps React Flow from lifting lines above the nodes they join.
    // A lit line is drawn over the grey ones beside it, which may run along the same gap.
    zIndex: active ? EDGE_Z + 1 : EDGE_Z,
  })
  for (const host of plan.hosts) {
    for (const disk of host.disks) {
      if (disk.lun) keep({ id: `lun:${disk.id}`, source: disk.id, sourceHandle: 'out', target: disk.lun, targetHandle: 'in', ariaLabel: backs(`${host.name}'s ${disk.name}`, disk.lun), ...style(selectedId === disk.id || selectedId === disk.lun) })
    }
    for (const vm of host.vms) {
      for (const disk of vm.disks) {
        if (!disk.backing) continue
        const active = selectedId === disk.id || selectedId === disk.backing || selectedId === vm.id
        const lane = lanes.get(disk.id)
        keep({ id: `backing:${disk.id}`, source: disk.id, sourceHandle: 'out', target: disk.backing, targetHandle: 'in', ariaLabel: backs(`${vm.name}'s ${disk.name}`, disk.backing), ...style(active), ...(lane ? { data: { lane } } : {}) })
      }
    }
  }
  return edges
}

const NO_LANES: ReadonlyMap<string, Lane> = new Map()
function sameLane(a: Lane | undefined, b: Lane | undefined): boolean {
  if (a === b) return true
  if (a === undefined || b === undefined) return false
  const keys = Object.keys(a) as (keyof Lane)[]
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key])
}
