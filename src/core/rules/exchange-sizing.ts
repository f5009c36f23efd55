/**
 * The sizing vocabulary of the Exchange 2013-and-later rules (exchange-2013.ts, exchange-2016.ts):
 * memory minimums by role, and the design point of a server's sockets, cores and memory.
 */
import type { ExchangeRole, ExchangeVersion } from '../model/enums.ts'
import { EXCHANGE_ROLE_LABELS, EXCHANGE_VERSION_LABELS } from '../model/labels.ts'
import { HOLDS, type ExchangeServerRef, type ExchangeVmRef, type PlanIndex } from '../validate/plan-index.ts'
import { hostOf } from './exchange-modern.ts'
import { GUEST_OS_DISK_BASE_GB, OS_DISK_SIZE_STATED, hostMemory, physicalCores } from './platform-limits.ts'
import { gb, roleLabels, roundSum, thousands } from './platform-wording.ts'
import { FILE_KINDS } from './storage-shared.ts'
import type { Explanation, RuleContext } from './types.ts'

/** Memory minimums (GB) by role; a server needs the largest of its roles'. */
export type MemoryFloors = Partial<Record<ExchangeRole, number>>

/** A server's memory: a VM's, or the RAM of a server running Exchange in its own OS. */
const memoryGB = ({ vm, host }: ExchangeServerRef): number => (vm ? vm.ramGB : host.hardware.ramGB)

/** A server with less memory than its roles need: what it has, what it needs and for which role. */
export interface BelowMemoryFloor { server: ExchangeServerRef; ramGB: number; neededGB: number; role: ExchangeRole; roles: ExchangeRole[] }

/**
 * The servers of these versions with less memory than their roles need, with what they need and
 * the roles of theirs that the floors know: a role the version does not have (Client Access on
 * Exchange 2019) is not one the finding speaks of.
 */
export function belowMemoryFloor(index: PlanIndex, versions: readonly ExchangeVersion[], floors: MemoryFloors): BelowMemoryFloor[] {
  const below: BelowMemoryFloor[] = []
  for (const server of index.exchangeServersOf(versions)) {
    let role: ExchangeRole | null = null
    let neededGB = 0
    for (const held of server.exchange.roles) {
      const floor = floors[held]
      if (floor !== undefined && floor > neededGB) [role, neededGB] = [held, floor]
    }
    const ramGB = memoryGB(server)
    if (role !== null && ramGB < neededGB) below.push({ server, ramGB, neededGB, role, roles: server.exchange.roles.filter((held) => floors[held] !== undefined) })
  }
  return below
}

/** "Mailbox role", "Mailbox and Client Access roles". */
export const roleNames = (roles: readonly ExchangeRole[]): string =>
  `${roleLabels(roles)} role${roles.length > 1 ? 's' : ''}`

/** "the Mailbox role", "the Mailbox and Client Access roles". */
export const rolesWords = (roles: readonly ExchangeRole[]): string => `the ${roleNames(roles)}`

/** The check of a minimum-memory rule (error): servers of `versions` with less memory than their roles need. */
export const minMemoryCheck = (versions: readonly ExchangeVersion[], floors: MemoryFloors) => ({ index, report }: RuleContext) => {
  for (const below of belowMemoryFloor(index, versions, floors)) report(below.server.id, below, explainBelowFloor)
}

function explainBelowFloor({ server, ramGB, neededGB, role, roles }: BelowMemoryFloor): Explanation {
  return {
    related: hostOf(server),
    message: `${server.name} runs ${EXCHANGE_VERSION_LABELS[server.exchange.version]} with ${rolesWords(roles)} on ${gb(ramGB)} of memory; a server with the ${EXCHANGE_ROLE_LABELS[role]} role needs at least ${gb(neededGB)}.`,
    fix: `Give ${server.name} at least ${gb(neededGB)} of memory${osDiskFor(server, neededGB)}${hostRamFor(server, neededGB)}.`,
  }
}

/**
 * Where the VM's host would then be short of RAM for its VMs and its own reserve (capacity-sum-check
 * and host-memory-not-overcommitted, errors), the rest of a memory fix: following the memory alone
 * gave those errors.
 */
export function hostRamFor({ vm, host }: ExchangeServerRef, ramGB: number): string {
  if (vm === null || ramGB <= vm.ramGB) return ''
  const neededGB = roundSum(hostMemory(host).neededGB - vm.ramGB + ramGB)
  return neededGB > host.hardware.ramGB ? `; ${host.name} then needs at least ${gb(neededGB)} of RAM (it has ${gb(host.hardware.ramGB)})` : ''
}

/**
 * Where the VM's OS disk would then be below 15 GB plus its memory (e2007-guest-os-disk-size, an
 * error for the versions that state it), the rest of the fix: following the memory alone gave that error.
 */
function osDiskFor(server: ExchangeServerRef, ramGB: number): string {
  if (server.vm === null || !OS_DISK_SIZE_STATED.includes(server.exchange.version)) return ''
  const os = (server as ExchangeVmRef).disks.find((ref) => (ref.holds & HOLDS.os) !== 0)
  const neededGB = roundSum(GUEST_OS_DISK_BASE_GB + ramGB)
  // A VHD is as large as it is made; a whole disk's size is its host disk's or LUN's, which that rule weighs and words.
  if (!os || !FILE_KINDS.includes(os.disk.kind) || os.disk.sizeGB >= neededGB) return ''
  return `, and grow its OS disk ${os.disk.name} to at least ${gb(neededGB)} (${gb(GUEST_OS_DISK_BASE_GB)} plus its memory)`
}

/** What of a server exceeds a design point, in words; a VM's virtual processors count as its cores. */
export function overDesignPoint({ vm, host }: ExchangeServerRef, point: { sockets: number; cores: number; ramGB?: number }): string[] {
  const over: string[] = []
  const sockets = vm ? 0 : host.hardware.sockets
  const cores = vm ? vm.vcpus : physicalCores(host)
  const ramGB = vm ? vm.ramGB : host.hardware.ramGB
  if (sockets > point.sockets) over.push(`${thousands(sockets)} processor sockets`)
  if (cores > point.cores) over.push(vm ? `${thousands(cores)} virtual processors` : `${thousands(cores)} physical cores`)
  if (point.ramGB !== undefined && ramGB > point.ramGB) over.push(`${gb(ramGB)} of memory`)
  return over
}
