import { describe, expect, it } from 'vitest'
import { soundPlan } from '../testing/plan-builder.ts'
import { onePixelPng } from './io-test-fixtures.ts'
import fc from 'fast-check'
import { firstInvalidUtf8, loadPlanFromBytes } from './load-bytes.ts'
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

  it('says a problem of the embedded plan\'s text as a whole is the embedded plan\'s, not the image\'s', async () => {
    const png = await embedPlanInPng(onePixelPng(), '{"format": "vexplan/plan", oops}')
    expect((await problems(png))[0]).toMatchObject({ path: '(the whole file)', message: expect.stringMatching(/^is a PNG whose embedded plan is not valid JSON at line 1, column 28: /) })
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
      const offset = start[0]! >= 0xfe ? 0 : 1
      const hex = start[offset]!.toString(16).toUpperCase()
      expect(await problems(Uint8Array.of(...start, 0x7d, 0x20))).toEqual([{
        path: '(the whole file)',
        message: `is neither a PNG exported by vexplan nor a plan file: it is not UTF-8 text: the byte at offset ${offset} (0x${hex}, on line 1) does not start a valid UTF-8 character; save the file as UTF-8, or open the JSON or PNG file vexplan exported`,
      }])
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

describe('where a file stops being UTF-8', () => {
  it('names the offset, the byte and the line of the first byte that starts no valid character', async () => {
    const bytes = utf8('{\n  "name": "Caf\u00e9 ')
    const bad = Uint8Array.of(...bytes, 0xe9, 0x22, 0x0a, 0x7d) // Latin-1 é after a valid UTF-8 é
    expect((await problems(bad))[0]!.message).toMatch(/the byte at offset 19 \(0xE9, on line 2\) does not start a valid UTF-8 character; save the file as UTF-8/)
    expect((await problems(Uint8Array.of(...utf8('\n'.repeat(1500)), 0x80)))[0]!.message).toMatch(/offset 1,500 \(0x80, on line 1,501\)/)
  })

  it('points at the start of a character cut short, overlong, a surrogate or past U+10FFFF', () => {
    expect(firstInvalidUtf8(Uint8Array.of(0x41, 0xe2, 0x82))).toBe(1) // € cut short at the end
    expect(firstInvalidUtf8(Uint8Array.of(0x41, 0xe2, 0x41, 0xac))).toBe(1)
    expect(firstInvalidUtf8(Uint8Array.of(0xc0, 0xaf))).toBe(0) // overlong "/"
    expect(firstInvalidUtf8(Uint8Array.of(0x41, 0xe0, 0x80, 0xaf))).toBe(1) // overlong, three bytes
    expect(firstInvalidUtf8(Uint8Array.of(0xed, 0xa0, 0x80))).toBe(0) // a UTF-16 surrogate
    expect(firstInvalidUtf8(Uint8Array.of(0xf4, 0x90, 0x80, 0x80))).toBe(0) // U+110000
    expect(firstInvalidUtf8(Uint8Array.of(0xf0, 0x9f, 0x98, 0x80, 0xef, 0xbf, 0xbf, 0x7f))).toBeNull()
  })

  it('agrees with the browser\'s strict decoder on any bytes', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true })
    const decodes = (bytes: Uint8Array) => {
      try {
        decoder.decode(bytes)
        return true
      } catch {
        return false
      }
    }
    // Bytes weighted towards UTF-8's lead and continuation ranges, where the edge cases are.
    const byte = fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0x80, max: 0xbf }), fc.integer({ min: 0xc0, max: 0xff }))
    fc.assert(fc.property(fc.array(byte, { maxLength: 12 }), (values) => {
      const bytes = Uint8Array.from(values)
      const bad = firstInvalidUtf8(bytes)
      expect(bad === null).toBe(decodes(bytes))
      if (bad !== null) expect(decodes(bytes.subarray(0, bad))).toBe(true)
    }), { numRuns: 5000 })
  })

  it('says a file with a UTF-16 byte-order mark is not UTF-16, rather than pointing at the mark', async () => {
    expect((await problems(Uint8Array.of(0xff, 0xfe, 0x7b, 0x00, 0x7d))))
      .toEqual([{ path: '(the whole file)', message: 'is neither a PNG exported by vexplan nor a plan file: it is not UTF-8 text: it starts with the byte-order mark of UTF-16LE but its bytes are not UTF-16LE (cut short, or an unpaired surrogate); save the file as UTF-8' }])
  })
})
