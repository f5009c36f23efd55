import type { Rule } from './types.ts'

export const MEMORY_RULES: readonly Rule[] = []
