import { describe, expect, it } from 'vitest'
import type { FontFaceRule } from './css-text.ts'
import { embeddedFontFaces, unicodeRanges, urlsOf } from './embed-fonts.ts'

const face = (file: string, range: string | null, base: string | null = 'http://localhost:5173/assets/index.css'): FontFaceRule => ({
  cssText: `@font-face { font-family: "Inter Variable"; src: url("${file}") format("woff2-variations");${range ? ` unicode-range: ${range};` : ''} }`,
  base,
})
const LATIN = face('./inter-latin.woff2', 'U+0-FF, U+131, U+2000-206F')
const CYRILLIC = face('./inter-cyrillic.woff2', 'U+301, U+400-45F, U+490-491')
const loadAll = async (url: string) => `data:font/woff2;base64,${btoa(url)}`

describe('embeddedFontFaces', () => {
  it('inlines the files of the faces whose unicode-range covers a character of the diagram, resolved against their sheet', async () => {
    const css = await embeddedFontFaces([CYRILLIC, LATIN], 'EX01 on HV01', loadAll)
    expect(css).toContain(`url("data:font/woff2;base64,${btoa('http://localhost:5173/assets/inter-latin.woff2')}")`)
    expect(css).toContain('unicode-range: U+0-FF')
    expect(css).not.toContain('cyrillic')
    expect(css).not.toMatch(/url\("\.\//)
  })

  it('brings a script\'s part along when a name is written in it', async () => {
    const css = await embeddedFontFaces([CYRILLIC, LATIN], 'EX01 on Сервер', loadAll)
    expect(css.split('@font-face')).toHaveLength(3)
    expect(css).toContain(btoa('http://localhost:5173/assets/inter-cyrillic.woff2'))
  })

  it('keeps a face without unicode-range for any text and leaves data: URLs as they are', async () => {
    const inline = { cssText: '@font-face { font-family: X; src: url(data:font/woff2;base64,AAAA); }', base: null }
    const css = await embeddedFontFaces([face('/fonts/x.woff2', null, null), inline], '', loadAll)
    expect(css).toContain(`url("data:font/woff2;base64,${btoa('/fonts/x.woff2')}")`)
    expect(css).toContain('url(data:font/woff2;base64,AAAA)')
  })

  it('leaves out a face whose file cannot be read and keeps the others', async () => {
    const load = async (url: string) => {
      if (url.includes('latin')) throw new Error('HTTP 404')
      return 'data:font/woff2;base64,Q1lS'
    }
    const css = await embeddedFontFaces([LATIN, CYRILLIC], 'EX01 Д', load)
    expect(css).not.toContain('latin')
    expect(css).toContain('data:font/woff2;base64,Q1lS')
    expect(await embeddedFontFaces([LATIN], 'EX01', load)).toBe('')
  })
})

describe('font rule parts', () => {
  it('reads quoted and unquoted url()s', () => {
    expect(urlsOf(`src: url("a.woff2") format("woff2"), url('b.woff') format("woff"), url(c.ttf)`)).toEqual(['a.woff2', 'b.woff', 'c.ttf'])
  })

  it('reads single code points, ranges and wildcards of unicode-range', () => {
    expect(unicodeRanges('unicode-range: U+0-FF, U+131, U+4??;')).toEqual([[0, 0xff], [0x131, 0x131], [0x400, 0x4ff]])
    expect(unicodeRanges('src: url(a.woff2)')).toBeNull()
  })
})
