/**
 * B.3 Derived platform rules: Hyper-V configuration maximums per host and per VM (tables of B.1 and
 * B.2 in platform-limits.ts), and what a Quick Migration does to a VM. They apply to every VM on
 * the platform, Exchange or not.
 */
import { CONTROLLER_LABELS, HYPERVISOR_LABELS } from '../model/labels.ts'
import type { Controller } from '../model/enums.ts'
import type { Host, VirtualDisk } from '../model/plan.ts'
import type { VmRef } from '../validate/plan-index.ts'
import {
  HOST_LIMITS, IDE_CONTROLLERS, IDE_DEVICES_PER_CONTROLLER, RUNNING_VMS_HV2008_KB956710, SCSI_CONTROLLERS, VM_LIMITS, controllerOf, disksOn, hyperVFamily,
  nicLimits, raisedByKb956710, type VmLimits,
} from './platform-limits.ts'
import { count, joinAnd, snapshotWords, thousands } from './platform-wording.ts'
import { lacksIntegrationComponents } from './guest-hyperv.ts'
import { controllerSlots, quickFix, set, type ControllerSlots } from './quick-fix.ts'
import { defineRule, type Explanation, type QuickFix, type Rule } from './types.ts'

const SECTION = 'B.3 Derived platform rules'

export const hostRunningVmLimit = defineRule({
  id: 'host-running-vm-limit',
  severity: 'error',
  title: 'A host must not run more VMs than its Hyper-V version supports',
  section: SECTION,
  source: 'Hyper-V limits (ee405267); Hyper-V scalability in Windows Server 2016/2019; Hyper-V Best Practices Analyzer (rule 54)',
  perHost: true,
  check({ index, report }) {
    for (const host of index.plan.hosts) {
      const family = hyperVFamily(host)
      // The catalogue gives the free Hyper-V Server 2008 no running-VM figure of its own.
      const limit = family && host.hypervisor !== 'hyper-v-server-2008' ? HOST_LIMITS[family].runningVms : null
      if (!limit || host.vms.length <= limit) continue
      report(host.id, { host, limit }, explainTooManyVms)
    }
  },
})

function explainTooManyVms({ host, limit }: { host: Host; limit: number }): Explanation {
  const kbRaises = raisedByKb956710(host)
  const max = kbRaises ? RUNNING_VMS_HV2008_KB956710 : limit
  const needsKb = kbRaises && host.vms.length <= max
  const name = HYPERVISOR_LABELS[host.hypervisor]
  return {
    message: needsKb
      ? `${host.name} runs ${thousands(host.vms.length)} VMs; ${name} supports ${thousands(limit)} running VMs per host, and up to ${thousands(max)} only with update KB956710 installed.`
      : `${host.name} runs ${thousands(host.vms.length)} VMs; ${name} supports at most ${thousands(max)} running VMs per host${kbRaises ? ` (${thousands(limit)} without update KB956710)` : ''}.`,
    fix: needsKb
      ? `Install KB956710 on ${host.name}'s host OS, or move at least ${count(host.vms.length - limit, 'VM')} to another host.`
      : `Move at least ${count(host.vms.length - max, 'VM')} from ${host.name} to another host.`,
  }
}

export const hostVpLimit = defineRule({
  id: 'host-vp-limit',
  severity: 'error',
  title: 'The virtual processors of a host’s VMs must stay within its Hyper-V version’s limit',
  section: SECTION,
  source: 'Hyper-V limits (ee405267); Hyper-V scalability in Windows Server 2016/2019; Best Practices for Virtualizing and Managing Exchange 2013',
  perHost: true,
  check({ index, report }) {
    for (const host of index.plan.hosts) {
      const family = hyperVFamily(host)
      const limit = family && HOST_LIMITS[family].virtualProcessors
      if (!limit) continue
      const total = host.vms.reduce((sum, vm) => sum + vm.vcpus, 0)
      if (total <= limit) continue
      report(host.id, { host, total, limit }, explainTooManyVps)
    }
  },
})

const explainTooManyVps = ({ host, total, limit }: { host: Host; total: number; limit: number }): Explanation => ({
  related: host.vms.map((vm) => vm.id),
  message: `${host.name}'s VMs have ${thousands(total)} virtual processors in all; ${HYPERVISOR_LABELS[host.hypervisor]} supports at most ${limit} per host.`,
  fix: `Reduce the virtual processors of ${host.name}'s VMs by ${thousands(total - limit)}, or move VMs to another host.`,
})

/** The network adapter limits of a Hyper-V version that has them. */
type NicLimits = NonNullable<VmLimits['nics']>

export const vmNicLimit = defineRule({
  id: 'vm-nic-limit',
  severity: 'error',
  title: 'A VM has at most 12 network adapters on Hyper-V 2008, 2008 R2 and 2016 (8 synthetic, 4 legacy), 68 on 2019 (64 and 4)',
  section: SECTION,
  source: 'Hardware Considerations for Hyper-V in Windows Server 2008 (cc816844); Hyper-V limits (ee405267); Hyper-V scalability in Windows Server 2016/2019',
  perHost: true,
  check({ index, report }) {
    for (const ref of index.vms) {
      const { vm, host } = ref
      const limits = nicLimits(host)
      if (!limits) continue
      let synthetic = 0
      for (const nic of vm.network) if (nic.adapter === 'synthetic') synthetic += 1
      const legacy = vm.network.length - synthetic
      if (vm.network.length <= limits.total && synthetic <= limits.synthetic && legacy <= limits.legacy) continue
      report(vm.id, { ref, limits, synthetic, legacy }, explainTooManyNics)
    }
  },
})

function explainTooManyNics(
  { ref: { vm, host }, limits, synthetic, legacy }: { ref: VmRef; limits: NicLimits; synthetic: number; legacy: number },
): Explanation {
  const over = [
    vm.network.length > limits.total ? `${vm.network.length} network adapters (at most ${limits.total})` : null,
    synthetic > limits.synthetic ? `${synthetic} synthetic adapters (at most ${limits.synthetic})` : null,
    legacy > limits.legacy ? `${legacy} legacy adapters (at most ${limits.legacy})` : null,
  ].filter((part): part is string => part !== null)
  return {
    related: [host.id],
    message: `${vm.name} on ${host.name} has ${joinAnd(over)}; ${HYPERVISOR_LABELS[host.hypervisor]} cannot give a VM more.`,
    fix: `Remove network adapters from ${vm.name} until it has at most ${limits.synthetic} synthetic and ${limits.legacy} legacy adapters.`,
  }
}

export const vmScsiLimit = defineRule({
  id: 'vm-scsi-limit',
  severity: 'error',
  title: 'A VM has at most 4 virtual SCSI controllers with 64 disks each',
  section: SECTION,
  source: 'Hardware Considerations for Hyper-V in Windows Server 2008 (cc816844); Hyper-V limits (ee405267); Planning for Disks and Storage',
  perHost: true,
  check({ index, report }) {
    for (const ref of index.vms) {
      const { vm, host } = ref
      const family = hyperVFamily(host)
      if (!family) continue
      const limits = VM_LIMITS[family]
      // Most VMs have a few disks: only one with more disks than a controller holds, or on more
      // controllers than there are, can break a limit.
      if (vm.disks.length <= limits.disksPerScsiController && vm.disks.length <= limits.scsiControllers) continue
      // In a function of its own: a closure here over `limits` made V8 allocate a context for
      // every VM, even the ones skipped above (0.4 MB at 10,000 VMs).
      const over = scsiOverLimit(ref, limits)
      if (over) report(vm.id, over, explainScsiOverLimit)
    }
  },
})

/** The VM's SCSI controllers counted, when they break a limit; null when they do not. */
function scsiOverLimit(ref: VmRef, limits: VmLimits): ScsiOverLimit | null {
  const perController = new Map<Controller, number>()
  for (const disk of ref.vm.disks) {
    const controller = controllerOf(disk)
    if (controller?.startsWith('scsi')) perController.set(controller, (perController.get(controller) ?? 0) + 1)
  }
  const full = [...perController].filter(([, disks]) => disks > limits.disksPerScsiController)
  const tooManyControllers = perController.size > limits.scsiControllers
  if (full.length === 0 && !tooManyControllers) return null
  return { ref, limits, full, tooManyControllers, controllers: perController.size }
}

/** A VM over a SCSI limit: its controllers over the disks-per-controller limit, and how many controllers it uses. */
interface ScsiOverLimit {
  ref: VmRef
  limits: VmLimits
  full: [Controller, number][]
  tooManyControllers: boolean
  controllers: number
}

function explainScsiOverLimit({ ref: { vm, host }, limits, full, tooManyControllers, controllers }: ScsiOverLimit): Explanation {
  const parts = [
    tooManyControllers ? `${controllers} SCSI controllers (at most ${limits.scsiControllers})` : null,
    ...full.map(([controller, disks]) => `${disks} disks on ${CONTROLLER_LABELS[controller]} (at most ${limits.disksPerScsiController})`),
  ].filter((part): part is string => part !== null)
  return {
    related: [host.id],
    message: `${vm.name} on ${host.name} has ${joinAnd(parts)}.`,
    fix: `Spread ${vm.name}'s disks over its SCSI controllers so that none has more than ${limits.disksPerScsiController}, or use fewer, larger disks.`,
  }
}

export const vmIdeLimit = defineRule({
  id: 'vm-ide-limit',
  severity: 'error',
  title: 'A VM has two virtual IDE controllers with two devices each',
  section: SECTION,
  source: 'Hardware Considerations for Hyper-V in Windows Server 2008 (cc816844); Hyper-V limits (ee405267); Planning for Disks and Storage',
  fixAll: true,
  perHost: true,
  check({ index, report, fixes }) {
    const slots = controllerSlots()
    for (const ref of index.vms) {
      const { vm, host } = ref
      // Only a VM with more disks than one IDE controller holds can overfill one.
      if (vm.disks.length <= IDE_DEVICES_PER_CONTROLLER) continue
      const family = hyperVFamily(host)
      if (!family) continue
      // Counted without a list or a closure: this runs for nearly every VM of an estate.
      let ide0 = 0
      let ide1 = 0
      for (let d = 0; d < vm.disks.length; d++) {
        // The plan's controller first; whether the disk sits on it (controllerOf) only for an IDE one.
        const disk = vm.disks[d]!
        if (disk.controller !== 'ide0' && disk.controller !== 'ide1') continue
        const on = controllerOf(disk)
        if (on === 'ide0') ide0 += 1
        else if (on === 'ide1') ide1 += 1
      }
      if (ide0 <= IDE_DEVICES_PER_CONTROLLER && ide1 <= IDE_DEVICES_PER_CONTROLLER) continue
      const over = ideOverLimit(ref)
      report(vm.id, over, explainIdeOverLimit, undefined, fixes ? spreadIdeDisks(over, slots, VM_LIMITS[family]) : undefined)
    }
  },
})

/** A VM's IDE controllers holding more than two disks, each with the disks beyond the two it keeps. */
interface IdeOverLimit { ref: VmRef; full: { controller: Controller; disks: VirtualDisk[]; extra: VirtualDisk[] }[] }

/** The VM's full IDE controllers (check() made sure one is). */
function ideOverLimit(ref: VmRef): IdeOverLimit {
  const full: IdeOverLimit['full'] = []
  for (const controller of IDE_CONTROLLERS) {
    const disks = disksOn(ref.vm, controller)
    if (disks.length <= IDE_DEVICES_PER_CONTROLLER) continue
    // The OS disk keeps its place (the VM boots from it); the last disks added are the ones to move.
    const kept = [...disks.filter((disk) => disk.contents.includes('os')), ...disks.filter((disk) => !disk.contents.includes('os'))]
      .slice(0, IDE_DEVICES_PER_CONTROLLER)
    full.push({ controller, disks, extra: disks.filter((disk) => !kept.includes(disk)) })
  }
  return { ref, full }
}

/**
 * Moves the disks past two on an IDE controller: a data disk to a SCSI controller with room (where
 * Microsoft wants Exchange data anyway), when the guest has integration components to see it; else,
 * and for an OS disk, to the other IDE controller. No fix when a disk has nowhere to go.
 */
function spreadIdeDisks({ ref: { vm }, full }: IdeOverLimit, slots: ControllerSlots, limits: VmLimits): QuickFix | undefined {
  const moves: { disk: VirtualDisk; to: Controller }[] = []
  for (const { extra } of full) {
    for (const disk of extra) {
      const toScsi = !disk.contents.includes('os') && !lacksIntegrationComponents(vm)
      const to = (toScsi ? slots.take(vm, SCSI_CONTROLLERS.slice(0, limits.scsiControllers), limits.disksPerScsiController) : null) ?? slots.take(vm, IDE_CONTROLLERS, IDE_DEVICES_PER_CONTROLLER)
      if (to === null) return undefined
      moves.push({ disk, to })
    }
  }
  const label = moves.length === 1 ? `Move ${moves[0]!.disk.name} to ${CONTROLLER_LABELS[moves[0]!.to]}` : `Move ${count(moves.length, 'disk')} to controllers with room`
  return quickFix(label, ...moves.map(({ disk, to }) => set(disk.id, 'controller', to)))
}

function explainIdeOverLimit({ ref: { vm, host }, full }: IdeOverLimit): Explanation {
  const parts = full.map(({ controller, disks }) => `${disks.length} disks on ${CONTROLLER_LABELS[controller]} (${joinAnd(disks.map((disk) => disk.name))})`)
  const extra = full.flatMap(({ extra }) => extra.map((disk) => disk.name))
  return {
    related: [host.id, ...full.flatMap(({ extra }) => extra.map((disk) => disk.id))],
    message: `${vm.name} on ${host.name} has ${joinAnd(parts)}; a virtual IDE controller of ${HYPERVISOR_LABELS[host.hypervisor]} holds two devices, and the VM has two such controllers.`,
    // A guest without integration components sees no SCSI disk: only the other IDE controller, until they are in.
    fix: lacksIntegrationComponents(vm)
      ? `Attach ${joinAnd(extra)} of ${vm.name} to the other IDE controller where it has room; for more disks, install the integration components in ${vm.name} and attach them to a SCSI controller. Keep the OS disk on IDE.`
      : `Attach ${joinAnd(extra)} of ${vm.name} to a SCSI controller (data disks belong there), or to the other IDE controller where it has room; keep the OS disk on IDE.`,
  }
}

export const vmSnapshotCount = defineRule({
  id: 'vm-snapshot-count',
  severity: 'error',
  title: 'A VM can have at most 50 snapshots (checkpoints)',
  section: SECTION,
  source: 'Hardware Considerations for Hyper-V in Windows Server 2008 (cc816844); Hyper-V limits (ee405267); Hyper-V scalability in Windows Server 2016/2019',
  fixAll: true,
  perHost: true,
  check({ index, report, fixes }) {
    for (const ref of index.vms) {
      const { vm, host } = ref
      const family = hyperVFamily(host)
      if (!family) continue
      const limit = VM_LIMITS[family].snapshots
      if (vm.snapshots <= limit) continue
      report(vm.id, { ref, limit }, explainTooManySnapshots, undefined, fixes ? trimSnapshots(ref, limit) : undefined)
    }
  },
})

function trimSnapshots({ vm, host }: VmRef, limit: number): QuickFix {
  const many = snapshotWords(host)[1]
  return vm.exchange
    ? quickFix(`Delete the ${many}`, set(vm.id, 'snapshots', 0))
    : quickFix(`Keep ${limit} ${many}`, set(vm.id, 'snapshots', limit))
}

function explainTooManySnapshots({ ref: { vm, host }, limit }: { ref: VmRef; limit: number }): Explanation {
  const many = snapshotWords(host)[1]
  return {
    related: [host.id],
    message: `${vm.name} on ${host.name} has ${thousands(vm.snapshots)} ${many}; ${HYPERVISOR_LABELS[host.hypervisor]} allows at most ${limit} per VM.`,
    fix: `Delete ${many} of ${vm.name} until at most ${limit} remain${vm.exchange ? ` (for an Exchange VM, delete them all: ${many} are unsupported there)` : ''}.`,
  }
}

export const quickMigrationIsSavedState = defineRule({
  id: 'quick-migration-is-saved-state',
  severity: 'info',
  title: 'Quick Migration moves a VM by saving, moving and restoring it',
  section: SECTION,
  source: 'Virtualization team blog (12 May 2009: Hyper-V in WS08 R2 RC)',
  perHost: true,
  check({ index, report }) {
    for (const host of index.plan.hosts) {
      if (host.vms.length === 0 || hyperVFamily(host) === null) continue
      // The free Hyper-V Server 2008 has no failover clustering: no Quick Migration, no Live Migration.
      if (host.hypervisor === 'hyper-v-server-2008' && (host.cluster !== null || host.mobility !== 'none')) {
        report(host.id, host, explainNoMigration)
        continue
      }
      // Windows Server 2008 Hyper-V clusters can move VMs by Quick Migration only; Live Migration came with R2.
      const hv2008Cluster = host.hypervisor === 'hyper-v-2008' && (host.cluster !== null || host.mobility !== 'none')
      if (host.mobility !== 'quick-migration' && !hv2008Cluster) continue
      report(host.id, host, explainQuickMigration)
    }
  },
})

const explainNoMigration = (host: Host): Explanation => ({
  related: host.vms.map((vm) => vm.id),
  message: `${host.name} runs Hyper-V Server 2008, which has no failover clustering and no Live Migration: its VMs move only by saving or shutting them down and moving them by hand, with an outage while that happens.`,
  fix: `Plan each move of a VM on ${host.name} as an outage, or use Windows Server 2008 Enterprise or Datacenter Hyper-V (Quick Migration in a failover cluster) or Hyper-V Server 2008 R2 (Live Migration).`,
})

function explainQuickMigration(host: Host): Explanation {
  const noLive = host.mobility === 'live-migration'
  return {
    related: host.vms.map((vm) => vm.id),
    message: noLive
      ? `${host.name} is set to live migration, which ${HYPERVISOR_LABELS[host.hypervisor]} does not have: its VMs move by Quick Migration, which saves each VM's state, moves it and restores it, with an outage while that happens.`
      : host.mobility === 'none'
        ? `${host.name} is a node of host cluster "${host.cluster}" on ${HYPERVISOR_LABELS[host.hypervisor]}, which moves VMs between nodes only by Quick Migration: a planned move saves a VM's state, moves it and restores it, so its services are down while that happens.`
        : `VMs on ${host.name} move by Quick Migration: each VM's state is saved, moved to another ${host.cluster === null ? 'host' : 'node'} and restored, so its services are down while that happens.`,
    fix: noLive
      ? `Set ${host.name}'s mobility to Quick Migration and plan for the outage of each move (or to none, where a VM must never resume from a saved state, as Exchange 2010 SP1 and later), or use Windows Server 2008 R2 Hyper-V for Live Migration.`
      : hyperVFamily(host) === 'hv2008'
        ? `Plan for the outage of each move, or use Live Migration (Windows Server 2008 R2 Hyper-V or later) to move running VMs without one.`
        : `Set ${host.name}'s mobility to live migration, which ${HYPERVISOR_LABELS[host.hypervisor]} has, to move running VMs without an outage.`,
  }
}

export const LIMIT_RULES: readonly Rule[] = [
  hostRunningVmLimit,
  hostVpLimit,
  vmNicLimit,
  vmScsiLimit,
  vmIdeLimit,
  vmSnapshotCount,
  quickMigrationIsSavedState,
]
