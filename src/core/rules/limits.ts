import type { Rule } from './types.ts'

export const LIMIT_RULES: readonly Rule[] = []
