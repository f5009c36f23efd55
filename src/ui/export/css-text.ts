/**
 * The page's CSS as one text, for the exported diagram: the SVG image it is drawn from is a document
 * of its own that sees none of the page's stylesheets. Media rules are decided here, against the
 * page, so the picture gets the page's theme (prefers-color-scheme), not what the image would match.
 */

/** The parts of a CSS rule read here: a media rule has `media` and `cssRules`. */
export interface RuleLike { cssText: string; media?: { mediaText: string }; cssRules?: ArrayLike<RuleLike> }
export interface SheetLike { disabled: boolean; media: { mediaText: string }; readonly cssRules: ArrayLike<RuleLike> }

/** Every rule of the enabled sheets, with the matching media rules' contents in place of the rules. */
export function cssText(sheets: ArrayLike<SheetLike>, matches: (media: string) => boolean): string {
  const parts: string[] = []
  for (const sheet of Array.from(sheets)) {
    if (sheet.disabled || !applies(sheet.media.mediaText, matches)) continue
    const rules = readRules(sheet)
    if (rules) appendRules(rules, matches, parts)
  }
  return parts.join('\n')
}

function appendRules(rules: ArrayLike<RuleLike>, matches: (media: string) => boolean, parts: string[]): void {
  for (const rule of Array.from(rules)) {
    if (rule.media && rule.cssRules) {
      if (applies(rule.media.mediaText, matches)) appendRules(rule.cssRules, matches, parts)
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
