/** Bringing a canvas node into view: from the findings panel, and after an item is added. */
import type { Node, ReactFlowInstance } from '@xyflow/react'
import { noteViewMove } from './view-moves.ts'

/** Centres the canvas on a node (canvas node ids are entity ids); nothing when it is not drawn. */
export function centreOn(flow: ReactFlowInstance, id: string) {
  const box = boundsOf(flow, id)
  if (!box) return
  noteViewMove()
  const still = typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches
  const duration = still ? 0 : 300
  const zoom = Math.max(flow.getZoom(), 0.9)
  // A host bigger than the canvas at that zoom is fitted whole, so its header and outline show.
  const canvas = document.querySelector('.react-flow')?.getBoundingClientRect()
  if (canvas && (box.width * zoom > canvas.width * 0.9 || box.height * zoom > canvas.height * 0.9)) {
    void flow.fitBounds(box, { padding: 0.08, duration })
    return
  }
  void flow.setCenter(box.x + box.width / 2, box.y + box.height / 2, { zoom, duration })
}

/** Centres the canvas on a node once React Flow has drawn it (a new host copy: fitted whole when it is big). */
export function centreWhenDrawn<N extends Node>(flow: ReactFlowInstance<N>, id: string, tries = 10) {
  requestAnimationFrame(() => {
    const box = boundsOf(flow, id)
    if (box?.width) centreOn(flow as unknown as ReactFlowInstance, id)
    else if (tries > 0) centreWhenDrawn(flow, id, tries - 1)
  })
}

/**
 * Pans, at the same zoom, to a node just added once React Flow has drawn it: an item added from the
 * palette by keyboard, or dropped into a container that gives it the next place (maybe out of view),
 * must not land where the user cannot see it. One out of view is centred; one cut by an edge is
 * nudged just far enough to show whole, so the view never jumps far under the user's pointer.
 */
export function revealWhenDrawn<N extends Node>(flow: ReactFlowInstance<N>, id: string, canvas: Element | null, tries = 10) {
  requestAnimationFrame(() => {
    if (revealNode(flow, id, canvas, true)) keepContainerInViewLater(flow, id, canvas)
    else if (tries > 0) revealWhenDrawn(flow, id, canvas, tries - 1)
  })
}

/**
 * Brings a node into view once React Flow has it at `at` (its place in the new geometry): after undo
 * or redo, which may have moved it back to another host, far from the view. A node that is in view
 * stays where it is (revealNode).
 */
export function revealWhenAt<N extends Node>(flow: ReactFlowInstance<N>, id: string, at: { x: number; y: number } | undefined, tries = 20) {
  requestAnimationFrame(() => {
    const node = flow.getInternalNode(id)
    const placed = node !== undefined && (node.measured.width ?? 0) > 0
      && (at === undefined || (node.internals.positionAbsolute.x === at.x && node.internals.positionAbsolute.y === at.y))
    if (placed || tries === 0) revealNode(flow, id, document.querySelector('.react-flow'))
    else revealWhenAt(flow, id, at, tries - 1)
  })
}

/** How much of a container's top left corner (its name, where the next item is dropped) a reveal keeps in view. */
const HEADER = { width: 240, height: 44 }
/** The least zoom a reveal goes down to, to keep a container's name and its new item in view together. */
const MIN_REVEAL_ZOOM = 0.4
/** The least zoom at which a reveal keeps the whole host or array of a new item in view; a larger one keeps its name and the new item instead. */
const KEEP_WHOLE_ZOOM = 0.45

/**
 * For a node about to move (a VM to another host): call before the move, then call what it returns
 * once the move is made. The node is brought into view with its host's name (see revealNode) once React
 * Flow draws it at its new place, so a VM that lands in a host off screen, or under a panel's edge, is shown there.
 */
export function revealAfterMove<N extends Node>(flow: ReactFlowInstance<N>, id: string): () => void {
  const from = boundsOf(flow, id)
  return () => {
    const wait = (tries: number) => requestAnimationFrame(() => {
      const now = boundsOf(flow, id)
      const moved = now !== null && now.width > 0 && (from === null || now.x !== from.x || now.y !== from.y)
      // With its new host's name: a VM that lands at the far end of a wide host was shown alone, the
      // name of the host it went to off the canvas.
      if (moved || tries === 0) revealNode(flow, id, document.querySelector('.react-flow'), true)
      else wait(tries - 1)
    })
    wait(10)
  }
}

/**
 * Brings a drawn node into view at the same zoom: centred when it is out of view, nudged when an edge
 * cuts it. It goes by the node's place on the canvas, a child's too (React Flow's own pan on focus
 * takes a child's place in its container for one on the canvas). False when it is not drawn yet.
 */
export function revealNode<N extends Node>(flow: ReactFlowInstance<N>, id: string, canvas: Element | null, withHeader = false): boolean {
  const node = boundsOf(flow, id)
  if (!node || !node.width) return false
  const area = canvas?.getBoundingClientRect()
  if (!area) return true
  // With `withHeader`, the names of its containers stay in view too where all fit: a disk added at the end
  // of a wide VM must not push the VM's header or its host's, where the next items are dropped, off the canvas.
  // The headers of its container and of that one's container (a disk's VM and host), outermost last.
  const headers: { x: number; y: number; width: number; height: number }[] = []
  for (let parentId = withHeader ? flow.getInternalNode(id)?.parentId : undefined; parentId; parentId = flow.getInternalNode(parentId)?.parentId) {
    const parent = boundsOf(flow, parentId)
    if (parent && parent.width > 0) headers.push({ x: parent.x, y: parent.y, width: Math.min(parent.width, HEADER.width), height: Math.min(parent.height, HEADER.height) })
  }
  const zoom = flow.getViewport().zoom
  if (headers.length > 0 && keepContainerInView(flow, id, area, node)) return true
  const withParent = headers.length > 0 ? {
    x: Math.min(node.x, ...headers.map((h) => h.x)), y: Math.min(node.y, ...headers.map((h) => h.y)),
    right: Math.max(node.x + node.width, ...headers.map((h) => h.x + h.width)),
    bottom: Math.max(node.y + node.height, ...headers.map((h) => h.y + h.height)),
  } : null
  const both = withParent && { x: withParent.x, y: withParent.y, width: withParent.right - withParent.x, height: withParent.bottom - withParent.y }
  const fitZoom = both ? Math.min((area.width - 32) / both.width, (area.height - 32) / both.height) : 0
  // Too wide at this zoom (a VM with many disks): zoomed out just enough, not past 40 %, to show both,
  // the container's name clear of the find box at the canvas's top left.
  if (both && fitZoom < zoom && fitZoom >= MIN_REVEAL_ZOOM) {
    const top = both.height * fitZoom + 64 <= area.height ? 48 : 16
    noteViewMove()
    void flow.setViewport({ x: 16 - both.x * fitZoom, y: top - both.y * fitZoom, zoom: fitZoom })
    return true
  }
  // Wider still: the container's name is kept (the new item is at its far end, in the row the view shows).
  const box = both && fitZoom >= zoom ? both : headers[0] ?? node
  const topLeft = flow.flowToScreenPosition({ x: box.x, y: box.y })
  const bottomRight = flow.flowToScreenPosition({ x: box.x + box.width, y: box.y + box.height })
  const partlyInView = topLeft.x < area.right && bottomRight.x > area.left && topLeft.y < area.bottom && bottomRight.y > area.top
  // Out of view: centred first; then, as for one partly in view, the least pan that shows it whole
  // (or its start, when it is larger than the view).
  let dx = partlyInView ? 0 : (area.left + area.right - topLeft.x - bottomRight.x) / 2
  let dy = partlyInView ? 0 : (area.top + area.bottom - topLeft.y - bottomRight.y) / 2
  const nudge = nudgeIntoView({ left: topLeft.x + dx, top: topLeft.y + dy, right: bottomRight.x + dx, bottom: bottomRight.y + dy }, area)
  dx += nudge.dx
  dy += nudge.dy
  // The overview map sits over the canvas's bottom right corner and the zoom controls over its bottom
  // left: a node that would end under either goes above it.
  const height = bottomRight.y - topLeft.y
  for (const selector of ['.overview', '.react-flow__controls']) {
    const cover = canvas?.querySelector(selector)?.getBoundingClientRect()
    if (!cover || cover.width === 0) continue
    const [left, right, bottom] = [topLeft.x + dx, bottomRight.x + dx, bottomRight.y + dy]
    const under = left < cover.right && right > cover.left && bottom > cover.top
    if (under && height + 32 < cover.top - area.top) dy -= bottom - (cover.top - 16)
  }
  // The find box sits over its top left corner, where a container's name is: that goes below it, or
  // beside it when below would cut the node's bottom and beside would not cut its right end.
  const find = canvas?.ownerDocument.querySelector('.find-box [role="search"]')?.getBoundingClientRect()
  if (find && find.width > 0) {
    const [left, right, top, bottom] = [topLeft.x + dx, bottomRight.x + dx, topLeft.y + dy, bottomRight.y + dy]
    if (left < find.right && right > find.left && top < find.bottom + 8 && bottom > find.top) {
      const down = find.bottom + 8 - top
      const across = find.right + 8 - left
      const fitsBelow = bottom + down <= area.bottom - 16
      const fitsBeside = right + across <= area.right - 16
      if (!fitsBelow && fitsBeside) dx += across
      else dy += down
    }
  }
  if (dx === 0 && dy === 0) return true
  const viewport = flow.getViewport()
  noteViewMove()
  void flow.setViewport({ x: viewport.x + dx, y: viewport.y + dy, zoom: viewport.zoom })
  return true
}

/**
 * Brings the whole host (or array) holding a node into view where it is not, zoomed out if need be
 * but not below KEEP_WHOLE_ZOOM: a VM that grows pushes its neighbours along the row, and building a
 * host VM by VM pushed the last VM under the Inspector, where the next drop aimed at it landed on the
 * panel instead. True when it moved the view.
 */
function keepContainerInView<N extends Node>(flow: ReactFlowInstance<N>, id: string, area: DOMRect, node: Bounds): boolean {
  const top = outermostBounds(flow, id)
  if (!top || top.width === 0) return false
  // With the node itself: a host that has just taken it may not have been measured at its new size yet.
  const outermost = union(top, node)
  const zoom = flow.getViewport().zoom
  const wholeZoom = Math.min(zoom, (area.width - 32) / outermost.width, (area.height - 64) / outermost.height)
  const from = flow.flowToScreenPosition({ x: outermost.x, y: outermost.y })
  const to = flow.flowToScreenPosition({ x: outermost.x + outermost.width, y: outermost.y + outermost.height })
  const inView = from.x >= area.left && to.x <= area.right && from.y >= area.top && to.y <= area.bottom
  if (inView || wholeZoom < KEEP_WHOLE_ZOOM) return false
  noteViewMove()
  void flow.setViewport({ x: area.width / 2 - (outermost.x + outermost.width / 2) * wholeZoom, y: 48 - outermost.y * wholeZoom, zoom: wholeZoom })
  return true
}

/**
 * keepContainerInView once more, a few frames after a reveal: the host holding a new item takes its
 * new size (its other VMs pushed along) a frame or two after the item is drawn.
 */
function keepContainerInViewLater<N extends Node>(flow: ReactFlowInstance<N>, id: string, canvas: Element | null, frames = 6) {
  requestAnimationFrame(() => {
    if (frames > 0) return keepContainerInViewLater(flow, id, canvas, frames - 1)
    const node = boundsOf(flow, id)
    const area = canvas?.getBoundingClientRect()
    if (node && node.width > 0 && area) keepContainerInView(flow, id, area, node)
  })
}

interface Edges { left: number; top: number; right: number; bottom: number }

/**
 * The smallest pan (screen pixels) that shows `box` whole inside `area`, with `margin` to spare; on an
 * axis where the box is larger than the area, its start (left or top edge) is shown.
 */
export function nudgeIntoView(box: Edges, area: Edges, margin = 16): { dx: number; dy: number } {
  const axis = (start: number, end: number, from: number, to: number) => {
    if (end - start > to - from - 2 * margin) return start < from + margin || start > to - margin ? from + margin - start : 0
    if (start < from + margin) return from + margin - start
    if (end > to - margin) return to - margin - end
    return 0
  }
  return { dx: axis(box.left, box.right, area.left, area.right), dy: axis(box.top, box.bottom, area.top, area.bottom) }
}

interface Bounds { x: number; y: number; width: number; height: number }
const union = (a: Bounds, b: Bounds): Bounds => {
  const x = Math.min(a.x, b.x)
  const y = Math.min(a.y, b.y)
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y }
}

/** The bounds of the top-level node (a host or an array) that holds a node, or null for a top-level node. */
function outermostBounds<N extends Node>(flow: ReactFlowInstance<N>, id: string) {
  let top = flow.getInternalNode(id)?.parentId
  while (top) {
    const parentId: string | undefined = flow.getInternalNode(top)?.parentId
    if (!parentId) break
    top = parentId
  }
  return top ? boundsOf(flow, top) : null
}

function boundsOf<N extends Node>(flow: ReactFlowInstance<N>, id: string) {
  const node = flow.getInternalNode(id)
  if (!node) return null
  const { x, y } = node.internals.positionAbsolute
  return { x, y, width: node.measured.width ?? node.width ?? 0, height: node.measured.height ?? node.height ?? 0 }
}
