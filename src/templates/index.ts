/**
 * The plans offered under "Templates". Each plan file is imported only when it is opened, so the
 * templates cost nothing at start-up; every one goes through the same load path as a user's file.
 */
import { loadPlanValue, type Plan } from '../core/index.ts'

export interface Template {
  id: string
  name: string
  description: string
  load(): Promise<Plan>
}

/** Parses a bundled plan; a template that does not load is a bug in vexplan, so this throws. */
function checked(id: string, json: unknown): Plan {
  const result = loadPlanValue(json)
  if (result.ok) return result.value
  const problems = result.problems.map((problem) => `${problem.path} ${problem.message}`).join('; ')
  throw new Error(`Template "${id}" is not a valid plan: ${problems}`)
}

export const TEMPLATES: readonly Template[] = [
  {
    id: 'seed-reference',
    name: 'Seed article: two-disk host',
    description: 'The article’s own design: Exchange 2007 SP1 with all three roles in one VM, booting from a pass-through disk that also holds the database and logs, backed up from the host.',
    load: async () => checked('seed-reference', (await import('./seed-reference.json')).default),
  },
  {
    id: 'seed-improved',
    name: 'Seed article, improved',
    description: 'What the article recommends: boot, database and logs on their own offline pass-through disks (boot on IDE 0, data on SCSI), a Server Core host and a DPM 2007 agent in the guest.',
    load: async () => checked('seed-improved', (await import('./seed-improved.json')).default),
  },
  {
    id: 'small-office',
    name: 'Small office',
    description: 'One Hyper-V host and one Exchange 2007 SP1 VM with all three roles for about 150 mailboxes, on fixed VHDs kept off the host’s system disk.',
    load: async () => checked('small-office', (await import('./small-office.json')).default),
  },
  {
    id: 'large-organisation',
    name: 'Large organisation',
    description: '6,000 mailboxes: Client Access and Hub Transport VMs spread over three Hyper-V hosts, Mailbox on a physical CCR pair with databases and logs on a Fibre Channel SAN.',
    load: async () => checked('large-organisation', (await import('./large-organisation.json')).default),
  },
  {
    id: 'exchange-2019-dag',
    name: 'Exchange 2019 DAG on Hyper-V',
    description: '3,000 mailboxes on two Exchange 2019 Mailbox VMs in one DAG, one on each node of a Windows Server 2019 Hyper-V cluster with Live Migration: 16 virtual processors on 24 cores and 128 GB each, fixed VHDX on local disks, DPM in the guest.',
    load: async () => checked('exchange-2019-dag', (await import('./exchange-2019-dag.json')).default),
  },
]
