/**
 * The fonts of the exported picture. The SVG image the diagram is drawn from loads nothing from
 * outside, so a @font-face rule that points at the app's font files would leave the picture in a
 * fallback font, wider than the editor's, with names cut off where the editor shows them whole.
 * The picture gets the app's @font-face rules with their files inlined as data: URLs instead: only
 * the rules whose unicode-range covers a character of the diagram (the Latin part of Inter, for
 * most plans; a Greek or Cyrillic name brings its own part along).
 */
import type { FontFaceRule } from './css-text.ts'

/** Reads a font file as a data: URL; rejects when it cannot. */
export type LoadFont = (url: string) => Promise<string>

/**
 * The @font-face rules that `text` needs, their url()s replaced by the files' contents. A rule whose
 * file cannot be loaded is left out (the picture falls back to the next font), never the picture.
 */
export async function embeddedFontFaces(rules: readonly FontFaceRule[], text: string, load: LoadFont): Promise<string> {
  const codePoints = new Set<number>()
  for (const char of text) codePoints.add(char.codePointAt(0)!)
  const needed = rules.filter((rule) => covers(unicodeRanges(rule.cssText), codePoints))
  const embedded = await Promise.all(needed.map(async ({ cssText, base }) => {
    try {
      let inlined = cssText
      for (const url of new Set(urlsOf(cssText))) {
        if (url.startsWith('data:')) continue
        const data = await load(base ? new URL(url, base).href : url)
        inlined = inlined.split(url).join(data)
      }
      return inlined
    } catch {
      return null
    }
  }))
  return embedded.filter((rule): rule is string => rule !== null).join('\n')
}

/** The url(…) addresses of a rule, quoted or not. */
export function urlsOf(cssText: string): string[] {
  return [...cssText.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/g)].map((match) => match[1] ?? match[2] ?? match[3]!)
}

/** A rule's unicode-range as [first, last] pairs; null when it has none (it covers everything). */
export function unicodeRanges(cssText: string): [number, number][] | null {
  const declared = /unicode-range\s*:\s*([^;}]*)/i.exec(cssText)
  if (!declared) return null
  return declared[1]!.split(',').map((part) => part.trim()).filter((part) => part !== '').map((part): [number, number] => {
    const range = /^U\+([0-9A-F?]+)(?:-([0-9A-F]+))?$/i.exec(part)
    if (!range) return [0, -1] // not a range this reads: covers nothing
    const [, first, last] = range
    // "U+4??" is the range U+400–4FF.
    if (first!.includes('?')) return [parseInt(first!.replace(/\?/g, '0'), 16), parseInt(first!.replace(/\?/g, 'F'), 16)]
    return [parseInt(first!, 16), parseInt(last ?? first!, 16)]
  })
}

function covers(ranges: [number, number][] | null, codePoints: ReadonlySet<number>): boolean {
  if (ranges === null) return true
  for (const codePoint of codePoints) {
    for (const [first, last] of ranges) if (codePoint >= first && codePoint <= last) return true
  }
  return false
}

/** Font files by address, read once a session: each export needs the same few. */
const loaded = new Map<string, Promise<string>>()

/** The browser's LoadFont: fetches the file and reads it as a data: URL. */
export const fetchFont: LoadFont = (url) => {
  let data = loaded.get(url)
  if (!data) {
    data = fetch(url).then(async (response) => {
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`)
      return dataUrl(await response.blob())
    })
    // A failed read is tried again at the next export.
    data.catch(() => loaded.delete(url))
    loaded.set(url, data)
  }
  return data
}

function dataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(reader.result as string)
    reader.onerror = () => reject(reader.error ?? new Error('the font file could not be read'))
    reader.readAsDataURL(blob)
  })
}
