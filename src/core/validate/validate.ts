import type { Plan } from '../model/plan.ts'
import { RULES } from '../rules/registry.ts'
import type { DeferredReport, Explanation, Finding, QuickFix, Report, Rule, Severity } from '../rules/types.ts'
import { RuleFinding } from './finding.ts'
import { PlanIndex } from './plan-index.ts'

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 }

/**
 * Runs every rule over a plan and returns its findings in the stable order of plan-format.md:
 * errors, then warnings, then infos; within a severity by rule id, then subject.
 */
export function validate(plan: Plan, rules: readonly Rule[] = RULES): Finding[] {
  return run(plan, rules, null)
}

/** Findings plus the quick fix of each finding that has one (the UI's "Fix" buttons). */
export interface Validation {
  findings: Finding[]
  quickFixes: Map<Finding, QuickFix>
}

export function validateWithFixes(plan: Plan, rules: readonly Rule[] = RULES): Validation {
  const quickFixes = new Map<Finding, QuickFix>()
  return { findings: run(plan, rules, quickFixes), quickFixes }
}

function run(plan: Plan, rules: readonly Rule[], quickFixes: Map<Finding, QuickFix> | null): Finding[] {
  const index = new PlanIndex(plan)
  // Findings are collected per rule and severity, so that ordering them needs only a sort by
  // subject within each: on a 10,000-VM estate that is most of the cost of a full sort.
  const buckets: { key: string; findings: Finding[] }[] = []
  let count = 0
  for (const rule of rules) {
    const bySeverity: (Finding[] | undefined)[] = []
    rule.check({
      index,
      fixes: quickFixes !== null,
      report: <T>(report: Report | DeferredReport<T>) => {
        const severity = report.severity ?? rule.severity
        // A report in words is its own explanation; a deferred one is explained when first read.
        const finding = 'explain' in report
          ? new RuleFinding(rule.id, severity, report.subject, rule.source, report.about, report.explain as (about: unknown) => Explanation)
          : new RuleFinding(rule.id, severity, report.subject, rule.source, report, null)
        const order = SEVERITY_ORDER[severity]
        let bucket = bySeverity[order]
        if (!bucket) {
          bucket = bySeverity[order] = []
          buckets.push({ key: `${order}${rule.id}`, findings: bucket })
        }
        bucket.push(finding)
        count += 1
        if (quickFixes && report.quickFix) quickFixes.set(finding, report.quickFix)
      },
    })
  }
  // Made at its final length: pushing 62,000 findings one by one copied the list as it grew.
  const findings = new Array<Finding>(count)
  let next = 0
  for (const bucket of buckets.sort((a, b) => compareText(a.key, b.key))) {
    const sorted = bucket.findings.sort(compareWithinRule)
    for (let i = 0; i < sorted.length; i++) findings[next++] = sorted[i]!
  }
  return findings
}

export function compareFindings(a: Finding, b: Finding): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]
    || compareText(a.rule, b.rule)
    || compareWithinRule(a, b)
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
/** By subject, then message; one string comparison where the subjects differ (sorting is a tenth of validating). */
const compareWithinRule = (a: Finding, b: Finding) =>
  a.subject === b.subject ? compareText(a.message, b.message) : a.subject < b.subject ? -1 : 1

/** Counts findings per severity. */
export function summarize(findings: readonly Finding[]): Record<Severity, number> {
  const summary = { error: 0, warning: 0, info: 0 }
  for (const finding of findings) summary[finding.severity] += 1
  return summary
}
