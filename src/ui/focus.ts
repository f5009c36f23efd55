/**
 * After an action that can remove the focused element (undo, redo, keeping or discarding a linked
 * plan), the keyboard focus goes to the canvas instead of falling to the page.
 */
export function keepFocusInApp(frames = FOCUS_WATCH_FRAMES): void {
  // A few frames, not one: React may commit the change (a node undo removed, with the focus on it)
  // after the first frame, and the focus falls to the page only then.
  requestAnimationFrame(() => {
    const active = document.activeElement
    if (active === null || active === document.body || !active.isConnected) document.querySelector<HTMLElement>('.react-flow')?.focus()
    else if (frames > 1) keepFocusInApp(frames - 1)
  })
}
/** How many frames keepFocusInApp watches the focus after a change (about a sixth of a second). */
const FOCUS_WATCH_FRAMES = 10
