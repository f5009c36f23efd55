import type { Severity } from '../core/index.ts'

export type Args =
  | { command: 'validate'; file: string; format: 'text' | 'json'; failOn: Severity }
  | { command: 'rules'; format: 'text' | 'json' }
  | { command: 'help' }

export const USAGE = `Usage:
  vexplan validate PLAN.json [--format text|json] [--fail-on error|warning|info]
  vexplan rules [--format text|json]

validate  checks a plan file (or a PNG exported by vexplan; - reads standard input) and prints its
          findings; after --, every argument is a file, even one that starts with -.
          Exit code 0: nothing at or above --fail-on (default: error); 1: something is;
          2: the command line is wrong, the file cannot be read or is not a valid plan,
          or the output cannot be written.
rules     lists the rules vexplan implements.
`

/** Parses the command line; unknown options and missing values are errors, never guesses. */
export function parseArgs(argv: readonly string[]): Args | { error: string } {
  const [command, ...rest] = argv
  // Nothing asked is a command line that does not say what to do (as a wrong one, exit 2); asked for, help is an answer (exit 0).
  if (command === undefined) return { error: 'no command given' }
  if (command === 'help' || command === '--help' || command === '-h') return { command: 'help' }
  if (command !== 'validate' && command !== 'rules') return { error: `unknown command "${command}"` }
  let format: 'text' | 'json' = 'text'
  let failOn: Severity = 'error'
  const files: string[] = []
  let options = true
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!
    if (!options) {
      files.push(arg)
      continue
    }
    if (arg === '--') {
      options = false
      continue
    }
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined]
    const value = () => inline ?? rest[++i]
    if (flag === '--help' || flag === '-h') return { command: 'help' }
    if (flag === '--format') {
      const v = value()
      if (v !== 'text' && v !== 'json') return { error: `--format takes "text" or "json", not ${v === undefined ? 'nothing' : `"${v}"`}` }
      format = v
    } else if (flag === '--fail-on' && command === 'validate') {
      const v = value()
      if (v !== 'error' && v !== 'warning' && v !== 'info') return { error: `--fail-on takes "error", "warning" or "info", not ${v === undefined ? 'nothing' : `"${v}"`}` }
      failOn = v
    } else if (flag.startsWith('-') && flag !== '-') {
      return { error: `unknown option "${flag}" for "vexplan ${command}"` }
    } else {
      files.push(arg)
    }
  }
  if (command === 'rules') return files.length === 0 ? { command, format } : { error: `"vexplan rules" takes no file (got "${files[0]}")` }
  if (files.length !== 1) return { error: files.length === 0 ? 'validate needs the path of a plan file' : `validate takes one plan file, got ${files.length}` }
  if (files[0] === '') return { error: 'validate needs the path of a plan file (the one given is empty)' }
  return { command, file: files[0]!, format, failOn }
}
