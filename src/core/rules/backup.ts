import type { Rule } from './types.ts'

export const BACKUP_RULES: readonly Rule[] = []
