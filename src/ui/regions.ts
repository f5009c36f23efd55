/**
 * F6 and Shift+F6 move the focus from one part of the editor to the next, as in most desktop apps:
 * toolbar, palette, canvas, inspector, findings (or, hidden, the button that shows them). Each gets the focus on its first control (the
 * canvas and the inspector as a whole), so a keyboard user never tabs through a whole panel to
 * reach the next one.
 */
const REGIONS = ['[aria-label="Toolbar"]', 'div.palette', 'main.canvas-area', 'section[aria-label="Inspector"]', 'section[aria-label="Findings"]', 'aside.panel-rail']
/** Where in each region the focus goes, first that exists (none: the region itself). */
const FIRST_CONTROL: Record<string, readonly string[]> = {
  '[aria-label="Toolbar"]': ['button:not([disabled])'],
  // Its first item; the palette hidden, the button that shows it.
  'div.palette': ['.palette-item', 'button'],
  // The canvas itself, not its find box (which is part of it: F6 from the box goes on to the Inspector).
  'main.canvas-area': ['.react-flow'],
  'section[aria-label="Inspector"]': [],
  'section[aria-label="Findings"]': ['li.finding', 'input', 'button'],
  // Inspector and Findings hidden: the button that shows them.
  'aside.panel-rail': ['button'],
}

/** Moves the focus to the next region (or the previous one, `back`); returns the region's selector. */
export function focusNextRegion(back: boolean): string | null {
  const active = document.activeElement
  const current = REGIONS.findIndex((selector) => active instanceof Element && active.closest(selector) !== null)
  for (let step = 1; step <= REGIONS.length; step++) {
    const index = current === -1 ? (back ? REGIONS.length - step : step - 1) : (current + (back ? -step : step) + REGIONS.length * 2) % REGIONS.length
    const selector = REGIONS[index]!
    const region = document.querySelector<HTMLElement>(selector)
    if (!region) continue
    const target = FIRST_CONTROL[selector]!.map((inner) => region.querySelector<HTMLElement>(inner)).find((found) => found !== null) ?? region
    target.focus()
    if (document.activeElement === target) return selector
  }
  return null
}
