/**
 * What undo or redo changed in one entity's fields, in the inspector's words: "RAM is 8 GB",
 * "guest OS is Windows Server 2008 x64". A screen reader hears which value came back, not only
 * that something changed.
 */
import {
  BACKUP_METHOD_LABELS, CONTROLLER_LABELS, DISK_CONTENT_LABELS, DISK_KIND_LABELS, EDITION_LABELS, EXCHANGE_CLUSTER_KIND_LABELS,
  EXCHANGE_ROLE_LABELS, EXCHANGE_VERSION_LABELS, GUEST_OS_LABELS, HYPERVISOR_LABELS, IC_LEVEL_LABELS, INSTALLATION_LABELS,
  MOBILITY_LABELS, PROTOCOL_LABELS, STOP_ACTION_LABELS, WINDOWS_ROLE_LABELS, gb, joinAnd, thousands, updateLabel,
} from '../core/index.ts'

interface FieldWords {
  /** The field's name in a sentence ("RAM", "guest OS"). */
  name: string
  /** The value in words (`nameOf` names an entity by its id); by default numbers as they are, true/false as on/off. */
  value?: (value: unknown, nameOf: (id: string) => string) => string
  /** "are" for a list ("Exchange roles are Mailbox and Client Access"). */
  plural?: boolean
  /** A count said as what the entity has ("VM EX01 has 4 virtual processors"). */
  has?: boolean
  /** The name for one ("1 virtual processor"). */
  one?: string
  /** The whole sentence, where the field reads better as one ("EX01's disk Boot is not connected"). */
  says?: (subject: string, value: unknown, nameOf: (id: string) => string) => string
}

const size = (value: unknown) => gb(value as number)
const labelled = (labels: Record<string, string>) => (value: unknown) => (value === null ? 'none' : labels[value as string] ?? String(value))
const listOf = (labels: Record<string, string>) => (value: unknown) => {
  const items = (value as string[]).map((item) => labels[item] ?? item)
  return items.length === 0 ? 'none' : joinAnd(items)
}

const text = (value: unknown) => (value === null || value === undefined || value === '' ? 'none' : `"${String(value)}"`)

/** By field path within the entity (the parent partition's own fields without "parent."). */
const FIELDS: Record<string, FieldWords> = {
  name: { name: 'name', value: text },
  'organization.mailboxes': { name: 'number of mailboxes', value: (value) => thousands(value as number) },
  'organization.activeDirectory': { name: 'Active Directory' },
  hypervisor: { name: 'hypervisor', value: labelled(HYPERVISOR_LABELS) },
  svvpValidated: { name: 'SVVP validation' },
  hyperVRtmUpdate: { name: 'Hyper-V RTM update' },
  cluster: { name: 'host cluster', value: text },
  mobility: { name: 'VM mobility', value: labelled(MOBILITY_LABELS) },
  'hardware.sockets': { name: 'sockets', one: 'socket', has: true },
  'hardware.coresPerSocket': { name: 'cores per socket', one: 'core per socket', has: true },
  'hardware.threadsPerCore': { name: 'threads per core', one: 'thread per core', has: true },
  'hardware.ramGB': { name: 'RAM', value: size },
  'hardware.x64': { name: 'x64 processors' },
  'hardware.hardwareVirtualization': { name: 'hardware virtualization' },
  'hardware.dep': { name: 'DEP' },
  'hardware.certified': { name: 'Windows Server Catalog certification' },
  edition: { name: 'Windows Server edition', value: labelled(EDITION_LABELS) },
  installation: { name: 'installation', value: labelled(INSTALLATION_LABELS) },
  roles: { name: 'Windows roles', value: listOf(WINDOWS_ROLE_LABELS), plural: true },
  guestOs: { name: 'guest OS', value: labelled(GUEST_OS_LABELS) },
  integrationComponents: { name: 'integration components', value: labelled(IC_LEVEL_LABELS) },
  vcpus: { name: 'virtual processors', one: 'virtual processor', has: true },
  ramGB: { name: 'RAM', value: size },
  dynamicMemory: { name: 'dynamic memory' },
  snapshots: { name: 'snapshots', one: 'snapshot', has: true },
  stopAction: { name: 'stop action', value: labelled(STOP_ACTION_LABELS) },
  'exchange.version': { name: 'Exchange version', value: labelled(EXCHANGE_VERSION_LABELS) },
  'exchange.update': { name: 'Exchange update', value: (value) => updateLabel(value as string) },
  'exchange.roles': { name: 'Exchange roles', value: listOf(EXCHANGE_ROLE_LABELS), plural: true },
  'exchange.cluster.kind': { name: 'Exchange cluster kind', value: labelled(EXCHANGE_CLUSTER_KIND_LABELS) },
  'exchange.cluster.id': { name: 'Exchange cluster ID', value: text },
  'backup.method': { name: 'backup method', value: labelled(BACKUP_METHOD_LABELS) },
  'backup.product': { name: 'backup product', value: text },
  kind: { name: 'kind', value: labelled(DISK_KIND_LABELS) },
  controller: { name: 'controller', value: labelled(CONTROLLER_LABELS) },
  sizeGB: { name: 'size', value: size },
  contents: { name: 'contents', value: listOf(DISK_CONTENT_LABELS), plural: true },
  online: { name: 'online state', value: (value) => (value ? 'online' : 'offline') },
  // As the inspector says them: "Not connected", "Local disk".
  lun: { name: 'LUN', says: (subject, value, nameOf) => (value === null ? `${subject} is a local disk` : `${subject} is on ${nameOf(value as string)}`) },
  backing: { name: 'backing', says: (subject, value, nameOf) => (value === null ? `${subject} is not connected` : `${subject} is connected to ${nameOf(value as string)}`) },
  protocol: { name: 'protocol', value: labelled(PROTOCOL_LABELS) },
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** The paths of the fields that differ, looking into nested objects both sides have; lists compare whole. */
function changedPaths(before: Record<string, unknown>, after: Record<string, unknown>, skip: readonly string[], prefix = ''): string[] {
  const paths: string[] = []
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (skip.includes(key)) continue
    const a = before[key]
    const b = after[key]
    if (a === b || (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => item === b[i]))) continue
    if (isRecord(a) && isRecord(b)) paths.push(...changedPaths(a, b, [], `${prefix}${key}.`))
    else paths.push(prefix + key)
  }
  return paths
}

/**
 * The one field of `subject` (an entity in words) that differs between `before` and `after`, with
 * its new value: "VM EX01's RAM is 8 GB", "host HV01 has 2 sockets"; null when several fields, or
 * a field without words here, differ. `skip` names the entity's lists of children (a VM's disks),
 * which are entities of their own; `nameOf` names the entity a reference (a backing, a LUN) points at.
 */
export function fieldChangeWords(subject: string, before: object, after: object, skip: readonly string[] = [], nameOf: (id: string) => string = (id) => id): string | null {
  const paths = changedPaths(before as Record<string, unknown>, after as Record<string, unknown>, skip)
  if (paths.length !== 1) return null
  const path = paths[0]!
  const words = FIELDS[path]
  if (!words) return null
  const value = path.split('.').reduce<unknown>((at, key) => (isRecord(at) ? at[key] : undefined), after)
  if (words.says) return words.says(subject, value, nameOf)
  const said = words.value ? words.value(value, nameOf) : typeof value === 'boolean' ? (value ? 'on' : 'off') : thousands(value as number)
  if (words.has) return `${subject} has ${said} ${value === 1 && words.one ? words.one : words.name}`
  return `${subject}'s ${words.name} ${words.plural ? 'are' : 'is'} ${said}`
}
