/** Terminal output of the CLI: findings grouped by severity, colored when writing to a TTY. */
import { count, SEVERITIES, thousands, severitiesOf, summarize, WHOLE_FILE, type Finding, type Problem, type Rule, type Severity } from '../core/index.ts'

const STYLE = { error: '31', warning: '33', info: '36', bold: '1', dim: '2' } as const
const paint = (color: boolean) => (style: keyof typeof STYLE, text: string) => (color ? `\x1b[${STYLE[style]}m${text}\x1b[0m` : text)
const HEADING: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Info' }
const MARK: Record<Severity, string> = { error: '✖', warning: '▲', info: 'ℹ' }

export function formatSummary(summary: Record<Severity, number>): string {
  return `${count(summary.error, 'error')}, ${count(summary.warning, 'warning')}, ${thousands(summary.info)} info`
}

export function formatFindings(planName: string, file: string, findings: readonly Finding[], color: boolean): string {
  const c = paint(color)
  const lines = [`${c('bold', planName)}  ${c('dim', file)}`, '']
  for (const severity of SEVERITIES) {
    const group = findings.filter((finding) => finding.severity === severity)
    if (group.length === 0) continue
    lines.push(c(severity, c('bold', `${HEADING[severity]} (${thousands(group.length)})`)))
    for (const finding of group) {
      lines.push(`  ${c(severity, MARK[severity])} ${finding.message} ${c('dim', `[${finding.rule}]`)}`)
      lines.push(`      subject: ${finding.subject}${finding.related.length ? `  (related: ${finding.related.join(', ')})` : ''}`)
      lines.push(`      fix:     ${finding.fix}`)
      lines.push(`      source:  ${c('dim', finding.source)}`)
    }
    lines.push('')
  }
  if (findings.length === 0) lines.push('No findings: nothing Microsoft does not support, nothing risky.', '')
  lines.push(`${c('bold', 'Summary:')} ${formatSummary(summarize(findings))}`)
  return `${lines.join('\n')}\n`
}

const UNREADABLE = 'cannot be read: '

export function formatProblems(file: string, problems: readonly Problem[], color: boolean): string {
  const c = paint(color)
  // A file that cannot be read is no invalid plan: say what stopped the reading.
  const [only] = problems
  if (problems.length === 1 && only!.path === WHOLE_FILE && only!.message.startsWith(UNREADABLE)) {
    return `${c('error', c('bold', 'vexplan:'))} cannot read ${file}: ${only!.message.slice(UNREADABLE.length)}\n`
  }
  const lines = [`${c('error', c('bold', 'vexplan:'))} ${file} is not a valid plan (${count(problems.length, 'problem')}):`]
  for (const problem of problems) lines.push(`  ${c('bold', problem.path)} ${problem.message}${problem.where ? ` (in ${problem.where})` : ''}`)
  return `${lines.join('\n')}\n`
}

export function formatRules(rules: readonly Rule[], color: boolean): string {
  const c = paint(color)
  const width = Math.max(...rules.map((rule) => rule.id.length))
  const lines: string[] = []
  let section = ''
  for (const rule of rules) {
    if (rule.section !== section) {
      section = rule.section
      lines.push('', c('bold', section))
    }
    // A rule whose findings can have other severities says so after its title: "· also error".
    const others = severitiesOf(rule).filter((severity) => severity !== rule.severity)
    const or = others.length > 0 ? ` · also ${others.map((severity) => c(severity, severity)).join(', ')}` : ''
    lines.push(`  ${rule.id.padEnd(width)}  ${c(rule.severity, rule.severity.padEnd(7))}  ${rule.title}${or}`)
  }
  lines.push('', `${rules.length} rules`)
  return `${lines.join('\n').trimStart()}\n`
}
