/** With nothing selected, the plan itself: its name and the organization-wide facts. */
import { Fragment } from 'react'
import { PLAN_TARGET, type Plan } from '../../../core/index.ts'
import { planCounts } from '../../open-plan.ts'
import { CheckField } from './choice-fields.tsx'
import { KeptAsideSaves } from './KeptAside.tsx'
import { NumberField, required, Section, setterFor, TextField } from './fields.tsx'
import { WHOLE_AT_LEAST_0 } from './number-input.ts'

const set = setterFor(PLAN_TARGET)

export function PlanInspector({ plan }: { plan: Plan }) {
  return (
    <>
      <KeptAsideSaves />
      <Section title="General">
        <TextField label="Plan name" value={plan.name} check={required('Enter a name for the plan')} onCommit={(name) => set('name', name)} />
        <p className="insp-derived">
          {/* Each count whole on its line: joined in one string, "0 storage arrays" broke after its number. */}
          {planCounts(plan, 'virtual machine').map((part, i) => (
            <Fragment key={i}>{i > 0 && ' · '}<span className="nowrap">{part}</span></Fragment>
          ))}
        </p>
      </Section>
      <Section title="Organization">
        <NumberField label="Mailboxes" value={plan.organization.mailboxes} rule={WHOLE_AT_LEAST_0}
          onCommit={(n) => set('organization.mailboxes', n)} />
        <CheckField label="Active Directory" checked={plan.organization.activeDirectory}
          onCommit={(on) => set('organization.activeDirectory', on)} />
      </Section>
      <p className="insp-note">Select an item on the canvas to edit it.</p>
    </>
  )
}

