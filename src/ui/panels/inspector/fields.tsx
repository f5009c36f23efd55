/**
 * The inspector's typed fields: a label beside its control in a two-column grid, with an inline
 * error tied to the control (aria-invalid + aria-describedby). Text and number fields keep what
 * the user typed in local state and apply only valid values; when the plan changes under them
 * (undo, redo, a quick fix) they take the plan's value again.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react'
import { capitalize, type Edit, type Plan, type Problem } from '../../../core/index.ts'
import { useEditor } from '../../../store/editor-store.ts'
import { parseNumber, type NumberRule } from './number-input.ts'

/** Applies a change; returns the message to show when the core refuses it, or null. */
export type Commit<T> = (value: T) => string | null

/** The first problem's message, as a sentence. */
export function firstMessage(problems: readonly Problem[] | null): string | null {
  const message = problems?.[0]?.message
  if (message === undefined) return null
  return capitalize(message)
}

/**
 * Applies edits as one undoable step and returns the message of the first problem, if any. A change
 * not typed (a choice, a checkbox) is read out as undo names it; typing is not, at each keystroke.
 */
export const applyEdits = (edits: Edit | Edit[], coalesce?: string): string | null =>
  firstMessage(useEditor.getState().apply(edits, coalesce === undefined ? { say: true } : { coalesce }))

/** True while a text or number field commits what is being typed (see `typed`). */
let typing = false

/**
 * Commits text as it is typed: the keystrokes of one field in quick succession make one undo step.
 * A choice (a select, a checkbox, a list's Add or Remove) is a step of its own however quick.
 */
export function typed<T>(commit: () => T): T {
  typing = true
  try {
    return commit()
  } finally {
    typing = false
  }
}

/** Ends the undo step of a field's typing (left, or confirmed with Enter): the next value typed is a step of its own. */
export const endTyping = () => useEditor.getState().endTyping()
/** Enter confirms what a field holds. */
export const endTypingOnEnter = (event: { key: string }) => { if (event.key === 'Enter') endTyping() }

/** Sets dotted fields of one entity; `prefix` is 'parent.' for a host's parent partition. */
export type Setter = (field: string, value: unknown) => string | null
export const setterFor = (target: string, prefix = ''): Setter =>
  (field, value) => applyEdits({ op: 'set', target, field: prefix + field, value }, typing ? `${target}/${prefix}${field}` : undefined)

/** Refuses blank text with `message` (names must not be empty). */
export const required = (message: string) => (text: string): string | null => (text.trim() === '' ? message : null)

export function Section({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <div className="insp-section">
      <div className="insp-section-head"><h3>{title}</h3>{action}</div>
      {children}
    </div>
  )
}

interface RowProps {
  label: string; id: string; unit?: string; error: string | null; errorId: string; children: ReactNode
  /** A word on what the field did with the input, not an error (a number field left empty keeps its value). */
  note?: string | null
}

/** One label/control pair; the unit is shown after the control and read as part of the label. */
export function Row({ label, id, unit, error, errorId, children, note = null }: RowProps) {
  return (
    <div className="insp-row">
      <label className="insp-label" htmlFor={id}>
        {label}{unit ? <span className="visually-hidden"> ({unit})</span> : null}
      </label>
      <div className="insp-control">
        {unit ? <div className="insp-with-unit">{children}<span className="insp-unit" aria-hidden="true">{unit}</span></div> : children}
        {/* Read out as it appears (a screen reader heard a refusal only by leaving the field and coming back). */}
        <div aria-live="polite">
          {error ? <p className="insp-error" id={errorId}>{error}</p> : note ? <p className="insp-kept" id={errorId}>{note}</p> : null}
        </div>
      </div>
    </div>
  )
}

/**
 * The message of a refused change, shown until the plan changes: a refusal leaves the plan as it
 * was, so once another edit lands the message speaks of a state that is gone.
 */
export function useRefusal(): [string | null, (message: string | null) => void] {
  const plan = useEditor((state) => state.plan)
  const [refusal, setRefusal] = useState<{ message: string; plan: Plan } | null>(null)
  const message = refusal && refusal.plan === plan ? refusal.message : null
  return [message, (next) => setRefusal(next === null ? null : { message: next, plan: useEditor.getState().plan })]
}

/**
 * Marks a text field whose text is what the plan holds: there Ctrl+Z and redo step the plan's
 * history (use-shortcuts), which the field's typing is part of. The browser's own undo would
 * instead replay keystrokes into whichever field last had them, a step the plan never had. A field
 * holding refused or unapplied text keeps the browser's undo, for that text.
 */
export const undoesPlan = (committed: boolean) => ({ 'data-undo': committed ? 'plan' : undefined })

/**
 * Ids for a control and its error message, and the ARIA attributes that tie them together; `note`,
 * a word under the control that is no error (Row's note), describes it too.
 */
export function useFieldIds(error: string | null, note: string | null = null) {
  const id = useId()
  const errorId = `${id}-error`
  const aria = { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': error || note ? errorId : undefined }
  return { id, errorId, aria }
}

/** The typed text of a field, reset to the plan's text when that changes to something else. */
export function useDraft(text: string, agrees: (raw: string) => boolean) {
  const [raw, setRaw] = useState(text)
  const [error, setError] = useState<string | null>(null)
  const [seen, setSeen] = useState(text)
  if (seen !== text) {
    setSeen(text)
    if (!agrees(raw)) {
      setRaw(text)
      setError(null)
    }
  }
  /** Shows the plan's text again, with no error (Escape over refused text). */
  const revert = () => {
    setRaw(text)
    setError(null)
  }
  return { raw, setRaw, error, setError, revert }
}

interface TextFieldProps {
  label: string
  value: string
  onCommit: Commit<string>
  /** Refuses a text before it is applied (e.g. `required('Enter a name')`). */
  check?: (text: string) => string | null
  placeholder?: string
}

/**
 * Text committed as it is typed. No length limit is put on the input itself, which would cut a
 * pasted text without a word: the core refuses a text too long and the field says so, keeping it.
 * Spaces around the text go when the field is left: "Clu A " and "Clu A" are one cluster to a reader.
 */
export function TextField({ label, value, onCommit, check, placeholder }: TextFieldProps) {
  const draft = useDraft(value, (raw) => raw === value)
  const { id, errorId, aria } = useFieldIds(draft.error)
  const change = (text: string) => {
    draft.setRaw(text)
    const refused = check?.(text) ?? null
    draft.setError(refused ?? (text === value ? null : typed(() => onCommit(text))))
  }
  return (
    <Row label={label} id={id} error={draft.error} errorId={errorId}>
      <input
        {...aria} {...undoesPlan(draft.raw === value)} className="insp-input" type="text" value={draft.raw} placeholder={placeholder}
        spellCheck={false} autoComplete="off" onChange={(event) => change(event.target.value)}
        onKeyDown={(event) => {
          // Escape over refused text shows the text the plan keeps again (typed text that was applied stays: Undo takes it back).
          if (event.key === 'Escape' && draft.error !== null) {
            event.stopPropagation()
            draft.revert()
            return
          }
          endTypingOnEnter(event)
        }}
        onBlur={() => {
          if (draft.raw.trim() !== draft.raw) change(draft.raw.trim())
          endTyping()
        }}
      />
    </Row>
  )
}

/** Set while a renamed entity's form is redrawn (it is keyed by the id), to give its ID field the focus back. */
let focusRenamedId = false

/**
 * An entity's plan id, which the plan file, the command line and every reference use. A new one is
 * applied on Enter or when the field is left (not at each keystroke, as every reference follows it),
 * and Escape takes the old one back. The selection, the layout and references follow the new id.
 */
export function IdField({ value }: { value: string }) {
  const draft = useDraft(value, (raw) => raw === value)
  const { id, errorId, aria } = useFieldIds(draft.error)
  const input = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (!focusRenamedId) return
    focusRenamedId = false
    input.current?.focus()
  }, [])
  /**
   * Applies the typed id; `stay` (Enter) keeps the focus in the field. A blur has sent the focus to
   * `onTo`, which the rename may rebuild (the form is keyed by the id): the focus goes to its
   * place in the new form.
   */
  const commit = (stay: boolean, onTo: HTMLElement | null = null) => {
    const next = draft.raw.trim()
    if (next === value) {
      draft.setRaw(value)
      draft.setError(null)
      return
    }
    const state = useEditor.getState()
    const { [value]: place, ...others } = state.layout
    const selection = state.selection?.id === value ? { ...state.selection, id: next } : undefined
    const problems = state.apply({ op: 'rename-id', target: value, id: next }, {
      ...(selection ? { select: selection } : {}),
      ...(place ? { layout: { ...others, [next]: place } } : {}),
    })
    if (problems) {
      draft.setError(firstMessage(problems))
      return
    }
    focusRenamedId = stay
    if (!stay) refocusAfterRebuild(onTo)
    state.announce(`The id is now ${next}; references to it follow`)
  }
  return (
    <Row label="ID" id={id} error={draft.error} errorId={errorId}>
      <input ref={input} {...aria} {...undoesPlan(draft.raw === value)} className="insp-input insp-id" type="text" value={draft.raw} spellCheck={false} autoComplete="off"
        title="The id the plan file, the command line and references use; Enter applies a new one"
        onChange={(event) => { draft.setRaw(event.target.value); draft.setError(null) }}
        onBlur={(event) => commit(false, event.relatedTarget instanceof HTMLElement ? event.relatedTarget : null)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit(true)
          else if (event.key === 'Escape' && draft.raw !== value) {
            event.stopPropagation()
            draft.revert()
          }
        }} />
    </Row>
  )
}

const FOCUSABLE = 'input, select, textarea, button, a[href], [tabindex]:not([tabindex="-1"])'

/**
 * Once an edit has rebuilt part of the page, gives the focus back to `target`, or where it was: the
 * control at its place among its panel's (Tab from the renamed id goes on to the next field), or the
 * panel. Nothing when the focus went nowhere, or is still where it went.
 */
function refocusAfterRebuild(target: HTMLElement | null) {
  if (!target) return
  const panel = target.closest<HTMLElement>('section[aria-label]')
  const at = panel ? Array.from(panel.querySelectorAll<HTMLElement>(FOCUSABLE)).indexOf(target) : -1
  requestAnimationFrame(() => {
    if (target.isConnected) {
      if (document.activeElement !== target && document.activeElement === document.body) target.focus()
      return
    }
    if (!panel?.isConnected || document.activeElement !== document.body) return
    const now = Array.from(panel.querySelectorAll<HTMLElement>(FOCUSABLE))
    ;(now[at] ?? panel).focus()
  })
}

interface NumberFieldProps { label: string; value: number; rule: NumberRule; unit?: string; onCommit: Commit<number> }

export function NumberField({ label, value, rule, unit, onCommit }: NumberFieldProps) {
  const agrees = (raw: string) => {
    const parsed = parseNumber(raw, rule)
    return parsed.ok && parsed.value === value
  }
  const draft = useDraft(String(value), agrees)
  // Said when the field was left empty and shows the plan's value again, until the next keystroke.
  const [kept, setKept] = useState<string | null>(null)
  const { id, errorId, aria } = useFieldIds(draft.error, kept)
  const change = (text: string) => {
    setKept(null)
    draft.setRaw(text)
    const parsed = parseNumber(text, rule)
    if (!parsed.ok) draft.setError(parsed.message)
    else draft.setError(parsed.value === value ? null : typed(() => onCommit(parsed.value)))
  }
  return (
    <Row label={label} id={id} unit={unit} error={draft.error} errorId={errorId} note={kept}>
      <input
        {...aria} {...undoesPlan(agrees(draft.raw))} className="insp-input insp-number" type="text" inputMode={rule.integer ? 'numeric' : 'decimal'}
        value={draft.raw} autoComplete="off" onChange={(event) => change(event.target.value)}
        // Escape, or leaving a field left empty, shows the value the plan keeps again.
        onKeyDown={(event) => {
          if (event.key === 'Escape' && draft.error !== null) { event.stopPropagation(); draft.revert() }
          endTypingOnEnter(event)
        }}
        onBlur={() => {
          if (draft.raw.trim() === '') {
            draft.revert()
            setKept(`Left empty, so it stays ${value.toLocaleString('en-US')}${unit ? ` ${unit}` : ''}`)
          }
          endTyping()
        }}
      />
    </Row>
  )
}
