/**
 * Names are display text: no control characters, and no invisible direction marks, which would show
 * the findings and reports that quote a name reversed after it (U+202E and its kin).
 */
// eslint-disable-next-line no-control-regex -- control characters are what this pattern refuses
export const PLAIN_TEXT = /^[^\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]*$/
