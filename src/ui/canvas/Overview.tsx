import { memo, useCallback, type PointerEvent } from 'react'
import { Panel, useReactFlow, useStore, type ReactFlowState } from '@xyflow/react'
import type { Geometry } from './geometry.ts'
import { noteViewMove } from './view-moves.ts'

/** The map's size; on a narrow canvas (a 1024 px screen's is about 520 px) a smaller one, that covers less of the plan. */
const SIZE = { width: 168, height: 112 }
const SMALL = { width: 120, height: 80 }
const NARROW_CANVAS = 640
const PAD = 40

const viewportOf = (s: ReactFlowState) => ({ x: s.transform[0], y: s.transform[1], zoom: s.transform[2], width: s.width, height: s.height })
const sameViewport = (a: ReturnType<typeof viewportOf>, b: ReturnType<typeof viewportOf>) =>
  a.x === b.x && a.y === b.y && a.zoom === b.zoom && a.width === b.width && a.height === b.height

/**
 * The minimap: hosts and storage arrays (the top level of the plan) and the visible area. It draws
 * a few dozen rectangles, not one per node, so it costs nothing while a VM is dragged in a big plan.
 * Clicking or dragging on it moves the view there.
 */
export const Overview = memo(function Overview({ geometry }: { geometry: Geometry }) {
  const viewport = useStore(viewportOf, sameViewport)
  const flow = useReactFlow()
  const { width: WIDTH, height: HEIGHT } = viewport.width < NARROW_CANVAS ? SMALL : SIZE
  const tops = geometry.boxes.filter((box) => box.parentId === undefined)
  const view = {
    x: -viewport.x / viewport.zoom, y: -viewport.y / viewport.zoom,
    w: viewport.width / viewport.zoom, h: viewport.height / viewport.zoom,
  }
  const minX = Math.min(view.x, ...tops.map((b) => b.ax)) - PAD
  const minY = Math.min(view.y, ...tops.map((b) => b.ay)) - PAD
  const maxX = Math.max(view.x + view.w, ...tops.map((b) => b.ax + b.w)) + PAD
  const maxY = Math.max(view.y + view.h, ...tops.map((b) => b.ay + b.h)) + PAD
  const scale = Math.min(WIDTH / (maxX - minX), HEIGHT / (maxY - minY))
  // The map is centred in its box: the spare width or height goes to both sides, not all to one.
  const originX = minX - (WIDTH / scale - (maxX - minX)) / 2
  const originY = minY - (HEIGHT / scale - (maxY - minY)) / 2

  const moveTo = useCallback((event: PointerEvent<SVGSVGElement>) => {
    const rect = event.currentTarget.getBoundingClientRect()
    const x = originX + (event.clientX - rect.left) / scale
    const y = originY + (event.clientY - rect.top) / scale
    noteViewMove()
    void flow.setCenter(x, y, { zoom: viewport.zoom })
  }, [flow, originX, originY, scale, viewport.zoom])

  // An empty plan has nothing to map: no box with only the view's rectangle in it.
  if (tops.length === 0) return null

  return (
    <Panel position="bottom-right" className="overview">
      <svg
        width={WIDTH}
        height={HEIGHT}
        viewBox={`${originX} ${originY} ${WIDTH / scale} ${HEIGHT / scale}`}
        role="img"
        aria-label="Minimap"
        onPointerDown={(event) => { event.currentTarget.setPointerCapture(event.pointerId); moveTo(event) }}
        onPointerMove={(event) => { if (event.buttons === 1) moveTo(event) }}
      >
        {tops.map((box) => (
          <rect key={box.id} className={`overview-${box.kind}`} x={box.ax} y={box.ay} width={box.w} height={box.h} rx={8 / scale} />
        ))}
        <rect className="overview-view" x={view.x} y={view.y} width={view.w} height={view.h} strokeWidth={1.5 / scale} />
      </svg>
    </Panel>
  )
})
