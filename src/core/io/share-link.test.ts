import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Plan } from '../model/plan.ts'
import { generateEstate } from '../testing/estate.ts'
import { soundPlan } from '../testing/plan-builder.ts'
import { arbitraryPlan } from '../testing/plan-arbitrary.ts'
import { compactPlan } from './compact-plan.ts'
import { concat, deflate } from './compression.ts'
import { zlibBomb } from './io-test-fixtures.ts'
import { loadPlan, loadPlanValue, MAX_PLAN_BYTES } from './load.ts'
import { savePlan } from './save.ts'
import { decodeShareFragment, encodeShareFragment, isShareFragment, SHARE_LINK_VERSION } from './share-link.ts'

const ORIGIN = 'https://vexplan.example/#'
/** Every message of a link that cannot be read starts so, and then says what about it. */
const DAMAGED = /^is damaged or incomplete: /
const NOT_A_LINK = 'is damaged or incomplete: it does not begin as a vexplan link does (was it copied whole?)'
const CANNOT_UNPACK = 'is damaged or incomplete: its compressed plan cannot be unpacked (was it cut off or changed when copied?)'

function loaded(json: unknown): Plan {
  const result = loadPlanValue(json)
  if (!result.ok) throw new Error(JSON.stringify(result.problems))
  return result.value
}
const seed = loaded(JSON.parse(readFileSync(new URL('../../templates/seed-reference.json', import.meta.url), 'utf8')))
const estate = loaded(generateEstate(50))

const toBase64Url = (bytes: Uint8Array) => btoa(Array.from(bytes, (byte) => String.fromCharCode(byte)).join('')).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
const fragmentOf = (version: number, body: Uint8Array) => `p=${toBase64Url(concat([Uint8Array.of(version), body]))}`

async function decoded(fragment: string): Promise<string> {
  const result = await decodeShareFragment(fragment)
  if (!result.ok) throw new Error(JSON.stringify(result.problems))
  return savePlan(result.value)
}
async function problemOf(fragment: string): Promise<string> {
  const result = await decodeShareFragment(fragment)
  if (result.ok) throw new Error('expected the link to fail')
  return result.problems[0]!.message
}

describe('isShareFragment', () => {
  it('knows a share link by its plan parameter, even cut off, and nothing else', async () => {
    const fragment = await encodeShareFragment(soundPlan())
    expect(isShareFragment(fragment)).toBe(true)
    expect(isShareFragment(fragment.slice(0, 12))).toBe(true)
    expect(isShareFragment('p')).toBe(true)
    expect(isShareFragment(`x=1&${fragment}`)).toBe(true)
    for (const other of ['', 'top', 'section-2', 'plan', 'q=1', 'pp=1']) expect(isShareFragment(other)).toBe(false)
  })
})

describe('share links', () => {
  it('round-trip every plan: decode(encode(plan)) saves to the same bytes', async () => {
    await fc.assert(fc.asyncProperty(arbitraryPlan, async (plan) => {
      const fragment = await encodeShareFragment(plan)
      expect(fragment).toMatch(/^p=[A-Za-z0-9_-]+$/)
      expect(await decoded(fragment)).toBe(savePlan(plan))
    }), { numRuns: 100 })
  })

  it('keep the layout, rounded to whole pixels', async () => {
    const plan = { ...seed, layout: { hv01: { x: 10.4, y: -20.6, width: 640.5, height: 0.2 }, ex01: { x: 3, y: 4 } } }
    const back = loadPlan(await decoded(await encodeShareFragment(plan)))
    expect(back.ok && back.value.layout).toEqual({ hv01: { x: 10, y: -21, width: 641, height: 1 }, ex01: { x: 3, y: 4 } })
  })

  it('leave out the fields equal to their defaults, and keep the others', () => {
    const compact = JSON.stringify(compactPlan(seed))
    for (const field of ['svvpValidated', 'hyperVRtmUpdate', 'mobility', 'dynamicMemory', 'snapshots', 'stopAction', 'integrationComponents', '"storage"', '"layout"', 'activeDirectory']) {
      expect(compact).not.toContain(field)
    }
    expect(compact).toContain('"backup":{"method":"host-vss","product":"Windows Server Backup"}')
    expect(JSON.stringify(compactPlan(estate))).toContain('"mobility":"quick-migration"')
  })

  it('fit the budgets: the seed plan in 1,500 characters, 50 VMs in 8,000', async () => {
    expect((ORIGIN + await encodeShareFragment(seed)).length).toBeLessThanOrEqual(1_500)
    expect((ORIGIN + await encodeShareFragment(estate)).length).toBeLessThanOrEqual(8_000)
  })

  it('accept the fragment with "#", inside a whole URL, or among other parameters', async () => {
    const fragment = await encodeShareFragment(seed)
    const expected = savePlan(seed)
    expect(await decoded(`#${fragment}`)).toBe(expected)
    expect(await decoded(`${ORIGIN}${fragment}\n`)).toBe(expected)
    expect(await decoded(`view=1&${fragment}`)).toBe(expected)
  })
})

describe('decodeShareFragment on bad links', () => {
  it('says a link from a newer vexplan needs a newer vexplan', async () => {
    const body = await deflate(new TextEncoder().encode('{}'))
    expect(await problemOf(fragmentOf(SHARE_LINK_VERSION + 1, body))).toMatch(/made by a newer vexplan \(link format 2; this one reads format 1\)/)
    expect(await problemOf(fragmentOf(0, body))).toBe(NOT_A_LINK)
    // Text pasted as a link: its first byte ("h", 104) is no format of any vexplan.
    expect(await problemOf(`p=${Buffer.from('hello world this is not deflate').toString('base64url')}`)).toBe(NOT_A_LINK)
    expect(await problemOf(fragmentOf(SHARE_LINK_VERSION + 9, body))).toBe(NOT_A_LINK)
  })

  it('says what is wrong with a link that is not base64url, empty, or has no plan', async () => {
    const said = async (fragment: string) => {
      const result = await decodeShareFragment(fragment)
      if (result.ok) throw new Error(`${fragment} opened`)
      expect(result.problems).toHaveLength(1)
      expect(result.problems[0]!.path).toBe('(the link)')
      return result.problems[0]!.message
    }
    for (const fragment of ['', '#', 'p=', 'q=AQID']) expect(await said(fragment)).toBe('is damaged or incomplete: no plan follows "#p=" (was it cut off when copied?)')
    expect(await said('p=a+b/c=')).toBe('is damaged or incomplete: character 2 of its plan, "+", is not one a link holds (was it changed by a mail or chat tool, or typed by hand?)')
    expect(await said('p=AQ\u0007x')).toBe('is damaged or incomplete: character 3 of its plan, "\\u0007", is not one a link holds (was it changed by a mail or chat tool, or typed by hand?)')
    expect(await said('p=!!!!')).toMatch(/character 1 of its plan, "!"/)
    expect(await said('p=A')).toBe('is damaged or incomplete: its plan ends too soon (was it cut off when copied?)')
    expect(await said(`p=${'A'.repeat(40)}`)).toBe(NOT_A_LINK)
  })

  it('says a link cut off anywhere is damaged or incomplete', async () => {
    const fragment = await encodeShareFragment(seed)
    const messages = new Set<string>()
    for (let cut = 0; cut < fragment.length - 1; cut++) {
      const message = await problemOf(fragment.slice(0, cut))
      expect(message).toMatch(DAMAGED)
      messages.add(message)
    }
    // Most cuts leave a compressed plan that ends too soon to unpack.
    expect(messages).toContain(CANNOT_UNPACK)
  })

  it('never opens a different plan from a corrupted link', async () => {
    const fragment = await encodeShareFragment(estate)
    const expected = savePlan(estate)
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    await fc.assert(fc.asyncProperty(fc.integer({ min: 2, max: fragment.length - 1 }), fc.constantFrom(...alphabet), async (at, char) => {
      const result = await decodeShareFragment(fragment.slice(0, at) + char + fragment.slice(at + 1))
      if (result.ok) expect(savePlan(result.value)).toBe(expected) // the same character, or only padding bits changed
      else expect(result.problems[0]!.message).toMatch(/damaged or incomplete|newer vexplan/)
    }), { numRuns: 300 })
  })

  it('never throws on any text', async () => {
    await fc.assert(fc.asyncProperty(fc.string(), async (text) => {
      expect((await decodeShareFragment(text)).ok).toBe(false)
      expect((await decodeShareFragment(`p=${text}`)).ok).toBe(false)
    }))
  })

  it('gives the plan problems of a well-formed link to an invalid plan', async () => {
    const body = await deflate(new TextEncoder().encode(JSON.stringify({ ...compactPlan(seed) as object, version: 99 })))
    expect(await problemOf(fragmentOf(1, body))).toMatch(/made by a newer vexplan/)
    const notJson = await deflate(new TextEncoder().encode('{"format":'))
    expect(await problemOf(fragmentOf(1, notJson))).toMatch(/is not valid JSON/)
    // The plan in a link is no file of the user's: a whole-file problem is the link's.
    expect(await decodeShareFragment(fragmentOf(1, notJson))).toMatchObject({ ok: false, problems: [{ path: '(the link)' }] })
  })

  it('refuses a link whose plan would inflate past the size limit, without inflating it all', async () => {
    expect(await problemOf(fragmentOf(1, zlibBomb(MAX_PLAN_BYTES + 1)))).toMatch(/more than 64 MB/)
  }, 20_000)
})

describe('share links to invalid plans (mutation-testing gaps)', () => {
  it('keep the JSON path of each problem of the plan inside', async () => {
    const body = await deflate(new TextEncoder().encode(JSON.stringify({ ...compactPlan(seed) as object, name: '' })))
    expect(await decodeShareFragment(fragmentOf(1, body))).toEqual({ ok: false, problems: [{ path: 'name', message: 'must not be empty (got "")' }] })
  })

  it('say a link whose plan is not UTF-8 is damaged', async () => {
    expect(await decodeShareFragment(fragmentOf(1, await deflate(Uint8Array.of(0x7b, 0xc3, 0x28, 0x7d))))).toEqual({ ok: false, problems: [{ path: '(the link)', message: 'is damaged or incomplete: its plan is not text (was it changed when copied?)' }] })
  })
})
