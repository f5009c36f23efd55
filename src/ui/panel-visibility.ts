/**
 * Whether the palette and the side column (Inspector and Findings) are shown. On a 1,024-pixel
 * screen the two take half the width, and a large plan opens at a quarter of its size: hiding them
 * gives the canvas the room. Kept in the browser with the rest of the editor's state.
 * The canvas keeps what was in its middle there as it grows or shrinks (Canvas.tsx).
 */
import { create } from 'zustand'

export type Panel = 'palette' | 'side'
type Shown = Record<Panel, boolean>

const KEY = 'vexplan.panels'
const ALL_SHOWN: Shown = { palette: true, side: true }

function saved(): Shown {
  try {
    const value: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? 'null')
    if (typeof value !== 'object' || value === null) return ALL_SHOWN
    const { palette, side } = value as Partial<Record<Panel, unknown>>
    return { palette: palette !== false, side: side !== false }
  } catch {
    return ALL_SHOWN
  }
}

interface PanelsState extends Shown {
  setShown(panel: Panel, shown: boolean): void
}

export const usePanels = create<PanelsState>((set, get) => ({
  ...saved(),
  setShown(panel, shown) {
    set({ [panel]: shown })
    const { palette, side } = get()
    try { window.localStorage.setItem(KEY, JSON.stringify({ palette, side })) } catch { /* storage disabled: the choice lasts the session */ }
  },
}))

/**
 * After a panel's button hid or showed it, the focus goes to the button that undoes it (the one it
 * was on is gone), so a keyboard user can toggle back at once.
 */
export function focusAfterToggle(button: HTMLElement, undoing: string): void {
  if (document.activeElement !== button) return
  requestAnimationFrame(() => document.querySelector<HTMLElement>(undoing)?.focus())
}
