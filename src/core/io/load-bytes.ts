/**
 * Plan bytes from any source (a dropped file, the CLI's read, a fetched template): a PNG exported by
 * vexplan or a plan file as text. Both end in the one load path, loadPlan.
 */
import type { Plan } from '../model/plan.ts'
import { fail, WHOLE_FILE, type Result } from '../model/problem.ts'
import { loadPlan, MAX_PLAN_BYTES, tooLarge } from './load.ts'
import { extractPlanText, isPng } from './png-chunk.ts'
import { thousands } from '../rules/platform-wording.ts'

/**
 * Loads a plan from file bytes, PNG or text. Never throws. With the file's `name`, a file named
 * .png that is no PNG is said to be that, rather than "not valid JSON".
 */
export async function loadPlanFromBytes(bytes: Uint8Array, name?: string): Promise<Result<Plan>> {
  if (isPng(bytes)) {
    const text = await extractPlanText(bytes)
    if (!text.ok) return text
    const loaded = loadPlan(text.value)
    // A problem of the plan's text as a whole is the embedded plan's, not the image's: "line 1" is of that text.
    return loaded.ok ? loaded : { ...loaded, problems: loaded.problems.map((problem) => (problem.path === WHOLE_FILE ? { ...problem, message: `is a PNG whose embedded plan ${problem.message}` } : problem)) }
  }
  if (name !== undefined && /\.png$/i.test(name)) {
    return fail({ path: WHOLE_FILE, message: 'is named .png but is no PNG image (it does not start with the PNG signature); export the PNG from vexplan again, or open the plan\'s JSON file' })
  }
  if (bytes.length > MAX_PLAN_BYTES) {
    return fail(tooLarge(bytes.length))
  }
  const text = decodeText(bytes)
  return text === null ? fail({ path: WHOLE_FILE, message: notText(bytes) }) : loadPlan(text)
}

/** Why bytes that are no PNG could not be read as text, with where the first bad byte is. */
function notText(bytes: Uint8Array): string {
  const start = 'is neither a PNG exported by vexplan nor a plan file: it is not UTF-8 text'
  const utf16 = utf16Of(bytes)
  if (utf16) return `${start}: it starts with the byte-order mark of ${utf16} but its bytes are not ${utf16} (cut short, or an unpaired surrogate); save the file as UTF-8`
  const bad = firstInvalidUtf8(bytes)
  if (bad === null) return start
  let line = 1
  for (let i = 0; i < bad; i++) if (bytes[i] === 0x0a) line += 1
  const hex = bytes[bad]!.toString(16).toUpperCase().padStart(2, '0')
  return `${start}: the byte at offset ${thousands(bad)} (0x${hex}, on line ${thousands(line)}) does not start a valid UTF-8 character; `
    + 'save the file as UTF-8, or open the JSON or PNG file vexplan exported'
}

/**
 * The offset of the first byte that does not start a well-formed UTF-8 sequence (the WHATWG decoder's
 * rules: no overlong forms, no surrogates, nothing past U+10FFFF), or null when all of them do.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number | null {
  let i = 0
  while (i < bytes.length) {
    const lead = bytes[i]!
    if (lead < 0x80) {
      i += 1
      continue
    }
    let length: number
    let low = 0x80
    let high = 0xbf
    if (lead >= 0xc2 && lead <= 0xdf) length = 2
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3
      if (lead === 0xe0) low = 0xa0
      else if (lead === 0xed) high = 0x9f
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4
      if (lead === 0xf0) low = 0x90
      else if (lead === 0xf4) high = 0x8f
    } else return i
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k]
      if (next === undefined || next < (k === 1 ? low : 0x80) || next > (k === 1 ? high : 0xbf)) return i
    }
    i += length
  }
  return null
}

/** The UTF-16 a byte-order mark says the bytes are in, or null. */
const utf16Of = (bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | null =>
  bytes[0] === 0xff && bytes[1] === 0xfe ? 'UTF-16LE' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'UTF-16BE' : null

/**
 * UTF-8 without its byte-order mark (TextDecoder drops it), or UTF-16 when a BOM says so, as
 * Windows PowerShell's `>` writes. Null when the bytes are not text in any of those.
 */
function decodeText(bytes: Uint8Array): string | null {
  const encoding = utf16Of(bytes) ?? 'UTF-8'
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}
