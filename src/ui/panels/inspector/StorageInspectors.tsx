/** Shared storage: an array (SAN or file server) and one of its LUNs or shares. */
import { FILE_PROTOCOLS, PROTOCOL_LABELS, type Lun, type Plan, type StorageArray } from '../../../core/index.ts'
import { choicesOf } from './choices.ts'
import { SelectField } from './choice-fields.tsx'
import { IdField, NumberField, required, Section, setterFor, TextField } from './fields.tsx'
import { GREATER_THAN_0 } from './number-input.ts'

const PROTOCOL_CHOICES = choicesOf(PROTOCOL_LABELS)

export function StorageArrayInspector({ array }: { array: StorageArray }) {
  const set = setterFor(array.id)
  const file = FILE_PROTOCOLS.includes(array.protocol)
  return (
    <Section title="General">
      <TextField label="Name" value={array.name} check={required('Enter a name')} onCommit={(name) => set('name', name)} />
      <IdField value={array.id} />
      <SelectField label="Protocol" value={array.protocol} choices={PROTOCOL_CHOICES} onCommit={(v) => set('protocol', v)} />
      <p className="insp-derived">
        {file ? 'File storage (NAS)' : 'Block storage'} · {array.luns.length} {file ? 'share' : 'LUN'}{array.luns.length === 1 ? '' : 's'}
      </p>
    </Section>
  )
}

export function LunInspector({ lun, plan }: { lun: Lun; plan: Plan }) {
  const set = setterFor(lun.id)
  const users = usersOf(plan, lun.id)
  return (
    <Section title="General">
      <TextField label="Name" value={lun.name} check={required('Enter a name')} onCommit={(name) => set('name', name)} />
      <IdField value={lun.id} />
      <NumberField label="Size" unit="GB" value={lun.sizeGB} rule={GREATER_THAN_0} onCommit={(n) => set('sizeGB', n)} />
      <p className="insp-derived">{users.length === 0 ? 'Not used by any host or guest' : `Used by ${users.join(', ')}`}</p>
    </Section>
  )
}

/** Who reaches this LUN: host disks ("HV1 · Disk 2") and guest-attached virtual disks ("EX01 · DB"). */
function usersOf(plan: Plan, lunId: string): string[] {
  const users: string[] = []
  for (const host of plan.hosts) {
    for (const disk of host.disks) if (disk.lun === lunId) users.push(`${host.name} · ${disk.name}`)
    for (const vm of host.vms) for (const disk of vm.disks) if (disk.backing === lunId) users.push(`${vm.name} · ${disk.name}`)
  }
  return users
}
