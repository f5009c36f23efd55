/**
 * The share link (DESIGN.md, "Sharing and export"): the plan travels in the URL fragment, so it never
 * reaches a server. Fragment `p=<payload>`, payload = base64url(version byte + zlib(compact JSON)).
 * Opening a link goes through the one load path, loadPlan.
 */
import type { Plan } from '../model/plan.ts'
import { fail, failAll, WHOLE_FILE, type Result } from '../model/problem.ts'
import { compactPlan } from './compact-plan.ts'
import { concat, deflate, inflateWithin } from './compression.ts'
import { loadPlan, MAX_PLAN_BYTES } from './load.ts'

/** The encoding version written as the payload's first byte; bump it when the encoding changes. */
export const SHARE_LINK_VERSION = 1
/** How many formats past this one a link may plausibly carry; beyond, its first byte is not a format. */
const PLAUSIBLE_NEWER_FORMATS = 8

const PARAMETER = 'p'
const LINK = '(the link)'
/** A link that cannot be read, and what about it: each message starts alike, so that a reader (or a test) knows the kind. */
const DAMAGED = 'is damaged or incomplete'
const damaged = (what = '', hint = 'was it cut off when copied?'): Result<Plan> =>
  fail({ path: LINK, message: `${DAMAGED}${what === '' ? '' : `: ${what}`} (${hint})` })

/**
 * True when a URL fragment (without "#") is a share link's, however damaged: it has the plan's
 * parameter. Any other fragment (an anchor such as "#top") is no link of vexplan's.
 */
export const isShareFragment = (fragment: string): boolean =>
  fragment.split('&').some((parameter) => parameter === PARAMETER || parameter.startsWith(`${PARAMETER}=`))

/** The URL fragment (without "#") that carries the plan. */
export async function encodeShareFragment(plan: Plan): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(compactPlan(plan)))
  return `${PARAMETER}=${toBase64Url(concat([Uint8Array.of(SHARE_LINK_VERSION), await deflate(json)]))}`
}

/**
 * Reads the plan out of a fragment (with or without "#"; a whole URL works too). Never throws: a bad
 * link gives problems, and the plan text then goes through loadPlan like any file.
 */
export async function decodeShareFragment(fragment: string): Promise<Result<Plan>> {
  const hash = fragment.trim()
  const parameters = hash.slice(hash.indexOf('#') + 1).split('&')
  const payload = parameters.find((parameter) => parameter.startsWith(`${PARAMETER}=`))?.slice(PARAMETER.length + 1)
  if (payload === undefined || payload === '') return damaged(`no plan follows "#${PARAMETER}="`)
  const stray = /[^A-Za-z0-9_-]/.exec(payload)
  if (stray) {
    const shown = JSON.stringify(stray[0]).slice(1, -1)
    return damaged(`character ${stray.index + 1} of its plan, "${shown}", is not one a link holds`, 'was it changed by a mail or chat tool, or typed by hand?')
  }
  const bytes = fromBase64Url(payload)
  if (bytes === null || bytes.length < 2) return damaged('its plan ends too soon')
  const version = bytes[0]!
  // Formats come one after another: a first byte far past this one is damage (or text pasted as a
  // link), not a format of the future, and "update vexplan" would send the user the wrong way.
  if (version > SHARE_LINK_VERSION && version <= SHARE_LINK_VERSION + PLAUSIBLE_NEWER_FORMATS) {
    return fail({ path: LINK, message: `was made by a newer vexplan (link format ${version}; this one reads format ${SHARE_LINK_VERSION}); update vexplan to open it` })
  }
  if (version !== SHARE_LINK_VERSION) return damaged('it does not begin as a vexplan link does', 'was it copied whole?')
  const inflated = await inflateWithin(bytes.subarray(1), MAX_PLAN_BYTES)
  if (!inflated.ok) {
    return inflated.reason === 'damaged' ? damaged('its compressed plan cannot be unpacked', 'was it cut off or changed when copied?') : fail({ path: LINK, message: `holds a plan of more than ${MAX_PLAN_BYTES / 1048576} MB, more than vexplan opens` })
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes)
  } catch {
    return damaged('its plan is not text', 'was it changed when copied?')
  }
  // The plan inside a link is no file of the user's: its whole-file problems are the link's.
  const loaded = loadPlan(text)
  return loaded.ok ? loaded : failAll(loaded.problems.map((problem) => (problem.path === WHOLE_FILE ? { ...problem, path: LINK } : problem)))
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null
  let binary: string
  try {
    binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'))
  } catch {
    return null
  }
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}
