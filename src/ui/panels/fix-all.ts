/** "Fix all": the combined quick fix of each rule whose fixes are independent (the rule's `fixAll`). */
import { ruleById, type Edit, type Finding, type QuickFix } from '../../core/index.ts'

export interface FixAll {
  count: number
  edits: Edit[]
  /**
   * What the fixes do: the label they share ("Make it a fixed VHD"), or, where labels differ, the
   * first one's and how many more ("Take Disk 2 offline on HV01 and 1 similar fix").
   */
  words: string
}

/**
 * Per rule that allows "Fix all" and has more than one fixable finding: how many, and all their
 * edits in the findings' order. Linear: a 10,000-VM plan has thousands of fixes per rule.
 */
export function fixAllByRule(findings: readonly Finding[], quickFixes: ReadonlyMap<Finding, QuickFix>): Map<string, FixAll> {
  const byRule = new Map<string, { count: number; edits: Edit[]; first: string; mixed: boolean }>()
  for (const finding of findings) {
    const fix = quickFixes.get(finding)
    if (!fix || !ruleById(finding.rule)?.fixAll) continue
    let entry = byRule.get(finding.rule)
    if (!entry) byRule.set(finding.rule, (entry = { count: 0, edits: [], first: fix.label, mixed: false }))
    entry.count += 1
    if (fix.label !== entry.first) entry.mixed = true
    for (const edit of fix.edits) entry.edits.push(edit)
  }
  const fixAll = new Map<string, FixAll>()
  for (const [rule, { count, edits, first, mixed }] of byRule) {
    // Fixes that say different things ("Take Disk 2 offline", "Take Disk 3 offline") are named by
    // the first: the button still says what it does.
    if (count > 1) fixAll.set(rule, { count, edits, words: mixed ? `${first} and ${count - 1} similar fix${count > 2 ? 'es' : ''}` : first })
  }
  return fixAll
}
