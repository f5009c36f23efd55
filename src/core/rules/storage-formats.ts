/**
 * A.4 rules about virtual disk formats: dynamically expanding and differencing disks, and the size
 * Hyper-V allows a VHD or VHDX file to reach.
 */
import { EXCHANGE_VERSION_LABELS, HYPERVISOR_LABELS } from '../model/labels.ts'
import { fixedSpace } from './capacity.ts'
import { hyperVFamily, VM_LIMITS, vmLimitsOf, type VmLimits } from './platform-limits.ts'
import { VIRTUAL_SERVER_HYPERVISORS, type DiskKind } from '../model/enums.ts'
import type { VirtualDiskRef } from '../validate/plan-index.ts'
import { quickFix, set } from './quick-fix.ts'
import { CLASSIC_VERSIONS, FILE_KINDS, SECTION, VHD_KINDS, VHDX_KINDS, diskLabel, gb } from './storage-shared.ts'
import { defineRule, type Explanation } from './types.ts'

export const dynamicVhdUnsupported = defineRule({
  id: 'dynamic-vhd-unsupported',
  severity: 'error',
  title: 'Dynamically expanding virtual disks are not supported for Exchange',
  section: SECTION,
  source: 'Seed article (disk creation; Conclusion); Microsoft Exchange 2007 virtualization support policy (cc794548); Planning for Disks and Storage (Hyper-V)',
  fixAll: true,
  // Its quick fixes share out room on LUNs that host disks of several hosts share (fixedSpace).
  perHost: 'findings',
  check({ index, report, fixes }) {
    const space = fixedSpace(index)
    // Kind by kind, not one list of both: that was a copy of every dynamic disk of an estate.
    for (const kind of DYNAMIC_KINDS) {
      for (const ref of index.virtualDisksOfKind(kind)) {
        const { disk, exchange } = ref
        if (exchange === null) continue
        // Dynamic VHD: unsupported for 2007 onwards (2003 is unconfirmed). Dynamic VHDX: only the
        // 2007/2010 texts rule it out; 2013+ accepts it on Hyper-V (a C-section rule weighs that).
        const dynamicVhd = disk.kind === 'dynamic-vhd' && exchange.version !== '2003'
        const dynamicVhdx = disk.kind === 'dynamic-vhdx' && CLASSIC_VERSIONS.includes(exchange.version)
        if (!dynamicVhd && !dynamicVhdx) continue
        // The finding is about the ref alone, and its words work the format out again: an object
        // per finding holding the format was 0.14 MB at 10,000 VMs.
        const target = fixedFormatOf(ref)
        // A fixed file takes its whole size at once: the fix is offered where the host disk has the room.
        report(disk.id, ref, explainDynamicDisk, undefined, fixes && target !== null && space.take(ref, target, disk.sizeGB)
          ? quickFix(target === 'fixed-vhdx' ? 'Make it a fixed VHDX' : 'Make it a fixed VHD', set(disk.id, 'kind', target))
          : undefined)
      }
    }
  },
})

const DYNAMIC_KINDS: readonly DiskKind[] = ['dynamic-vhd', 'dynamic-vhdx']

/**
 * The fixed format a dynamic disk of an Exchange VM converts to, or null when a fixed file of its
 * size fits none. A dynamic VHDX becomes a fixed VHD, if it fits in one: Hyper-V 2008/R2 has no
 * VHDX, and the Exchange 2007 and 2010 texts (the only ones that rule a dynamic VHDX out) list
 * fixed VHDs. From Exchange 2013, on Hyper-V with VHDX (Windows Server 2012 on), a fixed VHDX is
 * the format to convert to: no 2,040 GB limit, and the texts of those versions list it.
 */
function fixedFormatOf({ disk, host, exchange }: VirtualDiskRef): 'fixed-vhd' | 'fixed-vhdx' | null {
  const limits = vmLimitsOf(host)
  if (limits === null) return 'fixed-vhd'
  if (limits.vhdxMaxGB !== null && !CLASSIC_VERSIONS.includes(exchange!.version) && disk.sizeGB <= limits.vhdxMaxGB) return 'fixed-vhdx'
  return disk.sizeGB < limits.vhdMaxGB ? 'fixed-vhd' : null
}

function explainDynamicDisk(ref: VirtualDiskRef): Explanation {
  const { disk, vm, host } = ref
  const exchange = ref.exchange!
  const format = disk.kind === 'dynamic-vhd' ? 'VHD' : 'VHDX'
  const target = fixedFormatOf(ref)
  return {
    related: [vm.id, host.id],
    message: `${diskLabel(ref)} is a dynamically expanding ${format}; ${EXCHANGE_VERSION_LABELS[exchange.version]} does not support dynamically expanding virtual disks${format === 'VHD' && !CLASSIC_VERSIONS.includes(exchange.version) ? ' in VHD format' : ''}.`,
    fix: target !== null
      // Virtual Server has no pass-through disks: a fixed VHD is its one way.
      ? `Convert ${disk.name} on ${vm.name} to a fixed-size ${target === 'fixed-vhdx' ? 'VHDX' : 'VHD'}${VIRTUAL_SERVER_HYPERVISORS.includes(host.hypervisor) ? '' : `, or give ${vm.name} a pass-through disk instead`}.`
      : `Give ${vm.name} a pass-through disk instead of ${disk.name}, or split it over fixed-size VHDs smaller than ${gb(vmLimitsOf(host)!.vhdMaxGB)}.`,
  }
}

export const differencingVhdUnsupported = defineRule({
  id: 'differencing-vhd-unsupported',
  severity: 'error',
  title: 'Differencing virtual disks are not supported for Exchange',
  section: SECTION,
  source: 'Microsoft Exchange 2007 virtualization support policy (cc794548); Best Practices for Virtualizing and Managing Exchange 2013; seed article (snapshots)',
  fixAll: true,
  // Its quick fixes share out room on LUNs that host disks of several hosts share (fixedSpace).
  perHost: 'findings',
  check({ index, report, fixes }) {
    const space = fixedSpace(index)
    for (const ref of index.virtualDisksOfKind('differencing-vhd')) {
      const disk = ref.disk
      if (ref.exchange === null) continue
      report(disk.id, ref, explainDifferencingDisk, undefined, fixes && space.take(ref, 'fixed-vhd', disk.sizeGB) ? quickFix('Make it a fixed VHD', set(disk.id, 'kind', 'fixed-vhd')) : undefined)
    }
  },
})

function explainDifferencingDisk(ref: VirtualDiskRef): Explanation {
  const { disk, vm, host } = ref
  return {
    related: [vm.id, host.id],
    message: `${diskLabel(ref)} is a differencing VHD; Exchange does not support disks built on differencing (delta) files.`,
    fix: `Merge ${disk.name} on ${vm.name} into a fixed-size virtual disk, or replace it with a pass-through disk.`,
  }
}

/** The size limits of a host's virtual disk files: VHD, and VHDX where it has the format. */
type FileLimits = Pick<VmLimits, 'vhdMaxGB' | 'vhdxMaxGB'>

/** The VHD format's own limits, for hosts that keep VHD files only and have no Hyper-V figures (Virtual Server). */
const VHD_ONLY = { vhdMaxGB: VM_LIMITS.hv2008.vhdMaxGB, vhdxMaxGB: null }

export const fixedVhdSizeLimit = defineRule({
  id: 'fixed-vhd-size-limit',
  severity: 'error',
  title: 'A Hyper-V virtual disk file must stay below its format’s size limit',
  section: SECTION,
  source: 'Microsoft Exchange 2007 virtualization support policy (cc794548); Hyper-V hardware considerations and limits (2008, 2008 R2, 2016)',
  fixAll: true,
  // Its quick fixes share out room on LUNs that host disks of several hosts share (fixedSpace).
  perHost: 'findings',
  check({ index, report, fixes }) {
    const space = fixedSpace(index)
    // Kind by kind, not one list of them all: that was a copy of 16,250 disks at 10,000 VMs (0.13 MB).
    for (const kind of FILE_KINDS) {
      for (const ref of index.virtualDisksOfKind(kind)) {
        const { disk, vm, host } = ref
        const family = hyperVFamily(host)
        // Virtual Server and Virtual PC keep VHD files only, as Hyper-V did before Windows Server 2012:
        // no VHDX of any size, and VHD files below the format's own limit.
        const virtualServer = VIRTUAL_SERVER_HYPERVISORS.includes(host.hypervisor)
        if (family === null && !virtualServer) continue
        const limits = family === null ? VHD_ONLY : VM_LIMITS[family]
        const vhd = VHD_KINDS.includes(disk.kind)
        if (vhd && family !== null && disk.sizeGB >= limits.vhdMaxGB) {
          report(disk.id, { ref, limits }, explainVhdTooLarge)
        } else if (VHDX_KINDS.includes(disk.kind) && limits.vhdxMaxGB === null) {
          // The VHDX format arrived with Windows Server 2012 Hyper-V: before it no size is allowed.
          // Small enough, it becomes a VHD; Exchange supports no dynamic one, so its disks become fixed.
          const dynamic = disk.kind === 'dynamic-vhdx' && vm.exchange === null
          report(disk.id, { ref, limits, virtualServer, dynamic }, explainVhdxUnknown, undefined, fixes && disk.sizeGB < limits.vhdMaxGB && space.take(ref, dynamic ? 'dynamic-vhd' : 'fixed-vhd', disk.sizeGB)
              ? quickFix(`Make it a ${dynamic ? 'dynamic' : 'fixed'} VHD`, set(disk.id, 'kind', dynamic ? 'dynamic-vhd' : 'fixed-vhd'))
              : undefined)
        } else if (VHDX_KINDS.includes(disk.kind) && limits.vhdxMaxGB !== null && disk.sizeGB > limits.vhdxMaxGB) {
          report(disk.id, { ref, vhdxMaxGB: limits.vhdxMaxGB }, explainVhdxTooLarge)
        }
      }
    }
  },
})

function explainVhdTooLarge({ ref, limits }: { ref: VirtualDiskRef; limits: FileLimits }): Explanation {
  const { disk, vm, host, exchange } = ref
  // A VHDX only where Hyper-V has it and the VM's Exchange accepts it (the 2007 and 2010 texts list fixed VHDs).
  const vhdx = limits.vhdxMaxGB !== null && (exchange === null || !CLASSIC_VERSIONS.includes(exchange.version))
  return {
    related: [vm.id, host.id],
    message: `${diskLabel(ref)} is a ${gb(disk.sizeGB)} VHD; a VHD file must be smaller than ${gb(limits.vhdMaxGB)}.`,
    fix: `Make ${disk.name} smaller than ${gb(limits.vhdMaxGB)}, split it over several disks, or use a pass-through disk${vhdx ? ' or a fixed VHDX' : ''} for it.`,
  }
}

/** A VHDX on a host without the format, and whether it becomes a dynamic VHD (a non-Exchange VM's dynamic VHDX). */
interface VhdxUnknown { ref: VirtualDiskRef; limits: FileLimits; virtualServer: boolean; dynamic: boolean }

function explainVhdxUnknown({ ref, limits, virtualServer, dynamic }: VhdxUnknown): Explanation {
  const { disk, vm, host } = ref
  return {
    related: [vm.id, host.id],
    // The VHD's size limit is said where the disk is too large for it.
    message: `${diskLabel(ref)} is a ${disk.kind === 'dynamic-vhdx' ? 'dynamic' : 'fixed'} VHDX, but ${HYPERVISOR_LABELS[host.hypervisor]} has no VHDX format, only VHD files${disk.sizeGB >= limits.vhdMaxGB ? `, which must be smaller than ${gb(limits.vhdMaxGB)}` : ''}.`,
    // The fix in words is the quick fix's (a non-Exchange VM's dynamic VHDX becomes a dynamic VHD);
    // Virtual Server has no pass-through disks.
    fix: `Make ${disk.name} a ${dynamic ? 'dynamic' : 'fixed'} VHD${disk.sizeGB >= limits.vhdMaxGB ? ` smaller than ${gb(limits.vhdMaxGB)}` : ''}${virtualServer ? '' : ' or a pass-through disk'}.`,
  }
}

function explainVhdxTooLarge({ ref, vhdxMaxGB }: { ref: VirtualDiskRef; vhdxMaxGB: number }): Explanation {
  const { disk, vm, host } = ref
  return {
    related: [vm.id, host.id],
    message: `${diskLabel(ref)} is a ${gb(disk.sizeGB)} VHDX; a VHDX file can hold at most ${gb(vhdxMaxGB)}.`,
    fix: `Make ${disk.name} at most ${gb(vhdxMaxGB)}, split it over several disks, or use a pass-through disk for it.`,
  }
}
