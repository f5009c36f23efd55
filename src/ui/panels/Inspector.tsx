/**
 * The inspector: labelled controls for every field of the selected entity (plan-format.md), or
 * of the plan itself when nothing is selected. Every change is an edit applied at once through
 * the store, so it is undoable and re-validated like any other.
 */
import type { MouseEvent } from 'react'
import { useReactFlow } from '@xyflow/react'
import { useEditor } from '../../store/editor-store.ts'
import { entityFindings, useFindings, type EntityFindings } from '../../store/findings.ts'
import { duplicateSelection } from '../duplicate-selection.ts'
import { MOD_KEY } from '../keys.ts'
import { removeSelection } from '../remove-selection.ts'
import { subjectOf } from './inspector/subject.tsx'
import './inspector.css'

export function Inspector() {
  const plan = useEditor((state) => state.plan)
  const selection = useEditor((state) => state.selection)
  const findings = useFindings()
  const subject = subjectOf(plan, selection)
  const counts = subject.findingsOf === null ? findings.summary : entityFindings(findings, subject.findingsOf)
  const key = selection ? `${selection.kind}:${selection.id}:${selection.role ?? ''}` : 'plan'
  // A role has its own "Remove role"; a parent partition goes only with its host.
  const deletable = selection !== null && selection.kind !== 'parent-partition' && selection.kind !== 'exchange-role' && subject.findingsOf !== null
  const duplicable = (selection?.kind === 'vm' || selection?.kind === 'host') && subject.findingsOf !== null
  const flow = useReactFlow()
  return (
    <section aria-label="Inspector" className="inspector" tabIndex={-1} onClickCapture={keepFocusInInspector}>
      <div className="panel-head"><h2>Inspector</h2></div>
      {/* Keyed by the selection: a new entity's form starts at its top, and drops what was typed for the last one. */}
      <div className="panel-body" key={key}>
        <header className="insp-head">
          <div className="insp-head-line">
            <div className="insp-kind" title={subject.kind}>{subject.kind}</div>
            {duplicable && (
              <button type="button" className="btn small" onClick={() => duplicateSelection(flow)} aria-label={`Duplicate ${subject.name}`} aria-keyshortcuts="Control+D Meta+D" title={`Duplicate, with its ${selection?.kind === 'host' ? 'disks and VMs' : 'disks and roles'} (${MOD_KEY}D)`}>
                Duplicate
              </button>
            )}
            {deletable && (
              <button type="button" className="btn danger small" onClick={removeSelection} aria-label={`Delete ${subject.name}`} aria-keyshortcuts="Delete" title="Delete, with everything in it (Del); Undo brings it back">
                Delete
              </button>
            )}
          </div>
          <div className="insp-name" title={subject.name}>{subject.name}</div>
          <div className="insp-head-rule" aria-hidden />
        </header>
        <FindingsLine counts={counts} scope={subject.findingsOf === null ? 'in this plan' : 'here'} />
        <div className="insp-form">{subject.body}</div>
      </div>
    </section>
  )
}

function FindingsLine({ counts, scope }: { counts: Pick<EntityFindings, 'error' | 'warning' | 'info'>; scope: string }) {
  const parts = (['error', 'warning', 'info'] as const)
    .filter((severity) => counts[severity] > 0)
    .map((severity) => (
      <span key={severity} className={`insp-count sev-${severity}`}>
        {counts[severity]} {severity === 'info' ? 'info' : `${severity}${counts[severity] === 1 ? '' : 's'}`}
      </span>
    ))
  return (
    <p className="insp-findings">
      {parts.length === 0 ? <span className="insp-count insp-clear">No findings {scope}</span> : <>{parts}<span className="insp-scope">{scope}</span></>}
    </p>
  )
}

/**
 * A button that removes itself (Remove network adapter 2, Install Exchange, Remove Exchange) would
 * drop the keyboard focus to the page. It stays in the Inspector instead: on the first control of the
 * same section, or on the Inspector itself.
 */
function keepFocusInInspector(event: MouseEvent<HTMLElement>) {
  const button = event.target instanceof Element ? event.target.closest('button') : null
  if (!button) return
  const inspector = event.currentTarget
  const at = [...inspector.querySelectorAll('.insp-section')].findIndex((section) => section.contains(button))
  requestAnimationFrame(() => {
    const active = document.activeElement
    if (active && active !== document.body && active.isConnected) return
    const section = at < 0 ? null : inspector.querySelectorAll('.insp-section')[at]
    const next = section?.querySelector<HTMLElement>('button:not(:disabled), select:not(:disabled), input:not(:disabled)')
    ;(next ?? inspector).focus()
  })
}

