import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type FocusEvent, type KeyboardEvent } from 'react'
import {
  Background, BackgroundVariant, ControlButton, Controls, ReactFlow, useConnection, useReactFlow, useStore,
  type Connection, type Edge, type IsValidConnection, type NodeChange, type NodeMouseHandler, type OnConnectEnd, type OnNodeDrag,
} from '@xyflow/react'
import { canConnect, locate, type EntityKind } from '../../core/index.ts'
import { useEditor } from '../../store/editor-store.ts'
import { useFindings } from '../../store/findings.ts'
import { useShownPlan } from '../../store/shown-plan.ts'
import { useExportStatus } from '../export/export-status.ts'
import { acceptPaletteDrag, dropOnCanvas, PALETTE_MIME, targetAt } from './drop.ts'
import { showShortcuts } from '../dialogs/ShortcutsDialog.tsx'
import { revealAfterMove, revealNode, revealWhenAt, revealWhenDrawn } from './reveal.ts'
import { noteViewMove } from './view-moves.ts'
import { DRAGGED_VM_Z, FLOW_ID, toEdges, toFlowNodes, type FlowNode } from './flow.ts'
import { computeGeometry, minZoomFor, type Geometry } from './geometry.ts'
import { backingLanes } from './lanes.ts'
import { FAR_ZOOM, FarContext } from './nodes/detail.ts'
import { removeSelection } from '../remove-selection.ts'
import { moveVmTo } from './move-vm.ts'
import { applyFlowChanges, syncNodes } from './sync-nodes.ts'
import { Overview } from './Overview.tsx'
import { FIT_PLAN, useFitPlan } from '../open-plan.ts'
import { arrangeDiagram } from './arrange.ts'
import { ArrayNode, HostNode, ParentNode, VmNode } from './nodes/ContainerNodes.tsx'
import { LunNode, PhysicalDiskNode, RoleNode, VirtualDiskNode } from './nodes/LeafNodes.tsx'
import { BackingEdge, RoutingContext, type Routing } from './BackingEdge.tsx'
import { linesToArrays, obstaclesOf, sameBox, sameEntries, tracksOf } from './corridors.ts'
import './canvas.css'

/**
 * Plans with more canvas nodes than this render only what is in view (edits and drags stay fast on
 * hundreds of VMs); smaller plans keep every node on the page, for screen readers and scripts. In
 * such big plans a drag does not pan the canvas at its edge: each panned frame would mount and
 * unmount nodes (measured: 33–100 ms frames instead of 17); zoom out to move a VM far instead.
 */
const BIG_PLAN_NODES = 400

/** One grid for every render: a new array each time would be a change of React Flow's settings, which every node and line on the canvas then checks. */
const SNAP_GRID: [number, number] = [8, 8]

const nodeTypes = { host: HostNode, parent: ParentNode, vm: VmNode, vdisk: VirtualDiskNode, pdisk: PhysicalDiskNode, role: RoleNode, array: ArrayNode, lun: LunNode }
const edgeTypes = { backing: BackingEdge }

const KIND_OF_NODE: Record<string, EntityKind> = {
  host: 'host', parent: 'parent-partition', vm: 'vm', vdisk: 'virtual-disk', pdisk: 'physical-disk', role: 'exchange-role', array: 'storage-array', lun: 'lun',
}

/** The node id that shows a selection (role chips and parent partitions have ids of their own). */
export function selectionNodeId(selection: { id: string; kind: EntityKind; role?: string } | null): string | null {
  if (!selection) return null
  if (selection.kind === 'parent-partition') return `parent:${selection.id}`
  if (selection.kind === 'exchange-role') return `role:${selection.id}:${selection.role}`
  return selection.id
}

/** Selects the entity a canvas node shows (a role chip selects its server's role). */
function selectNode(node: FlowNode): void {
  const kind = KIND_OF_NODE[node.type ?? '']
  if (!kind) return
  const data = node.data
  useEditor.getState().select(data.kind === 'role'
    ? { id: data.serverId, kind, role: data.role }
    : { id: data.kind === 'parent' ? data.host.id : node.id, kind })
}

/**
 * Connects a disk to what backs it and selects the disk, so the Inspector shows the connection just
 * made (its backing, and the size the guest will see) rather than falling back to the plan.
 */
function connectAndSelect(source: string, target: string): void {
  const state = useEditor.getState()
  const at = locate(state.plan, source)
  state.apply({ op: 'connect', source, target }, at ? { select: { id: source, kind: at.kind } } : undefined)
}

/** What a screen reader hears on a node besides its name: the keys this canvas gives it (arrows do not move nodes here). */
const NODE_KEYS = 'Enter or Space selects it for the Inspector; Delete removes it; Control+D duplicates a server or VM; Escape clears the selection.'
const NODE_HELP = { 'node.a11yDescription.default': NODE_KEYS, 'node.a11yDescription.keyboardDisabled': NODE_KEYS }

/** A pan or zoom by hand (React Flow gives no event for its own moves) counts as a move of the view. */
const onMoveStart = (event: MouseEvent | TouchEvent | null) => { if (event) noteViewMove() }

export function Canvas() {
  // Trails the plan while a field is typed into (see shown-plan.ts).
  const plan = useShownPlan((shown) => shown.plan)
  const layout = useShownPlan((shown) => shown.layout)
  const selection = useEditor((s) => s.selection)
  const findings = useFindings()
  // A PNG export draws every node, so while it runs even the off-screen ones are rendered.
  const exporting = useExportStatus((s) => s.status !== null)
  const flow = useReactFlow<FlowNode>()
  const fit = useFitPlan()
  const previous = useRef(new Map<string, FlowNode>())
  // The plan the app opens with (autosave, a share link) is fitted once drawn. An empty one is not: React
  // Flow would fit the first host dropped on it, which then was not where it was dropped (after New plan it is).
  const [fitOnOpen] = useState(() => plan.hosts.length > 0 || plan.storage.length > 0)

  const geometry: Geometry = useMemo(() => computeGeometry(plan, layout), [plan, layout])
  const derived = useMemo(() => {
    const nodes = toFlowNodes(plan, geometry, findings, previous.current)
    previous.current = new Map(nodes.map((node) => [node.id, node]))
    return nodes
  }, [plan, geometry, findings])

  const big = derived.length > BIG_PLAN_NODES
  const selectedNode = selectionNodeId(selection)
  const [nodes, setNodes] = useState<FlowNode[]>(() => syncNodes([], derived, selectedNode))
  // Connection points show on the node under the pointer, and on every disk while a line is drawn.
  const connecting = useConnection((connection) => connection.inProgress)
  useEffect(() => {
    setNodes((current) => syncNodes(current, derived, selectedNode))
  }, [derived, selectedNode])
  // After undo or redo, what the step selected (what came back, what it changed) is brought into view
  // once drawn at its place: undoing a move of a VM to a far host must not leave it off screen.
  const stepped = useEditor((s) => s.stepped)
  const placed = useRef(geometry)
  placed.current = geometry
  useEffect(() => {
    if (stepped === 0) return
    const id = selectionNodeId(useEditor.getState().selection)
    const box = id ? placed.current.byId.get(id) : undefined
    if (id && box) revealWhenAt(flow, id, { x: box.ax, y: box.ay })
  }, [stepped, flow])
  // Lanes change with the plan's shape, not with the selection that lights lines up.
  const lanes = useMemo(() => backingLanes(plan, geometry), [plan, geometry])
  // The same routing while no host or array changes place or size and no line changes its track:
  // every line reads it, and a new one draws every line again (most edits are inside a host).
  const previousRouting = useRef<Routing>({ obstacles: new Map(), tracks: new Map() })
  const routing = useMemo(() => {
    const next = { obstacles: obstaclesOf(geometry), tracks: tracksOf(linesToArrays(plan)) }
    const previous = previousRouting.current
    if (sameEntries(previous.obstacles, next.obstacles, sameBox) && sameEntries(previous.tracks, next.tracks)) return previous
    previousRouting.current = next
    return next
  }, [plan, geometry])
  const previousEdges = useRef<{ byId: Map<string, Edge>; list: Edge[] }>({ byId: new Map(), list: [] })
  const edges: Edge[] = useMemo(() => {
    const { byId, list } = previousEdges.current
    const next = toEdges(plan, selection?.id ?? null, byId, lanes)
    // Most edits change no line: the same list then, so React Flow does not rebuild its lookup of
    // every connection (a tenth of an edit's time on a 1,000-VM plan).
    if (next.length === list.length && next.every((edge, i) => edge === list[i])) return list
    previousEdges.current = { byId: new Map(next.map((edge) => [edge.id, edge])), list: next }
    return next
  }, [plan, lanes, selection?.id])

  const onNodesChange = useCallback((changes: NodeChange<FlowNode>[]) => {
    // Only drags move nodes locally while the pointer moves; the plan decides everything else.
    const moves = changes.filter((change) => change.type === 'position' || change.type === 'dimensions')
    if (moves.length > 0) setNodes((current) => applyFlowChanges(moves, current))
  }, [])

  const onNodeClick: NodeMouseHandler<FlowNode> = useCallback((_event, node) => selectNode(node), [])

  /**
   * Keys on a focused node (Tab reaches every node): Enter or Space selects it, as a click does, so
   * a palette item can then be added into it without a mouse; Delete removes it. Arrow keys would
   * move the node only on screen (the layout changes only when a drag ends), so they are kept from
   * React Flow.
   */
  const onKeyDownCapture = useCallback((event: KeyboardEvent<HTMLDivElement>) => {
    const element = event.target instanceof HTMLElement && event.target.classList.contains('react-flow__node') ? event.target : null
    if (!element) return
    if (event.key.startsWith('Arrow')) {
      event.stopPropagation()
      return
    }
    // Escape clears the selection and leaves the focus where it is (React Flow's own Escape blurs the
    // node, which drops a keyboard user's place to the page).
    if (event.key === 'Escape') {
      event.stopPropagation()
      useEditor.getState().clearSelection()
      return
    }
    const remove = (event.key === 'Delete' || event.key === 'Backspace') && !event.ctrlKey && !event.metaKey
    if (event.key !== 'Enter' && event.key !== ' ' && !remove) return
    const node = flow.getNode(element.dataset.id ?? '')
    if (!node) return
    event.preventDefault()
    selectNode(node)
    if (!remove && node.ariaLabel) useEditor.getState().announce(`Selected ${node.ariaLabel}`)
    // Delete acts on the node that has the focus, which a keyboard user is looking at, not on one
    // selected earlier somewhere else.
    if (remove) {
      event.stopPropagation()
      removeSelection()
    }
  }, [flow])

  /** A node reached by Tab is brought into view, by its place on the canvas (see revealNode). */
  const onNodeFocus = useCallback((event: FocusEvent<HTMLDivElement>) => {
    const element = event.target
    if (!(element instanceof HTMLElement) || !element.classList.contains('react-flow__node') || !element.matches(':focus-visible')) return
    if (element.dataset.noReveal) return
    revealNode(flow, element.dataset.id ?? '', element.closest('.react-flow'))
  }, [flow])

  // A VM on its way to another host is drawn above that host's disks and lines (they sit higher
  // than VMs at rest); dropped, it is drawn from the plan again at its own level.
  const onNodeDragStart: OnNodeDrag<FlowNode> = useCallback((_event, node) => {
    if (node.type === 'vm') setNodes((current) => current.map((n) => (n.id === node.id ? { ...n, zIndex: DRAGGED_VM_Z } : n)))
  }, [])

  const onNodeDragStop: OnNodeDrag<FlowNode> = useCallback((event, node) => {
    const state = useEditor.getState()
    if (node.type === 'vm') {
      const pointer = 'clientX' in event ? event : event.changedTouches[0]
      if (!pointer) return
      const point = flow.screenToFlowPosition({ x: pointer.clientX, y: pointer.clientY })
      // A VM moved to another host is shown where it lands; one put back in place among its siblings stays where the user left the view.
      const reveal = revealAfterMove(flow, node.id)
      const hostOf = (plan: typeof state.plan) => { const at = locate(plan, node.id); return at?.kind === 'vm' ? at.host.id : null }
      const from = hostOf(state.plan)
      if (moveVmTo(node.id, point, geometry, state, { x: pointer.clientX, y: pointer.clientY })) {
        if (hostOf(useEditor.getState().plan) !== from) reveal()
      } else setNodes((current) => syncNodes(current, derived, selectedNode, node.id))
      return
    }
    if (node.type === 'host' || node.type === 'array') state.place(node.id, { x: Math.round(node.position.x), y: Math.round(node.position.y) })
  }, [flow, geometry, derived, selectedNode])

  const isValidConnection: IsValidConnection = useCallback((connection) => canConnect(useEditor.getState().plan, connection.source, connection.target).ok, [])
  const onConnect = useCallback((connection: Connection) => {
    const state = useEditor.getState()
    const verdict = canConnect(state.plan, connection.source, connection.target)
    if (!verdict.ok) return state.notify(verdict.reason)
    connectAndSelect(connection.source, connection.target)
  }, [])

  // A connection dropped on a disk's body rather than its small handle, or on a handle that refuses
  // it, ends here: connect to the disk under the pointer if it may, else say why not.
  const onConnectEnd: OnConnectEnd = useCallback((event, connection) => {
    if (connection.isValid || !connection.fromNode) return
    const pointer = 'clientX' in event ? event : event.changedTouches[0]
    if (!pointer) return
    const at = { x: pointer.clientX, y: pointer.clientY }
    // Dropped on nothing, on a parent partition, or back on the disk it started from: no connection meant.
    const drop = targetAt(at)
    const under = drop.kind === 'entity' && !drop.id.startsWith('parent:') ? drop.id : null
    if (!under || under === connection.fromNode.id) return
    const fromSource = connection.fromHandle?.type !== 'target'
    const [source, target] = fromSource ? [connection.fromNode.id, under] : [under, connection.fromNode.id]
    const state = useEditor.getState()
    const verdict = canConnect(state.plan, source, target)
    if (!verdict.ok) return state.notify(verdict.reason, at)
    connectAndSelect(source, target)
  }, [])

  const onDrop = useCallback((event: DragEvent) => {
    const kind = event.dataTransfer.getData(PALETTE_MIME)
    if (!kind) return
    event.preventDefault()
    if (!dropOnCanvas(kind, { x: event.clientX, y: event.clientY }, flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }))) return
    // An item dropped into a container takes the next place in it, which may be out of view.
    const added = useEditor.getState().selection
    if (added) revealWhenDrawn(flow, added.id, document.querySelector('.react-flow'))
  }, [flow])

  // Zoomed far out, nodes draw in outline (nodes/detail.ts); an export draws them in full.
  const far = useStore((s) => s.transform[2] < FAR_ZOOM) && !exporting
  const width = useStore((s) => s.width)
  const height = useStore((s) => s.height)
  const minZoom = useMemo(() => minZoomFor(geometry, width, height), [geometry, width, height])
  // A canvas that changes size (the window resized, a panel's splitter dragged) keeps what was in its
  // middle there: React Flow keeps the top left corner, and a narrower window left a host that filled
  // the view half out of it. Not a move on anyone's behalf (view-moves.ts): a fit due after an open still comes.
  const size = useRef({ width, height })
  useEffect(() => {
    const before = size.current
    size.current = { width, height }
    if (before.width === 0 || before.height === 0 || width === 0 || height === 0) return
    const dx = (width - before.width) / 2
    const dy = (height - before.height) / 2
    if (dx === 0 && dy === 0) return
    const viewport = flow.getViewport()
    void flow.setViewport({ x: viewport.x + dx, y: viewport.y + dy, zoom: viewport.zoom })
  }, [width, height, flow])
  return (
    <FarContext.Provider value={far}>
      <RoutingContext.Provider value={routing}>
        <ReactFlow<FlowNode>
          className={connecting ? 'is-connecting' : undefined}
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onNodeClick={onNodeClick}
          onKeyDownCapture={onKeyDownCapture}
          ariaLabelConfig={NODE_HELP}
          onFocusCapture={onNodeFocus}
          autoPanOnNodeFocus={false}
          onPaneClick={() => useEditor.getState().select(null)}
          onMoveStart={onMoveStart}
          onNodeDragStart={onNodeDragStart}
          onNodeDragStop={onNodeDragStop}
          onConnect={onConnect}
          onConnectEnd={onConnectEnd}
          isValidConnection={isValidConnection}
          onDragOver={acceptPaletteDrag}
          onDrop={onDrop}
          deleteKeyCode={null}
          selectionKeyCode={null}
          multiSelectionKeyCode={null}
          snapToGrid
          snapGrid={SNAP_GRID}
          minZoom={minZoom}
          maxZoom={2}
          fitView={fitOnOpen}
          fitViewOptions={FIT_PLAN}
          proOptions={{ hideAttribution: true }}
          elevateNodesOnSelect={false}
          zIndexMode="manual"
          autoPanOnNodeDrag={!big}
          onlyRenderVisibleElements={!exporting && big}
          id={FLOW_ID}
          aria-label="Plan diagram"
          tabIndex={-1}
        >
          <Background variant={BackgroundVariant.Dots} gap={16} size={1} />
          <Overview geometry={geometry} />
          <Controls showInteractive={false} fitViewOptions={FIT_PLAN}>
            <ControlButton onClick={() => { void arrangeDiagram(fit) }} aria-label="Arrange the diagram" title="Arrange the diagram: hosts in rows, storage arrays below, lines kept short (Undo puts it back)">
              <svg className="controls-arrange" viewBox="0 0 16 16" aria-hidden="true"><rect x="1.5" y="2" width="5.5" height="4.5" rx="1" /><rect x="9" y="2" width="5.5" height="4.5" rx="1" /><rect x="4" y="10" width="8" height="4" rx="1" /></svg>
            </ControlButton>
            <ControlButton onClick={showShortcuts} aria-label="Keyboard shortcuts" aria-keyshortcuts="?" title="Keyboard shortcuts (?)">
              <span className="controls-keys" aria-hidden="true">?</span>
            </ControlButton>
          </Controls>
          {plan.hosts.length === 0 && plan.storage.length === 0 && (
            <div className="canvas-empty">
              <strong>Start your plan</strong>
              <span>Drag a Host or Bare-metal server from the palette onto the canvas, or open a template.</span>
            </div>
          )}
        </ReactFlow>
      </RoutingContext.Provider>
    </FarContext.Provider>
  )
}

