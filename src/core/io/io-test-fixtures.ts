/**
 * Inputs built byte by byte for the io tests (core and CLI), so no image library or binary fixture
 * is needed: a valid 1×1 PNG, and a small zlib stream that inflates to a huge text (a "bomb").
 */
import { concat } from './compression.ts'
import { pngChunk } from './png-chunk.ts'

const u32 = (n: number) => Uint8Array.of(n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff)

function adler32(bytes: Uint8Array): number {
  let a = 1
  let b = 0
  for (const byte of bytes) {
    a = (a + byte) % 65521
    b = (b + a) % 65521
  }
  return ((b << 16) | a) >>> 0
}

/** A 1×1 RGBA PNG of the given colour, with optional extra chunks before IEND. */
export function onePixelPng(rgba: [number, number, number, number] = [0, 120, 212, 255], extra: Uint8Array[] = []): Uint8Array {
  const header = concat([u32(1), u32(1), Uint8Array.of(8, 6, 0, 0, 0)]) // 8-bit RGBA, no interlace
  const scanline = Uint8Array.of(0, ...rgba) // filter type 0, then the pixel
  // zlib header, then one final stored block: LEN and its complement NLEN.
  const stored = concat([Uint8Array.of(0x78, 0x01, 0x01, scanline.length, 0, ~scanline.length & 0xff, 0xff), scanline, u32(adler32(scanline))])
  return concat([
    Uint8Array.of(137, 80, 78, 71, 13, 10, 26, 10),
    pngChunk('IHDR', header),
    pngChunk('IDAT', stored),
    ...extra,
    pngChunk('IEND', new Uint8Array()),
  ])
}

/**
 * A valid zlib stream of exactly `size` (≥ 1) spaces, about 1/160 of that in size: one literal, then
 * back-references of 258 bytes at distance 1, then literals for the rest, in a fixed-Huffman block.
 * Built in milliseconds, where compressing 64 MB takes seconds.
 */
export function zlibBomb(size: number): Uint8Array {
  const copies = Math.floor((size - 1) / 258)
  const rest = size - 1 - copies * 258
  const out = new Uint8Array(Math.ceil((3 + 8 * (1 + rest) + copies * 13 + 7) / 8) + 6)
  out.set([0x78, 0x01])
  let bit = 16
  const put = (value: number, bits: number, huffman: boolean) => {
    for (let i = 0; i < bits; i++) {
      const b = huffman ? (value >> (bits - 1 - i)) & 1 : (value >> i) & 1 // Huffman codes go most significant bit first
      if (b) out[bit >> 3]! |= 1 << (bit & 7)
      bit++
    }
  }
  put(1, 1, false) // BFINAL
  put(1, 2, false) // BTYPE 01: fixed Huffman codes
  put(0x30 + 0x20, 8, true) // literal ' '
  for (let i = 0; i < copies; i++) {
    put(0xc5, 8, true) // length symbol 285: 258 bytes
    put(0, 5, true) // distance code 0: 1 byte back
  }
  for (let i = 0; i < rest; i++) put(0x30 + 0x20, 8, true)
  put(0, 7, true) // end of block
  // Adler-32 of `total` spaces, in closed form.
  const n = BigInt(size)
  const a = (1n + 32n * n) % 65521n
  const b = (n + (32n * n * (n + 1n)) / 2n) % 65521n
  out.set(u32(Number((b << 16n) | a)), (bit + 7) >> 3)
  return out.subarray(0, ((bit + 7) >> 3) + 4)
}
