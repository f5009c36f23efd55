/** "Fix all": the combined quick fix of each rule whose fixes are independent (the rule's `fixAll`). */
import { ruleById, type Edit, type Finding, type QuickFix } from '../../core/index.ts'

export interface FixAll {
  count: number
  edits: Edit[]
  /** What every fix does, when they all say the same ("Make it a fixed VHD"); else the rule's title. */
  words: string
}

/**
 * Per rule that allows "Fix all" and has more than one fixable finding: how many, and all their
 * edits in the findings' order. Linear: a 10,000-VM plan has thousands of fixes per rule.
 */
export function fixAllByRule(findings: readonly Finding[], quickFixes: ReadonlyMap<Finding, QuickFix>): Map<string, FixAll> {
  const byRule = new Map<string, FixAll>()
  for (const finding of findings) {
    const fix = quickFixes.get(finding)
    if (!fix || !ruleById(finding.rule)?.fixAll) continue
    let entry = byRule.get(finding.rule)
    if (!entry) byRule.set(finding.rule, (entry = { count: 0, edits: [], words: fix.label }))
    entry.count += 1
    // Fixes that say different things ("Take Disk 2 offline", "Take Disk 3 offline") are named by the rule.
    if (entry.words !== fix.label) entry.words = ruleById(finding.rule)!.title
    for (const edit of fix.edits) entry.edits.push(edit)
  }
  for (const [rule, entry] of byRule) if (entry.count < 2) byRule.delete(rule)
  return byRule
}
