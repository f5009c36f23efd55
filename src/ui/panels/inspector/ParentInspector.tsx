/**
 * A host's own operating system: the parent partition of a Hyper-V host, or the only OS of a
 * bare-metal server. Its fields live under `parent.` on the host.
 */
import {
  capitalize, EDITION_LABELS, hypervisorName, INSTALLATION_LABELS, isHyperVHypervisor, type Host,
} from '../../../core/index.ts'
import { hasWindowsHostOs } from '../../host-os.ts'
import { BackupEditor } from './BackupEditor.tsx'
import { choicesOf, editionNote, WINDOWS_ROLE_CHOICES } from './choices.ts'
import { CheckSet, SelectField } from './choice-fields.tsx'
import { ExchangeEditor } from './ExchangeEditor.tsx'
import { Section, setterFor } from './fields.tsx'
import { ApplicationsEditor } from './ListEditors.tsx'

const EDITION_CHOICES = choicesOf(EDITION_LABELS)
const INSTALLATION_CHOICES = choicesOf(INSTALLATION_LABELS)

/** What an empty list of applications means on this host's own OS. */
function noApplications(host: Host): string {
  if (host.hypervisor === 'none') return `None: ${host.name} runs no application besides Windows${host.parent.exchange ? ' and Exchange' : ''}.`
  if (isHyperVHypervisor(host.hypervisor)) return 'None: the parent partition runs only Hyper-V.'
  return hasWindowsHostOs(host.hypervisor) ? `None: the host OS runs only ${hypervisorName(host)}.` : 'None.'
}

export function ParentInspector({ host }: { host: Host }) {
  const set = setterFor(host.id)
  const parent = host.parent
  return (
    <>
      {hasWindowsHostOs(host.hypervisor) ? null : (
        <p className="insp-note">{capitalize(hypervisorName(host))} runs on the hardware itself: {host.name} has no Windows host OS, so these fields count only if its hypervisor changes.</p>
      )}
      <Section title="Operating system">
        <SelectField label="Windows Server edition" value={parent.edition} choices={EDITION_CHOICES} onCommit={(v) => set('parent.edition', v)} />
        {editionNote(host) ? <p className="insp-note">{editionNote(host)}</p> : null}
        <SelectField label="Installation" value={parent.installation} choices={INSTALLATION_CHOICES}
          onCommit={(v) => set('parent.installation', v)} />
        <CheckSet label="Windows roles" values={parent.roles} choices={WINDOWS_ROLE_CHOICES} onCommit={(roles) => set('parent.roles', roles)} />
      </Section>
      <ApplicationsEditor applications={parent.applications} none={noApplications(host)} onCommit={(apps) => set('parent.applications', apps)} />
      <ExchangeEditor install={parent.exchange} server={`parent:${host.id}`} set={set} field="parent.exchange" />
      <BackupEditor backup={parent.backup} set={set} field="parent.backup" ownOs={host} />
    </>
  )
}
