import { hasInvisible, PLAIN_TEXT, SHOWS_SOMETHING, withInvisibleShown } from './plain-text.ts'
/** One thing wrong with an input, with the JSON path where it is (`hosts[0].vms[1].disks[0].kind`). */
export interface Problem {
  path: string
  message: string
  /**
   * The names of the entities the path runs through, as the architect knows them ("HV02 › EX03 ›
   * Boot" for hosts[1].vms[0].disks[0].kind); absent where it runs through none.
   */
  where?: string
}

/** A value or the list of problems that prevented it: errors are values, never exceptions. */
export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = <T = never>(...problems: Problem[]): Result<T> => ({ ok: false, problems })
/** `fail` for a list of any length: spreading 100,000 problems into arguments overflows the stack. */
export const failAll = <T = never>(problems: Problem[]): Result<T> => ({ ok: false, problems })

/** Formats a path array from zod (`['hosts', 0, 'vms']`) as `hosts[0].vms`. */
/** Longest name `namesOnPath` quotes whole. */
const NAME_CHARS = 40

/**
 * The names (else ids) of the list items a path runs through in `root`, joined by " › ", or null:
 * what a problem's path means in the plan's own words.
 */
export function namesOnPath(root: unknown, path: string): string | null {
  const names: string[] = []
  let value = root
  for (const [, key, index] of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (value === null || typeof value !== 'object') break
    if (index === undefined) {
      value = Array.isArray(value) ? undefined : (value as Record<string, unknown>)[key!]
      continue
    }
    value = Array.isArray(value) ? value[Number(index)] : undefined
    if (value === null || typeof value !== 'object') break
    const { name, id } = value as { name?: unknown; id?: unknown }
    // A name that is itself the problem (control characters, direction marks) is not quoted back.
    const label = typeof name === 'string' && name.trim() !== '' && PLAIN_TEXT.test(name) && SHOWS_SOMETHING.test(name) ? name.trim() : typeof id === 'string' && id !== '' && PLAIN_TEXT.test(id) ? id : null
    if (label !== null) names.push(label.length > NAME_CHARS ? `${label.slice(0, NAME_CHARS - 1)}…` : label)
  }
  return names.length > 0 ? names.join(' › ') : null
}

/** The path of a problem of a whole input (a file, a link, a save) rather than of a part of it. */
export const WHOLE_FILE = '(the whole file)'

/**
 * A JSON path as people write it: `hosts[0].vms[1].disks[0].kind`. A key that a dot would make
 * ambiguous (an id with a dot, a space or a bracket in it, as a layout key may be) is quoted in
 * brackets: `layout["ex01.boot"]`.
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    // Quoted, a key's control characters and direction marks are written out (`["x\u202Eabc"]`): raw,
    // they reversed the rest of the line or reset the terminal that printed the problem.
    else if (typeof key === 'string' && (key === '' || NEEDS_QUOTES.test(key) || hasInvisible(key))) out += `[${withInvisibleShown(JSON.stringify(key))}]`
    else out += out === '' ? String(key) : `.${String(key)}`
  }
  return out === '' ? WHOLE_FILE : out
}

const NEEDS_QUOTES = /[.\s[\]"'\\]/
