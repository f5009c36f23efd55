/**
 * Lays out the top level of a plan with elkjs (loaded lazily): hosts in a row, the storage arrays
 * they use below them, ordered to keep connections short.
 */
import type { Plan } from '../../core/index.ts'
import type { Layout } from '../../store/history.ts'
import { arraySize, hostSize, SIZE } from './geometry.ts'

export async function autoLayout(plan: Plan): Promise<Layout> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js')
  const elk = new ELK()
  const lunArray = new Map(plan.storage.flatMap((array) => array.luns.map((lun) => [lun.id, array.id] as const)))
  const edges = new Set<string>()
  for (const host of plan.hosts) {
    for (const disk of host.disks) if (disk.lun && lunArray.has(disk.lun)) edges.add(`${host.id}>${lunArray.get(disk.lun)}`)
    for (const vm of host.vms) for (const disk of vm.disks) if (disk.backing && lunArray.has(disk.backing)) edges.add(`${host.id}>${lunArray.get(disk.backing)}`)
  }
  const graph = await elk.layout({
    id: 'plan',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.spacing.nodeNode': String(SIZE.topGap),
      'elk.layered.spacing.nodeNodeBetweenLayers': String(SIZE.topGap * 2),
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    },
    children: [
      ...plan.hosts.map((host) => ({ id: host.id, ...size(hostSize(host)) })),
      ...plan.storage.map((array) => ({ id: array.id, ...size(arraySize(array)) })),
    ],
    edges: [...edges].map((edge, i) => {
      const [source, target] = edge.split('>') as [string, string]
      return { id: `e${i}`, sources: [source], targets: [target] }
    }),
  })
  const layout: Layout = {}
  for (const child of graph.children ?? []) layout[child.id] = { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) }
  return layout
}

const size = (s: { w: number; h: number }) => ({ width: s.w, height: s.h })
