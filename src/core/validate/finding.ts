/**
 * The findings validate() returns. A rule that fires once per VM or disk reports what a finding is
 * about and how to explain it (DeferredReport); its words are built the first time they are read.
 * On a 10,000-VM estate that is 62,000 findings and 14 million characters, which a summary, a count
 * or the CLI's exit code never needs.
 */
import type { Explanation, Finding, Severity } from '../rules/types.ts'

const NOTHING_RELATED: string[] = []

export class RuleFinding implements Finding {
  /** Like PlanIndex.keepsHiddenClassAlive: a full GC with no finding alive would drop the class every rule's code was optimized against. */
  static readonly keepsHiddenClassAlive = new RuleFinding('', 'info', '', '', undefined, '', '', null, null)
  readonly rule: string
  readonly severity: Severity
  readonly subject: string
  readonly source: string
  #related: string[]
  #message: string
  #fix: string
  #about: unknown
  #explain: ((about: unknown) => Explanation) | null

  constructor(
    rule: string, severity: Severity, subject: string, source: string,
    related: string[] | undefined, message: string, fix: string,
    about: unknown, explain: ((about: unknown) => Explanation) | null,
  ) {
    this.rule = rule
    this.severity = severity
    this.subject = subject
    this.source = source
    this.#related = related ?? NOTHING_RELATED
    this.#message = message
    this.#fix = fix
    this.#about = about
    this.#explain = explain
  }

  #words(): void {
    const explain = this.#explain
    if (explain === null) return
    const words = explain(this.#about)
    this.#related = words.related ?? NOTHING_RELATED
    this.#message = words.message
    this.#fix = words.fix
    this.#about = null
    this.#explain = null
  }

  get related(): string[] { this.#words(); return this.#related }
  get message(): string { this.#words(); return this.#message }
  get fix(): string { this.#words(); return this.#fix }

  /** The finding as plan-format.md writes it, in its field order (what `--format json` prints). */
  toJSON(): Finding {
    return { rule: this.rule, severity: this.severity, subject: this.subject, related: this.related, message: this.message, fix: this.fix, source: this.source }
  }
}
