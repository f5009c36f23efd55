/**
 * PNG export: the whole diagram (not only the visible part) drawn by html-to-image from React Flow's
 * viewport element at 2× pixel density, under a header band with the plan name and its findings, and
 * with the plan file embedded in a PNG text chunk so that importing the PNG gives the plan back.
 */
import { getViewportForBounds, type ReactFlowInstance } from '@xyflow/react'
import { embedPlanInPng, savePlan } from '../../core/index.ts'
import { planWithLayout, useEditor } from '../../store/editor-store.ts'
import { deriveFindings } from '../../store/findings.ts'
import type { FlowNode } from '../canvas/flow.ts'
import { download, fileNameFor } from '../toolbar/file-actions.ts'
import { setExportStatus } from './export-status.ts'
import { composePng, HEADER_HEIGHT, MIN_WIDTH, readTheme } from './png-header.ts'
import { EXPORT_STYLE_PROPERTIES } from './style-properties.ts'

/** Space around the diagram, in CSS pixels. */
const PADDING = 40
const PIXEL_RATIO = 2
/** Browsers refuse canvases wider or taller than this, and very large areas exhaust memory. */
const MAX_SIDE = 16_384
const MAX_AREA = 120_000_000
/** Past this, the export gives up with a message rather than spinning for ever. */
const IMAGE_TIMEOUT_MS = 120_000

type Flow = Pick<ReactFlowInstance<FlowNode>, 'getNodes' | 'getNodesBounds'>

let running = false

/** Exports the current plan as `<plan-name>.png`; progress is shown in the export status. */
export async function exportPng(flow: Flow): Promise<void> {
  if (running) return
  running = true
  const editor = useEditor.getState()
  const selection = editor.selection
  try {
    // Setting a status also makes the canvas render its off-screen nodes (see Canvas), which the
    // picture needs; two frames let React Flow mount and measure them.
    setExportStatus({ stage: 'Preparing the diagram', progress: 0.02 })
    // The picture shows the plan, not the editing state: no selection ring, no highlighted edges.
    editor.select(null)
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
      setExportStatus({ stage: 'Loading the image renderer', progress: 0.05 })
      const { toSvg } = await import('html-to-image')
      const total = countNodes(viewport)
      let seen = 0
      setExportStatus({ stage: `Copying ${nodes.length} shapes`, progress: 0.1 })
      await nextFrame()
      const transform = getViewportForBounds(bounds, width, height, 1, 1, 0)
      // The diagram as SVG (HTML in a foreignObject), drawn onto the canvas below at `ratio`.
      const restoreEdges = inlineEdgeStrokes(viewport)
      const svg = await toSvg(viewport, {
        width,
        height,
        skipFonts: true,
        includeStyleProperties: EXPORT_STYLE_PROPERTIES,
        style: { width: `${width}px`, height: `${height}px`, transform: `translate(${transform.x}px, ${transform.y}px) scale(${transform.zoom})` },
        filter: (node) => {
          seen += 1
          if (seen % 200 === 0) setExportStatus({ stage: 'Copying the diagram', progress: 0.1 + 0.5 * Math.min(1, seen / total) })
          // Connection handles are editing affordances, not part of the design.
          return !(node instanceof Element && node.classList.contains('react-flow__handle'))
        },
      }).finally(restoreEdges)
      setExportStatus({ stage: 'Drawing the diagram', progress: 0.65 })
      await nextFrame()
      diagram = await loadImage(svg)
    }

    const image = composePng({ diagram, width, height, ratio, title: state.plan.name, summary, theme })
    setExportStatus({ stage: 'Encoding the PNG', progress: 0.82 })
    const png = await canvasToPng(image)
    setExportStatus({ stage: 'Embedding the plan', progress: 0.94 })
    const withPlan = await embedPlanInPng(png, savePlan(planWithLayout(state)))
    download(new Blob([withPlan as Uint8Array<ArrayBuffer>], { type: 'image/png' }), fileNameFor(state.plan.name, 'png'))
  } catch (error) {
    useEditor.getState().notify(`The PNG could not be made: ${(error as Error).message}`, undefined, 'error')
  } finally {
    if (selection) useEditor.getState().select(selection)
    setExportStatus(null)
    running = false
  }
}

/** 2× where the canvas allows it; less for diagrams so large that 2× would not fit in a canvas. */
export function pixelRatioFor(width: number, height: number): number {
  return Math.min(PIXEL_RATIO, MAX_SIDE / width, MAX_SIDE / height, Math.sqrt(MAX_AREA / (width * height)))
}

/**
 * html-to-image copies an <svg> as it is, without the computed styles of what is inside, so the
 * edges' stroke (set by class in the stylesheet) would be lost. Presentation attributes carry it
 * into the image; on the page the stylesheet still wins over them. Returns the undo.
 */
function inlineEdgeStrokes(root: Element): () => void {
  const paths = [...root.querySelectorAll<SVGPathElement>('path.react-flow__edge-path')]
  for (const path of paths) {
    const style = getComputedStyle(path)
    path.setAttribute('stroke', style.stroke)
    path.setAttribute('stroke-width', style.strokeWidth)
  }
  return () => {
    for (const path of paths) {
      path.removeAttribute('stroke')
      path.removeAttribute('stroke-width')
    }
  }
}

function countNodes(root: Node): number {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT)
  let count = 0
  while (walker.nextNode()) count += 1
  return Math.max(1, count)
}

/** Loads the SVG as an image; `load`, not `decode()`, which can stay pending for SVG in Chromium. */
function loadImage(url: string): Promise<HTMLImageElement> {
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
