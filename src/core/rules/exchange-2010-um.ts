/**
 * C.2 Exchange Server 2010, the Unified Messaging role: virtual only from SP1, alone on its server,
 * with four virtual processors on physical cores that are never oversubscribed.
 */
import type { ExchangeRole, GuestOs, Hypervisor } from '../model/enums.ts'
import { GUEST_OS_LABELS, HYPERVISOR_LABELS } from '../model/labels.ts'
import type { Host, Vm } from '../model/plan.ts'
import type { ExchangeVmRef, PlanIndex } from '../validate/plan-index.ts'
import { C2, E2010_BLOG } from './exchange-modern.ts'
import { WS2003_GUESTS, isHyperV, physicalCores } from './platform-limits.ts'
import { gb, guestOsName, hypervisorName, joinAnd, roleLabels, sum, thousands } from './platform-wording.ts'
import { defineRule, type Explanation, type Rule } from './types.ts'

const E2010_UM = 'Exchange 2010 help: virtualizing the Unified Messaging role (E2010-UM)'

/** The Windows Server 2008 R2 Hyper-V guest the UM topic describes. */
const UM_HYPERVISORS: readonly Hypervisor[] = ['hyper-v-2008-r2', 'hyper-v-server-2008-r2']
const UM_GUESTS: readonly GuestOs[] = ['ws2008-r2', 'ws2008-r2-sp1']
export const UM_VCPUS = 4
const UM_MIN_RAM_GB = 16
const UM_RAM_PER_VCPU_GB = 2

const holdsUm = ({ exchange }: ExchangeVmRef): boolean => exchange.roles.includes('unified-messaging')

/**
 * True when the VM runs Exchange 2010 SP1 or later with Unified Messaging: a server the UM
 * virtualization topic is about, which needs 4 virtual processors (e2010-um-vcpu).
 */
export const needsUmVcpus = ({ exchange }: Vm): boolean =>
  exchange !== null && exchange.version === '2010' && exchange.update !== 'rtm' && exchange.roles.includes('unified-messaging')

/** Exchange 2010 SP1 or later VMs with Unified Messaging (needsUmVcpus). */
const virtualUmServers = (index: PlanIndex): ExchangeVmRef[] => index.exchangeVms('2010').filter((server) => needsUmVcpus(server.vm))

export const e2010UmRtm = defineRule({
  id: 'e2010-um-rtm',
  severity: 'error',
  title: 'Exchange 2010 Unified Messaging can be virtualized only from SP1',
  section: C2,
  aboutRoles: true,
  source: `${E2010_BLOG}; ${E2010_UM}`,
  perHost: true,
  check({ index, report }) {
    for (const server of index.exchangeVms('2010')) {
      if (holdsUm(server) && server.exchange.update === 'rtm') report(server.id, server, explainUmRtm)
    }
  },
})

const explainUmRtm = (server: ExchangeVmRef): Explanation => ({
  related: [server.host.id],
  message: `${server.name} holds the Unified Messaging role on Exchange 2010 RTM; before SP1, Unified Messaging is not supported in a virtual machine.`,
  fix: `Install Exchange 2010 SP1 or later on ${server.name}, or run Unified Messaging on a physical server.`,
})

export const e2010UmOnlyRole = defineRule({
  id: 'e2010-um-only-role',
  severity: 'error',
  title: 'A virtual Exchange 2010 Unified Messaging server runs no other Exchange role',
  section: C2,
  aboutRoles: true,
  source: E2010_UM,
  perHost: true,
  check({ index, report }) {
    for (const server of virtualUmServers(index)) {
      if (server.exchange.roles.some(isNotUm)) report(server.vm.id, server, explainUmOnlyRole)
    }
  },
})

const isNotUm = (role: ExchangeRole): boolean => role !== 'unified-messaging'

function explainUmOnlyRole({ vm, host, exchange }: ExchangeVmRef): Explanation {
  const others = exchange.roles.filter(isNotUm)
  const names = roleLabels(others)
  return {
    related: [host.id],
    message: `${vm.name} runs Exchange 2010 Unified Messaging together with the ${names} role${others.length > 1 ? 's' : ''}; a virtual UM server must run no other Exchange role.`,
    fix: `Move the ${names} role${others.length > 1 ? 's' : ''} of ${vm.name} to another server, and keep Unified Messaging alone on ${vm.name}.`,
  }
}

export const e2010UmVcpu = defineRule({
  id: 'e2010-um-vcpu',
  severity: 'error',
  title: 'A virtual Exchange 2010 Unified Messaging server needs 4 virtual processors',
  section: C2,
  aboutRoles: true,
  source: `${E2010_BLOG}; ${E2010_UM}`,
  perHost: true,
  check({ index, report }) {
    for (const server of virtualUmServers(index)) {
      if (server.vm.vcpus < UM_VCPUS) report(server.vm.id, server, explainUmVcpu)
    }
  },
})

const explainUmVcpu = ({ vm, host }: ExchangeVmRef): Explanation => ({
  related: [host.id],
  message: `${vm.name} runs Exchange 2010 Unified Messaging with ${vm.vcpus} virtual processor${vm.vcpus === 1 ? '' : 's'}; a virtual UM server needs ${UM_VCPUS}.`,
  // Hyper-V gives a Windows Server 2003 guest at most 2 (`vm-vcpu-max`): the guest comes first.
  fix: isHyperV(host) && WS2003_GUESTS.includes(vm.guestOs)
    ? `Move ${vm.name} to a Windows Server 2008 SP2 or 2008 R2 guest (Hyper-V gives a Windows Server 2003 guest at most 2 virtual processors), then give it ${UM_VCPUS}, each backed by a physical core of ${host.name}.`
    : `Give ${vm.name} ${UM_VCPUS} virtual processors, each backed by a physical core of ${host.name}.`,
})

export const e2010UmNoOversubscription = defineRule({
  id: 'e2010-um-no-oversubscription',
  severity: 'error',
  title: 'The host of a virtual Exchange 2010 UM server must not oversubscribe its processors',
  section: C2,
  aboutRoles: true,
  source: `${E2010_BLOG}; ${E2010_UM}`,
  perHost: true,
  check({ index, report }) {
    for (const { vm, host } of virtualUmServers(index)) {
      // The virtual processors of every VM of the host against its physical cores, 1:1 (C.2 counts no
      // root baseline here, unlike the 2:1 rule). The UM VM counts at the 4 processors it needs
      // (e2010-um-vcpu) even when it has fewer: they must be physical cores left free for it at all times.
      const others = host.vms.filter((guest) => guest !== vm)
      const othersVcpus = sum(others.map((guest) => guest.vcpus))
      const own = Math.max(vm.vcpus, UM_VCPUS)
      const needed = othersVcpus + own
      const cores = physicalCores(host)
      if (needed <= cores) continue
      report(vm.id, { vm, host, others, othersVcpus, own, needed, cores }, explainUmOversubscription)
    }
  },
})

/** A UM server's host, counted as e2010-um-no-oversubscription counts it. */
interface UmCoreCount { vm: Vm; host: Host; others: Vm[]; othersVcpus: number; own: number; needed: number; cores: number }

function explainUmOversubscription({ vm, host, others, othersVcpus, own, needed, cores }: UmCoreCount): Explanation {
  const total = othersVcpus + vm.vcpus
  const excess = needed - cores
  // The excess can come off the VMs that do not run UM, each keeping one processor (another UM
  // server needs its own 4), if the host has room for this UM server at all.
  const trimmable = others.filter((guest) => !guest.exchange?.roles.includes('unified-messaging') && guest.vcpus > 1)
  const fromOthers = cores >= own && sum(trimmable.map((guest) => guest.vcpus - 1)) >= excess
  const free = cores - othersVcpus
  const parts = [...(others.length > 0 ? [`${othersVcpus} for ${others.length === 1 ? others[0]!.name : 'its other VMs'}`] : []), `${own} for ${vm.name}`]
  return {
    related: [host.id, ...others.map((guest) => guest.id)],
    message: cores < UM_VCPUS
      ? `${vm.name} runs Exchange 2010 Unified Messaging on ${host.name}, which has ${cores} physical core${cores === 1 ? '' : 's'}; a virtual UM server needs ${UM_VCPUS} physical cores available at all times.`
      : total > cores
        ? `${vm.name} runs Exchange 2010 Unified Messaging on ${host.name}, whose VMs have ${thousands(total)} virtual processors on ${thousands(cores)} physical cores; a UM server's host must map virtual processors 1:1 to physical cores.`
        : `${vm.name} runs Exchange 2010 Unified Messaging on ${host.name}, whose ${others.length === 1 ? 'other VM leaves' : 'other VMs leave'} ${Math.max(free, 0)} of its ${cores} physical cores for it; a virtual UM server needs ${UM_VCPUS} available at all times.`,
    fix: fromOthers
      ? `Remove ${excess} virtual processor${excess === 1 ? '' : 's'}${trimmable.length > 1 ? ' in all' : ''} from ${joinAnd(trimmable.map((guest) => guest.name))} on ${host.name}, or move ${trimmable.length === 1 ? 'it' : 'VMs'} to another host, so that ${vm.name} keeps ${own} physical cores of its own.`
      : `Run ${vm.name} on a host with at least ${needed} physical cores (${joinAnd(parts)})${others.length > 0 ? `, or move ${others.length === 1 ? others[0]!.name : 'the other VMs'} off ${host.name}` : ''}.`,
  }
}

export const e2010UmMemory = defineRule({
  id: 'e2010-um-memory',
  severity: 'warning',
  title: 'A virtual Exchange 2010 UM server should have at least 16 GB and 2 GB per virtual processor',
  section: C2,
  source: `${E2010_UM}; ${E2010_BLOG}`,
  perHost: true,
  check({ index, report }) {
    for (const server of virtualUmServers(index)) {
      if (server.vm.ramGB < umMemoryGB(server.vm)) report(server.vm.id, server, explainUmMemory)
    }
  },
})

/** The memory a UM server should have: the floor, or 2 GB per virtual processor where that is more. */
const umMemoryGB = (vm: Vm): number => Math.max(UM_MIN_RAM_GB, UM_RAM_PER_VCPU_GB * vm.vcpus)

function explainUmMemory({ vm, host }: ExchangeVmRef): Explanation {
  const needed = umMemoryGB(vm)
  return {
    related: [host.id],
    message: `${vm.name} runs Exchange 2010 Unified Messaging with ${gb(vm.ramGB)} of memory; Microsoft recommends at least ${gb(UM_MIN_RAM_GB)} and ${gb(UM_RAM_PER_VCPU_GB)} per virtual processor (${gb(needed)} for ${vm.vcpus}).`,
    fix: `Give ${vm.name} at least ${gb(needed)} of memory, or size it with the usual Exchange 2010 guidance.`,
  }
}

export const e2010UmHyperVR2 = defineRule({
  id: 'e2010-um-hyperv-r2',
  severity: 'warning',
  title: 'Virtual Exchange 2010 UM is described on Windows Server 2008 R2 Hyper-V with an R2 guest',
  section: C2,
  source: `${E2010_UM}; ${E2010_BLOG}`,
  perHost: true,
  check({ index, report }) {
    for (const server of virtualUmServers(index)) {
      const { vm, host } = server
      if (UM_HYPERVISORS.includes(host.hypervisor) && UM_GUESTS.includes(vm.guestOs)) continue
      report(vm.id, server, explainUmHyperVR2)
    }
  },
})

function explainUmHyperVR2({ vm, host }: ExchangeVmRef): Explanation {
  const onR2 = UM_HYPERVISORS.includes(host.hypervisor)
  const r2Guest = UM_GUESTS.includes(vm.guestOs)
  const what = [onR2 ? null : `on ${host.name} (${hypervisorName(host)})`, r2Guest ? null : `with ${guestOsName(vm.guestOs)} as its guest OS`]
    .filter((part) => part !== null)
  return {
    related: [host.id],
    message: `${vm.name} runs Exchange 2010 Unified Messaging ${joinAnd(what)}; Microsoft's UM virtualization topic describes a ${GUEST_OS_LABELS['ws2008-r2']} guest on ${HYPERVISOR_LABELS['hyper-v-2008-r2']}.`,
    // Only what differs from the topic's setup, and a vendor's word only where the vendor is not Microsoft.
    fix: `Run ${vm.name}${r2Guest ? '' : ` as a ${GUEST_OS_LABELS['ws2008-r2']} guest`}${onR2 ? '' : ` on a ${HYPERVISOR_LABELS['hyper-v-2008-r2']} host`}${isHyperV(host) ? '' : ', or confirm the hypervisor vendor supports virtual Exchange UM'}.`,
  }
}

export const e2010UmCapacity = defineRule({
  id: 'e2010-um-capacity',
  severity: 'info',
  title: 'A virtual Exchange 2010 UM server handles fewer concurrent calls than a physical one',
  section: C2,
  source: E2010_UM,
  perHost: true,
  check({ index, report }) {
    for (const server of virtualUmServers(index)) report(server.vm.id, server, explainUmCapacity)
  },
})

const explainUmCapacity = ({ vm, host }: ExchangeVmRef): Explanation => ({
  related: [host.id],
  message: `${vm.name} is a virtual Exchange 2010 UM server; sized as Microsoft describes, such a server sustained about 40 concurrent calls with Voice Mail Preview on for all users and about 65 without, fewer than the same physical server.`,
  fix: `Plan about 40 concurrent calls for ${vm.name} (65 without Voice Mail Preview), and add UM servers for more.`,
})

/** The Unified Messaging rules of C.2, in catalogue order. */
export const EXCHANGE_2010_UM_RULES: readonly Rule[] = [
  e2010UmRtm,
  e2010UmOnlyRole,
  e2010UmVcpu,
  e2010UmNoOversubscription,
  e2010UmMemory,
  e2010UmHyperVR2,
  e2010UmCapacity,
]
