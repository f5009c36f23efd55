/**
 * Fields that pick from the plan format's enumerations, shown in plain words: a select, a
 * checkbox, and a set of checkboxes for a subset (Windows roles, disk contents, Exchange roles).
 * Each applies on change and shows the core's message inline when the change is refused.
 */
import { useId } from 'react'
import { hasChoice, type Choice, type ChoiceItem } from './choices.ts'
import { Row, useFieldIds, useRefusal, type Commit } from './fields.tsx'

interface SelectFieldProps { label: string; value: string; choices: readonly ChoiceItem[]; onCommit: Commit<string>; unit?: string }

export function SelectField({ label, value, choices, onCommit, unit }: SelectFieldProps) {
  const [error, setError] = useRefusal()
  const { id, errorId, aria } = useFieldIds(error)
  // A value the choices do not list (a stale reference) is shown rather than silently replaced.
  const items = hasChoice(choices, value) ? choices : [...choices, { value, label: `${value} (not available)` }]
  return (
    <Row label={label} id={id} unit={unit} error={error} errorId={errorId}>
      <select {...aria} className="insp-input" value={value} onChange={(event) => setError(onCommit(event.target.value))}>
        {items.map((item) => ('group' in item
          ? <optgroup key={`group:${item.group}`} label={item.group}>{item.options.map(option)}</optgroup>
          : option(item)))}
      </select>
    </Row>
  )
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
