/**
 * The diagram as a standalone SVG document: a copy of React Flow's viewport in a <foreignObject>,
 * styled by the page's own CSS in a <style> element. Copying the elements and the stylesheet takes
 * a fraction of a second even for a 200-VM plan, where copying every element's computed style
 * (html-to-image did) took seconds and made an SVG of 25 MB that was slow to load. The stylesheet
 * also styles what is inside the edges' <svg> elements (their stroke is set by class). An SVG image
 * loads nothing from outside: the app's font comes inlined (embed-fonts.ts), and it has no images.
 */
import { cssText } from './css-text.ts'
import { embeddedFontFaces, type LoadFont } from './embed-fonts.ts'

const SVG_NS = 'http://www.w3.org/2000/svg'

/** Where the diagram goes in the picture: its size in CSS pixels and the viewport transform. */
export interface DiagramFrame { width: number; height: number; x: number; y: number; zoom: number }

/** The SVG text of the diagram under `viewport` (React Flow's `.react-flow__viewport`). */
export async function diagramSvg(viewport: HTMLElement, { width, height, x, y, zoom }: DiagramFrame, loadFont: LoadFont): Promise<string> {
  // The copy keeps the ancestors that style it on the page: <body> (font and colour, inherited) and
  // `.react-flow` (its variables, `.react-flow .react-flow__edges`); the layers between only stack.
  const body = document.body.cloneNode(false) as HTMLElement
  Object.assign(body.style, { width: `${width}px`, height: `${height}px` })
  const frame = (viewport.closest('.react-flow') ?? document.createElement('div')).cloneNode(false) as Element
  body.append(frame)

  const copy = viewport.cloneNode(true) as HTMLElement
  copy.style.transform = `translate(${x}px, ${y}px) scale(${zoom})`
  // Connection handles and "Drop … here" hints are editing affordances, not part of the design.
  for (const affordance of copy.querySelectorAll('.react-flow__handle, .node-hint')) affordance.remove()
  // Nor is the selection: no ring round the selected item, no lines lit up to it. The editor keeps
  // its selection while the picture is made.
  for (const selected of copy.querySelectorAll('.selected')) selected.classList.remove('selected')
  for (const lit of copy.querySelectorAll('.backing-edge.active')) lit.classList.remove('active')
  frame.append(copy)

  const svg = document.createElementNS(SVG_NS, 'svg')
  svg.setAttribute('width', String(width))
  svg.setAttribute('height', String(height))
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`)
  const style = document.createElementNS(SVG_NS, 'style')
  const { css, fontFaces } = cssText(document.styleSheets, (media) => matchMedia(media).matches)
  style.textContent = `${await embeddedFontFaces(fontFaces, copy.textContent ?? '', loadFont)}\n${css}`
  const object = document.createElementNS(SVG_NS, 'foreignObject')
  object.setAttribute('width', '100%')
  object.setAttribute('height', '100%')
  object.append(body)
  svg.append(style, object)
  return new XMLSerializer().serializeToString(svg)
}
