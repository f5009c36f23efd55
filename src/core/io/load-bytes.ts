/**
 * Plan bytes from any source (a dropped file, the CLI's read, a fetched template): a PNG exported by
 * vexplan or a plan file as text. Both end in the one load path, loadPlan.
 */
import type { Plan } from '../model/plan.ts'
import { fail, WHOLE_FILE, type Result } from '../model/problem.ts'
import { loadPlan, MAX_PLAN_BYTES, tooLarge } from './load.ts'
import { extractPlanText, isPng } from './png-chunk.ts'

/**
 * Loads a plan from file bytes, PNG or text. Never throws. With the file's `name`, a file named
 * .png that is no PNG is said to be that, rather than "not valid JSON".
 */
export async function loadPlanFromBytes(bytes: Uint8Array, name?: string): Promise<Result<Plan>> {
  if (isPng(bytes)) {
    const text = await extractPlanText(bytes)
    return text.ok ? loadPlan(text.value) : text
  }
  if (name !== undefined && /\.png$/i.test(name)) {
    return fail({ path: WHOLE_FILE, message: 'is named .png but is no PNG image (it does not start with the PNG signature); export the PNG from vexplan again, or open the plan\'s JSON file' })
  }
  if (bytes.length > MAX_PLAN_BYTES) {
    return fail(tooLarge(bytes.length))
  }
  const text = decodeText(bytes)
  return text === null
    ? fail({ path: WHOLE_FILE, message: 'is neither a PNG exported by vexplan nor a plan file: it is not UTF-8 text' })
    : loadPlan(text)
}

/**
 * UTF-8 without its byte-order mark (TextDecoder drops it), or UTF-16 when a BOM says so, as
 * Windows PowerShell's `>` writes. Null when the bytes are not text in any of those.
 */
function decodeText(bytes: Uint8Array): string | null {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8'
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}
