/**
 * Disks: a host's physical disk (a local spindle or a LUN presented to the host) and a VM's
 * virtual disk (a VHD file, a pass-through disk, or a LUN the guest reaches itself).
 */
import {
  CONTROLLER_LABELS, DISK_CONTENT_LABELS, DISK_KIND_LABELS, gb, HOST_DISK_CONTENTS, VM_DISK_CONTENTS,
  type DiskKind, type Host, type PhysicalDisk, type Plan, type VirtualDisk,
} from '../../../core/index.ts'
import {
  backingChoices, choicesOf, isGuestAttached, kindChangeEdits, kindChangeLosses, lunChoices, NONE, offlineBackingNote, offlineHostDiskNote, type Choice,
} from './choices.ts'
import { useEditor } from '../../../store/editor-store.ts'
import { hostDiskUse } from './disk-use.ts'
import { hostDiskSizeFromLun, virtualDiskSizeFromBacking, type SizeFromBacking } from './disk-size.ts'
import { Facts } from './facts.tsx'
import { CheckField, CheckSet, SelectField } from './choice-fields.tsx'
import { applyEdits, IdField, NumberField, required, Section, setterFor, TextField } from './fields.tsx'
import { GREATER_THAN_0 } from './number-input.ts'

const contentChoices = (values: readonly string[]): Choice[] =>
  values.map((value) => ({ value, label: DISK_CONTENT_LABELS[value as keyof typeof DISK_CONTENT_LABELS] }))
const HOST_CONTENT_CHOICES = contentChoices(HOST_DISK_CONTENTS)
const VM_CONTENT_CHOICES = contentChoices(VM_DISK_CONTENTS)
const KIND_CHOICES = choicesOf(DISK_KIND_LABELS)
const CONTROLLER_CHOICES = choicesOf(CONTROLLER_LABELS)
const GUEST_CONTROLLER_CHOICES = [{ value: NONE, label: 'None (guest initiator or HBA)' }, ...CONTROLLER_CHOICES]

const orNull = (value: string): string | null => (value === NONE ? null : value)

/** What the machine will see of a disk whose size its backing sets, with a button to take that size. */
function SizeNote({ size, onUse }: { size: SizeFromBacking | null; onUse(sizeGB: number): void }) {
  if (!size) return null
  return (
    <p className="insp-note insp-size-note">
      {size.note}{' '}
      <button type="button" className="btn small" onClick={() => onUse(size.sizeGB)}>Use {gb(size.sizeGB)}</button>
    </p>
  )
}

export function PhysicalDiskInspector({ disk, host, plan }: { disk: PhysicalDisk; host: Host; plan: Plan }) {
  const set = setterFor(disk.id)
  const offline = offlineHostDiskNote(host, disk)
  return (
    <>
      <Section title="General">
        <TextField label="Name" value={disk.name} check={required('Enter a name')} onCommit={(name) => set('name', name)} />
        <IdField value={disk.id} />
        <NumberField label="Size" unit="GB" value={disk.sizeGB} rule={GREATER_THAN_0} onCommit={(n) => set('sizeGB', n)} />
        <SizeNote size={hostDiskSizeFromLun(plan, disk)} onUse={(n) => set('sizeGB', n)} />
        <CheckField label="Online in Disk Management" checked={disk.online} onCommit={(on) => set('online', on)} />
        {offline ? <p className="insp-note">{offline}</p> : null}
      </Section>
      <Section title="Storage">
        <SelectField label="LUN" value={disk.lun ?? NONE} choices={[{ value: NONE, label: 'Local disk' }, ...lunChoices(plan)]}
          onCommit={(lun) => set('lun', orNull(lun))} />
        <CheckSet label="Contents" values={disk.contents} choices={HOST_CONTENT_CHOICES} onCommit={(contents) => set('contents', contents)} />
      </Section>
      {host.hypervisor !== 'none' && (
        <Section title="Use">
          <Facts facts={hostDiskUse(plan, host, disk)} />
        </Section>
      )}
    </>
  )
}

export function VirtualDiskInspector({ disk, host, plan }: { disk: VirtualDisk; host: Host; plan: Plan }) {
  const set = setterFor(disk.id)
  const guest = isGuestAttached(disk.kind)
  const offline = offlineBackingNote(host, disk)
  return (
    <>
      <Section title="General">
        <TextField label="Name" value={disk.name} check={required('Enter a name')} onCommit={(name) => set('name', name)} />
        <IdField value={disk.id} />
        <SelectField label="Disk kind" value={disk.kind} choices={KIND_CHOICES}
          onCommit={(kind) => {
            const refused = applyEdits(kindChangeEdits(disk, kind as DiskKind))
            const lost = refused === null ? kindChangeLosses(disk, kind as DiskKind, plan) : null
            if (lost) useEditor.getState().notify(lost, undefined, 'info')
            return refused
          }} />
        <SelectField label="Controller" value={disk.controller ?? NONE} choices={guest ? GUEST_CONTROLLER_CHOICES : CONTROLLER_CHOICES}
          onCommit={(controller) => set('controller', orNull(controller))} />
        <NumberField label="Size" unit="GB" value={disk.sizeGB} rule={GREATER_THAN_0} onCommit={(n) => set('sizeGB', n)} />
        <SizeNote size={virtualDiskSizeFromBacking(plan, host, disk)} onUse={(n) => set('sizeGB', n)} />
      </Section>
      <Section title="Storage">
        <SelectField label={guest ? 'Backing LUN' : 'Backing host disk'} value={disk.backing ?? NONE}
          choices={backingChoices(plan, host, disk)} onCommit={(backing) => set('backing', orNull(backing))} />
        {offline ? <p className="insp-note">{offline}</p> : null}
        <CheckSet label="Contents" values={disk.contents} choices={VM_CONTENT_CHOICES} onCommit={(contents) => set('contents', contents)} />
      </Section>
    </>
  )
}
