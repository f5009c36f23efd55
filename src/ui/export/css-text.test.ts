import { describe, expect, it } from 'vitest'
import { cssText, type RuleLike, type SheetLike } from './css-text.ts'

const rule = (text: string): RuleLike => ({ cssText: text })
const media = (query: string, rules: RuleLike[]): RuleLike => ({ cssText: `@media ${query} { … }`, media: { mediaText: query }, cssRules: rules })
const sheet = (rules: RuleLike[], query = '', disabled = false): SheetLike => ({ disabled, media: { mediaText: query }, cssRules: rules })
const dark = (query: string) => query === '(prefers-color-scheme: dark)'

describe('cssText', () => {
  it('keeps plain rules in order and puts the rules of matching media rules in their place', () => {
    const sheets = [sheet([
      rule(':root { --text: black; }'),
      media('(prefers-color-scheme: dark)', [rule(':root { --text: white; }'), media('print', [rule('.a { color: red; }')])]),
      media('(max-width: 600px)', [rule('.app { display: block; }')]),
      rule('.node { color: var(--text); }'),
    ])]
    expect(cssText(sheets, dark).css).toBe(':root { --text: black; }\n:root { --text: white; }\n.node { color: var(--text); }')
    expect(cssText(sheets, () => false).css).toBe(':root { --text: black; }\n.node { color: var(--text); }')
  })

  it('leaves out disabled sheets, sheets for other media and sheets it may not read', () => {
    const unreadable: SheetLike = {
      disabled: false,
      media: { mediaText: '' },
      get cssRules(): ArrayLike<RuleLike> { throw new DOMException('cross-origin', 'SecurityError') },
    }
    const sheets = [sheet([rule('.a {}')], '', true), sheet([rule('.b {}')], 'print'), unreadable, sheet([rule('.c {}')], '(prefers-color-scheme: dark)')]
    expect(cssText(sheets, dark).css).toBe('.c {}')
  })

  it('keeps other grouping rules (@supports, @keyframes) whole', () => {
    const supports: RuleLike = { cssText: '@supports (display: grid) { .a { display: grid; } }', cssRules: [rule('.a { display: grid; }')] }
    expect(cssText([sheet([supports])], dark).css).toBe(supports.cssText)
  })

  it('sets @font-face rules apart, each with the address of its sheet', () => {
    const font = rule('@font-face { font-family: "Inter Variable"; src: url("./inter-latin.woff2"); }')
    const sheets: SheetLike[] = [
      { ...sheet([font, rule('.a {}')]), href: 'http://localhost/assets/index.css' },
      sheet([media('(prefers-color-scheme: dark)', [font])]),
    ]
    expect(cssText(sheets, dark)).toEqual({
      css: '.a {}',
      fontFaces: [{ cssText: font.cssText, base: 'http://localhost/assets/index.css' }, { cssText: font.cssText, base: null }],
    })
  })
})
