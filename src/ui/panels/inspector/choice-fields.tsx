/**
 * Fields that pick from the plan format's enumerations, shown in plain words: a select, a
 * checkbox, and a set of checkboxes for a subset (Windows roles, disk contents, Exchange roles).
 * Each applies on change and shows the core's message inline when the change is refused.
 */
import { useId, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react'
import { hasChoice, type Choice, type ChoiceItem } from './choices.ts'
import { Row, useFieldIds, useRefusal, type Commit } from './fields.tsx'

interface SelectFieldProps { label: string; value: string; choices: readonly ChoiceItem[]; onCommit: Commit<string>; unit?: string }

/** Keys that move through a closed select's values (Chromium changes the value at each one). */
const BROWSE_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown'])

/**
 * A choice picked with the mouse applies at once. One reached with the arrow keys (or by typing its
 * first letters) applies on Enter or when the focus leaves, and Escape takes it back: passing
 * through values on the way must not edit the plan at each one (moving a VM to every host, cutting
 * a disk's connection, resetting an update).
 */
export function SelectField({ label, value, choices, onCommit, unit }: SelectFieldProps) {
  const [error, setError] = useRefusal()
  const { id, errorId, aria } = useFieldIds(error)
  const { shown, handlers } = useBrowsedChoice(value, (next) => setError(onCommit(next)))
  // A value the choices do not list (a stale reference) is shown rather than silently replaced.
  const items = hasChoice(choices, shown) ? choices : [...choices, { value: shown, label: `${shown} (not available)` }]
  return (
    <Row label={label} id={id} unit={unit} error={error} errorId={errorId}>
      <select {...aria} className="insp-input" value={shown} title={labelOf(items, shown)} {...handlers}>
        {items.map((item) => ('group' in item
          ? <optgroup key={`group:${item.group}`} label={item.group}>{item.options.map(option)}</optgroup>
          : option(item)))}
      </select>
    </Row>
  )
}

/**
 * The browsing of a select (see SelectField): what it shows, and its handlers. `commit` gets a value
 * only when it differs from `value`.
 */
export function useBrowsedChoice(value: string, commit: (next: string) => void) {
  const [draft, setDraft] = useState<string | null>(null)
  const browsing = useRef(false)
  const apply = (next: string) => {
    setDraft(null)
    if (next !== value) commit(next)
  }
  const onKeyDown = (event: KeyboardEvent<HTMLSelectElement>) => {
    if (event.key === 'Enter') {
      browsing.current = false
      if (draft !== null) {
        event.preventDefault()
        apply(draft)
      }
    } else if (draft !== null && (event.key === 'Escape' || ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'z'))) {
      // Undo takes back the change on screen first, as Escape does: it is not applied yet, and the
      // app's undo would take back the step before it instead.
      if (event.key !== 'Escape') {
        event.preventDefault()
        event.stopPropagation()
      }
      browsing.current = false
      setDraft(null)
    } else if (BROWSE_KEYS.has(event.key) || (event.key.length === 1 && !event.ctrlKey && !event.metaKey)) {
      browsing.current = true
    }
  }
  return {
    shown: draft ?? value,
    handlers: {
      onKeyDown,
      onChange: (event: ChangeEvent<HTMLSelectElement>) => (browsing.current ? setDraft(event.target.value) : apply(event.target.value)),
      onBlur: () => {
        browsing.current = false
        if (draft !== null) apply(draft)
      },
    },
  }
}

/** The label of the choice with this value, for the tooltip of a select too narrow to show it whole. */
function labelOf(items: readonly (Choice | { group: string; options: readonly Choice[] })[], value: string): string | undefined {
  for (const item of items) {
    const found = 'group' in item ? item.options.find((choice) => choice.value === value) : item.value === value ? item : undefined
    if (found) return found.label
  }
  return undefined
}

const option = (choice: Choice) => <option key={choice.value} value={choice.value}>{choice.label}</option>

interface CheckFieldProps { label: string; checked: boolean; onCommit: Commit<boolean> }

/** A checkbox with its label after it, across both columns. */
export function CheckField({ label, checked, onCommit }: CheckFieldProps) {
  const [error, setError] = useRefusal()
  const { id, errorId, aria } = useFieldIds(error)
  return (
    <div className="insp-check-row">
      <label className="insp-check" htmlFor={id}>
        <input {...aria} type="checkbox" checked={checked} onChange={(event) => setError(onCommit(event.target.checked))} />
        <span>{label}</span>
      </label>
      {error ? <p className="insp-error" id={errorId}>{error}</p> : null}
    </div>
  )
}

interface CheckSetProps { label: string; values: readonly string[]; choices: readonly Choice[]; onCommit: Commit<string[]> }

/** A subset of an enumeration: one labelled checkbox per value, in a named group. */
export function CheckSet({ label, values, choices, onCommit }: CheckSetProps) {
  const [error, setError] = useRefusal()
  const groupId = useId()
  const errorId = `${groupId}-error`
  // Toggling keeps the order the plan already has and appends new values, so files do not churn.
  const toggle = (value: string, on: boolean) =>
    setError(onCommit(on ? [...values.filter((v) => v !== value), value] : values.filter((v) => v !== value)))
  return (
    <div className="insp-row">
      <span className="insp-label" id={`${groupId}-label`}>{label}</span>
      <div className="insp-control">
        <div
          role="group" className="insp-checkset" aria-labelledby={`${groupId}-label`}
          aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined}
        >
          {choices.map((choice) => (
            <label key={choice.value} className="insp-check">
              <input type="checkbox" checked={values.includes(choice.value)} onChange={(event) => toggle(choice.value, event.target.checked)} />
              <span>{choice.label}</span>
            </label>
          ))}
        </div>
        {error ? <p className="insp-error" id={errorId}>{error}</p> : null}
      </div>
    </div>
  )
}
