/** A.7 Memory. */
import type { ExchangeVersion } from '../model/enums.ts'
import { EXCHANGE_VERSION_LABELS } from '../model/labels.ts'
import { quickFix, set } from './quick-fix.ts'
import { defineRule, type Rule } from './types.ts'

/**
 * Stated for 2010 onwards; Exchange 2007 predates Hyper-V Dynamic Memory and gets the same rule.
 * Exchange 2003 guests (Virtual Server era) are left out: the catalogue gives no statement for them.
 */
const DYNAMIC_MEMORY_VERSIONS: readonly ExchangeVersion[] = ['2007', '2010', '2013', '2016', '2019', 'se']

export const dynamicMemoryUnsupported = defineRule({
  id: 'dynamic-memory-unsupported',
  severity: 'error',
  title: 'Dynamic memory and memory overcommit are not supported for Exchange VMs',
  section: 'A.7 Memory',
  source: 'Exchange 2013 and 2016/2019 virtualization; CSS-Exchange HealthChecker; Exchange 2010 virtualization (memory section)',
  fixAll: true,
  check({ index, report }) {
    for (const { vm, host } of index.vms) {
      if (!vm.exchange || !vm.dynamicMemory || !DYNAMIC_MEMORY_VERSIONS.includes(vm.exchange.version)) continue
      report({
        subject: vm.id,
        related: [host.id],
        message: `${vm.name} runs ${EXCHANGE_VERSION_LABELS[vm.exchange.version]} with dynamic memory (or memory overcommit); Exchange must own all the memory it is given.`,
        fix: `Turn off dynamic memory for ${vm.name} and give it a fixed ${vm.ramGB} GB that the host always backs.`,
        quickFix: quickFix('Turn off dynamic memory', set(vm.id, 'dynamicMemory', false)),
      })
    }
  },
})

export const MEMORY_RULES: readonly Rule[] = [dynamicMemoryUnsupported]
