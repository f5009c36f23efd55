import { useEffect } from 'react'
import { useEditor } from '../store/editor-store.ts'
import { removeSelection } from './remove-selection.ts'

const isTextInput = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))

/** Ctrl/Cmd+Z undo, Shift+Ctrl/Cmd+Z (or Ctrl+Y) redo, Delete/Backspace removes the selection. */
export function useShortcuts() {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTextInput(event.target) || document.querySelector('dialog[open]')) return
      const mod = event.ctrlKey || event.metaKey
      const key = event.key.toLowerCase()
      if (mod && key === 'z') {
        event.preventDefault()
        if (event.shiftKey) useEditor.getState().redo()
        else useEditor.getState().undo()
      } else if (mod && key === 'y') {
        event.preventDefault()
        useEditor.getState().redo()
      } else if ((event.key === 'Delete' || event.key === 'Backspace') && !mod) {
        if (useEditor.getState().selection) {
          event.preventDefault()
          removeSelection()
        }
      } else if (event.key === 'Escape') {
        useEditor.getState().select(null)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}
