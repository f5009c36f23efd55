/**
 * `vexplan validate PLAN [--format text|json] [--fail-on error|warning|info]` and
 * `vexplan rules [--format json]` (DESIGN.md, "Command line"). Exit codes: 0 nothing at or above
 * --fail-on, 1 something is, 2 the file cannot be read or is not a valid plan (or bad arguments).
 */
import { RULES, severitiesOf, summarize, validate, type Severity } from '../core/index.ts'
import { parseArgs, USAGE, type Args } from './args.ts'
import { readPlanFile } from './read-plan.ts'
import { formatFindings, formatProblems, formatRules } from './text-output.ts'

export interface Io {
  stdout(text: string): void
  stderr(text: string): void
  /** Whether what goes to stdout may be coloured (a terminal, and NO_COLOR unset). */
  color: boolean
  /** The same for stderr, which may go elsewhere (`2>log`); stdout's choice when not given. */
  colorStderr?: boolean
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 }

export async function main(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv)
  if ('error' in args) {
    io.stderr(`vexplan: ${args.error}\n\n${USAGE}`)
    return 2
  }
  if (args.command === 'help') {
    io.stdout(USAGE)
    return 0
  }
  if (args.command === 'rules') {
    const listed = RULES.map((rule) => ({ id: rule.id, severity: rule.severity, severities: severitiesOf(rule), title: rule.title, section: rule.section, source: rule.source }))
    io.stdout(args.format === 'json' ? `${JSON.stringify(listed, null, 2)}\n` : formatRules(RULES, io.color))
    return 0
  }
  return runValidate(args, io)
}

async function runValidate(args: Extract<Args, { command: 'validate' }>, io: Io): Promise<number> {
  const loaded = await readPlanFile(args.file)
  // What the text output calls the file: "-" is standard input.
  const shown = args.file === '-' ? 'standard input' : args.file
  if (!loaded.ok) {
    if (args.format === 'json') {
      io.stdout(`${JSON.stringify({ file: args.file, problems: loaded.problems }, null, 2)}\n`)
    } else {
      io.stderr(formatProblems(shown, loaded.problems, io.colorStderr ?? io.color))
    }
    return 2
  }
  const plan = loaded.value
  const findings = validate(plan)
  const summary = summarize(findings)
  if (args.format === 'json') {
    io.stdout(`${JSON.stringify({ plan: plan.name, findings, summary }, null, 2)}\n`)
  } else {
    io.stdout(formatFindings(plan.name, shown, findings, io.color))
  }
  return findings.some((finding) => RANK[finding.severity] <= RANK[args.failOn]) ? 1 : 0
}
