/**
 * Findings derived from the plan: computed once per plan object (a WeakMap cache), so selection,
 * pan, zoom and layout moves never re-run validation. Nothing about findings is stored.
 */
import { summarize, validateWithFixes, type Finding, type Plan, type QuickFix, type Severity } from '../core/index.ts'
import { useShownPlan } from './shown-plan.ts'

export interface EntityFindings { error: number; warning: number; info: number; worst: Severity | null }
export interface DerivedFindings {
  findings: Finding[]
  summary: Record<Severity, number>
  /** Per entity id: counts of the findings whose subject it is. */
  byEntity: Map<string, EntityFindings>
  /** The quick fix of each finding that has one. */
  quickFixes: Map<Finding, QuickFix>
}

const cache = new WeakMap<Plan, DerivedFindings>()
const NONE: EntityFindings = { error: 0, warning: 0, info: 0, worst: null }

export function deriveFindings(plan: Plan): DerivedFindings {
  const cached = cache.get(plan)
  if (cached) return cached
  const { findings, quickFixes } = validateWithFixes(plan)
  const byEntity = new Map<string, EntityFindings>()
  for (const finding of findings) {
    const entry = byEntity.get(finding.subject) ?? { ...NONE }
    entry[finding.severity] += 1
    if (entry.worst === null || rank(finding.severity) < rank(entry.worst)) entry.worst = finding.severity
    byEntity.set(finding.subject, entry)
  }
  const derived = { findings, summary: summarize(findings), byEntity, quickFixes }
  cache.set(plan, derived)
  return derived
}

const rank = (severity: Severity) => (severity === 'error' ? 0 : severity === 'warning' ? 1 : 2)

/** The findings of the plan the large views show (shown-plan.ts; recomputed only when it changes). */
export const useFindings = (): DerivedFindings => deriveFindings(useShownPlan((shown) => shown.plan))
export const entityFindings = (derived: DerivedFindings, id: string): EntityFindings => derived.byEntity.get(id) ?? NONE
