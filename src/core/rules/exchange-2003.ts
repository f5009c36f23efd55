import type { Rule } from './types.ts'

export const EXCHANGE_2003_RULES: readonly Rule[] = []
