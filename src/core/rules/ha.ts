import type { Rule } from './types.ts'

export const HA_RULES: readonly Rule[] = []
