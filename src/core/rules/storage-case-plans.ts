/** Small edits of `soundPlan()` shared by the storage rules' case tables (test code only). */
import type { ExchangeVersion, Hypervisor, Protocol } from '../model/enums.ts'
import type { PhysicalDisk, Plan, VirtualDisk } from '../model/plan.ts'
import { edit, first, lun, soundPlan, storageArray } from '../testing/plan-builder.ts'

/** A disk of the first VM (`ex01-boot`, `ex01-db`, `ex01-logs` in the sound plan). */
export const vdisk = (p: Plan, id: string): VirtualDisk => first(p).vm.disks.find((d) => d.id === id)!
/** A disk of the first host (`hv01-os`, `hv01-boot`, `hv01-db`, `hv01-logs` in the sound plan). */
export const hdisk = (p: Plan, id: string): PhysicalDisk => first(p).host.disks.find((d) => d.id === id)!

/** Moves the sound plan's VM to another Exchange version (and a host and guest that fit it). */
export function onVersion(p: Plan, version: ExchangeVersion, hypervisor: Hypervisor = 'hyper-v-2012-r2'): void {
  const { host, vm } = first(p)
  host.hypervisor = hypervisor
  if (version !== '2007') vm.guestOs = 'ws2012-r2'
  vm.exchange = { version, update: version === '2010' ? 'sp3' : 'cu1', roles: ['mailbox'], cluster: null }
}

/** Adds a storage array `san` with one LUN `lun1` speaking `protocol`. */
export function withLun(p: Plan, protocol: Protocol = 'fc'): void {
  p.storage.push(storageArray({ id: 'san', protocol, luns: [lun({ id: 'lun1', name: 'LUN 1' })] }))
}

/** The sound plan changed by `change`. */
export const sound = (change: (draft: Plan) => void): Plan => edit(soundPlan(), change)
