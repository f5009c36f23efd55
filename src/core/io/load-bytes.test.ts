import { describe, expect, it } from 'vitest'
import { soundPlan } from '../testing/plan-builder.ts'
import { onePixelPng } from './io-test-fixtures.ts'
import { loadPlanFromBytes } from './load-bytes.ts'
import { loadPlanValue, MAX_PLAN_BYTES } from './load.ts'
import { embedPlanInPng } from './png-chunk.ts'
import { findingsReport } from './report-markdown.ts'
import { validate } from '../validate/validate.ts'
import { savePlan } from './save.ts'

const canonical = loadPlanValue(soundPlan())
if (!canonical.ok) throw new Error('the sound plan must load')
const text = savePlan(canonical.value) // canonical, so load → save gives the same bytes
const utf8 = (value: string) => new TextEncoder().encode(value)
/** ASCII text as UTF-16 with its byte-order mark, in either byte order (the plan text is ASCII). */
function utf16(value: string, order: 'little' | 'big'): Uint8Array {
  const bytes = new Uint8Array(2 + value.length * 2)
  bytes.set(order === 'little' ? [0xff, 0xfe] : [0xfe, 0xff])
  for (let i = 0; i < value.length; i++) bytes[(order === 'little' ? 2 : 3) + 2 * i] = value.charCodeAt(i)
  return bytes
}

async function loaded(bytes: Uint8Array) {
  const result = await loadPlanFromBytes(bytes)
  if (!result.ok) throw new Error(JSON.stringify(result.problems))
  return savePlan(result.value)
}
async function problems(bytes: Uint8Array) {
  const result = await loadPlanFromBytes(bytes)
  if (result.ok) throw new Error('expected the load to fail')
  return result.problems
}

describe('loadPlanFromBytes', () => {
  it('says a file named .png that is no PNG is not a PNG image, and a findings report is not a plan', async () => {
    const named = await loadPlanFromBytes(utf8('just text'), 'diagram.PNG')
    expect(named.ok ? [] : named.problems).toEqual([{ path: '(the whole file)', message: expect.stringMatching(/^is named \.png but is no PNG image/) }])
    // A real PNG so named, and the same bytes under another name, load as before.
    expect((await loadPlanFromBytes(await embedPlanInPng(onePixelPng(), text), 'plan.png')).ok).toBe(true)
    expect(await problems(utf8('just text'))).toEqual([{ path: '(the whole file)', message: expect.stringMatching(/^is not valid JSON/) }])
    const report = findingsReport(canonical.value, validate(canonical.value))
    expect(await problems(utf8(report))).toEqual([{ path: '(the whole file)', message: expect.stringMatching(/^is a findings report \(Markdown\) exported by vexplan, not a plan/) }])
  })

  it('loads a plan file as UTF-8, with or without a byte-order mark', async () => {
    expect(await loaded(utf8(text))).toBe(text)
    expect(await loaded(Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8(text)))).toBe(text)
  })

  it('loads UTF-16 with a byte-order mark, as Windows PowerShell writes', async () => {
    expect(await loaded(utf16(text, 'little'))).toBe(text)
  })

  it('loads the plan inside a PNG exported by vexplan', async () => {
    expect(await loaded(await embedPlanInPng(onePixelPng(), text))).toBe(text)
  })

  it('checks the plan inside a PNG like any plan file', async () => {
    const png = await embedPlanInPng(onePixelPng(), text.replace('"hyper-v-2008"', '"kvm"'))
    expect((await problems(png))[0]).toMatchObject({ path: 'hosts[0].hypervisor' })
  })

  it('passes on the PNG problems', async () => {
    expect(await problems(onePixelPng())).toEqual([{ path: '(the whole file)', message: 'is a PNG without a vexplan plan inside (only PNGs exported by vexplan carry one)' }])
  })

  it('says when the bytes are neither a PNG nor text', async () => {
    expect((await problems(Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0xc3, 0x28)))[0]!.message).toMatch(/not UTF-8 text/)
    expect((await problems(utf8('{"format": "vexplan/plan",')))[0]!.message).toMatch(/is not valid JSON/)
  })

  it('refuses a text file over the size limit before decoding it', async () => {
    expect((await problems(new Uint8Array(MAX_PLAN_BYTES + 1).fill(32)))[0]!.message).toMatch(/^is 67,108,865 bytes; vexplan opens plans up to 64 MB \(67,108,864 bytes\)$/)
  })
})

describe('loadPlanFromBytes, encodings and sizes (mutation-testing gaps)', () => {
  it('loads UTF-16 big-endian with its byte-order mark', async () => {
    expect(await loaded(utf16(text, 'big'))).toBe(text)
  })

  it('reads a file that starts with 0xff or 0xfe but no byte-order mark as UTF-8, which it is not', async () => {
    for (const start of [[0xff, 0x7b], [0xfe, 0x7b], [0x7b, 0xfe], [0x7b, 0xff]]) {
      expect(await problems(Uint8Array.of(...start, 0x7d, 0x20))).toEqual([{ path: '(the whole file)', message: 'is neither a PNG exported by vexplan nor a plan file: it is not UTF-8 text' }])
    }
  })

  it('counts the limit in file bytes, whatever the encoding; exactly the limit is not too large', async () => {
    const utf16 = new Uint8Array(MAX_PLAN_BYTES + 2)
    utf16.set([0xff, 0xfe])
    for (let i = 2; i < utf16.length; i += 2) utf16[i] = 0x20
    expect(await problems(utf16)).toEqual([{ path: '(the whole file)', message: 'is 67,108,866 bytes; vexplan opens plans up to 64 MB (67,108,864 bytes)' }])
    expect((await problems(new Uint8Array(MAX_PLAN_BYTES).fill(0xc0)))[0]!.message).toMatch(/not UTF-8 text/)
  })

  it('does not take text for a PNG because some of its bytes match the PNG signature', async () => {
    expect((await problems(utf8('xPNG\r\n')))[0]!.message).toMatch(/^is not valid JSON/)
  })
})
