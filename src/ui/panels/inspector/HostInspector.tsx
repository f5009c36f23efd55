/** A physical server: its hardware, the hypervisor it runs and the host cluster it belongs to. */
import { Fragment } from 'react'
import { HYPERVISOR_LABELS, type Host, type Hypervisor, type Plan } from '../../../core/index.ts'
import { useEditor } from '../../../store/editor-store.ts'
import { failoverCapacity, hostCapacity } from './capacity.ts'
import { choicesOf, hostFlags, hypervisorChange, mobilityChoices, sameNameNote } from './choices.ts'
import { Facts } from './facts.tsx'
import { CheckField, SelectField } from './choice-fields.tsx'
import { applyEdits, IdField, NumberField, required, Section, setterFor, TextField } from './fields.tsx'
import { GREATER_THAN_0, WHOLE_AT_LEAST_1 } from './number-input.ts'

const HYPERVISOR_CHOICES = choicesOf(HYPERVISOR_LABELS)
const THREAD_CHOICES = [
  { value: '1', label: '1 (no Hyper-Threading)' },
  { value: '2', label: '2 (Hyper-Threading on)' },
]

export function HostInspector({ host, plan }: { host: Host; plan: Plan }) {
  const set = setterFor(host.id)
  const hw = host.hardware
  const logical = hw.sockets * hw.coresPerSocket * hw.threadsPerCore
  const failover = failoverCapacity(plan, host)
  const sameName = sameNameNote(plan, host.id, host.name)
  return (
    <>
      <Section title="General">
        <TextField label="Name" value={host.name} check={required('Enter a name')} onCommit={(name) => set('name', name)} />
        {sameName ? <p className="insp-note">{sameName}</p> : null}
        <IdField value={host.id} />
      </Section>
      <Section title="Hardware">
        <NumberField label="Sockets" value={hw.sockets} rule={WHOLE_AT_LEAST_1} onCommit={(n) => set('hardware.sockets', n)} />
        <NumberField label="Cores per socket" unit="cores" value={hw.coresPerSocket} rule={WHOLE_AT_LEAST_1}
          onCommit={(n) => set('hardware.coresPerSocket', n)} />
        <SelectField label="Threads per core" value={String(hw.threadsPerCore)} choices={THREAD_CHOICES}
          onCommit={(n) => set('hardware.threadsPerCore', Number(n))} />
        <p className="insp-derived">{logical} logical processor{logical === 1 ? '' : 's'}</p>
        <NumberField label="RAM" unit="GB" value={hw.ramGB} rule={GREATER_THAN_0} onCommit={(n) => set('hardware.ramGB', n)} />
        <CheckField label="x64 processors" checked={hw.x64} onCommit={(on) => set('hardware.x64', on)} />
        <CheckField label="Hardware virtualization (Intel VT / AMD-V)" checked={hw.hardwareVirtualization}
          onCommit={(on) => set('hardware.hardwareVirtualization', on)} />
        <CheckField label="DEP enabled in BIOS (Intel XD / AMD NX)" checked={hw.dep} onCommit={(on) => set('hardware.dep', on)} />
        <CheckField label="Certified (Windows Server Catalog)" checked={hw.certified} onCommit={(on) => set('hardware.certified', on)} />
      </Section>
      {host.hypervisor !== 'none' && (
        <Section title="Capacity">
          <Facts facts={failover ? [...hostCapacity(host), failover] : hostCapacity(host)} />
        </Section>
      )}
      <Section title="Hypervisor">
        <SelectField label="Hypervisor" value={host.hypervisor} choices={HYPERVISOR_CHOICES} onCommit={(v) => {
          const { edits, note, refused: said } = hypervisorChange(host, v as Hypervisor)
          if (said) return said
          const refused = applyEdits(edits)
          if (refused === null && note) useEditor.getState().notify(note, undefined, 'info')
          return refused
        }} />
        {hostFlags(host).map((flag) => (
          <Fragment key={flag.field}>
            <CheckField label={flag.label} checked={host[flag.field]} onCommit={(on) => set(flag.field, on)} />
            {flag.note && <p className="insp-derived">{flag.note}</p>}
          </Fragment>
        ))}
      </Section>
      <Section title="Clustering">
        <TextField label="Host cluster" value={host.cluster ?? ''} placeholder="None"
          onCommit={(cluster) => set('cluster', cluster.trim() === '' ? null : cluster)} />
        <SelectField label="VM mobility" value={host.mobility} choices={mobilityChoices(host.hypervisor, host.mobility)} onCommit={(v) => set('mobility', v)} />
      </Section>
    </>
  )
}
