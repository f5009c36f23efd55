/**
 * Lays out the top level of a plan with elkjs (loaded lazily): hosts in a row, the storage arrays
 * they use below them, ordered to keep connections short. A row of many hosts is wrapped into a
 * grid about as wide as a screen is wide for its height, in plan order (HV-0 top left), so that a
 * 25-host estate fits the canvas (and its picture) instead of making a strip 30,000 pixels long.
 */
import type { Plan } from '../../core/index.ts'
import type { Layout } from '../../store/history.ts'
import { arraySize, hostSize, placeInRows, ROW_WIDTH, SCREEN_ASPECT, SIZE } from './geometry.ts'
import { linesToLuns } from './corridors.ts'

/** The room the canvas has for a plan, in screen pixels, where the plan opens. */
export interface View { width: number; height: number }

/**
 * `view`, where known, is the canvas the plan opens in: hosts that no array ties together are put
 * in as many rows as show the plan largest there (two DAG hosts one above the other in a tall
 * window, side by side in a wide one), instead of a row that fitting shrinks past reading.
 */
export async function autoLayout(plan: Plan, view?: View): Promise<Layout> {
  const edges = new Set(linesToLuns(plan).map(({ host, array }) => `${host}>${array}`))
  // Decided before elk runs: on a 3,000-VM estate elk took seconds, on the page, for a placement
  // the grid then replaced.
  const grid = gridLayout(plan, edges.size > 0, view)
  if (grid) return grid
  const { default: ELK } = await loadLayoutEngine()
  const elk = new ELK()
  const graph = await elk.layout({
    id: 'plan',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.spacing.nodeNode': String(SIZE.topGap),
      // Hosts that share no array are separate components to elk: the same gap between them, and no
      // margin round the whole (its defaults, 20 and 12, set them closer than the rest and indented).
      'elk.spacing.componentComponent': String(SIZE.topGap),
      'elk.padding': '[top=0,left=0,bottom=0,right=0]',
      'elk.layered.spacing.nodeNodeBetweenLayers': String(SIZE.topGap * 2),
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      // Hosts left to right in plan order (HV01 before HV02) wherever that adds no crossing.
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children: [
      // Tops on one line: elk would centre a short host beside a tall one, hanging lower.
      ...plan.hosts.map((host) => ({ id: host.id, ...size(hostSize(host)), layoutOptions: TOP })),
      ...plan.storage.map((array) => ({ id: array.id, ...size(arraySize(array)), layoutOptions: TOP })),
    ],
    edges: [...edges].map((edge, i) => {
      const [source, target] = edge.split('>') as [string, string]
      return { id: `e${i}`, sources: [source], targets: [target] }
    }),
  })
  const layout: Layout = {}
  for (const child of graph.children ?? []) layout[child.id] = { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) }
  return layout
}

const TOP = { 'elk.alignment': 'TOP' }

let engine: Promise<typeof import('elkjs/lib/elk.bundled.js')> | null = null
/**
 * elkjs (1.4 MB, loaded once). Opening a plan without a layout that has lines to LUNs (the Large
 * organisation template) waited 0.6 s for it, 1.3–2 s on a busy machine: the Templates dialog and
 * Import start loading it as they open, while the list is read or a file chosen. Loaded again on the
 * next call where loading failed.
 */
export function loadLayoutEngine(): Promise<typeof import('elkjs/lib/elk.bundled.js')> {
  engine ??= import('elkjs/lib/elk.bundled.js').catch((error: unknown) => {
    engine = null
    throw error
  })
  return engine
}

/**
 * Starts loading elkjs ahead of need, and lays out a one-box graph with it so that its first real
 * layout does not pay for starting up (about 0.2 s more); a failure is left to the call that needs it.
 */
export function preloadLayoutEngine(): void {
  if (engine) return
  loadLayoutEngine()
    .then(({ default: ELK }) => new ELK().layout({ id: 'warm-up', children: [{ id: 'box', width: 1, height: 1 }] }))
    .catch(() => undefined)
}


/**
 * Hosts in rows when one row would be too wide, or no host uses an array (elk would stack them),
 * and the arrays in a row below; null where elk is to place them. In a grid elk's ordering no
 * longer keeps lines short, so the plan's own order is kept: it is the reader's.
 */
export function gridLayout(plan: Plan, connected: boolean, view?: View): Layout | null {
  const hosts = plan.hosts.map((host) => ({ id: host.id, ...hostSize(host) }))
  const rowWidth = (items: { w: number }[]) => items.reduce((sum, item) => sum + item.w, 0) + SIZE.topGap * Math.max(0, items.length - 1)
  const area = hosts.reduce((sum, host) => sum + (host.w + SIZE.topGap) * (host.h + SIZE.topGap), 0)
  const maxWidth = Math.max(ROW_WIDTH, Math.sqrt(area * SCREEN_ASPECT))
  // With no storage tying any host to an array, elk packs the hosts as separate pieces, one above
  // the other: those go into rows in plan order instead. Where arrays tie hosts together, elk's
  // placement keeps the lines short and clear of other disks, and it is kept.
  if (connected && rowWidth(hosts) <= maxWidth) return null

  const arrays = plan.storage.map((array) => ({ id: array.id, ...arraySize(array) }))
  const place = (perRow: number | null) => {
    const grid = perRow === null ? placeInRows(hosts, maxWidth, 0) : placeInRowsOf(hosts, perRow, 0)
    // Arrays go in one row below the grid, with the room elk leaves between its layers.
    const below = placeInRows(arrays, Infinity, grid.bottom + SIZE.topGap * 2)
    return { spots: [...grid.spots, ...below.spots], width: Math.max(grid.width, below.width), height: arrays.length > 0 ? below.bottom : grid.bottom }
  }
  if (!view || hosts.length < 2) return Object.fromEntries(place(null).spots)
  // The zoom at which the whole plan fits the view (never above 100 %), for each count of rows with
  // the fewest hosts per row that makes it (the narrowest); the largest wins, and of equals the one
  // with fewer rows, closer to plan order. A 1,250-host estate tries 70 counts, not 1,250.
  let best = place(hosts.length)
  const zoomOf = (placed: { width: number; height: number }) => Math.min(1, view.width / placed.width, view.height / placed.height)
  let tried = hosts.length
  for (let rows = 2; rows <= hosts.length; rows++) {
    const perRow = Math.ceil(hosts.length / rows)
    if (perRow === tried) continue
    tried = perRow
    const candidate = place(perRow)
    if (zoomOf(candidate) > zoomOf(best) * 1.02) best = candidate
  }
  return Object.fromEntries(best.spots)
}

/**
 * Places items in rows of `perRow`, left to right from x 0 at `top`, in their order, in columns as
 * wide as their widest item: the gaps between columns then run straight down the grid, and so do the
 * lines to the arrays below that take them (corridors.ts). Packed row by row, hosts a few pixels
 * apart in width set the gaps askew, and lines went round by the grid's edge.
 */
function placeInRowsOf(items: readonly { id: string; w: number; h: number }[], perRow: number, top: number) {
  const spots = new Map<string, { x: number; y: number }>()
  const columnWidths: number[] = []
  items.forEach((item, i) => { columnWidths[i % perRow] = Math.max(columnWidths[i % perRow] ?? 0, item.w) })
  const columnX: number[] = []
  let x = 0
  for (const w of columnWidths) {
    columnX.push(x)
    x += w + SIZE.topGap
  }
  let y = top
  let width = 0
  for (let start = 0; start < items.length; start += perRow) {
    const row = items.slice(start, start + perRow)
    row.forEach(({ id, w }, column) => {
      spots.set(id, { x: columnX[column]!, y })
      width = Math.max(width, columnX[column]! + w)
    })
    y += Math.max(...row.map((item) => item.h)) + SIZE.topGap
  }
  return { spots, bottom: y - SIZE.topGap, width }
}

const size = (s: { w: number; h: number }) => ({ width: s.w, height: s.h })
