import { describe, expect, it } from 'vitest'
import { validate, type Finding } from '../../core/index.ts'
import { generateEstate } from '../../core/testing/estate.ts'
import { entityNames, filterFindings, pageOf, queryTerms, searchTexts } from './findings-filter.ts'

const ALL = { error: true, warning: true, info: true }
const finding = (over: Partial<Finding>): Finding => ({
  rule: 'dynamic-vhd-unsupported', severity: 'error', subject: 'ex01-db', related: [],
  message: 'DB on EX01 is a dynamically expanding VHD.', fix: 'Make it a fixed VHD.', source: 'Seed article', ...over,
})

describe('findings filter', () => {
  const findings = [
    finding({}),
    finding({ rule: 'db-and-logs-separate-spindles', severity: 'warning', subject: 'ex01-boot', message: 'Boot holds both.', fix: 'Move the logs.' }),
    finding({ rule: 'business-case', severity: 'info', subject: 'ex01', message: 'This plan virtualizes a server.', fix: 'Check the costs.' }),
  ]
  const names = new Map([['ex01-db', 'Database'], ['ex01-boot', 'Boot disk'], ['ex01', 'EX01']])
  const texts = searchTexts(findings, names)
  const rules = (terms: string, shown = ALL) => {
    const groups = filterFindings(findings, texts, shown, queryTerms(terms))
    return [...groups.error, ...groups.warning, ...groups.info].map((f) => f.rule)
  }

  it('groups by severity and keeps everything without a query', () => {
    const groups = filterFindings(findings, texts, ALL, [])
    expect([groups.error.length, groups.warning.length, groups.info.length]).toEqual([1, 1, 1])
  })

  it('matches message, rule, fix and subject name, case-insensitively, every word', () => {
    expect(rules('EXPANDING')).toEqual(['dynamic-vhd-unsupported'])
    expect(rules('spindles')).toEqual(['db-and-logs-separate-spindles'])
    expect(rules('costs')).toEqual(['business-case'])
    expect(rules('boot disk')).toEqual(['db-and-logs-separate-spindles'])
    expect(rules('  move   logs ')).toEqual(['db-and-logs-separate-spindles'])
    expect(rules('nothing-like-this')).toEqual([])
  })

  it('hides the severities switched off', () => {
    expect(rules('', { error: false, warning: true, info: false })).toEqual(['db-and-logs-separate-spindles'])
  })

  it('names disks and LUNs with what holds them, as every VM has its own "Logs"', () => {
    const names = entityNames(generateEstate(2))
    const [host] = generateEstate(2).hosts
    const vm = host!.vms[0]!
    expect(names.get(vm.disks[0]!.id)).toBe(`${vm.name} › ${vm.disks[0]!.name}`)
    expect(names.get(host!.disks[0]!.id)).toBe(`${host!.name} › ${host!.disks[0]!.name}`)
    expect(names.get(vm.id)).toBe(vm.name)
  })

  it('filters thousands of findings quickly', () => {
    const plan = generateEstate(600)
    const many = validate(plan)
    expect(many.length).toBeGreaterThan(3000)
    const manyTexts = searchTexts(many, entityNames(plan))
    const started = performance.now()
    for (const query of ['e', 'ex', 'ex-1', 'ex-1-', 'ex-1-2', 'dynamic', 'fix fixed']) filterFindings(many, manyTexts, ALL, queryTerms(query))
    expect(performance.now() - started).toBeLessThan(200)
  })
})

describe('pageOf', () => {
  const group = Array.from({ length: 10 }, (_, i) => finding({ subject: `vm${i}` }))
  it('shows a group whole when it fits in the page, else its first page', () => {
    expect(pageOf(group, 10, null)).toBe(group)
    expect(pageOf(group, 4, null).map((f) => f.subject)).toEqual(['vm0', 'vm1', 'vm2', 'vm3'])
  })
  it('adds the findings of the selected item, in order, wherever they are in the group', () => {
    const twice = [...group, finding({ subject: 'vm7', rule: 'other' })]
    expect(pageOf(twice, 4, 'vm7').map((f) => `${f.subject}${f.rule === 'other' ? '*' : ''}`)).toEqual(['vm0', 'vm1', 'vm2', 'vm3', 'vm7', 'vm7*'])
    expect(pageOf(group, 4, 'vm2')).toHaveLength(4)
    expect(pageOf(group, 4, 'nothing')).toHaveLength(4)
  })
})
