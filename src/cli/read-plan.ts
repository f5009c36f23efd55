import { open } from 'node:fs/promises'
import { concat } from '../core/io/compression.ts'
import { loadPlanFromBytes, MAX_PLAN_BYTES, tooLarge, WHOLE_FILE, type Plan, type Result } from '../core/index.ts'

/** A file over the size limit; `bytes` is its size, or null when it is a stream with no size. */
export class TooLargeError extends Error {
  constructor(readonly bytes: number | null) {
    super('the file is larger than vexplan opens')
  }
}

/**
 * Reads a file, but never more than `maxBytes`: a regular file over the limit is refused by its
 * size before a byte is read, and a pipe or device (/dev/zero) once it passes the limit, so a wrong
 * path never fills the memory.
 */
export async function readFileWithin(path: string, maxBytes = MAX_PLAN_BYTES): Promise<Uint8Array> {
  const file = await open(path, 'r')
  try {
    const { size } = await file.stat()
    if (size > maxBytes) throw new TooLargeError(size)
    const chunks: Uint8Array[] = []
    let total = 0
    for (;;) {
      const chunk = new Uint8Array(Math.min(1 << 20, maxBytes + 1 - total))
      const { bytesRead } = await file.read(chunk, 0, chunk.length, null)
      if (bytesRead === 0) break
      chunks.push(chunk.subarray(0, bytesRead))
      total += bytesRead
      if (total > maxBytes) throw new TooLargeError(size > 0 ? size : null)
    }
    return concat(chunks, total)
  } finally {
    await file.close()
  }
}

/** Reads standard input, but never more than `maxBytes` (`vexplan validate -`). */
export async function readStdinWithin(maxBytes = MAX_PLAN_BYTES): Promise<Uint8Array> {
  const chunks: Uint8Array[] = []
  let total = 0
  for await (const chunk of process.stdin as AsyncIterable<Uint8Array>) {
    total += chunk.length
    if (total > maxBytes) throw new TooLargeError(null)
    chunks.push(chunk)
  }
  return concat(chunks, total)
}

/**
 * Reads a plan file from disk (or standard input, for "-"), a plan JSON file or a PNG exported by
 * vexplan, through the core's one load path; never throws.
 */
export async function readPlanFile(path: string, read: (path: string) => Promise<Uint8Array> = readFileWithin): Promise<Result<Plan>> {
  let bytes: Uint8Array
  try {
    bytes = path === '-' && read === readFileWithin ? await readStdinWithin() : await read(path)
  } catch (error) {
    if (error instanceof TooLargeError) {
      return { ok: false, problems: [error.bytes === null ? tooLarge(MAX_PLAN_BYTES, 'more than') : tooLarge(error.bytes)] }
    }
    return { ok: false, problems: [{ path: WHOLE_FILE, message: `cannot be read: ${whyUnreadable(error)}` }] }
  }
  return loadPlanFromBytes(bytes, path)
}

/** What the system's error codes for a file that cannot be opened mean, in plain words. */
const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of the path before the file name is a file, not a folder',
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  ELOOP: 'the path runs in a loop of symbolic links',
  ENAMETOOLONG: 'the path is too long',
  EMFILE: 'too many files are open; close some programs and try again',
  ENFILE: 'too many files are open; close some programs and try again',
  EIO: 'the disk reported an input/output error',
  ENXIO: 'it is a device or socket with nothing to read',
  EAGAIN: 'it cannot be read without waiting (a non-blocking pipe or device)',
  EBUSY: 'it is busy (in use by another program)',
}

function whyUnreadable(error: unknown): string {
  const code = (error as { code?: unknown }).code
  const known = typeof code === 'string' ? READ_ERRORS[code] : undefined
  if (known) return known
  // An error without a plain wording: the system's message without its "EXXX: " prefix and quoted path.
  const message = error instanceof Error ? error.message : String(error)
  return message.replace(/^[A-Z]+: /, '').replace(/, \w+ '[^']*'$/, '')
}
