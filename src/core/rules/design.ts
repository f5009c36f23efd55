/** A.8 Design-level hints from the seed article: information, never errors. */
import type { ExchangeVersion } from '../model/enums.ts'
import { EXCHANGE_VERSION_LABELS } from '../model/labels.ts'
import type { Vm } from '../model/plan.ts'
import { LARGE_ORG_MAILBOXES } from './platform-limits.ts'
import { thousands } from './platform-wording.ts'
import type { VmRef } from '../validate/plan-index.ts'
import { defineRule, type Explanation, type Rule } from './types.ts'

const SECTION = 'A.8 Design-level hints'

export const sizeLikeBareMetal = defineRule({
  id: 'size-like-bare-metal',
  severity: 'info',
  title: 'Size a virtual Exchange server like a physical one',
  section: SECTION,
  source: 'Seed article (Virtual Exchange Servers; Exchange database and Log Files; Conclusion)',
  perHost: true,
  check({ index, report }) {
    for (const ref of index.vms) {
      if (ref.vm.exchange) report(ref.vm.id, ref, explainSizing)
    }
  },
})

const explainSizing = ({ vm, host }: VmRef): Explanation => ({
  related: [host.id],
  message: `${vm.name} is a virtual Exchange server: virtualization adds overhead, never capacity.`,
  fix: `Size ${vm.name}'s processors, memory and disk I/O with the same Exchange guidance as a physical server.`,
})

/**
 * The seed's anecdote is about Exchange 2007; the 2016/2019 Preferred Architecture is all-physical
 * too, and Subscription Edition carries the 2019 guidance on (C.4 treats them together).
 */
const LARGE_ORG_VERSIONS: readonly ExchangeVersion[] = ['2007', '2016', '2019', 'se']

export const largeOrgMailboxOnBareMetal = defineRule({
  id: 'large-org-mailbox-on-bare-metal',
  severity: 'info',
  title: 'Large organizations usually keep the Mailbox role on physical servers',
  section: SECTION,
  source: 'Seed article (Conclusion); Exchange 2019 Preferred Architecture',
  perHost: true,
  check({ index, report }) {
    const mailboxes = index.plan.organization.mailboxes
    if (mailboxes <= LARGE_ORG_MAILBOXES) return
    // One explanation per validation, holding the plan's mailbox count, rather than an object per
    // finding holding it (0.2 MB at 10,000 VMs).
    const explain = (ref: VmRef) => explainLargeOrg(ref, mailboxes)
    for (const ref of index.vms) {
      const exchange = ref.vm.exchange
      if (!exchange?.roles.includes('mailbox') || !LARGE_ORG_VERSIONS.includes(exchange.version)) continue
      report(ref.vm.id, ref, explain)
    }
  },
})

function explainLargeOrg({ vm, host }: VmRef, mailboxes: number): Explanation {
  const version = vm.exchange!.version
  return {
    related: [host.id],
    // Client Access and Hub Transport are roles of 2007 only here; from 2016 they are services of Mailbox.
    message: version === '2007'
      ? `${vm.name} is a virtual Mailbox server in an organization of ${thousands(mailboxes)} mailboxes; deployments above ${thousands(LARGE_ORG_MAILBOXES)} mailboxes usually virtualize Client Access and Hub Transport but keep Mailbox on physical servers.`
      : `${vm.name} is a virtual Mailbox server in an organization of ${thousands(mailboxes)} mailboxes; deployments above ${thousands(LARGE_ORG_MAILBOXES)} mailboxes usually keep Mailbox on physical servers, as Microsoft's Preferred Architecture for ${EXCHANGE_VERSION_LABELS[version]} does.`,
    fix: `Consider running the Mailbox role of ${vm.name} on a physical server.`,
  }
}

export const businessCase = defineRule({
  id: 'business-case',
  severity: 'info',
  title: 'Check the business case before virtualizing Exchange',
  section: SECTION,
  source: 'Seed article (Conclusion)',
  check({ index, reportWords }) {
    // One finding for the plan; it hangs on the first Exchange VM because a plan has no id. The
    // others are counted, then listed into a list made at its length (three lists of them took a
    // millisecond at 10,000 VMs; pushed one by one, the list was copied as it grew: 0.2 MB more).
    let first: Vm | null = null
    let count = 0
    for (const { vm } of index.exchangeServers) {
      if (vm === null) continue
      first ??= vm
      count += 1
    }
    if (first === null) return
    const related = new Array<string>(count - 1)
    let next = 0
    for (const { vm } of index.exchangeServers) if (vm !== null && vm !== first) related[next++] = vm.id
    const others = related.length
    reportWords({
      subject: first.id,
      related,
      message: `This plan virtualizes ${first.name}${others > 0 ? ` and ${others} other Exchange server${others > 1 ? 's' : ''}` : ''}; customers have gone back to bare metal when virtualization did not meet their goals or costs.`,
      fix: 'Check the business goals and the full costs (licences, hardware, operations) of virtualizing Exchange before you commit to this design.',
    })
  },
})

export const DESIGN_RULES: readonly Rule[] = [sizeLikeBareMetal, largeOrgMailboxOnBareMetal, businessCase]
