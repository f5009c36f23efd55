/**
 * The one load path every way in goes through (file, PNG, share link, autosave, CLI):
 * text → size limit → JSON → version → migrate → schema → cross-references.
 */
import type { z } from 'zod'
import { migrate, type PlanDocument } from '../model/migrations/index.ts'
import { CURRENT_VERSION, LARGEST_NUMBER, PLAN_FORMAT, PlanSchema, type Plan } from '../model/plan.ts'
import { fail, failAll, formatPath, namesOnPath, ok, WHOLE_FILE, type Problem, type Result } from '../model/problem.ts'
import { checkReferences, referenceView } from '../model/references.ts'
import { withInvisibleShown } from '../model/plain-text.ts'
import { useCanonicalWords } from './canonical-words.ts'
import { findDuplicateKeys, findJsonError } from './json-error.ts'
import { REPORT_HEADING } from './report-markdown.ts'

/** 64 MB: a 10,000-VM estate is about 15 MB of plan JSON, so this leaves room and stops abuse. */
export const MAX_PLAN_BYTES = 64 * 1024 * 1024

/** The problem of an input over the size limit, in one wording for every way in. */
export function tooLarge(bytes: number, size: 'exactly' | 'more than' = 'exactly'): Problem {
  const mb = size === 'exactly' ? sizeOverLimit(bytes, MAX_PLAN_BYTES) : `more than ${bytes / 1048576} MB`
  return { path: WHOLE_FILE, message: `is ${mb}; ${opensUpTo(MAX_PLAN_BYTES)}` }
}

/**
 * A size over a limit, in megabytes; in bytes when one decimal would read as the limit itself
 * ("64.0 MB" for a file one byte too large).
 */
export function sizeOverLimit(bytes: number, limit: number): string {
  const rounded = (bytes / 1048576).toFixed(1)
  return Number(rounded) * 1048576 > limit ? `${rounded} MB` : `${bytes.toLocaleString('en-US')} bytes`
}

/** "vexplan opens plans up to 64 MB (67,108,864 bytes)" */
export const opensUpTo = (limit: number): string =>
  `vexplan opens plans up to ${limit / 1048576} MB (${limit.toLocaleString('en-US')} bytes)`

const byteLength = (text: string) => (text.length * 3 <= MAX_PLAN_BYTES ? text.length : new TextEncoder().encode(text).length)

/** Parses and checks plan text. Never throws; on failure lists each problem with its JSON path. */
export function loadPlan(text: string): Result<Plan> {
  const size = byteLength(text)
  if (size > MAX_PLAN_BYTES) {
    return fail(tooLarge(size))
  }
  // A byte-order mark is no part of the JSON; editors on Windows write one.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  if (text.trim() === '') {
    return fail({ path: WHOLE_FILE, message: `is empty; a plan file is a JSON object with "format": "${PLAN_FORMAT}"` })
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    if (text.startsWith(REPORT_HEADING)) {
      return fail({ path: WHOLE_FILE, message: 'is a findings report (Markdown) exported by vexplan, not a plan; open the plan\'s JSON file or its PNG instead' })
    }
    const where = findJsonError(text)
    // Without a grammar error the engine gave up for a reason of its own: its own words, then.
    return fail({ path: WHOLE_FILE, message: where ? `is not valid JSON at line ${where.line}, column ${where.column}: ${where.problem}` : `is not valid JSON: ${error instanceof Error ? error.message : String(error)}` })
  }
  // JSON.parse keeps the last of two same-named fields and drops the first without a word. Each such
  // field is a problem, listed with every other problem of the file (checked with the last values).
  const duplicates = findDuplicateKeys(text, MAX_DUPLICATES_LISTED)
  const loaded = loadPlanValue(json)
  if (duplicates.length === 0) return loaded
  const twice = duplicates.map((duplicate): Problem => {
    const problem = { path: formatPath(duplicate.path), message: `is given twice in one object (the second time at line ${duplicate.line}, column ${duplicate.column}); keep one, vexplan will not guess which you meant` }
    const where = namesOnPath(json, problem.path)
    return where === null ? problem : { ...problem, where }
  })
  return failAll(loaded.ok ? twice : twice.concat(loaded.problems))
}

/** Fields given twice that one load lists: a file with thousands of them is wrong everywhere, and a hundred say so. */
const MAX_DUPLICATES_LISTED = 100

/** The same checks for a value that is already parsed JSON. */
export function loadPlanValue(json: unknown): Result<Plan> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return fail({ path: WHOLE_FILE, message: 'is not a vexplan plan: expected a JSON object with "format": "vexplan/plan"' })
  }
  const document = json as PlanDocument
  if (document.format !== PLAN_FORMAT) {
    return fail({ path: 'format', message: `is ${describe(document.format)}, not "${PLAN_FORMAT}": this is not a vexplan plan` })
  }
  const version = document.version
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail({ path: 'version', message: `is ${describe(version)}; it must be a whole number from 1` })
  }
  if (version > CURRENT_VERSION) {
    return fail({ path: 'version', message: `is ${version}: this plan was made by a newer vexplan (this one reads up to version ${CURRENT_VERSION}); update vexplan to open it` })
  }
  // Copying and checking walk the document recursively: thousands of nested brackets would
  // overflow the stack. Nothing in a plan nests anywhere near this deep.
  const tooDeep = deeperThan(document, MAX_DEPTH)
  if (tooDeep !== null) {
    const problem: Problem = { path: formatPath(tooDeep), message: `nests more than ${MAX_DEPTH} levels deep; nothing in a plan nests that deep` }
    const where = namesOnPath(document, problem.path)
    return fail(where === null ? problem : { ...problem, where })
  }
  const migrated = migrate(document, version)
  if (!migrated.ok) return migrated
  const parsed = PlanSchema.safeParse(migrated.value, { reportInput: true })
  // Every problem at once, each at its path: a file with a bad enum value and a dangling reference
  // hears of both, not of the second only once the first is fixed.
  // (concat, not spread: a file with one mistake per disk of a big estate has 100,000s of problems)
  const problems = layoutProtoKey(migrated.value)
    .concat(parsed.success ? [] : parsed.error.issues.flatMap(issueToProblems))
    .concat(checkReferences(parsed.success ? parsed.data : referenceView(migrated.value)))
  if (problems.length === 0 && parsed.success) return ok(useCanonicalWords(parsed.data))
  return failAll(problems.map((problem) => {
    const where = namesOnPath(migrated.value, problem.path)
    return where === null ? problem : { ...problem, where }
  }))
}

/** Levels of objects and arrays a plan may nest: its own structure needs 7 (hosts[].vms[].disks[].contents[]). */
export const MAX_DEPTH = 32

/**
 * The path of the first object or array nested more than `limit` levels deep, or null. It recurses
 * at most `limit` levels, and shares one path array while it walks.
 */
function deeperThan(value: unknown, limit: number, path: (string | number)[] = []): (string | number)[] | null {
  if (typeof value !== 'object' || value === null) return null
  if (path.length >= limit) return [...path]
  const below = (key: string | number, child: unknown) => {
    if (typeof child !== 'object' || child === null) return null
    path.push(key)
    const found = deeperThan(child, limit, path)
    path.pop()
    return found
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = below(i, value[i])
      if (found) return found
    }
  } else {
    for (const key of Object.keys(value)) {
      const found = below(key, (value as Record<string, unknown>)[key])
      if (found) return found
    }
  }
  return null
}

/** zod drops a record's "__proto__" key without a word; the layout would lose that entry silently. */
function layoutProtoKey(document: PlanDocument): Problem[] {
  const layout = document.layout
  return typeof layout === 'object' && layout !== null && Object.hasOwn(layout, '__proto__')
    ? [{ path: 'layout.__proto__', message: `is not an id; ${ID_RULE}` }]
    : []
}

const ID_RULE = 'ids are 1–64 letters, digits, ".", "_" or "-", starting with a letter or digit'

function describe(value: unknown): string {
  if (value === undefined) return 'missing'
  // JSON.parse reads 1e400 as Infinity, which JSON.stringify would show as null.
  if (typeof value === 'number' && !Number.isFinite(value)) return 'a number out of range'
  const text = JSON.stringify(value)
  return withInvisibleShown(text.length > 40 ? `${text.slice(0, 37)}…` : text)
}

function issueToProblems(issue: z.core.$ZodIssue): Problem[] {
  // One problem per unknown field, at the field's own path, where an editor can jump to it.
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), message: 'is an unknown field; the plan file format (version 1) has no field of that name here' }))
  }
  return [issueToProblem(issue)]
}

/** Fields that may also be null (plan-format.md), so a wrong value is told it may be null too. */
const NULLABLE_FIELDS = new Set(['exchange', 'cluster', 'lun', 'backing', 'controller'])

/** One schema problem in plain words at its path; edits word their refusals with it too. */
export function issueToProblem(issue: z.core.$ZodIssue): Problem {
  const path = formatPath(issue.path)
  const got = 'input' in issue && issue.input !== undefined ? ` (got ${describe(issue.input)})` : ''
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return { path, message: 'is required but missing' }
      // JSON.parse reads 1e400 as Infinity: a number, but one no field can hold.
      if (typeof issue.input === 'number' && !Number.isFinite(issue.input)) return { path, message: 'is a number too large to use (JSON reads it as infinity)' }
      return { path, message: `must be ${article(issue.expected)}${NULLABLE_FIELDS.has(String(issue.path.at(-1))) ? ' or null' : ''}${got}` }
    case 'invalid_value': {
      const allowed = issue.values.length === 1 ? describe(issue.values[0]) : `one of ${issue.values.map((v) => describe(v)).join(', ')}`
      const orNull = NULLABLE_FIELDS.has(String(issue.path.at(-1))) ? ' or null' : ''
      if (issue.input === undefined) return { path, message: `is required but missing; it must be ${allowed}${orNull}` }
      // "version": 2010 for "2010": the value is right but written as a number.
      const quoted = typeof issue.input === 'number' && issue.values.includes(String(issue.input))
      return { path, message: quoted ? `must be text in quotes: "${issue.input}", not ${issue.input}` : `must be ${allowed}${orNull}${got}` }
    }
    case 'invalid_key':
      return { path, message: `is not an id; ${ID_RULE}` }
    case 'too_small':
      return { path, message: tooSmall(issue) + got }
    case 'too_big':
      if ((issue.origin === 'number' || issue.origin === 'int') && issue.maximum === LARGEST_NUMBER) return { path, message: `is a number too large to use (at most ${LARGEST_NUMBER.toLocaleString('en-US')})${got}` }
      return { path, message: `must be at most ${String(issue.maximum)}${issue.origin === 'string' ? ' characters long' : issue.origin === 'array' ? ' items' : ''}${got}` }
    default:
      return { path, message: 'input' in issue && issue.input === undefined ? `is required but missing; it ${issue.message}` : `${issue.message}${got}` }
  }
}

function tooSmall(issue: z.core.$ZodIssueTooSmall): string {
  if (issue.origin === 'string') return `must not be empty${Number(issue.minimum) > 1 ? ` (at least ${String(issue.minimum)} characters)` : ''}`
  if (issue.origin === 'array') return issue.message && !issue.message.startsWith('Too small') ? issue.message : `must have at least ${String(issue.minimum)} item${Number(issue.minimum) === 1 ? '' : 's'}`
  return issue.inclusive === false ? `must be greater than ${String(issue.minimum)}` : `must be at least ${String(issue.minimum)}`
}

const article = (expected: string) => (expected === 'record' ? 'an object' : expected === 'array' || expected === 'object' || expected === 'int' ? `an ${expected === 'int' ? 'integer' : expected}` : expected === 'number' ? 'a number' : expected === 'string' ? 'text (a string)' : expected === 'boolean' ? 'true or false' : expected)
