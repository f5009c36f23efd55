/**
 * The findings validate() returns. A rule that fires once per VM or disk reports what a finding is
 * about and how to explain it (RuleContext.report); its words are built the first time they are read.
 * On a 10,000-VM estate that is 63,000 findings and 14 million characters, which a summary, a count
 * or the CLI's exit code never needs.
 *
 * A finding is read-only, and everything but its subject is a getter: `{ ...finding }`,
 * `structuredClone` or a message to a worker keep only the subject. `toJSON()` gives every field.
 */
import type { Explanation, Finding, Severity } from '../rules/types.ts'

/** Shared by every finding that relates to nothing: frozen, so that no reader can add to all of them. */
const NOTHING_RELATED: readonly string[] = Object.freeze([])

/** What a finding takes from its rule: the rule's id and source. */
export interface FindingRule { readonly id: string; readonly source: string }

/**
 * What the findings of one report of a rule share: the rule, the severity, and how their words are
 * made (null once made, or when the rule gave them at once). Made once per rule, severity and
 * explanation (FindingKinds), so that a finding holds one field for all three.
 */
export class FindingKind {
  readonly rule: FindingRule
  readonly severity: Severity
  readonly explain: ((about: unknown) => Explanation) | null
  /** The kind of the same rule and severity whose words are made (itself when they are). */
  readonly worded: FindingKind

  constructor(rule: FindingRule, severity: Severity, explain: ((about: unknown) => Explanation) | null, worded: FindingKind | null) {
    this.rule = rule
    this.severity = severity
    this.explain = explain
    this.worded = worded ?? this
  }
}

/**
 * The kinds of one rule's findings, made as the rule first reports with a severity and an
 * explanation, and kept as long as the rule (the last one asked for first: a rule reports many
 * findings in a row with one explanation).
 */
export class FindingKinds {
  readonly #rule: FindingRule
  readonly #kinds: FindingKind[] = []
  #last: FindingKind | null = null

  constructor(rule: FindingRule) {
    this.#rule = rule
  }

  of(severity: Severity, explain: ((about: unknown) => Explanation) | null): FindingKind {
    const last = this.#last
    if (last !== null && last.explain === explain && last.severity === severity) return last
    let kind = this.#kinds.find((known) => known.explain === explain && known.severity === severity)
    if (!kind) {
      const worded = explain === null ? null : this.of(severity, null)
      kind = new FindingKind(this.#rule, severity, explain, worded)
      this.#kinds.push(kind)
    }
    this.#last = kind
    return kind
  }
}

export class RuleFinding implements Finding {
  /**
   * Like PlanIndex.keepsHiddenClassAlive: with no finding alive, a full GC dropped this class's
   * hidden class and deoptimized the code that makes findings (a 10,000-VM validation in the bench,
   * which starts each run from a full GC, took 250 ms instead of about 100 until this instance kept it).
   */
  static readonly keepsHiddenClassAlive = new RuleFinding(new FindingKind({ id: '', source: '' }, 'info', null, null), '', { message: '', fix: '' })

  readonly subject: string
  // Three fields, 48 bytes: rule, severity and how to word it are the kind's, and the words are built
  // by a static method (a private method would add a field to every instance). On a 10,000-VM estate
  // that is 63,000 findings, 1 MB less than five fields, and a run of validate() that stays within
  // what the young generation holds without a collection (bench/validate-measure.ts).
  #kind: FindingKind
  /** What the finding is about until its words are made; then (and for a report in words) those words. */
  #about: unknown

  constructor(kind: FindingKind, subject: string, about: unknown) {
    this.subject = subject
    this.#kind = kind
    this.#about = about
  }

  static #words(finding: RuleFinding): Explanation {
    const kind = finding.#kind
    if (kind.explain !== null) {
      finding.#about = kind.explain(finding.#about)
      finding.#kind = kind.worded
    }
    return finding.#about as Explanation
  }

  get rule(): string { return this.#kind.rule.id }
  get severity(): Severity { return this.#kind.severity }
  get source(): string { return RuleFinding.#words(this).source ?? this.#kind.rule.source }
  get related(): readonly string[] { return RuleFinding.#words(this).related ?? NOTHING_RELATED }
  get message(): string { return RuleFinding.#words(this).message }
  get fix(): string { return RuleFinding.#words(this).fix }

  /** The finding as plan-format.md writes it, in its field order (what `--format json` prints). */
  toJSON(): Finding {
    return { rule: this.rule, severity: this.severity, subject: this.subject, related: this.related, message: this.message, fix: this.fix, source: this.source }
  }
}
