/**
 * The cross-reference checks plan-format.md requires beyond the schema: ids unique across the plan,
 * every `backing` and `lun` resolving to the right kind of entity, every layout key to an entity,
 * no VMs on a bare-metal host.
 */
import { DISK_KINDS, FILE_DISK_KINDS, GUEST_ATTACHED_KINDS, type DiskKind } from './enums.ts'
import { ID_PATTERN } from './plan.ts'
import { formatPath, type Problem } from './problem.ts'

type Entity = { kind: 'host' | 'physical disk' | 'VM' | 'virtual disk' | 'storage array' | 'LUN'; path: string; hostIndex?: number }

/**
 * The parts of a plan the reference checks read. A Plan is one; so is `referenceView` of a document
 * that failed the schema, whose fields may be missing or of the wrong type.
 */
export interface ReferenceView {
  hosts: readonly {
    id: unknown; name: unknown; hypervisor: unknown
    disks: readonly { id: unknown; lun: unknown }[]
    vms: readonly { id: unknown; disks: readonly { id: unknown; name: unknown; kind: unknown; controller: unknown; backing: unknown }[] }[]
  }[]
  storage: readonly { id: unknown; luns: readonly { id: unknown }[] }[]
  /** Canvas places by entity id: each key refers to an entity. */
  layout?: object
  /** False when part of the document could not be read, so some ids may be missing from it. */
  complete?: boolean
}

const isId = (value: unknown): value is string => typeof value === 'string' && ID_PATTERN.test(value)
const isKind = (value: unknown): value is DiskKind => (DISK_KINDS as readonly unknown[]).includes(value)

/** Returns every reference problem; an empty list means the plan's references are sound. */
export function checkReferences(plan: ReferenceView): Problem[] {
  const problems: Problem[] = []
  const entities = new Map<string, Entity>()
  // An id that is no id at all is the schema's problem; here it is neither claimed nor looked up.
  const claim = (id: unknown, entity: Entity) => {
    if (!isId(id)) return
    const earlier = entities.get(id)
    if (earlier) {
      problems.push({ path: `${entity.path}.id`, message: `"${id}" is already the id of the ${earlier.kind} at ${earlier.path}; every id must be unique across the plan` })
      return
    }
    entities.set(id, entity)
  }

  plan.hosts.forEach((host, h) => {
    claim(host.id, { kind: 'host', path: `hosts[${h}]` })
    host.disks.forEach((disk, d) => claim(disk.id, { kind: 'physical disk', path: `hosts[${h}].disks[${d}]`, hostIndex: h }))
    host.vms.forEach((vm, v) => {
      claim(vm.id, { kind: 'VM', path: `hosts[${h}].vms[${v}]`, hostIndex: h })
      vm.disks.forEach((disk, d) => claim(disk.id, { kind: 'virtual disk', path: `hosts[${h}].vms[${v}].disks[${d}]`, hostIndex: h }))
    })
  })
  plan.storage.forEach((array, s) => {
    claim(array.id, { kind: 'storage array', path: `storage[${s}]` })
    array.luns.forEach((lun, l) => claim(lun.id, { kind: 'LUN', path: `storage[${s}].luns[${l}]` }))
  })

  const hostName = (h: number | undefined) => {
    const name = h === undefined ? undefined : plan.hosts[h]?.name
    return typeof name === 'string' ? name : '?'
  }
  /** A reference that must resolve; to an entity of `kind` where the kind is known (null: any). */
  const expect = (ref: unknown, path: string, kind: Entity['kind'] | null, hostIndex?: number) => {
    if (!isId(ref)) return
    const target = entities.get(ref)
    if (!target) {
      if (plan.complete !== false) problems.push({ path, message: `refers to "${ref}", but no entity has that id` })
    } else if (kind === null) {
      return
    } else if (target.kind !== kind) {
      problems.push({ path, message: `refers to "${ref}", which is a ${target.kind} (${target.path}); it must be a ${kind}` })
    } else if (hostIndex !== undefined && target.hostIndex !== hostIndex) {
      problems.push({ path, message: `refers to "${ref}", a disk of host ${hostName(target.hostIndex)}; a VM on ${hostName(hostIndex)} can only use disks of its own host` })
    }
  }

  plan.hosts.forEach((host, h) => {
    if (host.hypervisor === 'none' && host.vms.length > 0) {
      problems.push({ path: `hosts[${h}].vms`, message: `holds ${host.vms.length === 1 ? 'a VM' : `${host.vms.length} VMs`}, but ${hostName(h)} is a bare-metal server (hypervisor "none"), which runs none; pick a hypervisor for it, or move ${host.vms.length === 1 ? 'the VM' : 'them'} to another host` })
    }
    host.disks.forEach((disk, d) => {
      if (disk.lun !== null) expect(disk.lun, `hosts[${h}].disks[${d}].lun`, 'LUN')
    })
    host.vms.forEach((vm, v) => vm.disks.forEach((disk, d) => {
      const path = `hosts[${h}].vms[${v}].disks[${d}]`
      // A disk of no known kind may still name a backing that does not exist: say so as well.
      if (!isKind(disk.kind)) return expect(disk.backing, `${path}.backing`, null)
      const guestAttached = GUEST_ATTACHED_KINDS.includes(disk.kind)
      if (disk.controller === null && !guestAttached) {
        problems.push({ path: `${path}.controller`, message: `must name a virtual controller (ide0, ide1 or scsi0–scsi3): ${typeof disk.name === 'string' ? disk.name : 'this disk'} is a ${disk.kind} disk, and only iscsi-guest and fc-guest disks sit on none` })
      }
      if (disk.backing === null || disk.backing === undefined) return
      if (guestAttached) expect(disk.backing, `${path}.backing`, 'LUN')
      else if (FILE_DISK_KINDS.includes(disk.kind) || disk.kind === 'pass-through') expect(disk.backing, `${path}.backing`, 'physical disk', h)
    }))
  })
  // A place for an entity the plan does not have would be dropped by the next save: refused instead.
  if (plan.complete !== false && plan.layout) {
    for (const key of Object.keys(plan.layout)) {
      if (isId(key) && !entities.has(key)) problems.push({ path: formatPath(['layout', key]), message: `is the place of "${key}", but no entity has that id; remove it, or give the entity it was for that id` })
    }
  }
  return problems
}

/**
 * The reference-relevant skeleton of a document that failed the schema, so that its dangling
 * references and duplicate ids are reported together with its schema problems, each at its own path.
 * Array positions are kept (a non-object item becomes an empty one) so paths stay right.
 */
export function referenceView(document: unknown): ReferenceView {
  const root = record(document)
  // A list that is there but no list (or an item that is no object) hides the ids it should hold:
  // then a reference to one of them cannot be called dangling.
  let complete = true
  const list = (value: unknown): readonly unknown[] => {
    if (Array.isArray(value)) {
      if (value.some((item) => typeof item !== 'object' || item === null || Array.isArray(item))) complete = false
      return value
    }
    if (value !== undefined) complete = false
    return []
  }
  const view = {
    hosts: list(root.hosts).map((value) => {
      const host = record(value)
      return {
        id: host.id, name: host.name, hypervisor: host.hypervisor,
        disks: list(host.disks).map((disk) => ({ id: record(disk).id, lun: record(disk).lun })),
        vms: list(host.vms).map((value) => {
          const vm = record(value)
          return {
            id: vm.id,
            disks: list(vm.disks).map((value) => {
              const disk = record(value)
              return { id: disk.id, name: disk.name, kind: disk.kind, controller: disk.controller ?? null, backing: disk.backing }
            }),
          }
        }),
      }
    }),
    storage: list(root.storage).map((value) => ({ id: record(value).id, luns: list(record(value).luns).map((lun) => ({ id: record(lun).id })) })),
    layout: record(root.layout),
  }
  return { ...view, complete }
}

const record = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : {})
