/**
 * The unreadable autosaves this browser keeps aside (store/autosave.ts): listed with the plan, where
 * the user can take each as a file to mend or open elsewhere, or delete it. Shown only when there are any.
 */
import { useState } from 'react'
import { forgetKeptAside, keptAsideSaves, planName, type KeptAside } from '../../../store/autosave.ts'
import { download } from '../../toolbar/file-actions.ts'
import { Section } from './fields.tsx'

/** "Contoso" for a save whose text names its plan, else "Unreadable save 2" (by its place, which stays). */
function savedName(save: KeptAside): string {
  const name = planName(save.text)
  return name !== null && name.trim() !== '' ? `"${name}"` : `Unreadable save ${save.place}`
}

const KEPT_AT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })

export function KeptAsideSaves() {
  const [saves, setSaves] = useState(() => keptAsideSaves())
  if (saves.length === 0) return null
  return (
    <Section title="Kept aside">
      <p className="insp-note">
        {saves.length === 1 ? 'An autosaved plan this browser could not open is' : `${saves.length} autosaved plans this browser could not open are`} kept
        here. Download to mend (or open with a newer vexplan) and import again, or delete.
      </p>
      <ul className="insp-kept">
        {saves.map((save) => {
          const name = savedName(save)
          const file = `vexplan-autosave-unreadable${save.place === 1 ? '' : `-${save.place}`}.json`
          return (
            <li key={save.key}>
              <span title={name}>{name}{save.keptAt ? <small> · kept {KEPT_AT.format(new Date(save.keptAt))}</small> : null}</span>
              <button type="button" className="btn small" aria-label={`Download ${name}`}
                onClick={() => download(new Blob([save.text], { type: 'application/json' }), file)}>Download</button>
              <button type="button" className="btn small" aria-label={`Delete ${name}`}
                onClick={() => { forgetKeptAside(save.key); setSaves(keptAsideSaves()) }}>Delete</button>
            </li>
          )
        })}
      </ul>
    </Section>
  )
}
