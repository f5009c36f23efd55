/**
 * The rule registry: an explicit, ordered list (rules-catalogue.md ids are stable API; a retired
 * id is never reused). Validation runs the rules in this order; findings are sorted afterwards.
 */
import { BACKUP_RULES } from './backup.ts'
import { DERIVED_RULES } from './derived.ts'
import { DESIGN_RULES } from './design.ts'
import { EXCHANGE_2003_RULES } from './exchange-2003.ts'
import { EXCHANGE_2010_RULES } from './exchange-2010.ts'
import { EXCHANGE_2013_RULES } from './exchange-2013.ts'
import { EXCHANGE_2016_RULES } from './exchange-2016.ts'
import { GUEST_RULES } from './guest.ts'
import { HA_RULES } from './ha.ts'
import { LIMIT_RULES } from './limits.ts'
import { MEMORY_RULES } from './memory.ts'
import { PARENT_RULES } from './parent.ts'
import { PLATFORM_RULES } from './platform.ts'
import { STORAGE_RULES } from './storage.ts'
import type { Rule } from './types.ts'

export const RULES: readonly Rule[] = [
  ...PLATFORM_RULES, // A.1
  ...PARENT_RULES, // A.2
  ...GUEST_RULES, // A.3
  ...STORAGE_RULES, // A.4
  ...HA_RULES, // A.5
  ...BACKUP_RULES, // A.6
  ...MEMORY_RULES, // A.7
  ...DESIGN_RULES, // A.8
  ...LIMIT_RULES, // B.3
  ...EXCHANGE_2003_RULES, // C.1
  // C.2–C.4 Exchange 2010 to SE; rules that span versions are listed once, under their first section
  ...EXCHANGE_2010_RULES, // C.2
  ...EXCHANGE_2013_RULES, // C.3
  ...EXCHANGE_2016_RULES, // C.4
  ...DERIVED_RULES, // G (8.2) suggested generic rules
]

/** Looks a rule up by its catalogue id. */
export const ruleById = (id: string): Rule | undefined => RULES.find((rule) => rule.id === id)
