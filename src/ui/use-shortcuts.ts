import { useEffect } from 'react'
import { useReactFlow } from '@xyflow/react'
import { useEditor } from '../store/editor-store.ts'
import { showShortcuts } from './dialogs/ShortcutsDialog.tsx'
import { duplicateSelection } from './duplicate-selection.ts'
import { keepFocusInApp } from './focus.ts'
import { focusNextRegion } from './regions.ts'
import { removeSelection } from './remove-selection.ts'

/** Fields with their own undo and their own use of Delete: text, not checkboxes or selects. */
const TEXT_TYPES = new Set(['text', 'number', 'search', 'email', 'url', 'tel', 'password'])
const isTextInput = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || target.tagName === 'TEXTAREA'
    || (target instanceof HTMLInputElement && TEXT_TYPES.has(target.type)))

/** An inspector field whose text the plan holds (fields.tsx, undoesPlan): undo there is the plan's. */
const undoesPlan = (target: EventTarget | null) => target instanceof HTMLElement && target.dataset.undo === 'plan'

const onCanvas = (target: EventTarget | null) => target instanceof Element && target.closest('.react-flow') !== null
const onCanvasOrNowhere = (target: EventTarget | null) => target === document.body || target === document.documentElement || onCanvas(target)
/**
 * Where Escape clears the selection: the canvas, the palette, the toolbar and the findings list (not
 * its filter, a text field). Not the Inspector, which shows the selection: clearing it would take
 * away the field the focus is on, and Escape there takes back a choice not yet applied.
 */
const clearsSelection = (target: EventTarget | null) =>
  onCanvasOrNowhere(target) || (target instanceof Element && target.closest('.palette, .toolbar, .findings') !== null)

/**
 * Ctrl/Cmd+Z undo, Shift+Ctrl/Cmd+Z (or Ctrl+Y) redo, Delete/Backspace removes the selection,
 * Ctrl/Cmd+D duplicates the selected VM or host, Ctrl/Cmd+F or / goes to "Find on canvas", ?
 * lists them all (ShortcutsDialog.SHORTCUTS, kept in step with this). F6 and Shift+F6 move between the
 * toolbar, palette, canvas, inspector and findings.
 */
export function useShortcuts() {
  const flow = useReactFlow()
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'F6' && !document.querySelector('dialog[open]')) {
        // From anywhere, a text field too: F6 types nothing.
        event.preventDefault()
        focusNextRegion(event.shiftKey)
        return
      }
      if (document.querySelector('dialog[open]')) return
      const mod = event.ctrlKey || event.metaKey
      const key = event.key.toLowerCase()
      // Ctrl+D and Ctrl+F edit no text, so they work from a text field too (the find box, a name);
      // every other key there is the field's own (its undo, its Delete, a typed "/" or "?").
      const anywhere = mod && !event.shiftKey && (key === 'd' || key === 'f')
      // In a field whose typing is already a step of the plan's history, undo and redo are that history's.
      const history = mod && (key === 'z' || key === 'y') && undoesPlan(event.target)
      if (isTextInput(event.target) && !anywhere && !history) return
      if (mod && key === 'z') {
        event.preventDefault()
        if (event.shiftKey) useEditor.getState().redo()
        else useEditor.getState().undo()
        keepFocusInApp()
      } else if (mod && key === 'y') {
        event.preventDefault()
        useEditor.getState().redo()
        keepFocusInApp()
      } else if (mod && key === 'd' && !event.shiftKey) {
        // The app takes Ctrl+D from the browser (which would bookmark the page), as drawing tools do.
        event.preventDefault()
        if (duplicateSelection(flow)) keepFocusInApp()
      } else if ((mod && key === 'f' && !event.shiftKey) || (event.key === '/' && !mod)) {
        // The browser's find cannot reach what a big plan leaves undrawn; the app's own can.
        const find = document.querySelector<HTMLInputElement>('input[aria-label="Find on canvas"]')
        if (!find) return
        event.preventDefault()
        find.focus()
        find.select()
      } else if (event.key === '?' && !mod) {
        event.preventDefault()
        showShortcuts()
      } else if ((event.key === 'Delete' || event.key === 'Backspace') && !mod) {
        // Only where the selection is what the key means: on the canvas. On a button of the
        // inspector, the toolbar or the findings, or with the focus lost to the page (after a button
        // that removed itself), it must not delete a whole VM.
        if (useEditor.getState().selection && onCanvas(event.target)) {
          event.preventDefault()
          removeSelection()
        }
      } else if (event.key === 'Escape' && clearsSelection(event.target)) {
        useEditor.getState().clearSelection()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [flow])
}
