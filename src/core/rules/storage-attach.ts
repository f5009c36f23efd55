/**
 * A.4 rules about how an Exchange guest reaches its storage: virtual controller, its own iSCSI or
 * Fibre Channel initiator, and network-attached (file) storage.
 */
import { FILE_DISK_KINDS, type Protocol } from '../model/enums.ts'
import { CONTROLLER_LABELS, EXCHANGE_VERSION_LABELS, HYPERVISOR_LABELS, PROTOCOL_LABELS } from '../model/labels.ts'
import { HOLDS, HOLDS_DATA, isFileProtocol, type ExchangeDiskRef, type LunRef, type PhysicalDiskRef, type VirtualDiskRef } from '../validate/plan-index.ts'
import type { Host, Vm } from '../model/plan.ts'
import { VIRTUAL_SERVER_HYPERVISORS } from '../model/enums.ts'
import { lacksIntegrationComponents } from './guest-hyperv.ts'
import { SCSI_CONTROLLERS, VM_LIMITS, controllerOf, icName, hyperVFamily, isHyperV, isHyperV2008Era } from './platform-limits.ts'
import { controllerSlots, quickFix, set } from './quick-fix.ts'
import {
  CLASSIC_VERSIONS, DATA_CONTENTS, MODERN_VERSIONS, SECTION, contentsLabel, diskLabel,
  holdsData,
} from './storage-shared.ts'
import { capitalize, hypervisorName } from './platform-wording.ts'
import { defineRule, type Explanation } from './types.ts'


export const dataDisksOnScsi = defineRule({
  id: 'data-disks-on-scsi',
  severity: 'info',
  title: 'Attach Exchange data disks to a virtual SCSI controller',
  section: SECTION,
  source: 'Seed article; Hyper-V hardware considerations (cc816844); Planning for Disks and Storage (Hyper-V)',
  fixAll: true,
  perHost: true,
  check({ index, report, fixes }) {
    const slots = controllerSlots()
    for (const { vm, host, disks } of index.vms) {
      const family = hyperVFamily(host)
      if (vm.exchange === null || family === null) continue
      for (const ref of disks) {
        const { disk } = ref
        if (!controllerOf(disk)?.startsWith('ide')) continue
        if ((ref.holds & HOLDS.os) !== 0 || (ref.holds & HOLDS_DATA) === 0) continue
        // A virtual SCSI controller to offer, for the quick fix (explainDataOnIde says why IDE is the wrong one).
        const limits = VM_LIMITS[family]
        const scsi = !fixes || lacksIntegrationComponents(vm) ? null : slots.take(vm, SCSI_CONTROLLERS.slice(0, limits.scsiControllers), limits.disksPerScsiController)
        report(disk.id, ref, explainDataOnIde, undefined, scsi === null ? undefined : quickFix(`Attach it to ${CONTROLLER_LABELS[scsi]}`, set(disk.id, 'controller', scsi)))
      }
    }
  },
})

/** A data disk of an Exchange VM on Hyper-V (check() made sure of the host) on a virtual IDE controller. */
function explainDataOnIde(ref: VirtualDiskRef): Explanation {
  const { disk, vm, host } = ref
  const data = disk.contents.filter((c) => DATA_CONTENTS.includes(c))
  // Virtual SCSI works only with the integration components in the guest. Hot-add came with 2008 R2.
  const withoutIc = lacksIntegrationComponents(vm)
  return {
    related: [vm.id, host.id],
    message: `${diskLabel(ref)} holds the ${contentsLabel(data)} but sits on a virtual IDE controller; only SCSI allows more disks${hyperVFamily(host) === 'hv2008' ? '' : ' and hot-add'}.`,
    fix: withoutIc
      ? `Install the Hyper-V ${icName(host)} in ${vm.name} first (a virtual SCSI controller needs them), then attach ${disk.name} to a virtual SCSI controller.`
      : `Attach ${disk.name} of ${vm.name} to a virtual SCSI controller.`,
  }
}

export const iscsiInGuestPerf = defineRule({
  id: 'iscsi-in-guest-perf',
  severity: 'info',
  severities: ['info', 'warning'],
  title: 'iSCSI from inside the Exchange guest is supported but slower than pass-through',
  section: SECTION,
  source: 'Seed article (Exchange database and Log Files); Exchange 2013 virtualization; Exchange Server virtualization (2016/2019)',
  perHost: true,
  check({ index, report }) {
    for (const ref of index.virtualDisksOfKind('iscsi-guest')) {
      if (ref.exchange === null) continue
      const { vm, host } = ref
      // The catalogue escalates when the iSCSI traffic must go through an emulated (legacy) NIC;
      // the plan does not say which NIC carries iSCSI, so only a VM with no synthetic NIC counts.
      // Virtual Server has no other kind: whatever the plan calls them, its adapters are emulated.
      const legacyOnly = vm.network.length > 0
        && (VIRTUAL_SERVER_HYPERVISORS.includes(host.hypervisor) || vm.network.every((nic) => nic.adapter === 'legacy'))
      if (legacyOnly) report(ref.disk.id, ref, explainIscsiOverLegacyNics, 'warning')
      else report(ref.disk.id, ref, explainIscsiInGuest)
    }
  },
})

function explainIscsiInGuest(ref: VirtualDiskRef): Explanation {
  const direct = hostAttachment(ref.host, ref.vm, 'gerund')
  // Supported for Exchange data; an OS disk there is no boot disk at all (vm-boot-disk-on-ide says so on Hyper-V).
  const os = (ref.holds & HOLDS.os) !== 0
  return {
    related: [ref.vm.id, ref.host.id],
    message: os
      ? `${diskLabel(ref)} holds the OS through the guest's own iSCSI initiator, which starts only with the OS: ${ref.vm.name} cannot boot from it, and the initiator is slower than ${direct}.`
      : `${diskLabel(ref)} uses the guest's own iSCSI initiator; this is supported but slower than ${direct}.`,
    fix: os ? `Give ${ref.vm.name} a boot disk on a virtual controller, and for its data consider ${direct}.` : `Consider ${direct}.`,
  }
}

function explainIscsiOverLegacyNics(ref: VirtualDiskRef): Explanation {
  const { vm, host } = ref
  const direct = hostAttachment(host, vm, 'imperative')
  const virtualServer = VIRTUAL_SERVER_HYPERVISORS.includes(host.hypervisor)
  return {
    related: [vm.id, host.id],
    message: `${diskLabel(ref)} uses the guest's own iSCSI initiator, and ${vm.name} has only ${virtualServer ? `emulated network adapters (all that ${HYPERVISOR_LABELS[host.hypervisor]} has)` : 'legacy (emulated) network adapters'}, which make it slow.`,
    fix: virtualServer
      // Virtual Server's adapters are all emulated: only the host's own initiator helps.
      ? `${capitalize(direct)}.`
      : `Give ${vm.name} a ${host.hypervisor === 'vmware-esx' ? 'paravirtual (VMXNET3)' : isHyperV(host) ? 'synthetic' : 'paravirtual'} network adapter for iSCSI, or ${direct}.`,
  }
}

/**
 * How a host gives a VM a LUN it has connected itself, in words: Hyper-V passes the disk through,
 * VMware ESX maps it as a raw device (RDM), and Virtual Server, which has no pass-through disks,
 * keeps the VM's fixed VHD on it.
 */
function hostAttachment(host: Host, vm: Vm, form: 'gerund' | 'imperative'): string {
  // Each finding says it one way: only that form is built (3,750 findings on the 10,000-VM estate).
  const [connect, pass, keep, present, map] = form === 'gerund'
    ? ['connecting', 'passing', 'keeping', 'presenting', 'mapping']
    : ['connect', 'pass', 'keep', 'present', 'map']
  if (host.hypervisor === 'vmware-esx') return `${present} the LUN to ${host.name} and ${map} it to ${vm.name} as a raw device (RDM)`
  if (VIRTUAL_SERVER_HYPERVISORS.includes(host.hypervisor)) return `${connect} the LUN on ${host.name} and ${keep} ${vm.name}'s fixed VHD on it`
  return `${connect} the LUN on ${host.name} and ${pass} it through to ${vm.name}`
}

export const fcHbaHostOnly = defineRule({
  id: 'fc-hba-host-only',
  severity: 'error',
  severities: ['error', 'info'],
  title: 'Fibre Channel HBAs belong to the host; present their LUNs to the guest as disks',
  section: SECTION,
  source: 'Seed article (Exchange database and Log Files); Exchange 2013 virtualization; Exchange Server virtualization (2016/2019); Hyper-V scalability (2016/2019)',
  perHost: true,
  check({ index, report }) {
    for (const ref of index.virtualDisksOfKind('fc-guest')) {
      const { disk, vm, host } = ref
      // Hyper-V 2008/R2 has no virtual Fibre Channel at all: error for any VM. Elsewhere only the
      // 2013+ Exchange texts mention it, as a hint.
      const impossible = isHyperV2008Era(host)
      if (!impossible && !(vm.exchange && MODERN_VERSIONS.includes(vm.exchange.version))) continue
      if (impossible) report(disk.id, ref, explainNoVirtualFc, 'error')
      else report(disk.id, ref, explainFcInGuest, 'info')
    }
  },
})

function explainNoVirtualFc(ref: VirtualDiskRef): Explanation {
  const { vm, host } = ref
  return {
    related: [vm.id, host.id],
    message: `${diskLabel(ref)} expects the guest to drive a Fibre Channel HBA, but ${HYPERVISOR_LABELS[host.hypervisor]} has no virtual Fibre Channel.`,
    fix: `Configure the HBA on ${host.name} and present the LUN to ${vm.name} as a pass-through disk or a fixed VHD.`,
  }
}

function explainFcInGuest(ref: VirtualDiskRef): Explanation {
  const { disk, vm, host } = ref
  return {
    related: [vm.id, host.id],
    message: `${diskLabel(ref)} expects the guest to drive a Fibre Channel HBA; a guest may be unable to reach the host's HBAs.`,
    fix: `Present the LUN from ${host.name} to ${vm.name} as a fixed-size virtual disk or a pass-through disk${holdsData(disk.contents) ? '; Exchange data is not supported on a disk the guest reaches through its own Fibre Channel adapter' : ', or make sure the hypervisor gives it virtual Fibre Channel'}.`,
  }
}

/** Exchange versions whose own text asks for block-level storage, on any hypervisor. */
const BLOCK_ONLY_VERSIONS = ['2010', ...MODERN_VERSIONS]

/** Why a disk on an SMB 3.0 share is unsupported, or null when it is the one allowed case. */
function smb3Problem({ disk, host, exchange }: ExchangeDiskRef): string | null {
  if (!isHyperV(host) || isHyperV2008Era(host)) return `${hypervisorName(host)} cannot keep virtual disks on SMB 3.0 shares`
  if (CLASSIC_VERSIONS.includes(exchange.version)) return `${EXCHANGE_VERSION_LABELS[exchange.version]} supports only block-level storage`
  if (!FILE_DISK_KINDS.includes(disk.kind)) return 'only VHD or VHDX files may sit on an SMB 3.0 share'
  if (!MODERN_VERSIONS.includes(exchange.version)) return `${EXCHANGE_VERSION_LABELS[exchange.version]} is not supported on SMB 3.0 storage`
  return null
}

export const nasStorageUnsupported = defineRule({
  id: 'nas-storage-unsupported',
  severity: 'error',
  title: 'Exchange storage must be block-level, not network-attached',
  section: SECTION,
  source: 'Hyper-V hardware considerations and limits (2008, 2008 R2, 2016); Planning for Disks and Storage (Hyper-V); Exchange 2013 virtualization; Exchange Server virtualization (2016/2019)',
  perHost: true,
  check({ index, report }) {
    for (const { host, exchange, disks } of index.vms) {
      // Exchange 2003/2007 texts say nothing about NAS; Hyper-V's own ban makes it apply there.
      if (exchange === null || (!isHyperV(host) && !BLOCK_ONLY_VERSIONS.includes(exchange.version))) continue
      // Each is an ExchangeDiskRef: its VM runs Exchange.
      for (const ref of disks as readonly ExchangeDiskRef[]) {
        const { lun, protocol } = ref.storage
        if (lun === null || protocol === null || !isFileProtocol(protocol)) continue
        // Only SMB 3.0 has a supported case: whether this is it takes finding why not, so that reason
        // is kept; every other file protocol is unsupported, and its explanation says so.
        const smb3 = protocol === 'smb3' ? smb3Problem(ref) : null
        if (protocol === 'smb3' && smb3 === null) continue
        report(ref.disk.id, { ref, smb3 }, explainDiskOnShare)
      }
    }
    // A bare-metal (or parent-partition) Exchange 2010+ server keeping its data on a share.
    for (const ref of index.physicalDisks) {
      const { disk, host } = ref
      const exchange = host.parent.exchange
      if (!exchange || !BLOCK_ONLY_VERSIONS.includes(exchange.version) || !holdsData(disk.contents)) continue
      const protocol = index.protocolOfHostDisk(disk)
      const share = disk.lun === null ? undefined : index.lun(disk.lun)
      if (protocol === null || !isFileProtocol(protocol) || !share) continue
      report(disk.id, { ref, protocol, share }, explainHostDataOnShare)
    }
  },
})

/** An Exchange VM's disk on a file share (check() made sure of its LUN and protocol), and what SMB 3.0 lacks for it. */
function explainDiskOnShare({ ref, smb3 }: { ref: ExchangeDiskRef; smb3: string | null }): Explanation {
  const { disk, vm, host } = ref
  const lun = ref.storage.lun!
  const protocol = ref.storage.protocol!
  const why = smb3 ?? `${PROTOCOL_LABELS[protocol]} is network-attached storage, which is not supported for Exchange`
  return {
    related: [vm.id, lun.lun.id, host.id],
    message: `${diskLabel(ref)} is stored on ${lun.lun.name} of ${lun.array.name}, over ${PROTOCOL_LABELS[protocol]}; ${why}.`,
    fix: `Move ${disk.name} of ${vm.name} to block storage: a local disk or a Fibre Channel, iSCSI or SAS LUN.`,
  }
}

function explainHostDataOnShare({ ref: { disk, host }, protocol, share }: { ref: PhysicalDiskRef; protocol: Protocol; share: LunRef }): Explanation {
  return {
    related: [host.id, share.lun.id],
    message: `${host.name} keeps its Exchange ${contentsLabel(disk.contents, DATA_CONTENTS)} on ${disk.name}, which is ${share.lun.name} of ${share.array.name}, reached over ${PROTOCOL_LABELS[protocol]}; Exchange supports only block-level storage.`,
    fix: `Move the Exchange data of ${host.name} off ${disk.name} to a local disk or a Fibre Channel, iSCSI or SAS LUN.`,
  }
}
