import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { arbitraryPlan } from '../testing/plan-arbitrary.ts'
import { concat, deflate } from './compression.ts'
import { onePixelPng, zlibBomb } from './io-test-fixtures.ts'
import { MAX_PLAN_BYTES } from './load.ts'
import { crc32, embedPlanInPng, extractPlanText, isPng, PLAN_CHUNK_KEYWORD, pngChunk } from './png-chunk.ts'
import { savePlan } from './save.ts'

const utf8 = (text: string) => new TextEncoder().encode(text)
const keyword = utf8(`${PLAN_CHUNK_KEYWORD}\0`)
const iTXt = (flag: 0 | 1, text: Uint8Array) => pngChunk('iTXt', concat([keyword, Uint8Array.of(flag, 0, 0, 0), text]))

/** Every chunk as [type, length, crc ok]; fails the test on a malformed file. */
function chunksOf(png: Uint8Array): [string, number, boolean][] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  const out: [string, number, boolean][] = []
  for (let at = 8; at < png.length;) {
    const length = view.getUint32(at)
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8))
    out.push([type, length, crc32(png.subarray(at + 4, at + 8 + length)) === view.getUint32(at + 8 + length)])
    at += 12 + length
  }
  return out
}

async function messageOf(png: Uint8Array, maxBytes?: number): Promise<string> {
  const result = await extractPlanText(png, maxBytes)
  if (result.ok) throw new Error('expected the extraction to fail')
  expect(result.problems).toHaveLength(1)
  expect(result.problems[0]!.path).toBe('(the whole file)')
  return result.problems[0]!.message
}

describe('crc32', () => {
  it('matches the reference values', () => {
    expect(crc32(utf8('123456789'))).toBe(0xcbf43926)
    expect(crc32(utf8('IEND'))).toBe(0xae426082)
  })
})

describe('embedPlanInPng and extractPlanText', () => {
  it('put the plan in a compressed iTXt chunk before IEND, every CRC correct', async () => {
    const png = await embedPlanInPng(onePixelPng(), '{"name":"EX01"}')
    expect(isPng(png)).toBe(true)
    const chunks = chunksOf(png)
    expect(chunks.map(([type]) => type)).toEqual(['IHDR', 'IDAT', 'iTXt', 'IEND'])
    expect(chunks.every(([, , crcOk]) => crcOk)).toBe(true)
    expect(await extractPlanText(png)).toEqual({ ok: true, value: '{"name":"EX01"}' })
  })

  it('round-trip any text, and any saved plan', async () => {
    const base = onePixelPng()
    await fc.assert(fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 300 }), async (text) => {
      expect(await extractPlanText(await embedPlanInPng(base, text))).toEqual({ ok: true, value: text })
    }), { numRuns: 100 })
    await fc.assert(fc.asyncProperty(arbitraryPlan, async (plan) => {
      const text = savePlan(plan)
      expect(await extractPlanText(await embedPlanInPng(base, text))).toEqual({ ok: true, value: text })
    }), { numRuns: 50 })
  })

  it('replace the vexplan chunk already there and keep the other chunks', async () => {
    const other = pngChunk('tEXt', utf8('Software\0vexplan'))
    const once = await embedPlanInPng(onePixelPng(undefined, [other]), 'first')
    const twice = await embedPlanInPng(once, 'second')
    expect(chunksOf(twice).map(([type]) => type)).toEqual(['IHDR', 'IDAT', 'tEXt', 'iTXt', 'IEND'])
    expect(await extractPlanText(twice)).toEqual({ ok: true, value: 'second' })
  })

  it('refuse to embed into something that is not a whole PNG', async () => {
    await expect(embedPlanInPng(utf8('{}'), 'x')).rejects.toThrow(/not a PNG/)
    await expect(embedPlanInPng(onePixelPng().subarray(0, 30), 'x')).rejects.toThrow(/IEND/)
  })

  it('read zTXt and uncompressed iTXt chunks too', async () => {
    const zTXt = pngChunk('zTXt', concat([keyword, Uint8Array.of(0), await deflate(utf8('from zTXt'))]))
    expect(await extractPlanText(onePixelPng(undefined, [zTXt]))).toEqual({ ok: true, value: 'from zTXt' })
    expect(await extractPlanText(onePixelPng(undefined, [iTXt(0, utf8('plain ✓'))]))).toEqual({ ok: true, value: 'plain ✓' })
  })
})

describe('extractPlanText on bad input', () => {
  it('says what is not a PNG', async () => {
    for (const bytes of [new Uint8Array(), utf8('{"format":"vexplan/plan"}'), Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70)]) {
      expect(await messageOf(bytes)).toBe('is not a PNG image')
    }
  })

  it('says when a PNG carries no plan', async () => {
    expect(await messageOf(onePixelPng())).toBe('is a PNG without a vexplan plan inside (only PNGs exported by vexplan carry one)')
    const foreign = pngChunk('iTXt', concat([utf8('Description\0'), Uint8Array.of(0, 0, 0, 0), utf8('a picture')]))
    expect(await messageOf(onePixelPng(undefined, [foreign]))).toMatch(/without a vexplan plan/)
  })

  it('finds a damaged chunk by its checksum', async () => {
    const png = await embedPlanInPng(onePixelPng(), 'x'.repeat(200))
    png[png.length - 30]! ^= 0x01 // inside the iTXt data, just before IEND
    expect(await messageOf(png)).toMatch(/^has a damaged vexplan chunk \(checksum mismatch\)/)
  })

  it('says a cut-off file is truncated, wherever the cut falls before the end of the plan', async () => {
    const png = await embedPlanInPng(onePixelPng(), savePlan(fc.sample(arbitraryPlan, { numRuns: 1, seed: 7 })[0]!))
    const planEnd = png.length - 12 // the plan chunk ends where IEND starts
    for (let cut = 8; cut < planEnd; cut += 7) {
      expect(await messageOf(png.subarray(0, cut))).toMatch(/cut off before its end \(truncated file\)/)
    }
    // Only IEND is missing: the plan chunk is whole and checked, so the plan still opens.
    expect((await extractPlanText(png.subarray(0, planEnd))).ok).toBe(true)
  })

  it('never throws, and never returns other text, whatever byte is flipped', async () => {
    const text = '{"format":"vexplan/plan","name":"Flip"}'
    const png = await embedPlanInPng(onePixelPng(), text)
    await fc.assert(fc.asyncProperty(fc.nat(png.length - 1), fc.integer({ min: 1, max: 255 }), async (at, mask) => {
      const flipped = png.slice()
      flipped[at]! ^= mask
      const result = await extractPlanText(flipped)
      if (result.ok) expect(result.value).toBe(text)
      else expect(result.problems[0]!.message).toMatch(/not a PNG|truncated|without a vexplan plan|damaged vexplan chunk/)
    }), { numRuns: 300 })
  })

  it('says when the compressed plan cannot be decompressed, or its header is malformed', async () => {
    expect(await messageOf(onePixelPng(undefined, [iTXt(1, utf8('not zlib at all'))]))).toMatch(/damaged vexplan chunk \(its compressed plan cannot be decompressed\)/)
    const truncatedZlib = (await deflate(utf8('x'.repeat(1000)))).subarray(0, 6)
    expect(await messageOf(onePixelPng(undefined, [iTXt(1, truncatedZlib)]))).toMatch(/cannot be decompressed/)
    const noNuls = pngChunk('iTXt', concat([keyword, Uint8Array.of(1, 0), utf8('no terminators')]))
    expect(await messageOf(onePixelPng(undefined, [noNuls]))).toMatch(/header is malformed/)
    expect(await messageOf(onePixelPng(undefined, [iTXt(0, Uint8Array.of(0xc3, 0x28))]))).toMatch(/not UTF-8/)
  })

  it('refuses a plan over the size limit without inflating all of it', async () => {
    const bomb = onePixelPng(undefined, [iTXt(1, zlibBomb(MAX_PLAN_BYTES + 1))])
    expect(bomb.length).toBeLessThan(MAX_PLAN_BYTES / 100)
    expect(await messageOf(bomb)).toBe('holds a plan of more than 64 MB; vexplan opens plans up to 64 MB (67,108,864 bytes)')
    expect((await extractPlanText(onePixelPng(undefined, [iTXt(1, zlibBomb(MAX_PLAN_BYTES))]))).ok).toBe(true)
    expect(await messageOf(onePixelPng(undefined, [iTXt(0, new Uint8Array(2048).fill(32))]), 1024)).toMatch(/vexplan opens plans up to/)
  }, 20_000)
})

describe('extractPlanText, chunk headers (mutation-testing gaps)', () => {
  it('takes only the exact keyword, in an iTXt or zTXt chunk, for the plan', async () => {
    const longer = pngChunk('iTXt', concat([utf8(`${PLAN_CHUNK_KEYWORD}s\0`), Uint8Array.of(0, 0, 0, 0), utf8('not the plan')]))
    expect(await messageOf(onePixelPng(undefined, [longer]))).toMatch(/without a vexplan plan/)
    const tEXt = pngChunk('tEXt', concat([keyword, utf8('not the plan')]))
    expect(await messageOf(onePixelPng(undefined, [tEXt]))).toMatch(/without a vexplan plan/)
  })

  it('says the header is malformed for an unknown compression flag or method', async () => {
    for (const [flag, method] of [[2, 0], [1, 1]]) {
      const chunk = pngChunk('iTXt', concat([keyword, Uint8Array.of(flag!, method!, 0, 0), await deflate(utf8('plan'))]))
      expect(await messageOf(onePixelPng(undefined, [chunk]))).toBe('has a damaged vexplan chunk (its header is malformed); export the PNG from vexplan again')
    }
    const zTXt = pngChunk('zTXt', concat([keyword, Uint8Array.of(1), await deflate(utf8('plan'))]))
    expect(await messageOf(onePixelPng(undefined, [zTXt]))).toMatch(/header is malformed/)
  })
})
