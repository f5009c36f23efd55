import type { Edit } from '../edit/edits.ts'
import type { PlanIndex } from '../validate/plan-index.ts'

export type Severity = 'error' | 'warning' | 'info'
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info']

/** One thing validation says about a plan (plan-format.md, "Findings"). */
export interface Finding {
  readonly rule: string
  readonly severity: Severity
  readonly subject: string
  readonly related: readonly string[]
  readonly message: string
  readonly fix: string
  readonly source: string
}

/**
 * A mechanical fix: edits (data, applied by the core's one `applyEdits`) that make the finding go
 * away without introducing an error. `label` is the button text, e.g. "Make it a fixed VHD".
 */
export interface QuickFix {
  label: string
  edits: Edit[]
}

/** The words of a finding: what it relates to, what is wrong and what to change. */
export interface Explanation {
  related?: readonly string[]
  message: string
  fix: string
  /** Where this finding comes from, when that is one part of its rule's source (a rule that checks two things). */
  source?: string
}

/**
 * What a rule reports with its words given at once (`reportWords`); the rule's id, default severity
 * and source are filled in for it.
 */
export interface Report extends Explanation {
  subject: string
  /** Overrides the rule's severity where the catalogue escalates (e.g. warning → error). */
  severity?: Severity
  /** The fix as data, where it is mechanical. */
  quickFix?: QuickFix
}

/**
 * Turns what a finding is about (a ref of the index, or a few values) into its words. A rule that
 * fires once per VM or disk reports what and how, not the words, so a large estate's validation
 * builds no text nobody reads: the words are made the first time a reader asks for them.
 */
export type Explain<T> = (about: T) => Explanation

export interface RuleContext {
  index: PlanIndex
  /**
   * Reports a finding on `subject`, explained by `explain(about)` when its words are first read.
   * `severity` overrides the rule's where the catalogue escalates (e.g. warning → error); `quickFix`
   * is the fix as data, where it is mechanical. The arguments are not an object: on a 10,000-VM
   * estate a literal per finding is 3 MB that the collector must clear.
   */
  report<T>(subject: string, about: T, explain: Explain<T>, severity?: Severity, quickFix?: QuickFix): void
  /** Reports a finding with its words given at once (for a rule that fires once per plan). */
  reportWords(report: Report): void
  /**
   * True when the caller wants quick fixes (the editor); false for validate() alone (the CLI), where
   * a rule skips building them and the ledgers that hand out room for them. Findings are the same.
   */
  fixes: boolean
}

/** A rule is metadata plus one pure check function (rules-catalogue.md gives id, severity, source). */
export interface Rule {
  id: string
  /** The severity of its findings, unless a finding says otherwise (`severity` of a report). */
  severity: Severity
  /**
   * Every severity its findings can have, where the catalogue escalates or softens it for some
   * plans ("info; warning if the VM's iSCSI NIC is a legacy adapter"); `vexplan rules` lists them.
   */
  severities?: readonly Severity[]
  title: string
  /** Catalogue section, e.g. "A.4 Storage". */
  section: string
  source: string
  /**
   * True when its findings are about the Exchange roles a server holds (a role its version has no
   * install for, Unified Messaging where it cannot run): the editor says them at once when a role is
   * dropped, whatever their severity, not only the errors it says for other items.
   */
  aboutRoles?: boolean
  /**
   * True when the quick fixes of all this rule's findings can be applied together as one step
   * ("Fix all"): each touches only its own subject.
   */
  fixAll?: boolean
  /**
   * True when each of its findings is about things of one host (its VMs, disks, host disks, Exchange
   * servers), found by walking the index's lists of them, and no finding depends on what the rule met
   * at another host (a condition on the whole plan reads `index.whole`, the whole plan's index):
   * validate may then run it on runs of hosts in turn (`PlanIndex.slices`), each
   * with its own lists, and its findings are the same. A ref's lists (the users of a host disk or LUN)
   * and lookups by id, names and clusters still see the whole plan; `index.luns` is empty in a slice.
   * 'findings': so for its findings, while its quick fixes share out room that host disks of several
   * hosts share (a LUN: `fixedSpace`), in plan order; it runs slice by slice when no quick fixes
   * are wanted (validate(), the CLI), and on the whole plan when they are.
   */
  perHost?: boolean | 'findings'
  check(context: RuleContext): void
  /**
   * The part of a rule run slice by slice (`perHost`) that is about things several hosts share
   * (LUNs): run once, with the whole plan's index, after its check has run on every slice.
   */
  checkShared?(context: RuleContext): void
}

/** The catalogue section of the generic rules (8.2) and of vexplan's additions derived like them, shared by their files. */
export const GENERIC_SECTION = 'G Suggested generic rules'

export const defineRule = (rule: Rule): Rule => rule

/** Every severity a rule's findings can have, its default first. */
export const severitiesOf = (rule: Rule): readonly Severity[] => rule.severities ?? [rule.severity]
