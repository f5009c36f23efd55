import type { Rule } from './types.ts'

export const PARENT_RULES: readonly Rule[] = []
