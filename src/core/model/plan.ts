/**
 * The plan file, version 1 (plan-format.md), as zod schemas. The TypeScript types are inferred
 * from these schemas, so the file format and the code cannot drift apart. The order of the keys
 * in each schema is the canonical order vexplan writes.
 */
import { z } from 'zod'
import {
  BACKUP_METHODS, CONTROLLERS, DISK_KINDS, EDITIONS, EXCHANGE_CLUSTER_KINDS, EXCHANGE_ROLES,
  EXCHANGE_VERSIONS, GUEST_OS, HOST_DISK_CONTENTS, HYPERVISORS, IC_LEVELS, INSTALLATIONS,
  MOBILITY, NIC_ADAPTERS, NIC_SWITCHES, PROTOCOLS, STOP_ACTIONS, VM_DISK_CONTENTS, WINDOWS_ROLES,
} from './enums.ts'
import { PLAIN_TEXT, SHOWS_SOMETHING } from './plain-text.ts'

export const PLAN_FORMAT = 'vexplan/plan'
/** The newest plan-file version this build reads and writes. */
export const CURRENT_VERSION = 1

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/
const id = z.string().regex(ID_PATTERN, {
  message: 'must be 1–64 letters, digits, ".", "_" or "-", starting with a letter or digit',
})
const PLAIN_TEXT_MESSAGE = 'must not contain control characters or invisible direction marks (such as U+202E, which shows the text after it reversed)'
/** Text that findings, the canvas and reports quote, as names are: cluster labels and backup products. */
const label = (max: number) => z.string().min(1).max(max).regex(PLAIN_TEXT, { message: PLAIN_TEXT_MESSAGE })
const name = z.string().min(1).max(120).regex(PLAIN_TEXT, {
  message: PLAIN_TEXT_MESSAGE,
}).regex(SHOWS_SOMETHING, {
  message: 'must show something: it is only spaces or invisible characters, so every finding and report would name nothing',
})
/** Above this, sums of sizes lose whole units: "a number too large to use" (as JSON's 1e400 is). */
export const LARGEST_NUMBER = Number.MAX_SAFE_INTEGER
const positive = z.number().positive().max(LARGEST_NUMBER)
const count = z.number().int().min(1)
/** A set of enum values: no repeats, kept in the order the author gave. */
const setOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.array(z.enum(values)).refine((list) => new Set(list).size === list.length, {
    message: 'lists the same value twice',
  }).meta({ uniqueItems: true }) // the refinement, as the published JSON Schema says it

export const BackupSchema = z.strictObject({
  method: z.enum(BACKUP_METHODS),
  product: label(120).optional(),
})

export const UPDATE_PATTERN = /^(rtm|sp[1-3]|cu([1-9]|[1-9][0-9]))$/
export const ExchangeInstallSchema = z.strictObject({
  version: z.enum(EXCHANGE_VERSIONS),
  update: z.string().regex(UPDATE_PATTERN, { message: 'must be rtm, sp1–sp3 or cu1–cu99' }),
  roles: setOf(EXCHANGE_ROLES).min(1, { message: 'must name at least one Exchange role' }),
  cluster: z.strictObject({ kind: z.enum(EXCHANGE_CLUSTER_KINDS), id: label(64) })
    .nullable().default(null),
})

export const ParentPartitionSchema = z.strictObject({
  edition: z.enum(EDITIONS),
  installation: z.enum(INSTALLATIONS),
  roles: setOf(WINDOWS_ROLES).default([]),
  applications: z.array(z.strictObject({
    name,
    kind: z.enum(['management', 'server']),
  })).default([]),
  exchange: ExchangeInstallSchema.nullable().default(null),
  backup: BackupSchema.default({ method: 'none' }),
})

export const PhysicalDiskSchema = z.strictObject({
  id,
  name,
  sizeGB: positive,
  online: z.boolean(),
  contents: setOf(HOST_DISK_CONTENTS).default([]),
  lun: id.nullable().default(null),
})

export const VirtualDiskSchema = z.strictObject({
  id,
  name,
  kind: z.enum(DISK_KINDS),
  // Left out, it is null, as `backing` is: right for iscsi-guest and fc-guest disks, and for any other
  // kind a reference problem that says which controllers there are.
  controller: z.enum(CONTROLLERS).nullable().default(null),
  sizeGB: positive,
  backing: id.nullable().default(null),
  contents: setOf(VM_DISK_CONTENTS).default([]),
})

export const NicSchema = z.strictObject({
  adapter: z.enum(NIC_ADAPTERS),
  switch: z.enum(NIC_SWITCHES),
})

export const VmSchema = z.strictObject({
  id,
  name,
  guestOs: z.enum(GUEST_OS),
  integrationComponents: z.enum(IC_LEVELS).default('rtm'),
  vcpus: count,
  ramGB: positive,
  dynamicMemory: z.boolean().default(false),
  snapshots: z.number().int().min(0).default(0),
  stopAction: z.enum(STOP_ACTIONS).default('shutdown'),
  roles: setOf(WINDOWS_ROLES).default([]),
  network: z.array(NicSchema).default([]),
  disks: z.array(VirtualDiskSchema).default([]),
  exchange: ExchangeInstallSchema.nullable().default(null),
  backup: BackupSchema.default({ method: 'none' }),
})

export const HardwareSchema = z.strictObject({
  sockets: count,
  coresPerSocket: count,
  threadsPerCore: z.union([z.literal(1), z.literal(2)], { message: 'must be 1 or 2' }),
  ramGB: positive,
  x64: z.boolean(),
  hardwareVirtualization: z.boolean(),
  dep: z.boolean(),
  certified: z.boolean(),
})

export const HostSchema = z.strictObject({
  id,
  name,
  hardware: HardwareSchema,
  hypervisor: z.enum(HYPERVISORS),
  svvpValidated: z.boolean().default(false),
  hyperVRtmUpdate: z.boolean().default(true),
  cluster: label(64).nullable().default(null),
  mobility: z.enum(MOBILITY).default('none'),
  parent: ParentPartitionSchema,
  disks: z.array(PhysicalDiskSchema).default([]),
  vms: z.array(VmSchema).default([]),
})

export const LunSchema = z.strictObject({ id, name, sizeGB: positive })

export const StorageArraySchema = z.strictObject({
  id,
  name,
  protocol: z.enum(PROTOCOLS),
  luns: z.array(LunSchema).default([]),
})

export const LayoutEntrySchema = z.strictObject({
  x: z.number().finite(),
  y: z.number().finite(),
  width: z.number().positive().finite().optional(),
  height: z.number().positive().finite().optional(),
})

export const PlanSchema = z.strictObject({
  format: z.literal(PLAN_FORMAT, { message: `must be "${PLAN_FORMAT}"` }),
  version: z.literal(CURRENT_VERSION),
  name,
  organization: z.strictObject({
    mailboxes: z.number().int().min(0),
    activeDirectory: z.boolean().default(true),
  }),
  hosts: z.array(HostSchema).default([]),
  storage: z.array(StorageArraySchema).default([]),
  // Keyed by the id of the host or storage array placed: a key that is no id makes the file invalid
  // rather than half-loaded (load.ts refuses "__proto__" too, which zod would drop without a word).
  layout: z.record(id, LayoutEntrySchema).default({}),
})

export type Plan = z.infer<typeof PlanSchema>
export type Host = z.infer<typeof HostSchema>
export type Hardware = z.infer<typeof HardwareSchema>
export type ParentPartition = z.infer<typeof ParentPartitionSchema>
export type PhysicalDisk = z.infer<typeof PhysicalDiskSchema>
export type Vm = z.infer<typeof VmSchema>
export type VirtualDisk = z.infer<typeof VirtualDiskSchema>
export type Nic = z.infer<typeof NicSchema>
export type ExchangeInstall = z.infer<typeof ExchangeInstallSchema>
export type Backup = z.infer<typeof BackupSchema>
export type StorageArray = z.infer<typeof StorageArraySchema>
export type Lun = z.infer<typeof LunSchema>
export type LayoutEntry = z.infer<typeof LayoutEntrySchema>
/** A server that can run Exchange: a child VM, or a host's own OS (the parent partition). */
export type ExchangeServer = { kind: 'vm'; vm: Vm; host: Host } | { kind: 'parent'; host: Host }
