/**
 * A.4 rules about where Exchange data lands: apart from the guest OS and from the host's system
 * disk, databases apart from their logs, and enough disks for the roles a VM runs.
 */
import { FILE_DISK_KINDS, type ExchangeRole, type ExchangeVersion } from '../model/enums.ts'
import { EXCHANGE_ROLE_LABELS } from '../model/labels.ts'
import type { ExchangeInstall, VirtualDisk } from '../model/plan.ts'
import { HOLDS, HOLDS_DATA, type DiskStorage, type VirtualDiskRef, type VmRef } from '../validate/plan-index.ts'
import {
  CLASSIC_VERSIONS, DATABASE_AND_LOGS, DATA_CONTENTS, MODERN_VERSIONS, SECTION, contentsLabel, diskLabel,
} from './storage-shared.ts'
import { capitalize, joinAnd } from './platform-wording.ts'
import { defineRule, type Explanation, type RuleContext } from './types.ts'

/** What a guest can keep on a virtual disk. */
type GuestContent = VirtualDisk['contents'][number]

/** The first disk of a server on the given spindles that holds what `bit` (of HOLDS) stands for. */
function diskOnSpindle<D extends SpindleDisk>(disks: readonly D[], spindle: string, bit: number): D['disk'] | undefined {
  // A VM has a handful of disks: a scan beats building a lookup for each of thousands of VMs. The
  // bit first: it is on the ref, where the spindle is read through the storage and its LUN.
  for (const { disk, storage, holds } of disks) if ((holds & bit) !== 0 && storage.spindle === spindle) return disk
  return undefined
}

export const exchangeStorageSeparateFromOsSpindles = defineRule({
  id: 'exchange-storage-separate-from-os-spindles',
  severity: 'warning',
  title: 'Keep Exchange data on spindles apart from the guest’s operating system disk',
  section: SECTION,
  source: 'Exchange 2013 virtualization; Exchange Server virtualization (2016/2019); seed article (design)',
  perHost: true,
  check({ index, report }) {
    for (const { vm, disks } of index.vms) {
      if (vm.exchange === null || vm.exchange.version === '2003') continue
      for (const ref of disks) {
        // The bits first: they are on the ref, where the spindle is read through the storage.
        if ((ref.holds & HOLDS_DATA) === 0) continue
        // Database, logs or transport queue on the OS disk itself (the seed's bare two-disk design).
        if ((ref.holds & HOLDS.os) !== 0) {
          report(ref.disk.id, ref, explainDataWithOs)
          continue
        }
        const spindle = ref.storage.spindle
        const os = spindle === null ? undefined : diskOnSpindle(disks, spindle, HOLDS.os)
        if (os) report(ref.disk.id, { ref, os }, explainDataBesideOs)
      }
    }
  },
})

function explainDataWithOs(ref: VirtualDiskRef): Explanation {
  const { disk, vm, host } = ref
  const data = contentsLabel(disk.contents, DATA_CONTENTS)
  return {
    related: [vm.id, host.id],
    message: `${diskLabel(ref)} holds the ${data} together with the guest's operating system.`,
    fix: `Move the ${data} of ${vm.name} to a disk on other spindles than its operating system disk.`,
  }
}

function explainDataBesideOs({ ref, os }: { ref: VirtualDiskRef; os: VirtualDisk }): Explanation {
  const { disk, vm, host, storage: { spindle, spindleName } } = ref
  return {
    related: [vm.id, os.id, spindle!, host.id],
    message: `${diskLabel(ref)} (${contentsLabel(disk.contents)}) is on ${spindleName}, the same spindles as its operating system disk ${os.name}.`,
    fix: `Put ${disk.name} of ${vm.name} on a physical disk or LUN that does not hold ${os.name}.`,
  }
}

export const dbAndLogsSeparateSpindles = defineRule({
  id: 'db-and-logs-separate-spindles',
  severity: 'warning',
  severities: ['warning', 'info'],
  title: 'Keep mailbox databases and their logs on separate spindles',
  section: SECTION,
  source: 'Seed article (Exchange database and Log Files)',
  perHost: true,
  check({ index, report }) {
    for (const { vm, host, disks } of index.vms) {
      if (vm.exchange) checkDatabaseSpindles(vm.exchange, disks, vm.name, vm.id, host.id, report)
    }
    // An Exchange server on bare metal keeps its databases and logs on the host's own disks.
    for (const { host, disks } of index.hosts) {
      const exchange = host.parent.exchange
      if (!exchange || host.vms.length > 0) continue
      checkDatabaseSpindles(exchange, disks, host.name, null, host.id, report)
    }
  },
})

/** A disk of a server, with where its bytes live: a VM's virtual disk or a bare-metal server's own. */
interface SpindleDisk { disk: { id: string; name: string; contents: readonly string[] }; storage: DiskStorage; holds: number }

/** Database and logs of one server (a VM, or with `vmId` null a bare-metal host) on the same disk or spindles. */
function checkDatabaseSpindles(
  exchange: ExchangeInstall, disks: readonly SpindleDisk[], server: string, vmId: string | null, hostId: string, report: RuleContext['report'],
) {
  // Classic guidance for 2007/2010; from 2010 a DAG keeps other copies, so there it is only a hint.
  const dag = exchange.cluster?.kind === 'dag'
  if (!CLASSIC_VERSIONS.includes(exchange.version) && !(dag && MODERN_VERSIONS.includes(exchange.version))) return
  for (const ref of disks) {
    if ((ref.holds & HOLDS.database) === 0) continue
    if ((ref.holds & HOLDS.logs) === 0) {
      const spindle = ref.storage.spindle
      if (spindle === null || !diskOnSpindle(disks, spindle, HOLDS.logs)) continue
    }
    report(ref.disk.id, { ref, disks, server, vmId, hostId }, explainDatabaseBesideLogs, dag ? 'info' : 'warning')
  }
}

/** A database disk of a server whose logs are on it or on its spindles, with the server's disks and ids. */
interface DatabaseBesideLogs { ref: SpindleDisk; disks: readonly SpindleDisk[]; server: string; vmId: string | null; hostId: string }

function explainDatabaseBesideLogs({ ref: { disk, storage: { spindle, spindleName } }, disks, server, vmId, hostId }: DatabaseBesideLogs): Explanation {
  const sameDisk = disk.contents.includes('logs')
  const logs = sameDisk || spindle === null
    ? []
    : disks.filter((other) => other.storage.spindle === spindle && other.disk.contents.includes('logs')).map((other) => other.disk)
  const label = diskLabel({ disk, vm: { name: server } })
  return {
    related: [...(vmId === null ? [] : [vmId]), ...logs.map((d) => d.id), hostId],
    message: sameDisk
      ? `${label} holds both the mailbox database and its transaction logs.`
      : `${label} (database) and the log ${logs.length === 1 ? 'disk' : 'disks'} ${joinAnd(logs.map((d) => d.name))} of ${server} are on the same spindles, ${spindleName}.`,
    fix: `Put the transaction logs of ${server} on a physical disk or LUN other than the one holding its database.`,
  }
}

export const vmFilesOffHostSystemDisk = defineRule({
  id: 'vm-files-off-host-system-disk',
  severity: 'info',
  title: 'Keep Exchange VM files off the host’s system disk',
  section: SECTION,
  source: 'Seed article (two-disk design); Best Practices for Virtualizing and Managing Exchange 2013',
  perHost: true,
  check({ index, report }) {
    // Kind by kind, not one list of them all: that was a copy of 16,250 disks at 10,000 VMs (0.13 MB).
    for (const kind of FILE_DISK_KINDS) {
      for (const ref of index.virtualDisksOfKind(kind)) {
        if (ref.exchange === null) continue
        const hostDisk = ref.storage.physicalDisk
        if (hostDisk?.contents.includes('os')) report(ref.disk.id, ref, explainFileOnHostSystemDisk)
      }
    }
  },
})

/** A VHD file on its host's system disk (check() made sure its storage is a host disk). */
function explainFileOnHostSystemDisk(ref: VirtualDiskRef): Explanation {
  const { disk, vm, host } = ref
  const hostDisk = ref.storage.physicalDisk!
  return {
    related: [vm.id, hostDisk.id, host.id],
    message: `${diskLabel(ref)} is a file on ${hostDisk.name}, the system disk of ${host.name}.`,
    fix: `Move the file of ${disk.name} to a disk of ${host.name} other than its system disk.`,
  }
}

/** Roles that need storage for transport queues, by Exchange version. */
function queueRoles(version: ExchangeVersion): readonly ExchangeRole[] {
  if (CLASSIC_VERSIONS.includes(version)) return CLASSIC_QUEUE_ROLES
  if (MODERN_VERSIONS.includes(version)) return MODERN_QUEUE_ROLES
  return []
}
const CLASSIC_QUEUE_ROLES: readonly ExchangeRole[] = ['hub-transport', 'edge-transport']
const MODERN_QUEUE_ROLES: readonly ExchangeRole[] = ['mailbox', 'edge-transport']

/**
 * True when one of the disks holds what `bit` (of HOLDS) stands for on storage: a disk not connected
 * to a host disk or LUN gives the guest no room for anything (plan-format.md: backing null = not connected yet).
 */
function holdsBit(disks: readonly VirtualDiskRef[], bit: number): boolean {
  for (const ref of disks) if (ref.disk.backing !== null && (ref.holds & bit) !== 0) return true
  return false
}

export const guestStorageSufficient = defineRule({
  id: 'guest-storage-sufficient',
  severity: 'warning',
  title: 'Each Exchange guest needs disks for what its roles keep',
  section: SECTION,
  source: 'Exchange 2013 virtualization; Exchange Server virtualization (2016/2019)',
  perHost: true,
  check({ index, report }) {
    for (const ref of index.vms) {
      const vm = ref.vm
      const exchange = vm.exchange
      if (exchange === null) continue
      if (vm.disks.length === 0) {
        report(vm.id, ref, explainNoDisks)
        continue
      }
      const mailbox = exchange.roles.includes('mailbox')
      let needsQueue = false
      for (const role of queueRoles(exchange.version)) if (exchange.roles.includes(role)) needsQueue = true
      const disks = ref.disks
      if ((!mailbox || (holdsBit(disks, HOLDS.database) && holdsBit(disks, HOLDS.logs))) && (!needsQueue || holdsBit(disks, HOLDS.queue))) continue
      report(vm.id, { ref, mailbox, needsQueue }, explainMissingStorage)
    }
  },
})

const explainNoDisks = ({ vm, host }: VmRef): Explanation => ({
  related: [host.id],
  message: `${vm.name} runs Exchange but has no disks at all.`,
  fix: `Give ${vm.name} an operating system disk and disks for its Exchange data.`,
})

/** What an Exchange VM's roles keep that none of its disks holds on storage. */
function explainMissingStorage({ ref: { vm, host, disks: refs }, mailbox, needsQueue }: { ref: VmRef; mailbox: boolean; needsQueue: boolean }): Explanation {
  const exchange = vm.exchange!
  const disks = vm.disks
  const missing: GuestContent[] = mailbox ? DATABASE_AND_LOGS.filter((c) => !holdsBit(refs, HOLDS[c])) : []
  if (needsQueue && !holdsBit(refs, HOLDS.queue)) missing.push('queue')
  const roles = exchange.roles.map((role) => EXCHANGE_ROLE_LABELS[role]).join(', ')
  // Disks meant for what is missing, but not connected: the fix is to connect them.
  const waiting = disks.filter((disk) => disk.backing === null && disk.contents.some((c) => missing.includes(c)))
  const unplaced = missing.filter((c) => !waiting.some((disk) => disk.contents.includes(c)))
  const placed = missing.filter((c) => !unplaced.includes(c))
  // "logs" is plural on its own, as is any list of two.
  const pronoun = unplaced.length > 1 || unplaced[0] === 'logs' ? 'them' : 'it'
  const names = joinAnd(waiting.map((disk) => disk.name))
  const notConnected = `${waiting.length === 1 ? `its disk ${names} is` : `its disks ${names} are`} not connected`
  const noDisk = `has no disk for its ${contentsLabel(unplaced)}`
  // Away from the OS's spindles: on the OS disk, Exchange data is a finding of its own
  // (exchange-storage-separate-from-os-spindles), so that is no place to point to.
  const addDisk = `add a disk for the ${contentsLabel(unplaced)} to ${vm.name}, away from its operating system's spindles, or list ${pronoun} in the contents of the data disk that already holds ${pronoun}`
  const connect = `connect ${names} to ${waiting.length === 1 ? 'the host disk or LUN' : 'the host disks or LUNs'} behind ${waiting.length === 1 ? 'it' : 'them'} (Storage, in the Inspector)`
  return {
    related: [host.id, ...waiting.map((disk) => disk.id)],
    message: waiting.length === 0 ? `${vm.name} (${roles}) ${noDisk}.`
      : unplaced.length === 0 ? `${vm.name} (${roles}) has no storage for its ${contentsLabel(placed)}: ${notConnected}.`
      : `${vm.name} (${roles}) ${noDisk}, and no storage for its ${contentsLabel(placed)}: ${notConnected}.`,
    fix: waiting.length === 0 ? `${capitalize(addDisk)}.`
      : unplaced.length === 0 ? `${capitalize(connect)}.`
      : `${capitalize(connect)}; and ${addDisk}.`,
  }
}
