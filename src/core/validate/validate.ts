import type { Plan } from '../model/plan.ts'
import { RULES } from '../rules/registry.ts'
import type { Explain, Finding, QuickFix, Report, Rule, RuleContext, Severity } from '../rules/types.ts'
import { FindingKinds, RuleFinding } from './finding.ts'
import { PlanIndex } from './plan-index.ts'
import { sortInPlace } from './sort-findings.ts'

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

/**
 * VMs per slice of the plan for the rules that run slice by slice (`Rule.perHost`): a slice's plan
 * and index (about 3 KB a VM) stay in the processor's caches from one rule to the next. On the
 * 10,000-VM estate, runs from cold caches interleaved with runs on the whole plan at once: slices
 * of 256, 512 and 1,024 VMs each took 9 to 20 % less time (the more, the busier the machine's
 * shared caches were), with no size clearly best.
 */
export const SLICE_VMS = 512
/**
 * A plan of up to this many VMs is not cut: it fits the caches whole, and cutting the 1,000-VM
 * estate in two took 5 % longer (each slice has lists of its own to make).
 */
export const SLICE_FROM_VMS = 2 * SLICE_VMS

function run(plan: Plan, rules: readonly Rule[], quickFixes: Map<Finding, QuickFix> | null, sliceVms = SLICE_VMS, sliceFrom = SLICE_FROM_VMS): Finding[] {
  const index = new PlanIndex(plan)
  const collected = new Collected(quickFixes)
  const fixes = quickFixes !== null
  // (Loops, not map() or forEach(): a callback made by each validation lost its optimized code at every full GC.)
  const reporters: Reporter[] = []
  const outer: (RuleFindings | null)[] = []
  for (const rule of rules) {
    const reporter = reporterOf(rule)
    reporters.push(reporter)
    outer.push(reporter.into)
    reporter.into = collected.forRule(rule)
  }
  try {
    // Rules whose findings are each about one host's things run on each slice of hosts in turn, all
    // of them on one slice before the next: a 10,000-VM estate (30 MB) does not fit the caches, and
    // a rule that walked all of it after another found none of it there.
    const slices = index.vms.length > sliceFrom ? index.slices(sliceVms) : [index]
    const sliced: boolean[] = []
    for (const { perHost } of rules) sliced.push(perHost === true || (perHost === 'findings' && !fixes))
    for (const slice of slices) {
      for (let r = 0; r < rules.length; r++) if (sliced[r]) rules[r]!.check(contextOf(reporters[r]!, slice, fixes))
    }
    for (let r = 0; r < rules.length; r++) {
      const rule = rules[r]!
      if (!sliced[r]) rule.check(contextOf(reporters[r]!, index, fixes))
      rule.checkShared?.(contextOf(reporters[r]!, index, fixes))
    }
  } finally {
    for (let r = 0; r < rules.length; r++) reporters[r]!.into = outer[r]!
  }
  return collected.findings()
}

/** What a rule's check (or its shared part) is given: the index, whether fixes are wanted, and its reporter's functions. */
const contextOf = (reporter: Reporter, index: PlanIndex, fixes: boolean): RuleContext =>
  ({ index, fixes, report: reporter.report, reportWords: reporter.reportWords })

/**
 * validateWithFixes with the rules that run slice by slice run on slices of `vms` VMs, however
 * large the plan (Infinity: the whole plan at once). Tests compare the two: slices must change nothing.
 */
export function validateInSlices(plan: Plan, vms: number, { fixes = true, rules = RULES }: { fixes?: boolean; rules?: readonly Rule[] } = {}): Validation {
  const quickFixes = new Map<Finding, QuickFix>()
  return { findings: run(plan, rules, fixes ? quickFixes : null, vms, 0), quickFixes }
}

/**
 * A rule's `report` and `reportWords`, made once per rule for as long as the rule lives, and
 * pointed at each validation's findings in turn. V8 inlines `report` into each rule's optimized
 * check; with closures made anew for every validation, `--trace-opt` showed checks compiled again
 * run after run, and validating the 10,000-VM estate took about 5 % longer (interleaved sessions).
 */
class Reporter {
  /** Where the rule's findings go, in the validation running it (null between validations). */
  into: RuleFindings | null = null
  readonly report: RuleContext['report']
  readonly reportWords: RuleContext['reportWords']

  constructor(rule: Rule) {
    const kinds = new FindingKinds(rule)
    this.report = <T>(subject: string, about: T, explain: Explain<T>, severity: Severity = rule.severity, quickFix?: QuickFix) => {
      this.into!.add(new RuleFinding(kinds.of(severity, explain as Explain<unknown>), subject, about), severity, quickFix)
    }
    // A report in words is its own explanation.
    this.reportWords = (report: Report) => {
      const severity = report.severity ?? rule.severity
      this.into!.add(new RuleFinding(kinds.of(severity, null), report.subject, report), severity, report.quickFix)
    }
  }
}

const reporters = new WeakMap<Rule, Reporter>()
function reporterOf(rule: Rule): Reporter {
  let reporter = reporters.get(rule)
  if (!reporter) reporters.set(rule, reporter = new Reporter(rule))
  return reporter
}

/**
 * The lists that hold a validation's findings, by bucket key, kept from one validation to the next
 * (each with a count of its own, and cleared once read, so that they keep no finding alive): lists
 * made by each validation were copied as they grew, 1 MB on a 10,000-VM estate, in a run of
 * validate() that should stay within what the young generation holds without a collection
 * (bench/validate-measure.ts). A list in use is out of the map, for a validation within a rule's check.
 */
const spareLists = new Map<string, Finding[]>()

/** One rule's findings of one severity, in the order reported. */
class Bucket {
  /** Kept alive for its hidden class, as PlanIndex.keepsHiddenClassAlive explains. */
  static readonly keepsHiddenClassAlive = new Bucket('', [])
  /** Severity order, then rule id: the order of the buckets. */
  readonly key: string
  readonly list: Finding[]
  count = 0

  constructor(key: string, list: Finding[]) {
    this.key = key
    this.list = list
  }

  add(finding: Finding) {
    if (this.count < this.list.length) this.list[this.count] = finding
    else this.list.push(finding)
    this.count += 1
  }
}

/**
 * The findings of one validation. They are collected per rule and severity, so that ordering them
 * needs only a sort by subject within each: on a 10,000-VM estate that is most of the cost of a full sort.
 */
class Collected {
  /** Kept alive for its hidden class, as PlanIndex.keepsHiddenClassAlive explains. */
  static readonly keepsHiddenClassAlive = new Collected(null)
  readonly #quickFixes: Map<Finding, QuickFix> | null
  readonly #buckets: Bucket[] = []
  #count = 0

  constructor(quickFixes: Map<Finding, QuickFix> | null) {
    this.#quickFixes = quickFixes
  }

  forRule(rule: Rule): RuleFindings {
    return new RuleFindings(rule, this)
  }

  add(bucket: Bucket, finding: Finding, quickFix: QuickFix | undefined) {
    bucket.add(finding)
    this.#count += 1
    if (this.#quickFixes && quickFix) this.#quickFixes.set(finding, quickFix)
  }

  bucket(key: string): Bucket {
    const list = spareLists.get(key)
    if (list) spareLists.delete(key)
    const bucket = new Bucket(key, list ?? [])
    this.#buckets.push(bucket)
    return bucket
  }

  /** Every finding, in plan-format.md's order. */
  findings(): Finding[] {
    // Made at its final length: pushing 63,000 findings one by one copied the list as it grew.
    const findings = new Array<Finding>(this.#count)
    let next = 0
    for (const { key, list, count } of this.#buckets.sort(byKey)) {
      sortInPlace(list, count, compareWithinRule)
      for (let i = 0; i < count; i++) findings[next++] = list[i]!
      list.fill(undefined as unknown as Finding, 0, count)
      spareLists.set(key, list)
    }
    return findings
  }
}

/** One rule's findings in one validation, a list per severity. */
class RuleFindings {
  /** Kept alive for its hidden class, as PlanIndex.keepsHiddenClassAlive explains. */
  static readonly keepsHiddenClassAlive = new RuleFindings({ id: '', severity: 'info', title: '', section: '', source: '', check: () => undefined }, Collected.keepsHiddenClassAlive)
  readonly #rule: Rule
  readonly #collected: Collected
  readonly #bySeverity: (Bucket | undefined)[] = [undefined, undefined, undefined]

  constructor(rule: Rule, collected: Collected) {
    this.#rule = rule
    this.#collected = collected
  }

  add(finding: Finding, severity: Severity, quickFix: QuickFix | undefined) {
    const order = SEVERITY_ORDER[severity]
    const bucket = this.#bySeverity[order] ??= this.#collected.bucket(`${order}${this.#rule.id}`)
    this.#collected.add(bucket, finding, quickFix)
  }
}

export function compareFindings(a: Finding, b: Finding): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]
    || compareText(a.rule, b.rule)
    || compareWithinRule(a, b)
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
/** Made once: a comparator made by each validation lost its optimized code at every full GC. */
const byKey = (a: { key: string }, b: { key: string }) => compareText(a.key, b.key)
/**
 * By subject, then message. One comparison where the subject comes first, as it does in most of a
 * rule's findings (reported in plan order): an equality test first read both subjects once more
 * (an id longer than ten characters is a string of its own, compared character by character).
 * Sorting the 10,000-VM estate's findings: 4.3 ms → 3.2 ms.
 */
const compareWithinRule = (a: Finding, b: Finding) => {
  const subject = a.subject
  const other = b.subject
  return subject < other ? -1 : other < subject ? 1 : compareText(a.message, b.message)
}

/** Counts findings per severity. */
export function summarize(findings: readonly Finding[]): Record<Severity, number> {
  const summary = { error: 0, warning: 0, info: 0 }
  for (const finding of findings) summary[finding.severity] += 1
  return summary
}
