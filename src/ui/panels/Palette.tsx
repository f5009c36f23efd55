import type { DragEvent, KeyboardEvent, MouseEvent } from 'react'
import { useReactFlow, type ReactFlowInstance } from '@xyflow/react'
import { isTopLevelKind, PALETTE, placeItem, type PaletteKind } from '../../core/index.ts'
import { useEditor } from '../../store/editor-store.ts'
import { addItem, PALETTE_MIME, targetOfSelection } from '../canvas/drop.ts'
import { revealWhenDrawn } from '../canvas/reveal.ts'
import { usePanels } from '../panel-visibility.ts'
import { HideButton, RailButton } from '../PanelToggle.tsx'
import './palette.css'

const GROUPS = ['Servers', 'Disks', 'Storage', 'Exchange roles'] as const

const onDragStart = (kind: PaletteKind) => (event: DragEvent<HTMLButtonElement>) => {
  event.dataTransfer.setData(PALETTE_MIME, kind)
  event.dataTransfer.effectAllowed = 'copy'
}

/**
 * Click or Enter adds the item to the selected container; hosts, servers and arrays go on the
 * canvas whatever is selected. The canvas then shows the new item if it landed out of view.
 */
function activate(kind: PaletteKind, button: HTMLElement, flow: ReactFlowInstance) {
  const rect = button.getBoundingClientRect()
  const notifyAt = { x: rect.right + 12, y: rect.top + rect.height / 2 }
  const state = useEditor.getState()
  if (!isTopLevelKind(kind) && state.selection === null) {
    // Nothing selected to add it to: say where it goes and what to do, not just where it goes.
    const placement = placeItem(state.plan, kind, { kind: 'canvas' })
    if (!placement.ok) {
      state.notify(`${placement.reason}: select one on the canvas first, then add it again`, notifyAt)
      return
    }
  }
  const target = isTopLevelKind(kind) ? { kind: 'canvas' as const } : targetOfSelection(state.selection)
  if (!addItem(kind, target, null, notifyAt)) return
  const added = useEditor.getState().selection
  if (added) revealWhenDrawn(flow, added.id, document.querySelector('.react-flow'))
}

/** The key that moves focus among the palette's buttons, and where to: by one, or to either end. */
const MOVES: Record<string, (at: number, last: number) => number> = {
  ArrowDown: (at, last) => Math.min(at + 1, last), ArrowRight: (at, last) => Math.min(at + 1, last),
  ArrowUp: (at) => Math.max(at - 1, 0), ArrowLeft: (at) => Math.max(at - 1, 0),
  Home: () => 0, End: (_, last) => last,
}

/**
 * Arrow keys, Home and End move focus from button to button, so a keyboard user reaches the ninth
 * item without nine Tabs (and without Enter adding what they pass). Every button stays a Tab stop.
 */
function onPaletteKeyDown(event: KeyboardEvent<HTMLDivElement>) {
  const move = MOVES[event.key]
  if (!move || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button.palette-item')]
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement)
  if (at === -1) return
  event.preventDefault()
  buttons[move(at, buttons.length - 1)]!.focus()
}

export function Palette() {
  const flow = useReactFlow()
  const shown = usePanels((state) => state.palette)
  const onActivate = (kind: PaletteKind) => (event: MouseEvent<HTMLButtonElement>) => activate(kind, event.currentTarget, flow)
  if (!shown) {
    return (
      // A landmark of its own (all content is in one), named without "Palette": that region is hidden.
      <div className="palette panel-rail" role="region" aria-label="Add items">
        <RailButton panel="palette" name="Show palette" title="Show the palette" chevron="›" label="Palette" />
      </div>
    )
  }
  // The button that hides the palette is outside its region, which holds one button per kind
  // (DESIGN.md): it sits over the region's heading.
  return (
    <div className="palette">
      <HideButton panel="palette" name="Hide palette" title="Hide the palette: more room for the canvas" chevron="‹" className="palette-hide" />
      <section className="palette-region" aria-label="Palette">
        <div className="panel-head"><h2>Palette</h2></div>
        {/* The buttons' own keys, delegated: not a widget of its own, so no role of its own. */}
        <div className="palette-body" onKeyDown={onPaletteKeyDown}>
          {GROUPS.map((group) => (
            <div className="palette-group" key={group} role="group" aria-label={group}>
              <h3>{group}</h3>
              {PALETTE.filter((item) => item.group === group).map((item) => (
                <button
                  key={item.kind}
                  type="button"
                  className={`palette-item pi-${item.kind}`}
                  draggable
                  onDragStart={onDragStart(item.kind)}
                  onClick={onActivate(item.kind)}
                  title={`Drag onto the canvas, or press Enter to add to the selection`}
                >
                  <span className="pi-glyph" aria-hidden />
                  {item.label}
                </button>
              ))}
            </div>
          ))}
          <p className="palette-tip">Drag items onto the canvas or into a container. Enter adds to the selected item; arrow keys move between items.</p>
        </div>
      </section>
    </div>
  )
}
