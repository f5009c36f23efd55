/**
 * The findings validate() returns. A rule that fires once per VM or disk reports what a finding is
 * about and how to explain it (RuleContext.report); its words are built the first time they are read.
 * On a 10,000-VM estate that is 62,000 findings and 14 million characters, which a summary, a count
 * or the CLI's exit code never needs.
 *
 * A finding is read-only, and its words are getters: `{ ...finding }`, `structuredClone` or a
 * message to a worker keep only rule, severity, subject and source. `toJSON()` gives every field.
 */
import type { Explanation, Finding, Severity } from '../rules/types.ts'

/** Shared by every finding that relates to nothing: frozen, so that no reader can add to all of them. */
const NOTHING_RELATED: readonly string[] = Object.freeze([])

export class RuleFinding implements Finding {
  /**
   * Like PlanIndex.keepsHiddenClassAlive: with no finding alive, a full GC dropped this class's
   * hidden class and deoptimized the code that makes findings (a 10,000-VM validation in the bench,
   * which starts each run from a full GC, took 250 ms instead of about 100 until this instance kept it).
   */
  static readonly keepsHiddenClassAlive = new RuleFinding('', 'info', '', '', { message: '', fix: '' }, null)

  readonly rule: string
  readonly severity: Severity
  readonly subject: string
  readonly source: string
  /** What the finding is about until its words are read; then (and for a report in words) those words. */
  #about: unknown
  /** Turns `#about` into words; null once it has (or when the rule gave words at once). */
  #explain: ((about: unknown) => Explanation) | null

  constructor(rule: string, severity: Severity, subject: string, source: string, about: unknown, explain: ((about: unknown) => Explanation) | null) {
    this.rule = rule
    this.severity = severity
    this.subject = subject
    this.source = source
    this.#about = about
    this.#explain = explain
  }

  #words(): Explanation {
    if (this.#explain !== null) {
      this.#about = this.#explain(this.#about)
      this.#explain = null
    }
    return this.#about as Explanation
  }

  get related(): readonly string[] { return this.#words().related ?? NOTHING_RELATED }
  get message(): string { return this.#words().message }
  get fix(): string { return this.#words().fix }

  /** The finding as plan-format.md writes it, in its field order (what `--format json` prints). */
  toJSON(): Finding {
    return { rule: this.rule, severity: this.severity, subject: this.subject, related: this.related, message: this.message, fix: this.fix, source: this.source }
  }
}
