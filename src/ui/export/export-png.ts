/**
 * PNG export: the whole diagram (not only the visible part), copied from React Flow's viewport element
 * into an SVG image (see diagram-svg.ts) and drawn at 2× pixel density, under a header band with the
 * plan name and its findings, and with the plan file embedded in a PNG text chunk so that importing
 * the PNG gives the plan back.
 */
import { getViewportForBounds, type ReactFlowInstance } from '@xyflow/react'
import { embedPlanInPng, savePlan } from '../../core/index.ts'
import { planWithLayout, useEditor } from '../../store/editor-store.ts'
import { deriveFindings } from '../../store/findings.ts'
import { showPlanNow } from '../../store/shown-plan.ts'
import type { FlowNode } from '../canvas/flow.ts'
import { download, fileNameFor } from '../toolbar/file-actions.ts'
import { diagramSvg } from './diagram-svg.ts'
import { fetchFont } from './embed-fonts.ts'
import { setExportStatus } from './export-status.ts'
import { composePng, HEADER_HEIGHT, MIN_WIDTH, readTheme } from './png-header.ts'

/** Space around the diagram, in CSS pixels. */
const PADDING = 40
const PIXEL_RATIO = 2
/**
 * Browsers refuse canvases wider or taller than this. Past MAX_AREA pixels the density goes down
 * instead: 40 million pixels (about 6,300 × 6,300) already need 160 MB of canvas memory and seconds
 * to draw and encode, and a diagram that big stays readable at the lower density (a 200-VM estate
 * comes out at 1×, as the canvas shows it at 100 %).
 */
const MAX_SIDE = 16_384
const MAX_AREA = 40_000_000
/** Past this, the export gives up with a message rather than spinning for ever. */
const IMAGE_TIMEOUT_MS = 120_000

type Flow = Pick<ReactFlowInstance<FlowNode>, 'getNodes' | 'getNodesBounds'>

let running = false

/** Exports the current plan as `<plan-name>.png`; progress is shown in the export status. */
export async function exportPng(flow: Flow): Promise<void> {
  if (running) return
  running = true
  try {
    // Setting a status also makes the canvas render its off-screen nodes (see Canvas), which the
    // picture needs; two frames let React Flow mount and measure them.
    // The picture is of the plan as it is, the name being typed included.
    showPlanNow()
    setExportStatus({ stage: 'Preparing the diagram', progress: 0.02 })
    await nextFrame()
    await nextFrame()
    await nextFrame()
    const state = useEditor.getState()
    const { summary } = deriveFindings(state.plan)
    const theme = readTheme()
    const nodes = flow.getNodes()
    const bounds = nodes.length > 0 ? flow.getNodesBounds(nodes) : null
    const width = bounds ? Math.ceil(bounds.width + PADDING * 2) : MIN_WIDTH
    const height = bounds ? Math.ceil(bounds.height + PADDING * 2) : 160
    const ratio = pixelRatioFor(Math.max(width, MIN_WIDTH), height + HEADER_HEIGHT)

    let diagram: HTMLImageElement | null = null
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')
    if (bounds && viewport) {
      setExportStatus({ stage: `Copying ${nodes.length} shapes`, progress: 0.2 })
      await nextFrame()
      const svg = await diagramSvg(viewport, { width, height, ...getViewportForBounds(bounds, width, height, 1, 1, 0) }, fetchFont)
      setExportStatus({ stage: 'Drawing the diagram', progress: 0.3 })
      await nextFrame()
      diagram = await loadImage(svg)
    }

    // The header is drawn with the page's font, which must have loaded by now.
    await document.fonts.ready
    const image = composePng({ diagram, width, height, ratio, title: state.plan.name, summary, theme })
    setExportStatus({ stage: 'Encoding the PNG', progress: 0.75 })
    const png = await canvasToPng(image)
    setExportStatus({ stage: 'Embedding the plan', progress: 0.94 })
    const withPlan = await embedPlanInPng(png, savePlan(planWithLayout(state)))
    download(new Blob([withPlan as Uint8Array<ArrayBuffer>], { type: 'image/png' }), fileNameFor(state.plan.name, 'png'))
  } catch (error) {
    useEditor.getState().notify(`The PNG could not be made: ${(error as Error).message}`, undefined, 'error')
  } finally {
    setExportStatus(null)
    running = false
  }
}

/** 2× where the canvas allows it; less for diagrams so large that 2× would not fit in a canvas. */
export function pixelRatioFor(width: number, height: number): number {
  return Math.min(PIXEL_RATIO, MAX_SIDE / width, MAX_SIDE / height, Math.sqrt(MAX_AREA / (width * height)))
}

/**
 * Loads the SVG as an image; `load`, not `decode()`, which can stay pending for SVG in Chromium. A
 * data: URL, not a blob: one: Chromium taints a canvas that draws a blob: SVG with a foreignObject,
 * and a tainted canvas cannot be encoded.
 */
function loadImage(svg: string): Promise<HTMLImageElement> {
  const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
  return new Promise((resolve, reject) => {
    const image = new Image()
    const timer = setTimeout(() => reject(new Error('drawing the diagram took too long')), IMAGE_TIMEOUT_MS)
    image.onload = () => { clearTimeout(timer); resolve(image) }
    image.onerror = () => { clearTimeout(timer); reject(new Error('the diagram could not be drawn as an image')) }
    image.src = url
  })
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()))

function canvasToPng(canvas: HTMLCanvasElement): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (!blob) return reject(new Error('the image is too large for this browser'))
      blob.arrayBuffer().then((buffer) => resolve(new Uint8Array(buffer)), reject)
    }, 'image/png')
  })
}
