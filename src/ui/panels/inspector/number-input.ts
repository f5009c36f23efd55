/**
 * Numbers as the user types them: the raw text is checked against the plan format's rule for the
 * field, and only a value the core would accept is applied. The message says what to enter.
 */

export interface NumberRule {
  /** Whole numbers only (vCPUs, sockets, snapshots, mailboxes). */
  integer: boolean
  min: number
  /** `min` itself is not allowed (sizes and RAM must be greater than 0). */
  exclusiveMin?: boolean
}

export type ParsedNumber = { ok: true; value: number } | { ok: false; message: string }

export const WHOLE_AT_LEAST_1: NumberRule = { integer: true, min: 1 }
export const WHOLE_AT_LEAST_0: NumberRule = { integer: true, min: 0 }
export const GREATER_THAN_0: NumberRule = { integer: false, min: 0, exclusiveMin: true }

/** What to enter, in one sentence: "Enter a whole number of at least 1". */
export function ruleMessage(rule: NumberRule): string {
  const kind = rule.integer ? 'a whole number' : 'a number'
  return rule.exclusiveMin ? `Enter ${kind} greater than ${rule.min}` : `Enter ${kind} of at least ${rule.min}`
}

const WHOLE = /^\d+$/
const DECIMAL = /^(\d+(\.\d*)?|\.\d+)$/

/** Thousands grouped by commas, as the canvas writes sizes ("1,500", "2,048.5"). */
const GROUPED = /^\d{1,3}(,\d{3})+(\.\d*)?$/

/**
 * Parses the text of a number field. Commas that group thousands, as the canvas shows sizes, are
 * dropped ("1,500" is 1500); any other comma is read as a decimal point ("1,5" is 1.5).
 */
export function parseNumber(text: string, rule: NumberRule): ParsedNumber {
  const typed = text.trim()
  const trimmed = GROUPED.test(typed) ? typed.replace(/,/g, '') : typed.replace(',', '.')
  const fail = { ok: false, message: ruleMessage(rule) } as const
  if (!(rule.integer ? WHOLE : DECIMAL).test(trimmed)) {
    // "1e3" or "0x10" is a number the rule allows, written in a way the plan file does not take.
    const written = trimmed === '' ? Number.NaN : Number(trimmed)
    // "1e400" is a number, only too large for one ("Infinity" is a word, not one).
    if (written === Number.POSITIVE_INFINITY && /\d/.test(trimmed)) return { ok: false, message: 'That number is too large' }
    return Number.isFinite(written) && allows(rule, written) ? { ok: false, message: `Write it in plain digits: ${written}` } : fail
  }
  const value = Number(trimmed)
  if (!Number.isFinite(value) || (rule.integer && !Number.isSafeInteger(value))) {
    return { ok: false, message: 'That number is too large' }
  }
  if (!allows(rule, value)) return fail
  return { ok: true, value }
}

const allows = (rule: NumberRule, value: number) =>
  (!rule.integer || Number.isInteger(value)) && (rule.exclusiveMin ? value > rule.min : value >= rule.min)
