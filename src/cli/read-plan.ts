import { loadPlanFromBytes, type Plan, type Result } from '../core/index.ts'

/**
 * Reads a plan file from disk, a plan JSON file or a PNG exported by vexplan, through the core's one
 * load path; never throws.
 */
export async function readPlanFile(path: string, read: (path: string) => Promise<Uint8Array>): Promise<Result<Plan>> {
  let bytes: Uint8Array
  try {
    bytes = await read(path)
  } catch (error) {
    const code = (error as { code?: string }).code
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder, not a file' : code === 'EACCES' ? 'permission denied' : (error as Error).message
    return { ok: false, problems: [{ path: '(the whole file)', message: `cannot be read: ${why}` }] }
  }
  return loadPlanFromBytes(bytes)
}
