/**
 * The page's CSS as one text, for the exported diagram: the SVG image it is drawn from is a document
 * of its own that sees none of the page's stylesheets. Media rules are decided here, against the
 * page, so the picture gets the page's theme (prefers-color-scheme), not what the image would match.
 */

/** The parts of a CSS rule read here: a media rule has `media` and `cssRules`. */
export interface RuleLike { cssText: string; media?: { mediaText: string }; cssRules?: ArrayLike<RuleLike> }
/** `href` is the sheet's own address (null for a <style> element): its url()s are relative to it. */
export interface SheetLike { disabled: boolean; href?: string | null; media: { mediaText: string }; readonly cssRules: ArrayLike<RuleLike> }

/** A @font-face rule and the address its url()s are relative to. */
export interface FontFaceRule { cssText: string; base: string | null }

/**
 * Every rule of the enabled sheets as one text, with the matching media rules' contents in place of
 * the rules; @font-face rules apart, as the picture can use only the fonts it carries (embed-fonts.ts).
 */
export function cssText(sheets: ArrayLike<SheetLike>, matches: (media: string) => boolean): { css: string; fontFaces: FontFaceRule[] } {
  const parts: string[] = []
  const fontFaces: FontFaceRule[] = []
  for (const sheet of Array.from(sheets)) {
    if (sheet.disabled || !applies(sheet.media.mediaText, matches)) continue
    const rules = readRules(sheet)
    if (rules) appendRules(rules, matches, parts, fontFaces, sheet.href ?? null)
  }
  return { css: parts.join('\n'), fontFaces }
}

function appendRules(rules: ArrayLike<RuleLike>, matches: (media: string) => boolean, parts: string[], fontFaces: FontFaceRule[], base: string | null): void {
  for (const rule of Array.from(rules)) {
    if (rule.media && rule.cssRules) {
      if (applies(rule.media.mediaText, matches)) appendRules(rule.cssRules, matches, parts, fontFaces, base)
    } else if (rule.cssText.startsWith('@font-face')) {
      fontFaces.push({ cssText: rule.cssText, base })
    } else {
      parts.push(rule.cssText)
    }
  }
}

const applies = (media: string, matches: (media: string) => boolean) => media === '' || matches(media)

/** A sheet from another origin (a browser extension's, say) cannot be read, and is left out. */
function readRules(sheet: SheetLike): ArrayLike<RuleLike> | null {
  try {
    return sheet.cssRules
  } catch {
    return null
  }
}
