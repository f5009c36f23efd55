/** One thing wrong with an input, with the JSON path where it is (`hosts[0].vms[1].disks[0].kind`). */
export interface Problem {
  path: string
  message: string
}

/** A value or the list of problems that prevented it: errors are values, never exceptions. */
export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = <T = never>(...problems: Problem[]): Result<T> => ({ ok: false, problems })
/** `fail` for a list of any length: spreading 100,000 problems into arguments overflows the stack. */
export const failAll = <T = never>(problems: Problem[]): Result<T> => ({ ok: false, problems })

/** Formats a path array from zod (`['hosts', 0, 'vms']`) as `hosts[0].vms`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else out += out === '' ? String(key) : `.${String(key)}`
  }
  return out === '' ? '(the whole file)' : out
}
