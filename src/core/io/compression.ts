/**
 * zlib (RFC 1950) compression through the Web Streams API that Node 20 and browsers share. zlib
 * rather than raw deflate because its Adler-32 trailer turns corrupted input into an error instead
 * of a silently different plan. Inflating streams and stops at a byte limit, so a small bomb cannot
 * allocate gigabytes.
 */

export type Inflated = { ok: true; bytes: Uint8Array } | { ok: false; reason: 'too-big' | 'damaged' }

/** Compresses bytes in zlib format. */
export async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

/** Inflates zlib data, giving up (without reading further) once the output passes `maxBytes`. */
export async function inflateWithin(bytes: Uint8Array, maxBytes: number): Promise<Inflated> {
  const stream = new DecompressionStream('deflate')
  const writer = stream.writable.getWriter()
  // Not awaited: the writes settle as the reader below pulls, and a damaged stream rejects both.
  writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => undefined)
  writer.close().catch(() => undefined)
  const reader = stream.readable.getReader()
  const parts: Uint8Array[] = []
  let total = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      total += value.length
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined)
        return { ok: false, reason: 'too-big' }
      }
      parts.push(value)
    }
  } catch {
    return { ok: false, reason: 'damaged' }
  }
  return { ok: true, bytes: concat(parts, total) }
}

export function concat(parts: readonly Uint8Array[], total = parts.reduce((sum, part) => sum + part.length, 0)): Uint8Array {
  const out = new Uint8Array(total)
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}
