import type { Rule } from './types.ts'

export const DESIGN_RULES: readonly Rule[] = []
