/**
 * The findings of a plan as a Markdown report, for a ticket, a wiki page or a pull request comment,
 * with the design they are about.
 * Every cell is escaped, so no name or message can break the table or inject HTML or links.
 */
import type { Plan } from '../model/plan.ts'
import type { Finding, Severity } from '../rules/types.ts'
import { PlanIndex } from '../validate/plan-index.ts'
import { summarize } from '../validate/validate.ts'
import { count } from '../rules/platform-wording.ts'
import { sourceParts } from '../rules/source-links.ts'
import { escapeMarkdown } from './markdown-escape.ts'
import { designTables } from './report-design.ts'

export { escapeMarkdown } from './markdown-escape.ts'

/** How every report begins; the load path knows a report by it. */
export const REPORT_HEADING = '# Findings for '

const SEVERITY_LABEL: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info' }

/** The heading of the report's second part: the design the findings are about. */
export const DESIGN_HEADING = '## The design checked'

/**
 * A Markdown report: title with the plan name, counts, one table row per finding, then the design
 * they are about (hosts, servers, storage), so a reader needs nothing else.
 */
export function findingsReport(plan: Plan, findings: readonly Finding[]): string {
  const counts = summarize(findings)
  const lines = [
    `${REPORT_HEADING}${escapeMarkdown(plan.name)}`,
    '',
    `${count(counts.error, 'error')}, ${count(counts.warning, 'warning')}, ${counts.info} info (${count(findings.length, 'finding')} in total).`,
    '',
  ]
  if (findings.length === 0) {
    lines.push('No findings: nothing Microsoft does not support, nothing risky.')
  } else {
    const index = new PlanIndex(plan)
    lines.push('| Severity | Rule | Subject | Message | Fix | Source |', '|---|---|---|---|---|---|')
    for (const finding of findings) {
      const name = index.name(finding.subject)
      const subject = name === finding.subject ? name : `${name} (${finding.subject})`
      const cells = [SEVERITY_LABEL[finding.severity], finding.rule, subject, finding.message, finding.fix].map(escapeMarkdown)
      lines.push(`| ${[...cells, linkedSource(finding.source)].join(' | ')} |`)
    }
  }
  lines.push('', DESIGN_HEADING, '', ...designTables(plan))
  return `${lines.join('\n')}\n`
}

/** A finding's source as Markdown, the documents with an address linked (parentheses in an address percent-encoded). */
function linkedSource(source: string): string {
  return sourceParts(source).map((part) => typeof part === 'string'
    ? escapeMarkdown(part)
    : `[${escapeMarkdown(part.text)}](${part.url.replace(/\(/g, '%28').replace(/\)/g, '%29')})`).join('')
}
