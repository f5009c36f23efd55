/**
 * The findings panel's filtering, kept out of React: names of the entities findings are about,
 * one lower-cased search text per finding (built once per findings list), and the filter itself.
 */
import type { Finding, Plan, Severity } from '../../core/index.ts'

export type SeverityFilter = Record<Severity, boolean>
export type Grouped = Record<Severity, Finding[]>

/**
 * Every entity's display name by id; a disk or LUN is named with what holds it ("EX01 › Logs"), as
 * every VM has its own "Logs".
 */
export function entityNames(plan: Plan): Map<string, string> {
  const names = new Map<string, string>()
  for (const host of plan.hosts) {
    names.set(host.id, host.name)
    for (const disk of host.disks) names.set(disk.id, `${host.name} › ${disk.name}`)
    for (const vm of host.vms) {
      names.set(vm.id, vm.name)
      for (const disk of vm.disks) names.set(disk.id, `${vm.name} › ${disk.name}`)
    }
  }
  for (const array of plan.storage) {
    names.set(array.id, array.name)
    for (const lun of array.luns) names.set(lun.id, `${array.name} › ${lun.name}`)
  }
  return names
}

/** What the text filter looks through for each finding: message, rule, fix, subject name and id. */
export function searchTexts(findings: readonly Finding[], names: ReadonlyMap<string, string>): string[] {
  return findings.map((f) => `${f.message}\n${f.rule}\n${f.fix}\n${names.get(f.subject) ?? ''}\n${f.subject}`.toLowerCase())
}

/** Words of the query; a finding matches when its text contains every word. */
export const queryTerms = (query: string): string[] => query.toLowerCase().split(/\s+/).filter(Boolean)

/** The findings to show, grouped by severity, in their original (validation) order. */
export function filterFindings(findings: readonly Finding[], texts: readonly string[], shown: SeverityFilter, terms: readonly string[]): Grouped {
  const groups: Grouped = { error: [], warning: [], info: [] }
  for (let i = 0; i < findings.length; i++) {
    const finding = findings[i]!
    if (!shown[finding.severity]) continue
    if (terms.length > 0) {
      const text = texts[i]!
      if (!terms.every((term) => text.includes(term))) continue
    }
    groups[finding.severity].push(finding)
  }
  return groups
}

/**
 * The rows of a group on screen: its first `page`, and the findings of the selected item wherever
 * they are in it, so that an item picked on the canvas shows its findings however long the list.
 */
export function pageOf(group: readonly Finding[], page: number, selectedId: string | null): readonly Finding[] {
  if (group.length <= page) return group
  const rows = group.slice(0, page)
  if (selectedId !== null) for (let i = page; i < group.length; i++) if (group[i]!.subject === selectedId) rows.push(group[i]!)
  return rows
}
