/** Small wording helpers shared by the platform, parent-partition and limit rules' messages. */
import { CHECKPOINT_HYPERVISORS, type ExchangeRole, type GuestOs } from '../model/enums.ts'
import { EXCHANGE_ROLE_LABELS, GUEST_OS_LABELS, HYPERVISOR_LABELS } from '../model/labels.ts'
import type { Host } from '../model/plan.ts'

/** "a", "a and b", "a, b and c" (or "a or b" with `or`). */
export function joinAnd(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  const last = items.length - 1
  if (last < 0) return ''
  let text = items[0]!
  for (let i = 1; i < last; i++) text += `, ${items[i]}`
  return last === 0 ? text : `${text} ${conjunction} ${items[last]}`
}

/** "Mailbox", "Client Access and Hub Transport": the names of Exchange roles, joined. */
export const roleLabels = (roles: readonly ExchangeRole[]): string => joinAnd(roles.map((role) => EXCHANGE_ROLE_LABELS[role]))

/** "text" → "Text". */
export const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)

/** One formatter for every number: toLocaleString sets one up at each call, 30 times slower. */
const THOUSANDS = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 })

/** "999", "1,200", "2,040.04": thousands grouped, as everywhere in the findings (Intl only where there is one to group). */
export const thousands = (n: number): string => (Math.abs(n) >= 1000 ? THOUSANDS.format(n) : String(n))

/** "1 VM", "3 VMs", "1,200 VMs". */
export const count = (n: number, noun: string): string => `${thousands(n)} ${noun}${n === 1 ? '' : 's'}`

/**
 * "12 GB", "3.5 GB", "2,040.04 GB", "0.001 GB": two decimals at most (two significant digits below 0.01), so float sums never show as
 * 7.300000000000001 and a size just over a limit never shows as the limit itself; thousands are
 * grouped, as everywhere in the findings.
 */
export function gb(value: number): string {
  // A size under a hundredth of a GB keeps two significant digits: 0.001 GB is not "0 GB".
  if (value !== 0 && Math.abs(value) < 0.005) return `${Number(value.toPrecision(2))} GB`
  return `${thousands(Math.round(value * 100) / 100)} GB`
}

/** Host OS editions by name (labels.ts has no edition labels). */
export const EDITION_NAMES: Record<'standard' | 'enterprise' | 'datacenter' | 'hyper-v-server', string> = {
  standard: 'Standard', enterprise: 'Enterprise', datacenter: 'Datacenter', 'hyper-v-server': 'Hyper-V Server',
}

/**
 * A sum of sizes as the architect would add them: rounded to a millionth, so that 1.1 + 2.2 + 2 is
 * 5.3 and a host of 5.3 GB holds it, where floating point says 5.300000000000001.
 */
export const roundSum = (total: number): number => Math.round(total * 1e6) / 1e6

export const sum = (values: readonly number[]): number => roundSum(values.reduce((total, value) => total + value, 0))

/** A guest OS in a sentence: its label, or "another operating system" for one vexplan does not list. */
export const guestOsName = (os: GuestOs): string => (os === 'other' ? 'another operating system' : GUEST_OS_LABELS[os])

/**
 * Where to take virtual processors from, and what to move, on a host: "from EX01 on HV01 … move it"
 * for one VM, "from the VMs on HV01 … move VMs" for several.
 */
export function vmsOfHost(host: Pick<Host, 'name' | 'vms'>): { from: string; move: string } {
  const only = host.vms.length === 1 ? host.vms[0]! : null
  return only
    ? { from: `from ${only.name} on ${host.name}`, move: `move it to another host` }
    : { from: `from the VMs on ${host.name}`, move: 'move VMs to another host' }
}

/** The host's hypervisor in a sentence: "Windows Server 2008 Hyper-V", "a third-party hypervisor". */
export const hypervisorName = (host: Pick<Host, 'hypervisor'>): string =>
  (host.hypervisor === 'third-party' ? 'a third-party hypervisor' : HYPERVISOR_LABELS[host.hypervisor])

/**
 * "an 8 GB", "an 11 GB", "an 18,500 GB", "a 300 GB": the article a size from `gb` takes when read
 * aloud. Its first group of digits decides: eight…, eleven and eighteen (and their thousands) start
 * with a vowel sound.
 */
export function withArticle(size: string): string {
  const lead = /^\d+/.exec(size)?.[0] ?? ''
  return `${lead.startsWith('8') || lead === '11' || lead === '18' ? 'an' : 'a'} ${size}`
}

const CHECKPOINT_WORDS = ['checkpoint', 'checkpoints'] as const
const SNAPSHOT_WORDS = ['snapshot', 'snapshots'] as const
/** What a host calls a VM's saved points in time, one and many: Hyper-V says checkpoints from Windows Server 2012 R2 on. */
export const snapshotWords = (host: Host): readonly [string, string] =>
  CHECKPOINT_HYPERVISORS.includes(host.hypervisor) ? CHECKPOINT_WORDS : SNAPSHOT_WORDS
