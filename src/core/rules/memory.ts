/** A.7 Memory. */
import type { ExchangeVersion } from '../model/enums.ts'
import { EXCHANGE_VERSION_LABELS, HYPERVISOR_LABELS } from '../model/labels.ts'
import type { Vm } from '../model/plan.ts'
import type { VmRef } from '../validate/plan-index.ts'
import { OVERCOMMITTING_HYPERVISORS, PARENT_RESERVE_GB, hasDynamicMemory, hostMemory } from './platform-limits.ts'
import { gb, roundSum } from './platform-wording.ts'
import { quickFix, set } from './quick-fix.ts'
import { defineRule, type Explanation, type Rule } from './types.ts'

/**
 * Stated for 2010 onwards; Exchange 2007 predates Hyper-V Dynamic Memory and gets the same rule.
 * Exchange 2003 guests (Virtual Server era) are left out: the catalogue gives no statement for them.
 */
const DYNAMIC_MEMORY_VERSIONS: readonly ExchangeVersion[] = ['2007', '2010', '2013', '2016', '2019', 'se']

type HostMemory = ReturnType<typeof hostMemory>

export const dynamicMemoryUnsupported = defineRule({
  id: 'dynamic-memory-unsupported',
  severity: 'error',
  title: 'Dynamic memory and memory overcommit are not supported for Exchange VMs',
  section: 'A.7 Memory',
  source: 'Exchange 2013 and 2016/2019 virtualization; CSS-Exchange HealthChecker; Exchange 2010 virtualization (memory section)',
  fixAll: true,
  perHost: true,
  check({ index, report, fixes }) {
    // Hosts whose hypervisor overcommits memory and gives its VMs more than it has.
    const overcommitted = new Map<string, HostMemory>()
    // Hyper-V hosts that give their VMs more than they have, which Dynamic Memory makes possible.
    const shortOfMemory = new Map<string, HostMemory>()
    for (const host of index.plan.hosts) {
      const overcommits = OVERCOMMITTING_HYPERVISORS.includes(host.hypervisor)
      if (!overcommits && !hasDynamicMemory(host)) continue
      const memory = hostMemory(host)
      if (memory.overcommitted) (overcommits ? overcommitted : shortOfMemory).set(host.id, memory)
    }
    for (const ref of index.vms) {
      const { vm, host } = ref
      if (!vm.exchange || !DYNAMIC_MEMORY_VERSIONS.includes(vm.exchange.version)) continue
      if (vm.dynamicMemory) {
        // With Dynamic Memory a host can give its VMs more than it has; static, they must all fit.
        const short = overcommitted.get(host.id) ?? shortOfMemory.get(host.id)
        // On a host short of memory the VM would still not own its memory: then it is no one-edit fix.
        if (short) report(vm.id, { ref, short }, explainDynamicMemoryOnShortHost)
        else report(vm.id, ref, explainDynamicMemory, undefined, fixes ? quickFix('Turn off dynamic memory', set(vm.id, 'dynamicMemory', false)) : undefined)
        continue
      }
      const memory = overcommitted.get(host.id)
      if (memory) report(vm.id, { ref, memory }, explainOvercommit)
    }
  },
})

const dynamicMemoryMessage = (vm: Vm): string =>
  `${vm.name} runs ${EXCHANGE_VERSION_LABELS[vm.exchange!.version]} with dynamic memory (or memory overcommit); Exchange must own all the memory it is given.`

function explainDynamicMemory({ vm, host }: VmRef): Explanation {
  return {
    related: [host.id],
    message: dynamicMemoryMessage(vm),
    fix: `Turn off dynamic memory for ${vm.name} and give it a fixed ${gb(vm.ramGB)} that the host always backs.`,
  }
}

function explainDynamicMemoryOnShortHost({ ref: { vm, host }, short }: { ref: VmRef; short: HostMemory }): Explanation {
  return {
    related: [host.id],
    message: dynamicMemoryMessage(vm),
    fix: `Turn off dynamic memory for ${vm.name} and give it a fixed ${gb(vm.ramGB)} that the host always backs: ${host.name} then needs at least ${gb(short.neededGB)} of RAM (it has ${gb(host.hardware.ramGB)}), or fewer VMs.`,
  }
}

function explainOvercommit({ ref: { vm, host }, memory }: { ref: VmRef; memory: HostMemory }): Explanation {
  return {
    related: [host.id],
    message: `${vm.name} runs ${EXCHANGE_VERSION_LABELS[vm.exchange!.version]} on ${host.name}, whose VMs are given ${gb(memory.vmGB)} of memory (${gb(memory.neededGB)} with the host's own reserve) on ${gb(host.hardware.ramGB)} of RAM; ${host.hypervisor === 'third-party' ? 'the third-party hypervisor' : HYPERVISOR_LABELS[host.hypervisor]} overcommits the rest, and Exchange must own all the memory it is given.`,
    // Alone on its host, the VM cannot be helped by moving others: it must fit beside the host's reserve.
    fix: host.vms.length > 1
      ? `Give ${host.name} at least ${gb(memory.neededGB)} of RAM, or reserve ${vm.name}'s full ${gb(vm.ramGB)} and move other VMs off ${host.name}.`
      : host.hardware.ramGB > PARENT_RESERVE_GB
        ? `Give ${host.name} at least ${gb(memory.neededGB)} of RAM, or give ${vm.name} at most ${gb(roundSum(host.hardware.ramGB - PARENT_RESERVE_GB))} and reserve all of it.`
        : `Give ${host.name} at least ${gb(memory.neededGB)} of RAM.`,
  }
}

export const MEMORY_RULES: readonly Rule[] = [dynamicMemoryUnsupported]
