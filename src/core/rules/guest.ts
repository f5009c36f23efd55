import type { Rule } from './types.ts'

export const GUEST_RULES: readonly Rule[] = []
