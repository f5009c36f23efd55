/**
 * fast-check arbitraries for valid plans: every enum value can appear, references resolve (to the
 * right kind and host), ids are unique. Used by property tests of validate and the codecs.
 */
import fc from 'fast-check'
import {
  BACKUP_METHODS, CONTROLLERS, DISK_KINDS, EDITIONS, EXCHANGE_CLUSTER_KINDS, EXCHANGE_ROLES, EXCHANGE_VERSIONS,
  GUEST_ATTACHED_KINDS, GUEST_OS, HOST_DISK_CONTENTS, HYPERVISORS, IC_LEVELS, INSTALLATIONS, MOBILITY, NIC_ADAPTERS,
  NIC_SWITCHES, PROTOCOLS, STOP_ACTIONS, VM_DISK_CONTENTS, WINDOWS_ROLES,
} from '../model/enums.ts'
import type { ExchangeInstall, Host, Plan, StorageArray, VirtualDisk, Vm } from '../model/plan.ts'

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values)
const subset = <T>(values: readonly T[]) => fc.subarray([...values])
const size = fc.integer({ min: 1, max: 4000 })
// fast-check likes to try "NaN" and "undefined" as strings; a plan may say them, but the property
// test reads them in a message as a formatting bug, so names here never contain them.
const name = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0 && !/undefined|NaN|\[object/.test(s))

const exchange: fc.Arbitrary<ExchangeInstall | null> = fc.option(fc.record({
  version: pick(EXCHANGE_VERSIONS),
  update: pick(['rtm', 'sp1', 'sp2', 'sp3', 'cu1', 'cu23']),
  roles: fc.subarray([...EXCHANGE_ROLES], { minLength: 1 }),
  cluster: fc.option(fc.record({ kind: pick(EXCHANGE_CLUSTER_KINDS), id: pick(['ccr1', 'ccr2', 'dag1']) }), { nil: null }),
}), { nil: null })

const backup = fc.record({ method: pick(BACKUP_METHODS), product: fc.option(pick(['DPM 2007', 'Windows Server Backup']), { nil: undefined }) })
  .map((b) => (b.product === undefined ? { method: b.method } : b))

interface Shape { hosts: { disks: number; vms: number[] }[]; luns: number[] }

const shape: fc.Arbitrary<Shape> = fc.record({
  hosts: fc.array(fc.record({ disks: fc.integer({ min: 0, max: 4 }), vms: fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 4 }) }), { maxLength: 4 }),
  luns: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 3 }),
})

/** A random valid plan (it passes loadPlanValue). */
export const arbitraryPlan: fc.Arbitrary<Plan> = shape.chain((s) => {
  const lunIds = s.luns.flatMap((n, a) => Array.from({ length: n }, (_, l) => `lun${a}-${l}`))
  const lunRef = lunIds.length > 0 ? fc.option(pick(lunIds), { nil: null }) : fc.constant(null)
  const storage: fc.Arbitrary<StorageArray[]> = fc.tuple(...s.luns.map((n, a) => fc.record({
    id: fc.constant(`array${a}`), name, protocol: pick(PROTOCOLS),
    luns: fc.tuple(...Array.from({ length: n }, (_, l) => fc.record({ id: fc.constant(`lun${a}-${l}`), name, sizeGB: size }))),
  })))
  const hosts = fc.tuple(...s.hosts.map((h, hi) => {
    const diskIds = Array.from({ length: h.disks }, (_, d) => `h${hi}-d${d}`)
    const hostDiskRef = diskIds.length > 0 ? fc.option(pick(diskIds), { nil: null }) : fc.constant(null)
    const vdisk = (id: string): fc.Arbitrary<VirtualDisk> => pick(DISK_KINDS).chain((kind) => {
      const guest = GUEST_ATTACHED_KINDS.includes(kind)
      return fc.record({
        id: fc.constant(id), name, kind: fc.constant(kind),
        controller: guest ? fc.option(pick(CONTROLLERS), { nil: null }) : pick(CONTROLLERS),
        sizeGB: size, backing: guest ? lunRef : hostDiskRef, contents: subset(VM_DISK_CONTENTS),
      })
    })
    const vms = h.vms.map((disks, vi): fc.Arbitrary<Vm> => fc.record({
      id: fc.constant(`h${hi}-vm${vi}`), name, guestOs: pick(GUEST_OS), integrationComponents: pick(IC_LEVELS),
      vcpus: fc.integer({ min: 1, max: 70 }), ramGB: fc.integer({ min: 1, max: 2000 }), dynamicMemory: fc.boolean(),
      snapshots: fc.integer({ min: 0, max: 60 }), stopAction: pick(STOP_ACTIONS), roles: subset(WINDOWS_ROLES),
      network: fc.array(fc.record({ adapter: pick(NIC_ADAPTERS), switch: pick(NIC_SWITCHES) }), { maxLength: 14 }),
      disks: fc.tuple(...Array.from({ length: disks }, (_, d) => vdisk(`h${hi}-vm${vi}-d${d}`))),
      exchange, backup,
    }))
    return fc.record({
      id: fc.constant(`h${hi}`), name,
      hardware: fc.record({
        sockets: fc.integer({ min: 1, max: 8 }), coresPerSocket: fc.integer({ min: 1, max: 64 }), threadsPerCore: pick([1, 2] as const),
        ramGB: fc.integer({ min: 1, max: 4096 }), x64: fc.boolean(), hardwareVirtualization: fc.boolean(), dep: fc.boolean(), certified: fc.boolean(),
      }),
      hypervisor: h.vms.length > 0 ? pick(HYPERVISORS.filter((v) => v !== 'none')) : pick(HYPERVISORS),
      svvpValidated: fc.boolean(), hyperVRtmUpdate: fc.boolean(), cluster: fc.option(pick(['c1', 'c2']), { nil: null }), mobility: pick(MOBILITY),
      parent: fc.record({
        edition: pick(EDITIONS), installation: pick(INSTALLATIONS), roles: subset(WINDOWS_ROLES),
        applications: fc.array(fc.record({ name, kind: pick(['management', 'server'] as const) }), { maxLength: 2 }),
        exchange, backup,
      }),
      disks: fc.tuple(...diskIds.map((id) => fc.record({ id: fc.constant(id), name, sizeGB: size, online: fc.boolean(), contents: subset(HOST_DISK_CONTENTS), lun: lunRef }))),
      vms: fc.tuple(...vms),
    }) as fc.Arbitrary<Host>
  }))
  return fc.record({
    format: fc.constant('vexplan/plan' as const), version: fc.constant(1 as const), name,
    organization: fc.record({ mailboxes: fc.integer({ min: 0, max: 20000 }), activeDirectory: fc.boolean() }),
    hosts, storage, layout: fc.constant({}),
  })
})
