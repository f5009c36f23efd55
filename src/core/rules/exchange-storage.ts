/**
 * The storage vocabulary of the Exchange 2013-and-later rules (exchange-2013.ts, exchange-2016.ts):
 * the data disks of kinds those texts qualify or leave out, and disks kept on file shares.
 */
import { FILE_DISK_KINDS, type DiskKind, type ExchangeVersion } from '../model/enums.ts'
import { EXCHANGE_VERSION_LABELS, PROTOCOL_LABELS } from '../model/labels.ts'
import type { ExchangeDiskRef, PlanIndex } from '../validate/plan-index.ts'
import type { Host } from '../model/plan.ts'
import { hasVhdx, isHyperV, isHyperV2008Era } from './platform-limits.ts'
import { VIRTUAL_SERVER_HYPERVISORS } from '../model/enums.ts'
import { hypervisorName } from './platform-wording.ts'
import { DATA_CONTENTS, contentsLabel, diskLabel, holdsData } from './storage-shared.ts'
import type { Explanation } from './types.ts'

/**
 * Exchange data disks of these versions of a kind the 2013-and-later texts qualify or leave out:
 * dynamic VHDs, differencing disks, dynamic VHDXs and guest Fibre Channel disks. The first two are
 * also `dynamic-vhd-unsupported` and `differencing-vhd-unsupported`: the catalogue gives both rules.
 * Hyper-V 2008/R2 has neither VHDX nor virtual Fibre Channel: a VHDX or guest HBA there is what the
 * platform cannot do (`fixed-vhd-size-limit`, `fc-hba-host-only`), not a storage choice.
 */
export function questionableDataDisks(index: PlanIndex, versions: readonly ExchangeVersion[]): ExchangeDiskRef[] {
  // A loop, not filter(): a callback made anew by each validation lost its optimized code at every
  // full GC, and ran unoptimized over the disks until V8 compiled it again (--trace-opt).
  const disks: ExchangeDiskRef[] = []
  for (const ref of index.virtualDisksOfKind('dynamic-vhd', 'differencing-vhd', 'dynamic-vhdx', 'fc-guest')) {
    if (ref.exchange !== null && versions.includes(ref.exchange.version) && holdsData(ref.disk.contents)
      && !(isHyperV2008Era(ref.host) && (ref.disk.kind === 'dynamic-vhdx' || ref.disk.kind === 'fc-guest'))) disks.push(ref as ExchangeDiskRef)
  }
  return disks
}

/** A dynamic VHDX is listed for Hyper-V only. */
export const listedDynamicVhdx = ({ disk, host }: ExchangeDiskRef): boolean => disk.kind === 'dynamic-vhdx' && isHyperV(host)

/** Explains the finding on a data disk of a kind the 2013-and-later texts do not list. */
export function explainUnlistedStorage(ref: ExchangeDiskRef): Explanation {
  const { disk, vm, host, exchange } = ref
  const data = contentsLabel(disk.contents, DATA_CONTENTS)
  const version = EXCHANGE_VERSION_LABELS[exchange.version]
  const related = [vm.id, host.id]
  if (disk.kind === 'fc-guest') {
    return {
      related,
      message: `${diskLabel(ref)} holds the ${data} on a LUN the guest reaches through its own Fibre Channel HBA; ${version} supports Exchange data only on fixed-size VHD or VHDX files, dynamically expanding VHDX files on Hyper-V, SCSI pass-through disks and iSCSI.`,
      fix: `Connect the LUN behind ${disk.name} to ${host.name}'s Fibre Channel HBA and pass it through to ${vm.name}, or give ${vm.name} a fixed-size virtual disk on it.`,
    }
  }
  if (disk.kind === 'differencing-vhd') {
    return {
      related,
      message: `${diskLabel(ref)} holds the ${data} on a differencing disk; ${version} supports Exchange data only on fixed-size VHD or VHDX files, dynamically expanding VHDX files on Hyper-V, SCSI pass-through disks and iSCSI.`,
      fix: `Merge ${disk.name} of ${vm.name} into ${fixedFile(host)}.`,
    }
  }
  return {
    related,
    message: `${diskLabel(ref)} holds the ${data} on a dynamically expanding virtual disk on ${host.name} (${hypervisorName(host)}); ${version} accepts dynamically expanding disks only as VHDX files on Hyper-V.`,
    // Not a dynamic VHDX for 2013: its whitepaper supports no dynamically expanding disk (e2013-storage-types warns).
    fix: hasVhdx(host)
      ? `Convert ${disk.name} of ${vm.name} to a fixed-size VHDX${exchange.version === '2013' ? '' : ' (or a dynamically expanding VHDX)'}.`
      : `Convert ${disk.name} of ${vm.name} to ${fixedFile(host)}.`,
  }
}

/** The fixed-size disk file a host keeps: a VHDX from Windows Server 2012 Hyper-V, a VHD before, a thick-provisioned disk elsewhere. */
const fixedFile = (host: Host): string =>
  hasVhdx(host) ? 'a fixed-size VHDX' : isHyperV(host) || VIRTUAL_SERVER_HYPERVISORS.includes(host.hypervisor) ? 'a fixed-size VHD' : 'a fixed-size (thick-provisioned) virtual disk'

/** The disks of Exchange VMs of these versions kept on a file share (a LUN of an NFS or SMB array). */
export const disksOnShares = (index: PlanIndex, versions: readonly ExchangeVersion[]): ExchangeDiskRef[] =>
  index.virtualDisksOnShares().filter((ref): ref is ExchangeDiskRef => ref.exchange !== null && versions.includes(ref.exchange.version))

/**
 * What is wrong with a disk on a file share, for the 2013-and-later rule on SMB 3.0, or null: the
 * share must be SMB 3.0, the host Windows Server 2012 Hyper-V or later, and what sits on it a
 * virtual disk file (for 2016 and later a fixed-size one).
 */
export function shareProblem({ disk, host, storage }: ExchangeDiskRef, fixedOnly: boolean): string | null {
  if (storage.protocol !== 'smb3') return `${storage.lun!.array.name} serves ${PROTOCOL_LABELS[storage.protocol!]}, not SMB 3.0`
  if (!isHyperV(host) || isHyperV2008Era(host)) return `${host.name} runs ${hypervisorName(host)}, which cannot keep virtual disks on SMB 3.0 shares (Windows Server 2012 Hyper-V or later can)`
  if (!FILE_DISK_KINDS.includes(disk.kind)) return `the Exchange data is on the share itself, not inside a VHD or VHDX file`
  if (fixedOnly && !FIXED_KINDS.includes(disk.kind)) return `${disk.name} is ${disk.kind === 'differencing-vhd' ? 'a differencing disk' : 'dynamically expanding'}, not fixed-size`
  return null
}

const FIXED_KINDS: readonly DiskKind[] = ['fixed-vhd', 'fixed-vhdx']

/** A disk on a file share, what is wrong with it there, and what its Exchange version accepts. */
export interface ShareProblem { ref: ExchangeDiskRef; problem: string; allowed: string }

/** Explains the finding on a disk on a share with a problem: `allowed` is what the version accepts there. */
export function explainShareProblem({ ref, problem, allowed }: ShareProblem): Explanation {
  const { disk, vm, host, exchange, storage } = ref
  const share = storage.lun!
  return {
    related: [vm.id, share.lun.id, host.id],
    message: `${diskLabel(ref)} is on ${share.lun.name} of ${share.array.name}, and ${problem}; ${EXCHANGE_VERSION_LABELS[exchange.version]} accepts ${allowed}, from Windows Server 2012 Hyper-V or later.`,
    // Only Hyper-V keeps virtual disks on SMB 3.0: another hypervisor's VM moves to block storage.
    fix: isHyperV(host)
      ? `Move ${disk.name} of ${vm.name} to block storage, or make it a fixed-size VHDX on an SMB 3.0 share that a Windows Server 2012 or later Hyper-V host reaches.`
      : `Move ${disk.name} of ${vm.name} to block storage (Fibre Channel, iSCSI or SAS) that ${host.name} reaches.`,
  }
}
