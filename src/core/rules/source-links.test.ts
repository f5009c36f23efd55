import { describe, expect, it } from 'vitest'
import { RULES, ruleById } from './registry.ts'
import { sourceParts } from './source-links.ts'

const links = (source: string) => sourceParts(source).filter((part) => typeof part !== 'string')

describe('links to the documents a source names', () => {
  it('links each key, document number and title, and gives the text back whole', () => {
    const source = 'Exchange 2013 virtualization (E2013-VIRT); Exchange Server virtualization, 2016 and 2019 (E16-VIRT); KB2872325'
    const parts = sourceParts(source)
    expect(parts.map((part) => (typeof part === 'string' ? part : part.text)).join('')).toBe(source)
    expect(links(source).map((part) => [part.text, part.url])).toEqual([
      ['Exchange 2013 virtualization', 'https://learn.microsoft.com/exchange/exchange-2013-virtualization-exchange-2013-help'],
      ['E2013-VIRT', 'https://learn.microsoft.com/exchange/exchange-2013-virtualization-exchange-2013-help'],
      ['Exchange Server virtualization', 'https://learn.microsoft.com/exchange/plan-and-deploy/virtualization'],
      ['E16-VIRT', 'https://learn.microsoft.com/exchange/plan-and-deploy/virtualization'],
      ['KB2872325', 'https://support.microsoft.com/kb/2872325'],
    ])
  })

  it('tells the 2013 whitepaper from the 2013 help topic, and the policy by its number', () => {
    expect(links('Exchange 2013 virtualization whitepaper').map((part) => part.url)).toEqual([expect.stringMatching(/best_practices_for_virtualizing_and_managing_exchange_2013\.pdf$/)])
    expect(links('Microsoft Exchange 2007 virtualization support policy (cc794548), as summarised').map((part) => part.text)).toEqual(['cc794548'])
  })

  it('links the supportability matrix that exchange-update-for-guest-os cites', () => {
    expect(links(ruleById('exchange-update-for-guest-os')!.source).map((part) => part.url)[0]).toBe('https://learn.microsoft.com/exchange/plan-and-deploy/supportability-matrix')
  })

  it('links the list of Exchange builds that exchange-update-unknown cites', () => {
    expect(links(ruleById('exchange-update-unknown')!.source).map((part) => part.url)).toEqual(['https://learn.microsoft.com/exchange/new-features/build-numbers-and-release-dates'])
  })

  it('leaves a source with no public document as plain text', () => {
    expect(sourceParts('Seed article (Conclusion)')).toEqual(['Seed article (Conclusion)'])
    expect(sourceParts('')).toEqual([])
  })

  it('gives every rule\'s source back whole, and links only https addresses', () => {
    let linked = 0
    for (const rule of RULES) {
      const parts = sourceParts(rule.source)
      expect(parts.map((part) => (typeof part === 'string' ? part : part.text)).join('')).toBe(rule.source)
      for (const part of parts) if (typeof part !== 'string') expect(part.url).toMatch(/^https:\/\//)
      if (parts.some((part) => typeof part !== 'string')) linked += 1
    }
    // Most rules cite at least one document with an address (the rest cite the seed article or derivations).
    expect(linked).toBeGreaterThan(RULES.length * 0.6)
  })
})
