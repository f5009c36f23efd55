import type { Rule } from './types.ts'

export const STORAGE_RULES: readonly Rule[] = []
