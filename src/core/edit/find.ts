/**
 * Finding entities by what the architect calls them: "EX14", "ex14 logs", "san lun 3". On an estate
 * of hundreds of VMs the canvas draws only what is in view, so the browser's own find cannot.
 */
import { DISK_KIND_LABELS, EXCHANGE_CLUSTER_KIND_LABELS, EXCHANGE_ROLE_LABELS, HYPERVISOR_LABELS } from '../model/labels.ts'
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
  const ranked: { match: EntityMatch; rank: number; order: number }[] = []
  const consider = (id: string, kind: EntityKind, name: string, label: string, runs = '') => {
    const lowerName = name.toLowerCase()
    const rest = `${id}\n${label}\n${runs}`.toLowerCase()
    const rank = lowerName === text || id.toLowerCase() === text ? 0
      : lowerName.startsWith(text) ? 1
        : words.every((word) => lowerName.includes(word)) ? 2
          : words.every((word) => lowerName.includes(word) || rest.includes(word)) ? 3
            : -1
    if (rank >= 0) ranked.push({ match: { id, kind, name, label }, rank, order: ranked.length })
  }
  for (const host of plan.hosts) {
    consider(host.id, 'host', host.name, host.hypervisor === 'none' ? 'Bare-metal server' : 'Host',
      `${HYPERVISOR_LABELS[host.hypervisor]}\n${host.cluster ?? ''}\n${runs(host.parent.exchange)}`)
    for (const disk of host.disks) consider(disk.id, 'physical-disk', disk.name, `Physical disk of ${host.name}`)
    for (const vm of host.vms) {
      consider(vm.id, 'vm', vm.name, `Virtual machine on ${host.name}`, runs(vm.exchange))
      for (const disk of vm.disks) consider(disk.id, 'virtual-disk', disk.name, `${DISK_KIND_LABELS[disk.kind]} of ${vm.name}`)
    }
  }
  for (const array of plan.storage) {
    consider(array.id, 'storage-array', array.name, 'Storage array')
    for (const lun of array.luns) consider(lun.id, 'lun', lun.name, `LUN of ${array.name}`)
  }
  ranked.sort((a, b) => a.rank - b.rank || a.order - b.order)
  return { matches: ranked.slice(0, limit).map(({ match }) => match), total: ranked.length }
}

/** What a server runs, as words to find it by: its Exchange roles and cluster. */
function runs(exchange: ExchangeInstall | null): string {
  if (!exchange) return ''
  const cluster = exchange.cluster ? `${EXCHANGE_CLUSTER_KIND_LABELS[exchange.cluster.kind]} ${exchange.cluster.kind} ${exchange.cluster.id}` : ''
  return `exchange ${exchange.version}\n${exchange.roles.map((role) => EXCHANGE_ROLE_LABELS[role]).join('\n')}\n${cluster}`
}
