/**
 * Where every node sits, derived from the plan and the layout. Hosts and storage arrays are placed
 * by the layout (or a tidy default); what a container holds is arranged inside it, and containers
 * grow to fit. Pure: same plan and layout, same geometry.
 */
import type { ExchangeInstall, ExchangeRole, Host, Plan, StorageArray, Vm } from '../../core/index.ts'
import type { Layout } from '../../store/history.ts'
import { hostDiskUses, lunWidth, physicalDiskWidth, virtualDiskWidth } from './nodes/disk-lines.ts'

export const SIZE = {
  gap: 10,
  pad: 12,
  /** Disks, host disks and LUNs are as wide as their names (disk-lines.ts), at least `w`. */
  disk: { w: 176, h: 54 },
  role: { w: 112, h: 26 },
  vm: { w: 2 * 176 + 3 * 10, head: 60, empty: 34 },
  parent: { head: 44 },
  /**
   * `disksGap`, between the last row of VMs and the host's disks, is wider than the gaps between VMs:
   * lines to the host disks end there in arrowheads, and the lines that run along it (to a LUN, by the
   * host's side; to a host disk, from an upper row) keep to its upper half, clear of them.
   */
  host: { head: 62, vmGap: 16, disksGap: 28, vmCols: 3, pdisk: { w: 176, h: 56 } },
  array: { head: 54, lun: { w: 168, h: 46 } },
  topGap: 64,
} as const

export type NodeKind = 'host' | 'parent' | 'vm' | 'vdisk' | 'pdisk' | 'role' | 'array' | 'lun'

export interface Box {
  id: string
  kind: NodeKind
  parentId?: string
  /** Position relative to the parent (or the canvas for top-level nodes). */
  x: number
  y: number
  /** Absolute position on the canvas. */
  ax: number
  ay: number
  w: number
  h: number
  /** The plan entity this node shows (the server for roles, the host for a parent partition). */
  entityId: string
  role?: ExchangeRole
}

export interface Geometry {
  boxes: Box[]
  byId: Map<string, Box>
}

export const roleNodeId = (serverId: string, role: ExchangeRole) => `role:${serverId}:${role}`
export const parentNodeId = (hostId: string) => `parent:${hostId}`

const rolesPerRow = (width: number) => Math.max(1, Math.floor((width - 2 * SIZE.pad + SIZE.gap) / (SIZE.role.w + SIZE.gap)))
const rolesHeight = (install: ExchangeInstall | null, width: number) =>
  install ? Math.ceil(install.roles.length / rolesPerRow(width)) * (SIZE.role.h + 6) + 4 : 0

/** Below a VM's header: its role chips, or a little room that keeps "No Exchange roles" off its disks. */
const vmRolesHeight = (vm: Vm) => (vm.exchange ? rolesHeight(vm.exchange, SIZE.vm.w) : 6)

/**
 * A VM's disks sit side by side in one row, and a host's disks in one row under its VMs: every line
 * leaves a disk's bottom edge and ends on a disk's top edge. A VM with more than DISKS_PER_ROW disks
 * lays them in rows of that many, in columns (each as wide as its widest disk, every disk in it that
 * wide), with DISK_ROW_GAP between rows: a line from an upper row goes down that gap to the one
 * beside its column and down past the rows below (lanes.ts), never behind a disk. In one long row
 * a VM of nine disks was wider than a screen, and a fitted view too small to read.
 */
export const DISKS_PER_ROW = 4
export const DISK_ROW_GAP = 3 * SIZE.gap

/** Where a VM's disks go: each one's column and row, the columns' widths and lefts (from the VM's left edge). */
export interface DiskGrid {
  rows: number
  columns: { x: number; w: number }[]
  /** Per disk, in the VM's order. */
  cells: { column: number; row: number }[]
  /** The width the disks take, from the VM's left edge to the last column's right gap. */
  width: number
}

export function diskGrid(vm: Vm): DiskGrid {
  const n = vm.disks.length
  const perRow = n > DISKS_PER_ROW ? DISKS_PER_ROW : Math.max(1, n)
  const widths: number[] = []
  const cells = vm.disks.map((disk, i) => {
    const column = i % perRow
    widths[column] = Math.max(widths[column] ?? 0, virtualDiskWidth(disk))
    return { column, row: Math.floor(i / perRow) }
  })
  let x = SIZE.gap
  const columns = widths.map((w) => {
    const column = { x, w }
    x += w + SIZE.gap
    return column
  })
  return { rows: Math.ceil(n / perRow), columns, cells, width: x }
}

/** The height of a VM's disks: its rows and the gaps between them (or the room of "no disks"). */
const disksHeight = (grid: DiskGrid) => (grid.rows === 0 ? SIZE.vm.empty : grid.rows * SIZE.disk.h + (grid.rows - 1) * DISK_ROW_GAP)

export function vmSize(vm: Vm, grid: DiskGrid = diskGrid(vm)): { w: number; h: number } {
  return {
    w: Math.max(SIZE.vm.w, grid.width),
    h: SIZE.vm.head + vmRolesHeight(vm) + disksHeight(grid) + SIZE.pad + 4,
  }
}

/** The top of a VM's first row of disks, from its top edge. */
export const vmDisksTop = (vm: Vm) => SIZE.vm.head + vmRolesHeight(vm)

/**
 * The widest a host's rows of VMs grow before they take fewer columns: three VMs of two disks side by
 * side, or two of four. In rows of three, a host whose VMs had three or four disks each was wider
 * than a laptop's canvas, and a VM dropped into it landed out of view under the Inspector.
 */
export const VM_ROW_WIDTH = 1760

/**
 * How a host's VMs sit: `perRow` to a row (SIZE.host.vmCols, or fewer where rows that wide would be
 * wider than VM_ROW_WIDTH; one at least), in columns each as wide as its widest VM (`widths`), and
 * every VM in a column that wide, so the rows line up whatever their disks' names.
 */
export function vmGrid(host: Host): { perRow: number; widths: number[] } {
  const sizes = host.vms.map((vm) => vmSize(vm).w)
  for (let perRow = SIZE.host.vmCols; perRow > 1; perRow--) {
    const widths = columnWidths(sizes, perRow)
    if (widths.reduce((sum, w) => sum + w, 0) + SIZE.host.vmGap * (widths.length - 1) <= VM_ROW_WIDTH) return { perRow, widths }
  }
  return { perRow: 1, widths: columnWidths(sizes, 1) }
}

/** The widths of `columns` columns of VMs of these widths, in order: each column as wide as its widest. */
function columnWidths(sizes: readonly number[], columns: number): number[] {
  const widths: number[] = []
  sizes.forEach((w, i) => {
    const column = i % columns
    widths[column] = Math.max(widths[column] ?? 0, w)
  })
  return widths
}

/** The width of each of a host's disks; a disk its VMs use says how (passed to one, or their VHDs). */
function hostDiskWidths(host: Host): number[] {
  const uses = hostDiskUses(host.vms)
  return host.disks.map((disk) => physicalDiskWidth(disk, uses.get(disk.id) ?? null))
}

/**
 * A host is as wide as its columns of VMs side by side (`columns`, vmGrid), and at least as
 * wide as its disks side by side (`diskWidths`, hostDiskWidths; room for two at least).
 */
function hostInnerWidth(columns: readonly number[], diskWidths: readonly number[]): number {
  let disks = SIZE.gap
  for (let d = 0; d < Math.max(2, diskWidths.length); d++) disks += (diskWidths[d] ?? SIZE.host.pdisk.w) + SIZE.gap
  const vms = columns.reduce((sum, w) => sum + w, 0) + SIZE.host.vmGap * Math.max(0, columns.length - 1)
  return Math.max(SIZE.vm.w, vms, disks)
}

export function hostSize(host: Host): { w: number; h: number } {
  return layoutHost(host, 0, 0, []).size
}

/**
 * An array's LUNs sit side by side in one row too: the lines from host disks end on their top edges.
 * An array of an estate, with hundreds of LUNs, wraps them into rows of LUNS_PER_ROW, so that it is
 * not a strip tens of thousands of pixels wide that no view can fit.
 */
export const LUNS_PER_ROW = 12

export function arraySize(array: StorageArray): { w: number; h: number } {
  const rows = Math.max(1, Math.ceil(array.luns.length / LUNS_PER_ROW))
  const l = SIZE.array.lun
  // As wide as its widest row of LUNs, and room for two at least.
  let widest = 2 * l.w + SIZE.gap
  for (const { w } of lunSpots(array)) widest = Math.max(widest, w)
  return { w: widest + 2 * SIZE.pad, h: SIZE.array.head + rows * l.h + (rows - 1) * LUN_ROW_GAP + SIZE.pad + 4 }
}

/** Each LUN's place in its array's rows (x from the first LUN's left edge), and `w`, its row's width up to its right edge. */
function lunSpots(array: StorageArray): { x: number; row: number; width: number; w: number }[] {
  const spots: { x: number; row: number; width: number; w: number }[] = []
  let x = 0
  array.luns.forEach((lun, i) => {
    if (i % LUNS_PER_ROW === 0) x = 0
    const width = lunWidth(lun)
    spots.push({ x, row: Math.floor(i / LUNS_PER_ROW), width, w: x + width })
    x += width + SIZE.gap
  })
  return spots
}

/** Room between rows of LUNs, for the lines that pass to the rows below. */
export const LUN_ROW_GAP = 3 * SIZE.gap

function pushRoles(out: Box[], serverId: string, install: ExchangeInstall | null, parentId: string, ax: number, ay: number, top: number, width: number) {
  if (!install) return
  const perRow = rolesPerRow(width)
  install.roles.forEach((role, i) => {
    // From the left edge of the disks and of the header's icon, not 2 px right of them.
    const x = SIZE.gap + (i % perRow) * (SIZE.role.w + SIZE.gap)
    const y = top + Math.floor(i / perRow) * (SIZE.role.h + 6)
    out.push({ id: roleNodeId(serverId, role), kind: 'role', parentId, x, y, ax: ax + x, ay: ay + y, w: SIZE.role.w, h: SIZE.role.h, entityId: serverId, role })
  })
}

/** Lays out one host and everything in it at absolute (ax, ay); appends boxes to `out`. */
function layoutHost(host: Host, ax: number, ay: number, out: Box[]): { size: { w: number; h: number } } {
  // Worked out once, for the host's width and for placing its VMs and disks.
  const { perRow, widths: columns } = vmGrid(host)
  const diskWidths = hostDiskWidths(host)
  const inner = hostInnerWidth(columns, diskWidths)
  const width = inner + 2 * SIZE.pad
  const hostBox: Box = { id: host.id, kind: 'host', x: ax, y: ay, ax, ay, w: width, h: 0, entityId: host.id }
  out.push(hostBox)
  let y = SIZE.host.head

  const parentH = SIZE.parent.head + rolesHeight(host.parent.exchange, inner)
  const parentId = parentNodeId(host.id)
  out.push({ id: parentId, kind: 'parent', parentId: host.id, x: SIZE.pad, y, ax: ax + SIZE.pad, ay: ay + y, w: inner, h: parentH, entityId: host.id })
  pushRoles(out, host.id, host.parent.exchange, parentId, ax + SIZE.pad, ay + y, SIZE.parent.head - 4, inner)
  y += parentH + SIZE.host.vmGap

  for (let start = 0; start < host.vms.length; start += perRow) {
    const row = host.vms.slice(start, start + perRow)
    let rowH = 0
    let x = SIZE.pad
    row.forEach((vm, column) => {
      const grid = diskGrid(vm)
      const size = { w: columns[column]!, h: vmSize(vm, grid).h }
      const vax = ax + x
      const vay = ay + y
      out.push({ id: vm.id, kind: 'vm', parentId: host.id, x, y, ax: vax, ay: vay, w: size.w, h: size.h, entityId: vm.id })
      pushRoles(out, vm.id, vm.exchange, vm.id, vax, vay, SIZE.vm.head, SIZE.vm.w)
      const disksTop = vmDisksTop(vm)
      vm.disks.forEach((disk, d) => {
        const { column, row } = grid.cells[d]!
        // As wide as its column: in one row, that is its own lines' width (a column of one disk).
        const { x: dx, w } = grid.columns[column]!
        const dy = disksTop + row * (SIZE.disk.h + DISK_ROW_GAP)
        out.push({ id: disk.id, kind: 'vdisk', parentId: vm.id, x: dx, y: dy, ax: vax + dx, ay: vay + dy, w, h: SIZE.disk.h, entityId: disk.id })
      })
      rowH = Math.max(rowH, size.h)
      x += size.w + SIZE.host.vmGap
    })
    y += rowH + (start + perRow >= host.vms.length ? SIZE.host.disksGap : SIZE.host.vmGap)
  }

  const pd = SIZE.host.pdisk
  // Inset like a VM's disks, so a host's disks line up under the disks of its first VM.
  let x = SIZE.pad + SIZE.gap
  host.disks.forEach((disk, d) => {
    out.push({ id: disk.id, kind: 'pdisk', parentId: host.id, x, y, ax: ax + x, ay: ay + y, w: diskWidths[d]!, h: pd.h, entityId: disk.id })
    x += diskWidths[d]! + SIZE.gap
  })
  y += host.disks.length > 0 ? pd.h : 28
  hostBox.h = y + SIZE.pad + 4
  return { size: { w: width, h: hostBox.h } }
}

function layoutArray(array: StorageArray, ax: number, ay: number, out: Box[]) {
  const size = arraySize(array)
  out.push({ id: array.id, kind: 'array', x: ax, y: ay, ax, ay, w: size.w, h: size.h, entityId: array.id })
  const l = SIZE.array.lun
  const spots = lunSpots(array)
  array.luns.forEach((lun, i) => {
    const spot = spots[i]!
    const x = SIZE.pad + spot.x
    const y = SIZE.array.head + spot.row * (l.h + LUN_ROW_GAP)
    out.push({ id: lun.id, kind: 'lun', parentId: array.id, x, y, ax: ax + x, ay: ay + y, w: spot.width, h: l.h, entityId: lun.id })
  })
}

/** Default placement wraps rows of top-level items at about this width, so big plans stay square-ish. */
export const ROW_WIDTH = 4800
/** The width/height shape a big plan's grid aims at: a desktop screen's. */
export const SCREEN_ASPECT = 16 / 10

/** A host or storage array with its size: what the canvas places on its top level. */
interface TopLevelItem { id: string; w: number; h: number }

/** The hosts and storage arrays of a plan with their sizes, in plan order, hosts first. */
function topLevelItems(plan: Plan): TopLevelItem[] {
  return [
    ...plan.hosts.map((host) => ({ id: host.id, ...hostSize(host) })),
    ...plan.storage.map((array) => ({ id: array.id, ...arraySize(array) })),
  ]
}

/** A tidy default spot for top-level items that have no layout entry: rows of hosts, arrays after. */
export function defaultPositions(plan: Plan, layout: Layout): Map<string, { x: number; y: number }> {
  return defaultSpots(topLevelItems(plan), layout)
}

function defaultSpots(items: readonly TopLevelItem[], layout: Layout): Map<string, { x: number; y: number }> {
  // Items without a spot go below everything that has one, measured by its real size.
  let bottom: number | null = null
  for (const { id, h } of items) {
    const entry = layout[id]
    if (entry) bottom = Math.max(bottom ?? -Infinity, entry.y + h)
  }
  const unplaced = items.filter((item) => !layout[item.id])
  // Many items (an imported estate) make a grid shaped like a screen rather than a tall column.
  const area = unplaced.reduce((sum, item) => sum + (item.w + SIZE.topGap) * (item.h + SIZE.topGap), 0)
  return placeInRows(unplaced, Math.max(ROW_WIDTH, Math.sqrt(area * SCREEN_ASPECT)), bottom === null ? 0 : bottom + SIZE.topGap).spots
}

/** Each top-level item at its layout spot, or its default one. */
function placedItems(items: readonly TopLevelItem[], layout: Layout): Placed[] {
  const defaults = defaultSpots(items, layout)
  return items.map((item) => ({ ...item, ...(layout[item.id] ?? defaults.get(item.id) ?? { x: 0, y: 0 }) }))
}

/**
 * Where a top-level item put down at `at` can sit without covering another host or array: `at`
 * itself when that is free, else moved right past what it would cover, as a person would nudge it.
 */
export function freeSpot(plan: Plan, layout: Layout, id: string, at: { x: number; y: number }): { x: number; y: number } {
  const items = topLevelItems(plan)
  const item = items.find((candidate) => candidate.id === id)
  if (!item) return at
  const others = placedItems(items, layout).filter((other) => other.id !== id)
  let spot: Placed = { ...item, ...at }
  // Each step clears one box to the right, so as many steps as boxes always end on a free spot.
  for (let step = 0; step <= others.length; step++) {
    const covered = others.find((other) => covers(spot, other))
    if (!covered) break
    spot = { ...spot, x: covered.x + covered.w + SIZE.topGap }
  }
  return { x: spot.x, y: spot.y }
}

/**
 * Places top-level items left to right from x 0 at `top`, starting a new row where the next one
 * would pass `maxWidth`. Returns each item's spot, the bottom edge of the last row and the width
 * of the widest row.
 */
export function placeInRows(items: readonly { id: string; w: number; h: number }[], maxWidth: number, top: number) {
  const spots = new Map<string, { x: number; y: number }>()
  let x = 0
  let y = top
  let rowHeight = 0
  let width = 0
  for (const { id, w, h } of items) {
    if (x > 0 && x + w > maxWidth) {
      x = 0
      y += rowHeight + SIZE.topGap
      rowHeight = 0
    }
    spots.set(id, { x, y })
    width = Math.max(width, x + w)
    x += w + SIZE.topGap
    rowHeight = Math.max(rowHeight, h)
  }
  return { spots, bottom: y + rowHeight, width }
}

export function computeGeometry(plan: Plan, layout: Layout): Geometry {
  const boxes: Box[] = []
  const spots = apart(placedItems(topLevelItems(plan), layout))
  // Top-level boxes sit on the canvas, so their relative and absolute positions are the same.
  for (const host of plan.hosts) layoutHost(host, spots.get(host.id)!.x, spots.get(host.id)!.y, boxes)
  for (const array of plan.storage) layoutArray(array, spots.get(array.id)!.x, spots.get(array.id)!.y, boxes)
  return { boxes, byId: new Map(boxes.map((box) => [box.id, box])) }
}

interface Placed extends TopLevelItem { x: number; y: number }

/** Room kept between top-level boxes that were pushed apart. */
const APART = 2 * SIZE.gap

const covers = (a: Placed, b: Placed) =>
  a.x < b.x + b.w + APART && b.x < a.x + a.w + APART && a.y < b.y + b.h + APART && b.y < a.y + a.h + APART

/**
 * Hosts and arrays never cover one another on the canvas: a host that grows as VMs go into it, or
 * a box dropped onto another, pushes what it would cover right or down, whichever moves it less.
 * Items are settled top-left first, so the upper and left ones stay where the layout puts them.
 * The layout itself is not changed: the same plan and layout always give the same picture.
 */
function apart(items: readonly Placed[]): Map<string, { x: number; y: number }> {
  const order = [...items].sort((a, b) => a.y - b.y || a.x - b.x)
  const placed: Placed[] = []
  const spots = new Map<string, { x: number; y: number }>()
  for (const item of order) {
    let spot = item
    // Each step clears at least one placed box; bounded so a pile of boxes at one point stays cheap.
    for (let step = 0; step < 8; step++) {
      const blockers = placed.filter((other) => covers(spot, other))
      if (blockers.length === 0) break
      const right = Math.max(...blockers.map((b) => b.x + b.w)) + SIZE.topGap
      const down = Math.max(...blockers.map((b) => b.y + b.h)) + SIZE.topGap
      spot = right - spot.x <= down - spot.y ? { ...spot, x: right } : { ...spot, y: down }
    }
    if (placed.some((other) => covers(spot, other))) {
      // Still covering after a few steps (boxes piled up): go below everything placed so far.
      spot = { ...spot, y: Math.max(...placed.map((b) => b.y + b.h)) + SIZE.topGap }
    }
    placed.push(spot)
    spots.set(item.id, { x: spot.x, y: spot.y })
  }
  return spots
}

/** The least zoom of any plan: an estate of thousands of VMs is seen whole at about this. */
export const MIN_ZOOM = 0.05

/**
 * How far out the canvas zooms: to half the zoom that fits the whole plan, so that a plan never
 * shrinks to a speck, but never past MIN_ZOOM, nor stopped before 50 %.
 */
export function minZoomFor(geometry: Geometry, width: number, height: number): number {
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity]
  for (const box of geometry.boxes) {
    if (box.parentId !== undefined) continue
    left = Math.min(left, box.x)
    top = Math.min(top, box.y)
    right = Math.max(right, box.x + box.w)
    bottom = Math.max(bottom, box.y + box.h)
  }
  if (right <= left || width <= 0 || height <= 0) return MIN_ZOOM
  const fit = Math.min(width / (right - left), height / (bottom - top))
  return Math.min(0.5, Math.max(MIN_ZOOM, fit / 2))
}
