/**
 * Draws the exported PNG: a header band with the plan name and its findings summary, over the
 * diagram image, in the colours of the current theme (read from the CSS variables).
 */
import type { Severity } from '../../core/index.ts'

/** Header height in CSS pixels (multiplied by the pixel ratio on the canvas). */
export const HEADER_HEIGHT = 76
/** A narrow diagram still gets a header wide enough for its text: at least this, and up to MAX_TITLE_WIDTH for a long name. */
export const MIN_WIDTH = 720
const MAX_TITLE_WIDTH = 1400

export interface Theme { canvas: string; panel: string; border: string; text: string; muted: string; font: string; error: string; warning: string; info: string }

export function readTheme(element: Element = document.documentElement): Theme {
  const style = getComputedStyle(element)
  const get = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback
  return {
    canvas: get('--canvas', get('--bg', '#ffffff')),
    panel: get('--panel', '#ffffff'),
    border: get('--border', '#dde3ea'),
    text: get('--text', '#17202c'),
    muted: get('--muted', '#5b6778'),
    font: get('--font', 'system-ui, sans-serif'),
    error: get('--error', '#c62828'),
    warning: get('--warning', '#b45309'),
    info: get('--info', '#0369a1'),
  }
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`

/** "2 errors · 4 warnings · 5 info", as parts in their severity's colour; a count of none is muted (a red "0 errors" read as an alarm). */
export function summaryParts(summary: Record<Severity, number>): { text: string; severity: Severity; none: boolean }[] {
  return [
    { text: plural(summary.error, 'error', 'errors'), severity: 'error', none: summary.error === 0 },
    { text: plural(summary.warning, 'warning', 'warnings'), severity: 'warning', none: summary.warning === 0 },
    { text: `${summary.info} info`, severity: 'info', none: summary.info === 0 },
  ]
}

export interface Composition {
  /** The diagram at CSS size (an SVG image, drawn here at `ratio`); null for an empty plan. */
  diagram: HTMLImageElement | null
  /** Diagram size in CSS pixels. */
  width: number
  height: number
  ratio: number
  title: string
  summary: Record<Severity, number>
  theme: Theme
}

export function composePng({ diagram, width, height, ratio, title, summary, theme }: Composition): HTMLCanvasElement {
  const credit = `vexplan · ${new Date().toLocaleDateString(undefined, { dateStyle: 'medium' })}`
  const totalWidth = Math.max(width, MIN_WIDTH, Math.min(MAX_TITLE_WIDTH, headerWidthFor(title, credit, theme.font)))
  const canvas = document.createElement('canvas')
  canvas.width = Math.round(totalWidth * ratio)
  canvas.height = Math.round((HEADER_HEIGHT + height) * ratio)
  const context = canvas.getContext('2d')
  if (!context) throw new Error('this browser cannot draw on a canvas')
  context.fillStyle = theme.canvas
  context.fillRect(0, 0, canvas.width, canvas.height)
  if (diagram) {
    context.drawImage(diagram, Math.round(((totalWidth - width) / 2) * ratio), Math.round(HEADER_HEIGHT * ratio), Math.round(width * ratio), Math.round(height * ratio))
  }

  context.scale(ratio, ratio)
  context.fillStyle = theme.panel
  context.fillRect(0, 0, totalWidth, HEADER_HEIGHT)
  context.fillStyle = theme.border
  context.fillRect(0, HEADER_HEIGHT - 1, totalWidth, 1)

  context.textBaseline = 'alphabetic'
  context.font = `500 12px ${theme.font}`
  const creditWidth = context.measureText(credit).width
  context.fillStyle = theme.muted
  context.fillText(credit, totalWidth - LEFT - creditWidth, 33)

  context.font = `700 20px ${theme.font}`
  context.fillStyle = theme.text
  context.fillText(fit(context, title, totalWidth - LEFT * 2 - creditWidth - GAP), LEFT, 35)

  let x = LEFT
  const colour: Record<Severity, string> = { error: theme.error, warning: theme.warning, info: theme.info }
  summaryParts(summary).forEach((part, i) => {
    if (i > 0) {
      context.font = `400 14px ${theme.font}`
      context.fillStyle = theme.muted
      context.fillText('·', x + 6, 58)
      x += 20
    }
    context.fillStyle = part.none ? theme.muted : colour[part.severity]
    context.beginPath()
    context.arc(x + 4, 53, 4, 0, Math.PI * 2)
    context.fill()
    context.font = `600 14px ${theme.font}`
    context.fillText(part.text, x + 13, 58)
    x += 13 + context.measureText(part.text).width
  })
  return canvas
}

const LEFT = 28
const GAP = 24

/** The width the header needs to show the whole plan name beside the credit line. */
function headerWidthFor(title: string, credit: string, font: string): number {
  const context = document.createElement('canvas').getContext('2d')
  if (!context) return MIN_WIDTH
  context.font = `700 20px ${font}`
  const titleWidth = context.measureText(title).width
  context.font = `500 12px ${font}`
  return Math.ceil(LEFT * 2 + titleWidth + GAP + context.measureText(credit).width)
}

/** The text, cut with an ellipsis to fit the width. */
function fit(context: CanvasRenderingContext2D, text: string, width: number): string {
  if (context.measureText(text).width <= width) return text
  let end = text.length
  while (end > 1 && context.measureText(`${text.slice(0, end)}…`).width > width) end -= 1
  return `${text.slice(0, end)}…`
}
