import type { Plan } from '../model/plan.ts'
import { RULES } from '../rules/registry.ts'
import type { Finding, Rule, Severity } from '../rules/types.ts'
import { PlanIndex } from './plan-index.ts'

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 }

/**
 * Runs every rule over a plan and returns its findings in the stable order of plan-format.md:
 * errors, then warnings, then infos; within a severity by rule id, then subject.
 */
export function validate(plan: Plan, rules: readonly Rule[] = RULES): Finding[] {
  const index = new PlanIndex(plan)
  const findings: Finding[] = []
  for (const rule of rules) {
    rule.check({
      index,
      report: (report) => findings.push({
        rule: rule.id,
        severity: report.severity ?? rule.severity,
        subject: report.subject,
        related: report.related ?? [],
        message: report.message,
        fix: report.fix,
        source: rule.source,
      }),
    })
  }
  return findings.sort(compareFindings)
}

export function compareFindings(a: Finding, b: Finding): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]
    || compareText(a.rule, b.rule)
    || compareText(a.subject, b.subject)
    || compareText(a.message, b.message)
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** Counts findings per severity. */
export function summarize(findings: readonly Finding[]): Record<Severity, number> {
  const summary = { error: 0, warning: 0, info: 0 }
  for (const finding of findings) summary[finding.severity] += 1
  return summary
}
