import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { loadPlanValue } from '../io/load.ts'
import { RULES } from '../rules/registry.ts'
import { SEVERITIES } from '../rules/types.ts'
import { arbitraryPlan } from '../testing/plan-arbitrary.ts'
import { soundPlan } from '../testing/plan-builder.ts'
import { generateEstate } from '../testing/estate.ts'
import type { Finding } from '../rules/types.ts'
import { compareFindings, validate, validateWithFixes } from './validate.ts'

/** Every field of each finding, words included (a finding builds them when read; toEqual sees own fields only). */
const words = (findings: readonly Finding[]) => findings.map(({ rule, severity, subject, related, message, fix, source }) => ({ rule, severity, subject, related, message, fix, source }))

describe('validate', () => {
  it('the generator makes valid plans', () => {
    fc.assert(fc.property(arbitraryPlan, (plan) => {
      const loaded = loadPlanValue(plan)
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems))
    }), { numRuns: 200 })
  })

  it('never throws, is deterministic, and returns findings in the stable order', () => {
    const ids = new Set(RULES.map((rule) => rule.id))
    fc.assert(fc.property(arbitraryPlan, (plan) => {
      const first = validate(plan)
      const second = validate(structuredClone(plan))
      expect(words(second)).toEqual(words(first))
      // Element by element: toEqual cannot see words, which are getters, so it would pass findings out of order by message.
      expect([...first].sort(compareFindings).every((finding, i) => finding === first[i])).toBe(true)
      for (const finding of first) {
        expect(ids.has(finding.rule)).toBe(true)
        expect(SEVERITIES).toContain(finding.severity)
        expect(`${finding.message} ${finding.fix}`).not.toMatch(/undefined|NaN|\[object/)
        expect(finding.related.every((id) => typeof id === 'string' && id.length > 0)).toBe(true)
      }
    }), { numRuns: 300 })
  })

  it('gives the same findings with quick fixes as without (rules skip building fixes only when none are wanted)', () => {
    fc.assert(fc.property(arbitraryPlan, (plan) => {
      expect(words(validateWithFixes(plan).findings)).toEqual(words(validate(plan)))
    }), { numRuns: 150 })
    const estate = loadPlanValue(generateEstate(300))
    if (!estate.ok) throw new Error('estate must load')
    const { findings, quickFixes } = validateWithFixes(estate.value)
    expect(words(findings)).toEqual(words(validate(estate.value)))
    expect(quickFixes.size).toBeGreaterThan(100)
  })

  it('does not mutate the plan', () => {
    fc.assert(fc.property(arbitraryPlan, (plan) => {
      const before = JSON.stringify(plan)
      validate(plan)
      expect(JSON.stringify(plan)).toBe(before)
    }), { numRuns: 100 })
  })

  it('finds no errors or warnings in the sound baseline plan', () => {
    expect(validate(soundPlan()).filter((f) => f.severity !== 'info')).toEqual([])
  })

  it('sorts errors, then warnings, then infos; then by rule id and subject', () => {
    const make = (severity: 'error' | 'warning' | 'info', rule: string, subject: string) => ({ rule, severity, subject, related: [], message: '', fix: '', source: '' })
    const sorted = [make('info', 'a', 'x'), make('error', 'b', 'y'), make('error', 'b', 'a'), make('warning', 'a', 'z'), make('error', 'a', 'z')].sort(compareFindings)
    expect(sorted.map((f) => `${f.severity}/${f.rule}/${f.subject}`)).toEqual(['error/a/z', 'error/b/a', 'error/b/y', 'warning/a/z', 'info/a/x'])
  })
})
