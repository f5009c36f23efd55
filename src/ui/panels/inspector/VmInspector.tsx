/** A child partition: guest OS, virtual hardware, Windows roles, network, Exchange and backup. */
import { GUEST_OS_LABELS, STOP_ACTION_LABELS, type Host, type Plan, type Vm } from '../../../core/index.ts'
import { BackupEditor } from './BackupEditor.tsx'
import { choicesOf, guestToolsField, moreVcpusThanHost, sameNameNote, WINDOWS_ROLE_CHOICES } from './choices.ts'
import { CheckField, CheckSet, SelectField } from './choice-fields.tsx'
import { ExchangeEditor } from './ExchangeEditor.tsx'
import { useReactFlow } from '@xyflow/react'
import { moveVm } from '../../canvas/move-vm.ts'
import { revealAfterMove } from '../../canvas/reveal.ts'
import { IdField, NumberField, required, Section, setterFor, TextField } from './fields.tsx'
import { NetworkEditor } from './ListEditors.tsx'
import { GREATER_THAN_0, WHOLE_AT_LEAST_0, WHOLE_AT_LEAST_1 } from './number-input.ts'

const GUEST_OS_CHOICES = choicesOf(GUEST_OS_LABELS)
const STOP_CHOICES = choicesOf(STOP_ACTION_LABELS)

/** The hosts a VM can run on (bare-metal servers run none); the keyboard's way to move a VM. */
const hostChoices = (plan: Plan) =>
  plan.hosts.filter((host) => host.hypervisor !== 'none').map((host) => ({ value: host.id, label: host.name }))

export function VmInspector({ vm, host, plan }: { vm: Vm; host: Host; plan: Plan }) {
  const set = setterFor(vm.id)
  const flow = useReactFlow()
  const tooMany = moreVcpusThanHost(host, vm)
  const sameName = sameNameNote(plan, vm.id, vm.name)
  const tools = guestToolsField(host.hypervisor, vm.integrationComponents)
  // The moved VM is shown where it lands: its new host may be off screen.
  const move = (to: string) => {
    const reveal = revealAfterMove(flow, vm.id)
    const refused = moveVm(vm.id, to)
    if (refused === null && to !== host.id) reveal()
    return refused
  }
  return (
    <>
      <Section title="General">
        <TextField label="Name" value={vm.name} check={required('Enter a name')} onCommit={(name) => set('name', name)} />
        {sameName ? <p className="insp-note">{sameName}</p> : null}
        <IdField value={vm.id} />
        <SelectField label="Host" value={host.id} choices={hostChoices(plan)}
          onCommit={move} />
        <SelectField label="Guest OS" value={vm.guestOs} choices={GUEST_OS_CHOICES} onCommit={(v) => set('guestOs', v)} />
        <SelectField label={tools.label} value={vm.integrationComponents} choices={tools.choices}
          onCommit={(v) => set('integrationComponents', v)} />
        {tools.note && <p className="insp-derived">{tools.note}</p>}
      </Section>
      <Section title="Resources">
        <NumberField label="Virtual processors" unit="vCPUs" value={vm.vcpus} rule={WHOLE_AT_LEAST_1} onCommit={(n) => set('vcpus', n)} />
        {tooMany ? <p className="insp-note">{tooMany}</p> : null}
        <NumberField label="RAM" unit="GB" value={vm.ramGB} rule={GREATER_THAN_0} onCommit={(n) => set('ramGB', n)} />
        <CheckField label="Dynamic memory / memory overcommit" checked={vm.dynamicMemory} onCommit={(on) => set('dynamicMemory', on)} />
        <NumberField label="Snapshots" value={vm.snapshots} rule={WHOLE_AT_LEAST_0} onCommit={(n) => set('snapshots', n)} />
        <SelectField label="Stop action" value={vm.stopAction} choices={STOP_CHOICES} onCommit={(v) => set('stopAction', v)} />
      </Section>
      <Section title="Windows">
        <CheckSet label="Windows roles" values={vm.roles} choices={WINDOWS_ROLE_CHOICES} onCommit={(roles) => set('roles', roles)} />
      </Section>
      <NetworkEditor network={vm.network} onCommit={(network) => set('network', network)} />
      <ExchangeEditor install={vm.exchange} server={vm.id} set={set} field="exchange" />
      <BackupEditor backup={vm.backup} set={set} field="backup" hypervisor={host.hypervisor} />
    </>
  )
}
