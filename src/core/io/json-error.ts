/**
 * Where JSON text first breaks the grammar (RFC 8259), and what is wrong there, in plain words.
 * Called only after JSON.parse has refused the text: engines word their errors differently (Node's
 * often gives no position at all), and a plan's author needs the line and column in one wording
 * wherever the file is opened, the editor or the CLI. Iterative, so no nesting overflows it.
 */
import { withInvisibleShown } from '../model/plain-text.ts'
export interface JsonError {
  line: number
  column: number
  problem: string
}

type State = 'value' | 'first-value' | 'next-value' | 'first-key' | 'next-key' | 'colon' | 'after-value'

const WHITESPACE = new Set([' ', '\t', '\n', '\r'])
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't'])
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9'
const isHex = (c: string | undefined) => c !== undefined && /^[0-9a-fA-F]$/.test(c)

export function findJsonError(text: string): JsonError | null {
  let i = 0
  const stack: ('{' | '[')[] = []
  let state: State = 'value'
  const error = (problem: string, at = i): JsonError => ({ ...lineAndColumn(text, at), problem })

  /** Reads a string at text[i] === '"'; null when it is well formed. */
  const string = (): JsonError | null => {
    const start = i
    i += 1
    for (;;) {
      const c = text[i]
      if (c === undefined) return error('a text value in double quotes is never closed', start)
      if (c === '"') {
        i += 1
        return null
      }
      if (c === '\\') {
        const next = text[i + 1]
        if (next === 'u') {
          if (![2, 3, 4, 5].every((k) => isHex(text[i + k]))) return error('"\\u" must be followed by four hexadecimal digits')
          i += 6
        } else if (next !== undefined && ESCAPES.has(next)) {
          i += 2
        } else {
          return error(`${next === undefined ? 'a lone "\\"' : `"\\${next}"`} is not an escape JSON knows (use \\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX)`)
        }
        continue
      }
      if (c < ' ') {
        return error(c === '\t' || c === '\n' || c === '\r'
          ? 'a tab or line break inside a text value must be written as an escape (\\t, \\n)'
          : `a control character (U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}) inside a text value must be written as an escape (\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}), or left out`)
      }
      i += 1
    }
  }

  /** Reads a number at text[i]; null when it is well formed. */
  const number = (): JsonError | null => {
    const start = i
    if (text[i] === '-') i += 1
    if (!isDigit(text[i])) return error(`expected a digit after "-" but found ${found(text, i)}`)
    if (text[i] === '0' && isDigit(text[i + 1])) return error('a number cannot start with 0 (write 7, not 07)', start)
    while (isDigit(text[i])) i += 1
    if (text[i] === '.') {
      i += 1
      if (!isDigit(text[i])) return error(`expected a digit after the decimal point but found ${found(text, i)}`)
      while (isDigit(text[i])) i += 1
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i += 1
      if (text[i] === '+' || text[i] === '-') i += 1
      if (!isDigit(text[i])) return error(`expected the digits of an exponent but found ${found(text, i)}`)
      while (isDigit(text[i])) i += 1
    }
    return null
  }

  for (;;) {
    while (i < text.length && WHITESPACE.has(text[i]!)) i += 1
    const c = text[i]
    const top = stack.at(-1)
    if (c === '/') return error('a comment: JSON does not allow comments')
    if (state === 'after-value') {
      if (top === undefined) return c === undefined ? null : error(`found ${found(text, i)} after the end of the JSON value, where the text should end`)
      const close = top === '{' ? '}' : ']'
      if (c === ',') {
        i += 1
        state = top === '{' ? 'next-key' : 'next-value'
      } else if (c === close) {
        i += 1
        stack.pop()
      } else {
        return error(c === undefined
          ? `the text ends before the ${top === '{' ? 'object' : 'list'} is closed with "${close}"`
          : `expected "," or "${close}" but found ${found(text, i)}${startsValue(c) ? '; is a comma missing before it?' : ''}`)
      }
      continue
    }
    if (c === undefined) return error(END_OF_TEXT[state])
    if ((state === 'first-key' && c === '}') || (state === 'first-value' && c === ']')) {
      i += 1
      stack.pop()
      state = 'after-value'
      continue
    }
    if ((state === 'next-key' && c === '}') || (state === 'next-value' && c === ']')) {
      return error(`a "," before "${c}": JSON does not allow a trailing comma`)
    }
    if (state === 'first-key' || state === 'next-key') {
      if (c !== '"') return error(`expected a field name in double quotes but found ${found(text, i)}`)
      const bad = string()
      if (bad) return bad
      state = 'colon'
      continue
    }
    if (state === 'colon') {
      if (c !== ':') return error(`expected ":" after the field name but found ${found(text, i)}`)
      i += 1
      state = 'value'
      continue
    }
    // A value.
    if (c === '{' || c === '[') {
      stack.push(c)
      i += 1
      state = c === '{' ? 'first-key' : 'first-value'
      continue
    }
    const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, i))
    const bad = c === '"' ? string() : c === '-' || isDigit(c) ? number() : literal ? null : error(`expected a value but found ${found(text, i)}`)
    if (bad) return bad
    if (literal) i += literal.length
    state = 'after-value'
  }
}

/** What the text should go on with, by where it ends. */
const END_OF_TEXT: Record<Exclude<State, 'after-value'>, string> = {
  'first-key': 'the text ends before the object is closed with "}"',
  'next-key': 'the text ends where a field name should follow',
  colon: 'the text ends where ":" should follow the field name',
  'first-value': 'the text ends before the list is closed with "]"',
  'next-value': 'the text ends where a value should follow',
  value: 'the text ends where a value should follow',
}

/** True for the first character of a JSON value or field name: what follows a forgotten comma. */
const startsValue = (c: string): boolean => c === '"' || c === '{' || c === '[' || c === '-' || isDigit(c) || /[a-z]/i.test(c)

/**
 * What stands at `at`, quoted: a string's opening ("the start of "hosts""), a whole word (NaN,
 * undefined, True) or one character.
 */
function found(text: string, at: number): string {
  if (at >= text.length) return 'the end of the text'
  if (text[at] === '"') {
    const quoted = /^"([^"\\\n]{0,40})"/.exec(text.slice(at, at + 44))?.[1]
    return quoted === undefined ? 'a quote mark (")' : `the start of "${withInvisibleShown(quoted)}"`
  }
  const word = /^[A-Za-z_$][\w$]*/.exec(text.slice(at, at + 40))?.[0]
  const what = word ?? text[at]!
  if (what === '\n' || what === '\r') return 'a line break'
  // A NUL between the characters of a JSON text is how UTF-16 without a byte-order mark reads.
  // A lone one is a stray byte.
  if (what === '\u0000') {
    return text.indexOf('\u0000') === text.lastIndexOf('\u0000') ? 'a NUL character (\\u0000)'
      : 'a NUL character (\\u0000; is the file UTF-16 without a byte-order mark? save it as UTF-8)'
  }
  return `"${withInvisibleShown(what)}"`
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let k = 0; k < offset; k++) {
    if (text[k] === '\n') {
      line += 1
      lineStart = k + 1
    }
  }
  return { line, column: offset - lineStart + 1 }
}

/** A field an object of the text gives twice, and where: JSON.parse keeps the last value silently. */
export interface DuplicateKey {
  path: (string | number)[]
  line: number
  column: number
}

interface Frame { keys: Set<string> | null; key: string | number }

const QUOTE = 34
const BACKSLASH = 92
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13

/**
 * The first field that some object of a valid JSON text gives twice, or null. One linear pass with
 * no regular expression and no recursion, so a 10-million-character string or deep nesting cannot
 * overflow a stack: strings are skipped whole (brackets inside them do not count), and a string
 * followed by a colon is a field name.
 */
export function findDuplicateKey(text: string): DuplicateKey | null {
  return findDuplicateKeys(text, 1)[0] ?? null
}

/** Every field that some object of a valid JSON text gives twice (or more), in text order; at most `limit`. */
export function findDuplicateKeys(text: string, limit = Infinity): DuplicateKey[] {
  const found: DuplicateKey[] = []
  const frames: Frame[] = []
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === QUOTE) {
      const start = i
      let escaped = false
      i += 1
      for (let d = text.charCodeAt(i); d !== QUOTE; d = text.charCodeAt(i)) {
        if (d === BACKSLASH) {
          escaped = true
          i += 2
        } else {
          i += 1
        }
      }
      // i is on the closing quote. A colon next makes the string a field name.
      let next = i + 1
      while (isSpace(text.charCodeAt(next))) next += 1
      const frame = frames.at(-1)
      if (text.charCodeAt(next) !== 58 || !frame?.keys) continue
      const raw = text.slice(start + 1, i)
      const key = escaped ? JSON.parse(`"${raw}"`) as string : raw
      frame.key = key
      if (frame.keys.has(key)) {
        found.push({ path: frames.map((f) => f.key), ...lineAndColumn(text, start) })
        if (found.length >= limit) return found
      }
      frame.keys.add(key)
    } else if (c === 123 /* { */) {
      frames.push({ keys: new Set(), key: '' })
    } else if (c === 91 /* [ */) {
      frames.push({ keys: null, key: 0 })
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      frames.pop()
    } else if (c === 44 /* , */) {
      const frame = frames.at(-1)
      if (frame && frame.keys === null) frame.key = (frame.key as number) + 1
    }
  }
  return found
}
