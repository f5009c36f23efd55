/**
 * Lists edited in place: the parent partition's applications and a VM's network adapters. Each
 * row's controls are named by position ("Application 2 name", "Network adapter 1 switch"); the
 * whole list is set as one value, so adding or removing a row is one undoable step.
 */
import {
  APPLICATION_KIND_LABELS, NIC_ADAPTER_LABELS, NIC_SWITCH_LABELS, type Nic, type ParentPartition,
} from '../../../core/index.ts'
import { useBrowsedChoice } from './choice-fields.tsx'
import { choicesOf, type Choice } from './choices.ts'
import { endTyping, endTypingOnEnter, required, Section, typed, undoesPlan, useDraft, useFieldIds, useRefusal, type Commit } from './fields.tsx'

type Application = ParentPartition['applications'][number]

const APP_KIND_CHOICES = choicesOf(APPLICATION_KIND_LABELS)
const ADAPTER_CHOICES = choicesOf(NIC_ADAPTER_LABELS)
const SWITCH_CHOICES = choicesOf(NIC_SWITCH_LABELS)

const replaced = <T,>(list: readonly T[], index: number, item: T): T[] => list.map((old, i) => (i === index ? item : old))
const without = <T,>(list: readonly T[], index: number): T[] => list.filter((_, i) => i !== index)

/** `none` says what an empty list means on this host ("None: the parent partition runs only Hyper-V."). */
export function ApplicationsEditor({ applications, none, onCommit }: { applications: readonly Application[]; none: string; onCommit: Commit<Application[]> }) {
  const [error, setError] = useRefusal()
  const commit = (next: Application[]) => setError(onCommit(next))
  return (
    <Section title="Applications" action={
      <button type="button" className="btn" onClick={() => commit([...applications, { name: 'New application', kind: 'management' }])}>Add application</button>
    }>
      {applications.length === 0 ? <p className="insp-note">{none}</p> : null}
      <ul className="insp-list">
        {applications.length > 0 && <ListHead columns={['Name', 'Kind']} />}
        {applications.map((app, i) => (
          <li key={i} className="insp-list-row">
            <NameInput label={`Application ${i + 1} name`} value={app.name}
              onCommit={(name) => onCommit(replaced(applications, i, { ...app, name }))} />
            <CompactSelect label={`Application ${i + 1} kind`} value={app.kind} choices={APP_KIND_CHOICES}
              onChange={(kind) => commit(replaced(applications, i, { ...app, kind: kind as Application['kind'] }))} />
            <button type="button" className="btn ghost danger insp-remove" aria-label={`Remove application ${i + 1}`}
              title="Remove" onClick={() => commit(without(applications, i))}>×</button>
          </li>
        ))}
      </ul>
      {error ? <p className="insp-error" role="alert">{error}</p> : null}
    </Section>
  )
}

export function NetworkEditor({ network, onCommit }: { network: readonly Nic[]; onCommit: Commit<Nic[]> }) {
  const [error, setError] = useRefusal()
  const commit = (next: Nic[]) => setError(onCommit(next))
  return (
    <Section title="Network" action={
      <button type="button" className="btn" onClick={() => commit([...network, { adapter: 'synthetic', switch: 'external' }])}>Add network adapter</button>
    }>
      {network.length === 0 ? <p className="insp-note">No network adapters.</p> : null}
      <ul className="insp-list">
        {network.length > 0 && <ListHead columns={['Adapter', 'Virtual switch']} />}
        {network.map((nic, i) => (
          <li key={i} className="insp-list-row">
            <CompactSelect label={`Network adapter ${i + 1} type`} value={nic.adapter} choices={ADAPTER_CHOICES}
              onChange={(adapter) => commit(replaced(network, i, { ...nic, adapter: adapter as Nic['adapter'] }))} />
            <CompactSelect label={`Network adapter ${i + 1} switch`} value={nic.switch} choices={SWITCH_CHOICES}
              onChange={(to) => commit(replaced(network, i, { ...nic, switch: to as Nic['switch'] }))} />
            <button type="button" className="btn ghost danger insp-remove" aria-label={`Remove network adapter ${i + 1}`}
              title="Remove" onClick={() => commit(without(network, i))}>×</button>
          </li>
        ))}
      </ul>
      {error ? <p className="insp-error" role="alert">{error}</p> : null}
    </Section>
  )
}

/** The columns' names over a list's rows, for the eye; each control carries its own accessible name. */
function ListHead({ columns }: { columns: readonly string[] }) {
  return (
    <li className="insp-list-row insp-list-head" aria-hidden>
      {columns.map((column) => <span key={column}>{column}</span>)}
    </li>
  )
}

/** A select of a list row: arrow keys browse, Enter or leaving applies (see SelectField). */
function CompactSelect({ label, value, choices, onChange }: { label: string; value: string; choices: readonly Choice[]; onChange: (value: string) => void }) {
  const { shown, handlers } = useBrowsedChoice(value, onChange)
  return (
    <select className="insp-input" aria-label={label} value={shown} title={choices.find((choice) => choice.value === shown)?.label} {...handlers}>
      {choices.map((choice) => <option key={choice.value} value={choice.value}>{choice.label}</option>)}
    </select>
  )
}

/** A list row's name: typed text is kept locally and a blank name is refused, not applied. */
function NameInput({ label, value, onCommit }: { label: string; value: string; onCommit: Commit<string> }) {
  const draft = useDraft(value, (raw) => raw === value)
  const { errorId, aria } = useFieldIds(draft.error)
  const change = (text: string) => {
    draft.setRaw(text)
    draft.setError(required('Enter a name')(text) ?? (text === value ? null : typed(() => onCommit(text))))
  }
  return (
    <div className="insp-list-name">
      <input {...aria} {...undoesPlan(draft.raw === value)} className="insp-input" type="text" aria-label={label} value={draft.raw}
        autoComplete="off" onChange={(event) => change(event.target.value)} onKeyDown={endTypingOnEnter} onBlur={endTyping} />
      <div aria-live="polite">{draft.error ? <p className="insp-error" id={errorId}>{draft.error}</p> : null}</div>
    </div>
  )
}
