/**
 * Small builders for test plans: a sound baseline that validates without errors or warnings, and
 * helpers to make hosts, VMs and disks with only the fields a test cares about.
 */
import type { Host, Lun, PhysicalDisk, Plan, StorageArray, VirtualDisk, Vm } from '../model/plan.ts'

export const physicalDisk = (over: Partial<PhysicalDisk> & Pick<PhysicalDisk, 'id'>): PhysicalDisk => ({
  name: over.id, sizeGB: 300, online: false, contents: [], lun: null, ...over,
})

export const virtualDisk = (over: Partial<VirtualDisk> & Pick<VirtualDisk, 'id'>): VirtualDisk => ({
  name: over.id, kind: 'pass-through', controller: 'scsi0', sizeGB: 300, backing: null, contents: [], ...over,
})

export const vm = (over: Partial<Vm> & Pick<Vm, 'id'>): Vm => ({
  name: over.id.toUpperCase(),
  guestOs: 'ws2008-x64',
  integrationComponents: 'rtm',
  vcpus: 2,
  ramGB: 8,
  dynamicMemory: false,
  snapshots: 0,
  stopAction: 'shutdown',
  roles: [],
  network: [{ adapter: 'synthetic', switch: 'external' }],
  disks: [],
  exchange: { version: '2007', update: 'sp1', roles: ['mailbox', 'client-access', 'hub-transport'], cluster: null },
  backup: { method: 'agent', product: 'DPM 2007' },
  ...over,
})

export const host = (over: Partial<Host> & Pick<Host, 'id'>): Host => ({
  name: over.id.toUpperCase(),
  hardware: { sockets: 2, coresPerSocket: 4, threadsPerCore: 1, ramGB: 32, x64: true, hardwareVirtualization: true, dep: true, certified: true },
  hypervisor: 'hyper-v-2008',
  svvpValidated: false,
  hyperVRtmUpdate: true,
  cluster: null,
  mobility: 'none',
  parent: { edition: 'enterprise', installation: 'core', roles: ['hyper-v'], applications: [], exchange: null, backup: { method: 'none' } },
  disks: [],
  vms: [],
  ...over,
})

export const lun = (over: Partial<Lun> & Pick<Lun, 'id'>): Lun => ({ name: over.id, sizeGB: 500, ...over })

export const storageArray = (over: Partial<StorageArray> & Pick<StorageArray, 'id'>): StorageArray => ({
  name: over.id.toUpperCase(), protocol: 'fc', luns: [], ...over,
})

export const plan = (over: Partial<Plan> = {}): Plan => ({
  format: 'vexplan/plan', version: 1, name: 'Test plan',
  organization: { mailboxes: 500, activeDirectory: true },
  hosts: [], storage: [], layout: {}, ...over,
})

/**
 * The seed article's improved design: one Hyper-V 2008 host (Server Core), one Exchange 2007 SP1
 * VM booting from a pass-through disk on IDE 0, database and logs on their own pass-through disks
 * on SCSI, the transport queue beside the logs, backup by an agent in the guest. It has no errors or warnings.
 */
export function soundPlan(): Plan {
  return plan({
    hosts: [host({
      id: 'hv01',
      disks: [
        physicalDisk({ id: 'hv01-os', name: 'Disk 0', sizeGB: 146, online: true, contents: ['os', 'vm-files'] }),
        physicalDisk({ id: 'hv01-boot', name: 'Disk 1' }),
        physicalDisk({ id: 'hv01-db', name: 'Disk 2' }),
        physicalDisk({ id: 'hv01-logs', name: 'Disk 3' }),
      ],
      vms: [vm({
        id: 'ex01',
        name: 'EX01',
        disks: [
          virtualDisk({ id: 'ex01-boot', name: 'Boot', controller: 'ide0', backing: 'hv01-boot', contents: ['os', 'pagefile'] }),
          virtualDisk({ id: 'ex01-db', name: 'Database', controller: 'scsi0', backing: 'hv01-db', contents: ['database'] }),
          virtualDisk({ id: 'ex01-logs', name: 'Logs', controller: 'scsi0', backing: 'hv01-logs', contents: ['logs', 'queue'] }),
        ],
      })],
    })],
  })
}

/** A deep copy of a plan changed by `change`: tests state only what differs from the baseline. */
export function edit(base: Plan, change: (draft: Plan) => void): Plan {
  const draft = structuredClone(base)
  change(draft)
  return draft
}

/** The first host and VM of a plan, for terse edits. */
export const first = (p: Plan) => {
  const h = p.hosts[0]!
  return { host: h, vm: h.vms[0]! }
}
