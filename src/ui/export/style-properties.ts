/**
 * The CSS properties the PNG export copies onto every element of the diagram. html-to-image copies
 * every computed property by default (over 500 per element), which made a 64-VM plan take many
 * seconds; these are the ones whose values differ from the browser defaults anywhere on the canvas
 * (measured over every template, light and dark), plus a few layout and text properties for safety.
 * Add a property here when a new node style does not show in exported PNGs.
 */
export const EXPORT_STYLE_PROPERTIES: string[] = [
  // box and layout
  'display', 'position', 'box-sizing', 'top', 'right', 'bottom', 'left', 'z-index', 'transform', 'transform-origin',
  'width', 'height', 'min-width', 'min-height', 'max-width', 'max-height',
  'margin-top', 'margin-right', 'margin-bottom', 'margin-left',
  'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'overflow-x', 'overflow-y', 'visibility', 'opacity',
  'flex-direction', 'flex-wrap', 'flex-grow', 'flex-shrink', 'flex-basis', 'order',
  'align-items', 'align-self', 'align-content', 'justify-content', 'justify-items', 'justify-self', 'row-gap', 'column-gap',
  'grid-template-columns', 'grid-template-rows', 'grid-column-start', 'grid-column-end', 'grid-row-start', 'grid-row-end',
  // borders, backgrounds, shadows
  'border-top-width', 'border-right-width', 'border-bottom-width', 'border-left-width',
  'border-top-style', 'border-right-style', 'border-bottom-style', 'border-left-style',
  'border-top-color', 'border-right-color', 'border-bottom-color', 'border-left-color',
  'border-top-left-radius', 'border-top-right-radius', 'border-bottom-right-radius', 'border-bottom-left-radius',
  'background-color', 'background-image', 'background-position', 'background-size', 'background-repeat', 'background-clip', 'background-origin',
  'box-shadow', 'outline-style', 'outline-width', 'outline-color', 'outline-offset',
  // text
  'color', 'font-family', 'font-size', 'font-weight', 'font-style', 'font-variant', 'font-variant-numeric', 'line-height',
  'letter-spacing', 'text-transform', 'text-align', 'text-overflow', 'text-decoration-line', 'text-decoration-color',
  'white-space', 'text-wrap-mode', 'white-space-collapse', 'word-break', 'overflow-wrap', 'vertical-align', '-webkit-text-fill-color',
  // SVG (edges and markers)
  'fill', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-linecap', 'stroke-linejoin', 'stroke-dasharray', 'marker-end', 'd',
  // pseudo-elements
  'content',
]
