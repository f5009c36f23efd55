import { create } from 'zustand'
import { MOD_KEY } from '../keys.ts'
import { Dialog } from './Dialog.tsx'

/** Whether the list of keyboard shortcuts is open: the palette's button and the ? key open it. */
export const useShortcutsHelp = create<{ open: boolean }>(() => ({ open: false }))
export const showShortcuts = (): void => useShortcutsHelp.setState({ open: true })

/** Every key the editor answers to, as the platform writes its modifier (⌘ on a Mac, Ctrl elsewhere). */
export const SHORTCUTS: readonly { keys: string[]; what: string }[] = [
  { keys: [`${MOD_KEY}F`, '/'], what: 'Find a host, VM, disk or LUN on the canvas' },
  { keys: ['F6', 'Shift+F6'], what: 'Go to the next (previous) part: toolbar, palette, canvas, inspector, findings' },
  { keys: ['Tab'], what: 'On the canvas: go to the next node' },
  { keys: ['Enter'], what: 'On a canvas node: select it' },
  { keys: ['Enter'], what: 'On a palette item: add it to the selected container' },
  { keys: [`${MOD_KEY}D`], what: 'Duplicate the selected VM or host' },
  { keys: ['Delete'], what: 'Delete the selected item (on the canvas)' },
  { keys: [`${MOD_KEY}Z`], what: 'Undo' },
  { keys: [`${MOD_KEY}Shift+Z`, 'Ctrl+Y'], what: 'Redo' },
  { keys: ['Esc'], what: 'Clear the selection (anywhere but the Inspector); close a dialog or list' },
  { keys: ['?'], what: 'Show these shortcuts' },
]

export function ShortcutsDialog() {
  const open = useShortcutsHelp((s) => s.open)
  const close = () => useShortcutsHelp.setState({ open: false })
  return (
    <Dialog title="Keyboard shortcuts" open={open} onClose={close} actions={<button type="button" className="btn primary" onClick={close}>Close</button>}>
      <table className="shortcuts">
        <thead><tr><th scope="col">Keys</th><th scope="col">What they do</th></tr></thead>
        <tbody>
          {SHORTCUTS.map(({ keys, what }) => (
            <tr key={what}>
              <td>{keys.map((key, i) => <span key={key}>{i > 0 && ' or '}<kbd>{key}</kbd></span>)}</td>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  )
}
