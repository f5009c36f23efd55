/**
 * A.3 rules about a Hyper-V child partition itself: integration components, the Hyper-V RTM
 * update, the boot controller and the per-VM processor and memory maximums. Platform limits apply
 * to every VM on a Hyper-V host; integration components are checked for Exchange VMs.
 */
import type { Controller, GuestOs } from '../model/enums.ts'
import { CONTROLLER_LABELS, GUEST_OS_LABELS, HYPERVISOR_LABELS } from '../model/labels.ts'
import type { Host, Nic, VirtualDisk, Vm } from '../model/plan.ts'
import { HOLDS, type VirtualDiskRef, type VmRef } from '../validate/plan-index.ts'
import {
  IDE_CONTROLLERS, IDE_DEVICES_PER_CONTROLLER, VM_LIMITS, VM_RAM_WS2008_STANDARD_GB, WS2003_GUEST_VCPU_MAX, WS2003_GUESTS, hyperVFamily, isHyperV,
  canBeGeneration2, controllerOf, disksOn, icName, vmGeneration,
} from './platform-limits.ts'
import { UM_VCPUS, needsUmVcpus } from './exchange-2010-um.ts'
import { gb, guestOsName, thousands } from './platform-wording.ts'
import { controllerSlots, quickFix, set, vcpuCount } from './quick-fix.ts'
import { defineRule, type Explanation, type QuickFix } from './types.ts'

const SECTION = 'A.3 Child VM / guest'

/**
 * Guests the seed's list of integration-component ("enlightened") guests leaves out: it names
 * WS2008, WS2003 SP2+, Windows 2000 SP4 and SLES 10, so Windows Server 2003 before SP2 has none.
 */
const GUESTS_WITHOUT_IC: readonly GuestOs[] = ['ws2003-x86']
/** The service pack that brings each of those guests to integration-component support. */
const GUEST_WITH_IC: Partial<Record<GuestOs, GuestOs>> = { 'ws2003-x86': 'ws2003-sp2-x86' }

/** True when the guest OS cannot take Hyper-V integration components at all (before a service pack). */
export const guestOsLacksIntegrationComponents = (os: GuestOs): boolean => GUESTS_WITHOUT_IC.includes(os)

/** True when a VM runs without Hyper-V integration components (none installed, or a guest OS that has none). */
export const lacksIntegrationComponents = (vm: Vm): boolean =>
  vm.integrationComponents === 'none' || guestOsLacksIntegrationComponents(vm.guestOs)

export const guestIntegrationComponents = defineRule({
  id: 'guest-integration-components',
  severity: 'warning',
  severities: ['warning', 'error'],
  title: 'Exchange VMs on Hyper-V need the integration components',
  section: SECTION,
  source: 'Seed article (Windows Server 2008 Hyper-V); Hyper-V hardware considerations (cc816844); Hyper-V planning for disks and storage',
  fixAll: true,
  perHost: true,
  check({ index, report, fixes }) {
    for (const ref of index.vms) {
      const { vm, host } = ref
      if (!vm.exchange || !isHyperV(host) || !lacksIntegrationComponents(vm)) continue
      report(vm.id, ref, explainMissingIc, usesScsiDisks(vm) || usesSyntheticNics(vm) ? 'error' : undefined, fixes ? installIcQuickFix(vm, host) : undefined)
    }
  },
})

/**
 * What needs the integration components to work at all: a disk on a virtual SCSI controller, a
 * synthetic NIC. Their tests are module functions: arrows made per call were 0.07 MB at 10,000 VMs.
 */
const usesScsiDisks = (vm: Vm): boolean => vm.disks.some(onScsi)
const usesSyntheticNics = (vm: Vm): boolean => vm.network.some(isSynthetic)
const onScsi = (disk: VirtualDisk): boolean => controllerOf(disk)?.startsWith('scsi') ?? false
const isSynthetic = (nic: Nic): boolean => nic.adapter === 'synthetic'

/** Install the components, after SP2 where the guest OS has none; none for an OS no service pack brings to them. */
function installIcQuickFix(vm: Vm, host: Host): QuickFix | undefined {
  const ic = icName(host)
  const updatedOs = GUEST_WITH_IC[vm.guestOs]
  return !GUESTS_WITHOUT_IC.includes(vm.guestOs) ? quickFix(`Install ${ic}`, set(vm.id, 'integrationComponents', 'rtm'))
    : updatedOs ? quickFix(`Install SP2 and ${ic}`, set(vm.id, 'guestOs', updatedOs), set(vm.id, 'integrationComponents', 'rtm'))
    : undefined
}

function explainMissingIc({ vm, host }: VmRef): Explanation {
  const osWithout = GUESTS_WITHOUT_IC.includes(vm.guestOs)
  const needs = [
    usesScsiDisks(vm) ? 'SCSI disks' : null,
    usesSyntheticNics(vm) ? 'synthetic network adapters' : null,
  ].filter((need) => need !== null)
  const ic = icName(host)
  const why = osWithout
    ? `${vm.name} runs ${guestOsName(vm.guestOs)}, which has no Hyper-V ${ic}`
    : `${vm.name} has no Hyper-V ${ic} installed`
  return {
    related: [host.id],
    message: needs.length > 0
      ? `${why}, so its ${needs.join(' and ')} cannot work.`
      : `${why}; its devices are emulated and slow.`,
    fix: osWithout
      ? `Update ${vm.name} to Windows Server 2003 SP2 or later and install the Hyper-V ${ic}.`
      : `Install the Hyper-V ${ic} in ${vm.name}.`,
  }
}

export const guestIcRtmUpdate = defineRule({
  id: 'guest-ic-rtm-update',
  severity: 'warning',
  title: 'Windows Server 2008 hosts and guests need the Hyper-V RTM update',
  section: SECTION,
  source: 'Seed article (Windows Server 2008 Hyper-V; names kb950500, Microsoft\'s Hyper-V RTM update is KB950050)',
  fixAll: true,
  perHost: true,
  check({ index, report, fixes }) {
    // Only the Windows Server 2008 role shipped a pre-release Hyper-V; Hyper-V Server 2008 came with the final one.
    for (const host of index.plan.hosts) {
      if (host.hypervisor !== 'hyper-v-2008' || host.hyperVRtmUpdate) continue
      report(host.id, host, explainPreReleaseHost, undefined, fixes ? quickFix('Install the Hyper-V RTM update', set(host.id, 'hyperVRtmUpdate', true)) : undefined)
    }
    for (const ref of index.vms) {
      const { vm, host } = ref
      if (hyperVFamily(host) !== 'hv2008' || vm.integrationComponents !== 'beta') continue
      report(vm.id, ref, explainBetaIc, undefined, fixes ? quickFix('Install the RTM integration components', set(vm.id, 'integrationComponents', 'rtm')) : undefined)
    }
  },
})

const explainPreReleaseHost = (host: Host): Explanation => ({
  message: `${host.name} runs the pre-release Hyper-V that shipped with Windows Server 2008 RTM.`,
  fix: `Install the Hyper-V RTM update (KB950050) on ${host.name}.`,
})

const explainBetaIc = ({ vm, host }: VmRef): Explanation => ({
  related: [host.id],
  message: `${vm.name} still has the pre-release (beta) Hyper-V integration components.`,
  fix: `Install the Hyper-V RTM integration components in ${vm.name} (keep an ISO with the update on ${host.name}: the guest has no network until they are in).`,
})

export const vmBootDiskOnIde = defineRule({
  id: 'vm-boot-disk-on-ide',
  severity: 'error',
  title: 'A Generation 1 Hyper-V VM boots only from a virtual IDE controller',
  section: SECTION,
  source: 'Seed article (VM creation steps); Hyper-V hardware considerations (cc816844); Hyper-V 2008 R2 limits (ee405267); Hyper-V planning for disks and storage',
  fixAll: true,
  perHost: true,
  check({ index, report, fixes }) {
    const slots = controllerSlots()
    for (const { vm, host, disks } of index.vms) {
      if (!isHyperV(host)) continue
      for (const ref of disks) {
        const { disk } = ref
        if ((ref.holds & HOLDS.os) === 0) continue
        // An OS disk the guest reaches itself (its iSCSI initiator, its Fibre Channel HBA) is there
        // only once the OS runs: no VM boots from one, whatever its generation.
        if (controllerOf(disk) === null) {
          report(disk.id, ref, explainBootFromGuestAttached)
          continue
        }
        if (!controllerOf(disk)!.startsWith('scsi') || vmGeneration(vm, host) !== 1) continue
        const ide = fixes ? slots.take(vm, IDE_CONTROLLERS, IDE_DEVICES_PER_CONTROLLER) : null
        report(disk.id, ref, explainBootFromScsi, undefined, ide === null ? undefined : quickFix(`Attach it to ${CONTROLLER_LABELS[ide]}`, set(disk.id, 'controller', ide)))
      }
    }
  },
})

/** The first of the VM's IDE controllers with room for a disk, as the quick fix takes it; null when both are full. */
function ideWithRoom(vm: Vm): Controller | null {
  return IDE_CONTROLLERS.find((ide) => disksOn(vm, ide).length < IDE_DEVICES_PER_CONTROLLER) ?? null
}

/** The OS disk of a Generation 1 VM on a SCSI controller (its controller is one: check() made sure). */
function explainBootFromScsi({ disk, vm, host }: VirtualDiskRef): Explanation {
  const ide = ideWithRoom(vm)
  return {
    related: [vm.id, host.id],
    message: `${vm.name}'s OS disk ${disk.name} is on ${CONTROLLER_LABELS[controllerOf(disk)!]}; on ${HYPERVISOR_LABELS[host.hypervisor]} ${vm.name} can only boot from a virtual IDE controller.`,
    // The words say the controller the quick fix takes; with both full, a data disk makes room first.
    fix: ide !== null
      ? `Attach ${disk.name} to ${CONTROLLER_LABELS[ide]} on ${vm.name}.`
      : `Move a data disk of ${vm.name} off IDE 0 to a SCSI controller (both IDE controllers hold two disks), then attach ${disk.name} to IDE 0.`,
  }
}

/** The OS disk of a VM on a disk the guest attaches itself (check() made sure). */
const explainBootFromGuestAttached = ({ disk, vm, host }: VirtualDiskRef): Explanation => ({
  related: [vm.id, host.id],
  message: `${vm.name}'s OS disk ${disk.name} is reached through the guest's own ${disk.kind === 'fc-guest' ? 'Fibre Channel adapter' : 'iSCSI initiator'}, which works only once the OS has started: ${vm.name} cannot boot from it.`,
  // Before Windows Server 2012 R2 Hyper-V every VM is Generation 1, and boots from IDE only.
  fix: `Make ${disk.name} a fixed VHD or a pass-through disk on ${canBeGeneration2(host) ? `a virtual controller of ${vm.name} (IDE 0 for a Generation 1 VM)` : `IDE 0 of ${vm.name}`}; keep guest-attached LUNs for Exchange data.`,
})

/** A per-VM maximum of a Hyper-V version, which may differ by VM generation. */
type PerVmLimit = { gen1: number; gen2: number }

/** The per-VM limit for a VM's generation (a number: check() runs it for every VM). */
function perVmMax(limit: PerVmLimit | null, vm: Vm, host: Host): number | null {
  if (limit === null) return null
  return vmGeneration(vm, host) === 1 ? limit.gen1 : limit.gen2
}

/** What a per-VM limit is per, in words: "per VM", or "per Generation 2 VM" where the generations differ. */
const perVmWords = (limit: PerVmLimit, vm: Vm, host: Host): string =>
  limit.gen1 === limit.gen2 ? 'per VM' : `per Generation ${vmGeneration(vm, host)} VM`

export const vmVcpuMax = defineRule({
  id: 'vm-vcpu-max',
  severity: 'error',
  title: 'A VM cannot have more virtual processors than Hyper-V and its guest OS allow',
  section: SECTION,
  source: 'Hyper-V hardware considerations (cc816844); Hyper-V 2008 R2 limits (ee405267); Hyper-V 2016/2019 scalability; Exchange 2013 virtualization whitepaper; Hyper-V BPA rule 500',
  fixAll: true,
  perHost: true,
  check({ index, report, fixes }) {
    for (const ref of index.vms) {
      const { vm, host } = ref
      const family = hyperVFamily(host)
      if (!family) continue
      const limit = VM_LIMITS[family].vcpus
      const platform = perVmMax(limit, vm, host)
      const ws2003 = WS2003_GUESTS.includes(vm.guestOs) && (platform === null || WS2003_GUEST_VCPU_MAX < platform)
      const max = ws2003 ? WS2003_GUEST_VCPU_MAX : platform
      if (max === null || vm.vcpus <= max) continue
      // A UM server's 4 processors are e2010-um-vcpu's: fewer trades this error for that one (its fix is a new guest).
      const fixable = fixes && !(max < UM_VCPUS && needsUmVcpus(vm))
      report(vm.id, { ref, ws2003, max, limit }, explainTooManyVcpus, undefined, fixable ? quickFix(`Set ${vcpuCount(max)}`, set(vm.id, 'vcpus', max)) : undefined)
    }
  },
})

function explainTooManyVcpus(
  { ref: { vm, host }, ws2003, max, limit }: { ref: VmRef; ws2003: boolean; max: number; limit: PerVmLimit | null },
): Explanation {
  return {
    related: [host.id],
    message: ws2003
      ? `${vm.name} has ${thousands(vm.vcpus)} virtual processors; Hyper-V supports ${GUEST_OS_LABELS[vm.guestOs]} guests with at most ${max}.`
      : `${vm.name} has ${thousands(vm.vcpus)} virtual processors; ${HYPERVISOR_LABELS[host.hypervisor]} allows at most ${max} ${limit === null ? '' : perVmWords(limit, vm, host)}.`,
    fix: `Give ${vm.name} at most ${max} virtual processors.`,
  }
}

export const vmMemoryMax = defineRule({
  id: 'vm-memory-max',
  severity: 'error',
  title: 'A VM cannot have more memory than Hyper-V allows',
  section: SECTION,
  source: 'Hyper-V hardware considerations (cc816844); Hyper-V 2008 R2 limits (ee405267); Hyper-V 2016/2019 scalability; Exchange 2013 virtualization whitepaper',
  fixAll: true,
  perHost: true,
  check({ index, report, fixes }) {
    for (const ref of index.vms) {
      const { vm, host } = ref
      const family = hyperVFamily(host)
      if (!family) continue
      const limit = VM_LIMITS[family].ramGB
      const platform = perVmMax(limit, vm, host)
      if (platform === null) continue
      // HV08-HW: Windows Server 2008 Standard allows 31 GB per VM (the free Hyper-V Server has no edition).
      const standard = host.hypervisor === 'hyper-v-2008' && host.parent.edition === 'standard' && VM_RAM_WS2008_STANDARD_GB < platform
      const max = standard ? VM_RAM_WS2008_STANDARD_GB : platform
      if (vm.ramGB <= max) continue
      report(vm.id, { ref, standard, max, limit: limit! }, explainTooMuchMemory, undefined, fixes ? quickFix(`Set ${gb(max)} of memory`, set(vm.id, 'ramGB', max)) : undefined)
    }
  },
})

function explainTooMuchMemory(
  { ref: { vm, host }, standard, max, limit }: { ref: VmRef; standard: boolean; max: number; limit: PerVmLimit },
): Explanation {
  return {
    related: [host.id],
    message: standard
      ? `${vm.name} has ${gb(vm.ramGB)} of memory; on ${host.name}, running Windows Server 2008 Standard, a VM can have at most ${gb(max)}.`
      : `${vm.name} has ${gb(vm.ramGB)} of memory; ${HYPERVISOR_LABELS[host.hypervisor]} allows at most ${gb(max)} ${perVmWords(limit, vm, host)}.`,
    fix: standard
      ? `Give ${vm.name} at most ${gb(max)}, or run ${host.name} on Windows Server 2008 Enterprise or Datacenter.`
      : `Give ${vm.name} at most ${gb(max)} of memory.`,
  }
}
