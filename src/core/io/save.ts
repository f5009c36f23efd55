import type { Plan } from '../model/plan.ts'

/**
 * Writes a plan in canonical form: every field, in schema order, two-space indentation and a final
 * newline. Plans come from the schema, whose output order is canonical, so load → save is stable.
 * The layout, a map, is written in the plan's order of entities (ids that are whole numbers first,
 * in their order: JSON objects keep such keys so), so that the same plan gives the same bytes however
 * its places were made, and a file kept in a repository diffs by what changed.
 */
export function savePlan(plan: Plan): string {
  return `${JSON.stringify({ ...plan, layout: layoutInPlanOrder(plan) }, null, 2)}\n`
}

/**
 * The layout's entries host by host (the host, its disks, each VM and its disks), then array by
 * array with its LUNs. An entry of no entity, which only a plan not yet checked can have, keeps its
 * place after them.
 */
function layoutInPlanOrder({ hosts, storage, layout }: Plan): Plan['layout'] {
  const entries = new Map(Object.entries(layout))
  const ordered: [string, Plan['layout'][string]][] = []
  const place = (id: string) => {
    const entry = entries.get(id)
    if (entry === undefined) return
    ordered.push([id, entry])
    entries.delete(id)
  }
  for (const host of hosts) {
    place(host.id)
    for (const disk of host.disks) place(disk.id)
    for (const vm of host.vms) {
      place(vm.id)
      for (const disk of vm.disks) place(disk.id)
    }
  }
  for (const array of storage) {
    place(array.id)
    for (const lun of array.luns) place(lun.id)
  }
  ordered.push(...entries)
  // fromEntries defines each key as the object's own, whatever its name.
  return Object.fromEntries(ordered)
}
