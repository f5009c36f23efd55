/**
 * Finding entities by what the architect calls them: "EX14", "ex14 logs", "san lun 3". On an estate
 * of hundreds of VMs the canvas draws only what is in view, so the browser's own find cannot.
 */
import { DISK_KIND_LABELS, EXCHANGE_CLUSTER_KIND_LABELS, EXCHANGE_ROLE_LABELS, HYPERVISOR_LABELS, lunLabel } from '../model/labels.ts'
import type { ExchangeInstall, Plan } from '../model/plan.ts'
import type { EntityKind } from './locate.ts'

export interface EntityMatch {
  id: string
  kind: EntityKind
  name: string
  /** What it is and where, as the Inspector says it: "Virtual machine on HV01", "Fixed VHD of EX01". */
  label: string
}

export interface EntityMatches {
  matches: EntityMatch[]
  /** Every entity that matched, `matches` being the best `limit` of them. */
  total: number
}

/**
 * Entities whose name, id, label or what they run hold every word of `query` (any case), best
 * first: the name or id itself, then a name that starts with the query, then names holding every
 * word, then the rest; plan order within each. What a server runs is its Exchange roles and
 * cluster ("mailbox", "dag1"), a host's also its hypervisor and host cluster.
 */
export function findEntities(plan: Plan, query: string, limit = 10): EntityMatches {
  const text = query.trim().toLowerCase()
  if (!text) return { matches: [], total: 0 }
  const words = text.split(/\s+/)
  const ranked: { entry: Entry; rank: number; order: number }[] = []
  for (const entry of entriesOf(plan)) {
    const { lowerName, lowerId, rest } = entry
    const rank = lowerName === text || lowerId === text ? 0
      : lowerName.startsWith(text) ? 1
        : words.every((word) => lowerName.includes(word)) ? 2
          : words.every((word) => lowerName.includes(word) || rest.includes(word)) ? 3
            : -1
    if (rank >= 0) ranked.push({ entry, rank, order: ranked.length })
  }
  ranked.sort((a, b) => a.rank - b.rank || a.order - b.order)
  return { matches: ranked.slice(0, limit).map(({ entry }) => entry.match), total: ranked.length }
}

/** One entity as the search reads it: its match, and its texts in lower case, made once per plan. */
interface Entry { match: EntityMatch; lowerName: string; lowerId: string; rest: string }

/** Each plan's entries, made on its first search: a big plan's every keystroke then only compares. */
const entriesByPlan = new WeakMap<Plan, Entry[]>()

function entriesOf(plan: Plan): Entry[] {
  const known = entriesByPlan.get(plan)
  if (known) return known
  const entries: Entry[] = []
  const add = (id: string, kind: EntityKind, name: string, label: string, runs = '') => {
    entries.push({ match: { id, kind, name, label }, lowerName: name.toLowerCase(), lowerId: id.toLowerCase(), rest: `${id}\n${label}\n${runs}`.toLowerCase() })
  }
  for (const host of plan.hosts) {
    add(host.id, 'host', host.name, host.hypervisor === 'none' ? 'Bare-metal server' : 'Host',
      `${HYPERVISOR_LABELS[host.hypervisor]}\n${host.cluster ?? ''}\n${runs(host.parent.exchange)}`)
    for (const disk of host.disks) add(disk.id, 'physical-disk', disk.name, `Physical disk of ${host.name}`)
    for (const vm of host.vms) {
      add(vm.id, 'vm', vm.name, `Virtual machine on ${host.name}`, runs(vm.exchange))
      for (const disk of vm.disks) add(disk.id, 'virtual-disk', disk.name, `${DISK_KIND_LABELS[disk.kind]} of ${vm.name}`)
    }
  }
  for (const array of plan.storage) {
    add(array.id, 'storage-array', array.name, 'Storage array')
    for (const lun of array.luns) add(lun.id, 'lun', lun.name, `${lunLabel(array.protocol)} of ${array.name}`)
  }
  entriesByPlan.set(plan, entries)
  return entries
}

/** What a server runs, as words to find it by: its Exchange roles and cluster. */
function runs(exchange: ExchangeInstall | null): string {
  if (!exchange) return ''
  const cluster = exchange.cluster ? `${EXCHANGE_CLUSTER_KIND_LABELS[exchange.cluster.kind]} ${exchange.cluster.kind} ${exchange.cluster.id}` : ''
  return `exchange ${exchange.version}\n${exchange.roles.map((role) => EXCHANGE_ROLE_LABELS[role]).join('\n')}\n${cluster}`
}
