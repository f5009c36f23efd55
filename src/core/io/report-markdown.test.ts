import { describe, expect, it } from 'vitest'
import type { Finding } from '../rules/types.ts'
import { edit, first, soundPlan } from '../testing/plan-builder.ts'
import { validate } from '../validate/validate.ts'
import { DESIGN_HEADING, escapeMarkdown, findingsReport } from './report-markdown.ts'

const broken = edit(soundPlan(), (d) => { first(d).vm.disks[0]!.kind = 'dynamic-vhd' })
/** The cells of a table row, split on the pipes Markdown would split on (not the escaped ones). */
const cellsOf = (row: string) => row.split(/(?<!\\)\|/).slice(1, -1).map((cell) => cell.trim())
/** The rows of the findings table: the report's tables before the design part. */
const tableRows = (report: string) => report.slice(0, report.indexOf(DESIGN_HEADING)).split('\n').filter((line) => line.startsWith('|'))

describe('findingsReport', () => {
  it('has a title with the plan name, the counts, and one row per finding', () => {
    const findings = validate(broken)
    const report = findingsReport(broken, findings)
    const lines = report.split('\n')
    expect(lines[0]).toBe('# Findings for Test plan')
    expect(lines[2]).toMatch(/^\d+ errors?, \d+ warnings?, \d+ info \(\d+ findings? in total\)\.$/)
    const rows = tableRows(report)
    expect(cellsOf(rows[0]!)).toEqual(['Severity', 'Rule', 'Subject', 'Message', 'Fix', 'Source'])
    expect(rows).toHaveLength(2 + findings.length)
    const vhd = findings.find((finding) => finding.rule === 'dynamic-vhd-unsupported')!
    const disk = first(broken).vm.disks[0]!
    expect(rows.map(cellsOf)).toContainEqual(['Error', escapeMarkdown(vhd.rule), `${escapeMarkdown(disk.name)} (${escapeMarkdown(disk.id)})`, escapeMarkdown(vhd.message), escapeMarkdown(vhd.fix), expect.stringContaining('[cc794548](https://learn.microsoft.com/previous-versions/office/exchange-server-2007-technical-articles/cc794548%28v=exchg.80%29)')])
  })

  it('names the subject by entity name and id, as in EX01 (ex01)', () => {
    const finding: Finding = { rule: 'r', severity: 'info', subject: 'ex01', related: [], message: 'm', fix: 'f', source: 's' }
    const plan = edit(soundPlan(), (d) => { first(d).vm.name = 'EX01' })
    expect(cellsOf(tableRows(findingsReport(plan, [finding]))[2]!)[2]).toBe('EX01 (ex01)')
    expect(cellsOf(tableRows(findingsReport(plan, [{ ...finding, subject: 'gone' }]))[2]!)[2]).toBe('gone')
  })

  it('never lets a name or message break the table or inject HTML', () => {
    const plan = edit(soundPlan(), (d) => {
      d.name = 'Plan | one\n# two <script>alert(1)</script>'
      first(d).vm.name = 'EX|01\r\n[x](javascript:alert(1))'
    })
    const nasty: Finding = { rule: 'r', severity: 'warning', subject: first(plan).vm.id, related: [], message: 'a | b\nc\\|d', fix: '`x`|*y*', source: 'line1\r\nline2' }
    const report = findingsReport(plan, [nasty])
    expect(report.split('\n')[0]).toBe('# Findings for Plan \\| one<br>\\# two \\<script\\>alert(1)\\</script\\>')
    const rows = tableRows(report)
    expect(rows).toHaveLength(3)
    for (const row of rows) expect(cellsOf(row)).toHaveLength(6)
    expect(report).not.toMatch(/(?<!\\)<script|(?<!\\)\]\(javascript/) // only escaped forms remain
    expect(cellsOf(rows[2]!)[3]).toBe('a \\| b<br>c\\\\\\|d')
  })

  it('says so when there are no findings, without an empty table', () => {
    const report = findingsReport(soundPlan(), [])
    expect(report).toContain('0 errors, 0 warnings, 0 info (0 findings in total).')
    expect(report).toContain('No findings')
    expect(tableRows(report)).toEqual([])
  })

  it('ends with the design the findings are about, after the findings', () => {
    const report = findingsReport(broken, validate(broken))
    const design = report.indexOf(`\n${DESIGN_HEADING}\n`)
    expect(design).toBeGreaterThan(report.indexOf('| Severity |'))
    expect(report.slice(design)).toMatch(/### Hosts \(1\)[\s\S]*### Servers \(1\)/)
  })
})
