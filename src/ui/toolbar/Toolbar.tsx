import { useRef, useState, type KeyboardEvent } from 'react'
import { useReactFlow } from '@xyflow/react'
import { savePlan } from '../../core/index.ts'
import { ownPlanAside, useEditor } from '../../store/editor-store.ts'
import { useFindings } from '../../store/findings.ts'
import { emptyPlan } from '../../store/empty-plan.ts'
import { Dialog } from '../dialogs/Dialog.tsx'
import { showProblems } from '../dialogs/problem-report.ts'
import { TemplatesDialog } from '../dialogs/TemplatesDialog.tsx'
import { preloadLayoutEngine } from '../canvas/auto-layout.ts'
import { useFitPlan } from '../open-plan.ts'
import { ExportActions } from './ExportActions.tsx'
import { importAndReport } from './file-actions.ts'
import './toolbar.css'
import { MOD_KEY } from '../keys.ts'


/**
 * Arrow keys, Home and End move along the toolbar's buttons, as a toolbar's role promises; Tab still
 * stops on each of them too. Keys pressed in a dialog the toolbar opened are the dialog's.
 */
function moveAlongToolbar(event: KeyboardEvent<HTMLDivElement>) {
  const keys = ['ArrowRight', 'ArrowLeft', 'Home', 'End']
  const target = event.target
  if (!keys.includes(event.key) || !(target instanceof HTMLButtonElement) || target.closest('dialog, [role="dialog"]')) return
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button:not(:disabled)')].filter((button) => !button.closest('dialog, [role="dialog"]'))
  const at = buttons.indexOf(target)
  if (at < 0) return
  event.preventDefault()
  const next = event.key === 'Home' ? 0 : event.key === 'End' ? buttons.length - 1
    : (at + (event.key === 'ArrowRight' ? 1 : -1) + buttons.length) % buttons.length
  buttons[next]!.focus()
}

export function Toolbar() {
  const canUndo = useEditor((s) => s.past.length > 0)
  const canRedo = useEditor((s) => s.future.length > 0)
  const planName = useEditor((s) => s.plan.name)
  const isEmpty = useEditor((s) => s.plan.hosts.length === 0 && s.plan.storage.length === 0)
  // While a linked plan is shown, a new plan replaces the user's own saved plan, which is put aside.
  const ownName = useEditor(ownPlanAside)
  const { summary } = useFindings()
  const fit = useFitPlan()
  const flow = useReactFlow()
  const [confirmNew, setConfirmNew] = useState(false)
  const [templates, setTemplates] = useState(false)
  const fileInput = useRef<HTMLInputElement>(null)

  const redoButton = useRef<HTMLButtonElement>(null)
  const undoButton = useRef<HTMLButtonElement>(null)
  // The last undo disables its button, which would drop the focus to the page: it goes to Redo,
  // and the other way round.
  const step = (direction: 'undo' | 'redo') => {
    const editor = useEditor.getState()
    if (direction === 'undo') editor.undo()
    else editor.redo()
    const { past, future } = useEditor.getState()
    const emptied = direction === 'undo' ? past.length === 0 : future.length === 0
    if (emptied) requestAnimationFrame(() => (direction === 'undo' ? redoButton : undoButton).current?.focus())
  }

  const startNew = () => {
    // A plan that is already new stays as it is: no undo step that changes nothing.
    const { plan, origin } = useEditor.getState()
    const alreadyNew = isEmpty && savePlan(plan) === savePlan(emptyPlan())
    if (origin === 'link' || !alreadyNew) useEditor.getState().open(emptyPlan())
    // The last plan's zoom, fitted to a whole estate, would leave what is built next too small to read.
    void flow.zoomTo(1)
    useEditor.getState().announce('Started a new, empty plan')
    setConfirmNew(false)
  }

  return (
    <header className="toolbar">
      <h1 className="brand">
        <span className="brand-mark" aria-hidden>▤</span>
        <span className="brand-name">vexplan</span>
      </h1>
      <span className="plan-name" title={planName}>{planName}</span>
      {/* The banner holds the brand and the plan's name; the toolbar, the controls. */}
      <div className="toolbar-controls" role="toolbar" aria-label="Toolbar" onKeyDown={moveAlongToolbar}>
        <div className="tool-group">
          <button type="button" className="btn" onClick={() => (isEmpty && ownName === null ? startNew() : setConfirmNew(true))}>New plan</button>
          <button type="button" className="btn" onClick={() => setTemplates(true)}>Templates</button>
          {/* A file without a layout is laid out by elkjs: loaded while the file is chosen. */}
          <button type="button" className="btn" onClick={() => { preloadLayoutEngine(); fileInput.current?.click() }}>Import</button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json,.png,image/png"
            hidden
            onChange={async (event) => {
              const file = event.target.files?.[0]
              event.target.value = ''
              if (file) await importAndReport([file], fit)
            }}
          />
        </div>
        <ExportActions />
        <div className="tool-group">
          <button ref={undoButton} type="button" className="btn" disabled={!canUndo} onClick={() => step('undo')} aria-keyshortcuts="Control+Z Meta+Z" title={`Undo (${MOD_KEY}Z)`}>Undo</button>
          <button ref={redoButton} type="button" className="btn" disabled={!canRedo} onClick={() => step('redo')} aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z" title={`Redo (${MOD_KEY}Shift+Z)`}>Redo</button>
        </div>
        <div className="totals" role="status" aria-label="Finding totals">
          <span className={`total error${summary.error === 0 ? ' zero' : ''}`} title="Errors: Microsoft does not support it"><span aria-hidden>✖</span> <span className="total-count">{summary.error}</span> <span className="total-word">{summary.error === 1 ? 'error' : 'errors'}</span></span>
          <span className={`total warning${summary.warning === 0 ? ' zero' : ''}`} title="Warnings: risky or against a recommendation"><span aria-hidden>▲</span> <span className="total-count">{summary.warning}</span> <span className="total-word">{summary.warning === 1 ? 'warning' : 'warnings'}</span></span>
          <span className={`total info${summary.info === 0 ? ' zero' : ''}`} title="Info: best practice and context"><span aria-hidden>ℹ</span> <span className="total-count">{summary.info}</span> <span className="total-word">info</span></span>
        </div>
        <Dialog
          title="Start a new plan?"
          describe
          open={confirmNew}
          onClose={() => setConfirmNew(false)}
          actions={<>
            <button type="button" className="btn" onClick={() => setConfirmNew(false)} autoFocus>Cancel</button>
            <button type="button" className="btn primary" onClick={startNew}>Discard and start new</button>
          </>}
        >
          {ownName === null
            ? <p>The current plan “{planName}” will be replaced by an empty one. You can still undo this.</p>
            : <p>Your own plan “{ownName}”, saved in this browser, will be replaced by an empty one, and “{planName}”, opened from a link, is not kept. You can still undo this.</p>}
        </Dialog>
        <TemplatesDialog open={templates} onClose={() => setTemplates(false)} onOpened={fit} onProblems={(report) => showProblems({ title: 'This template cannot be opened', ...report })} />
      </div>
    </header>
  )
}
