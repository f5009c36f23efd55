import type { Rule } from './types.ts'

export const PLATFORM_RULES: readonly Rule[] = []
