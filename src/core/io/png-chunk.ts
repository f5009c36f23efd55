/**
 * The plan inside a PNG export (DESIGN.md, "Sharing and export"): a compressed iTXt chunk with the
 * keyword "vexplan-plan", just before IEND. Image viewers ignore it; importing the PNG reads it back.
 */
import { fail, ok, WHOLE_FILE, type Result } from '../model/problem.ts'
import { concat, deflate, inflateWithin } from './compression.ts'
import { MAX_PLAN_BYTES, opensUpTo, sizeOverLimit } from './load.ts'

/** The keyword of the text chunk that carries the plan. */
export const PLAN_CHUNK_KEYWORD = 'vexplan-plan'

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10]
const TEXT_CHUNKS = ['iTXt', 'zTXt']
const MB = 1048576

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

/** CRC-32 as PNG uses it (ISO 3309), over a chunk's type and data. */
export function crc32(bytes: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8)
  return ~c >>> 0
}

/** True when the bytes start with the PNG signature. */
export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= SIGNATURE.length && SIGNATURE.every((byte, i) => bytes[i] === byte)
}

/** One whole PNG chunk: length, type, data and CRC. */
export function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length)
  const view = new DataView(out.buffer)
  view.setUint32(0, data.length)
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i)
  out.set(data, 8)
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)))
  return out
}

interface Chunk {
  type: string
  /** The whole chunk, length field to CRC. */
  bytes: Uint8Array
  data: Uint8Array
}

/** The chunks up to and including IEND; `complete` is false when the file ends early. */
function readChunks(png: Uint8Array): { chunks: Chunk[]; complete: boolean } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  const chunks: Chunk[] = []
  let offset = SIGNATURE.length
  while (offset + 12 <= png.length) {
    const length = view.getUint32(offset)
    const end = offset + 12 + length
    if (end > png.length) break
    const type = String.fromCharCode(...png.subarray(offset + 4, offset + 8))
    chunks.push({ type, bytes: png.subarray(offset, end), data: png.subarray(offset + 8, end - 4) })
    if (type === 'IEND') return { chunks, complete: true }
    offset = end
  }
  return { chunks, complete: false }
}

const keywordBytes = new TextEncoder().encode(PLAN_CHUNK_KEYWORD)
const isPlanChunk = (chunk: Chunk) =>
  TEXT_CHUNKS.includes(chunk.type) && chunk.data[keywordBytes.length] === 0 && keywordBytes.every((byte, i) => chunk.data[i] === byte)

/**
 * Returns a copy of the PNG with the plan text in a compressed iTXt chunk before IEND, replacing any
 * vexplan chunk already there. Rejects when `png` is not a whole PNG (a bug in the caller).
 */
export async function embedPlanInPng(png: Uint8Array, planText: string): Promise<Uint8Array> {
  if (!isPng(png)) throw new Error('embedPlanInPng: the image is not a PNG')
  const { chunks, complete } = readChunks(png)
  if (!complete) throw new Error('embedPlanInPng: the PNG has no IEND chunk (truncated)')
  // iTXt: keyword, NUL, compression flag 1, method 0 (zlib), empty language tag, NUL, empty translated keyword, NUL, text.
  const header = concat([keywordBytes, Uint8Array.of(0, 1, 0, 0, 0)])
  const planChunk = pngChunk('iTXt', concat([header, await deflate(new TextEncoder().encode(planText))]))
  const kept = chunks.filter((chunk) => !isPlanChunk(chunk)).map((chunk) => chunk.bytes)
  return concat([Uint8Array.from(SIGNATURE), ...kept.slice(0, -1), planChunk, kept.at(-1)!])
}

const problem = (message: string): Result<string> => fail({ path: WHOLE_FILE, message })
const damaged = (why: string) => problem(`has a damaged vexplan chunk (${why}); export the PNG from vexplan again`)

/** Reads the plan text out of a PNG exported by vexplan. Never throws. */
export async function extractPlanText(png: Uint8Array, maxBytes = MAX_PLAN_BYTES): Promise<Result<string>> {
  if (!isPng(png)) return problem('is not a PNG image')
  const { chunks, complete } = readChunks(png)
  const chunk = chunks.find(isPlanChunk)
  if (!chunk) {
    return complete
      ? problem('is a PNG without a vexplan plan inside (only PNGs exported by vexplan carry one)')
      : problem('is a PNG that is cut off before its end (truncated file); copy or download it again')
  }
  const view = new DataView(chunk.bytes.buffer, chunk.bytes.byteOffset, chunk.bytes.byteLength)
  if (crc32(chunk.bytes.subarray(4, -4)) !== view.getUint32(chunk.bytes.length - 4)) return damaged('checksum mismatch')
  const body = textBody(chunk)
  if (!body) return damaged('its header is malformed')
  let bytes = body.text
  if (body.compressed) {
    const inflated = await inflateWithin(body.text, maxBytes)
    if (!inflated.ok) {
      return inflated.reason === 'too-big'
        ? problem(`holds a plan of more than ${maxBytes / MB} MB; ${opensUpTo(maxBytes)}`)
        : damaged('its compressed plan cannot be decompressed')
    }
    bytes = inflated.bytes
  } else if (bytes.length > maxBytes) {
    return problem(`holds a plan of ${sizeOverLimit(bytes.length, maxBytes)}; ${opensUpTo(maxBytes)}`)
  }
  try {
    return ok(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    return damaged('its text is not UTF-8')
  }
}

/** The text bytes of an iTXt or zTXt chunk, and whether they are zlib-compressed. */
function textBody(chunk: Chunk): { compressed: boolean; text: Uint8Array } | null {
  const data = chunk.data
  let at = keywordBytes.length + 1
  if (chunk.type === 'zTXt') return data[at] === 0 ? { compressed: true, text: data.subarray(at + 1) } : null
  const flag = data[at]
  const method = data[at + 1]
  if ((flag !== 0 && flag !== 1) || (flag === 1 && method !== 0)) return null
  at += 2
  for (let nul = 0; nul < 2; nul++) {
    const end = data.indexOf(0, at)
    if (end < 0) return null
    at = end + 1
  }
  return { compressed: flag === 1, text: data.subarray(at) }
}
