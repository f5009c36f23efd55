/**
 * After an action that can remove the focused element (undo, redo, keeping or discarding a linked
 * plan), the keyboard focus goes to the canvas instead of falling to the page.
 */
export function keepFocusInApp(): void {
  requestAnimationFrame(() => {
    const active = document.activeElement
    if (active === null || active === document.body || !active.isConnected) document.querySelector<HTMLElement>('.react-flow')?.focus()
  })
}
