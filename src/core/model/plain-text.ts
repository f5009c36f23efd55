/**
 * Names are display text: no control characters, and no invisible direction marks, which would show
 * the findings and reports that quote a name reversed after it (U+202E and its kin).
 */
// eslint-disable-next-line no-control-regex -- control characters are what this pattern refuses
export const PLAIN_TEXT = /^[^\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]*$/

/** A name must show at least one character: not only spaces or zero-width ones (the empty name is min(1)'s). */
export const SHOWS_SOMETHING = /^$|[^\s\u200B-\u200D\u2060\uFEFF]/

// eslint-disable-next-line no-control-regex -- control characters are what this pattern finds
const INVISIBLE = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g
/** True when text holds a character withInvisibleShown writes out. */
export const hasInvisible = (text: string): boolean => text.search(INVISIBLE) !== -1

/**
 * Text as a message may quote it: control characters and direction marks written as `\u202E`, so a
 * quoted bad name neither reverses the rest of the line nor moves a terminal's cursor.
 */
export const withInvisibleShown = (text: string): string =>
  text.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`)
