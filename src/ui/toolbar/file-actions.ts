import { fail, findingsReport, joinAnd, loadPlanFromBytes, MAX_PLAN_BYTES, savePlan, tooLarge, WHOLE_FILE, type Plan, type Problem, type Result } from '../../core/index.ts'
import { planWithLayout, useEditor } from '../../store/editor-store.ts'
import { deriveFindings } from '../../store/findings.ts'
import { showProblems } from '../dialogs/problem-report.ts'
import { openPlan } from '../open-plan.ts'

/**
 * A file name from the plan name: its letters (of any script), digits and dashes, then the suffix and
 * extension. "Планирование Exchange" gives "планирование-exchange.json"; what no
 * file system takes (/ \ : * ? " < > |) and punctuation go.
 */
export function fileNameFor(planName: string, extension: string, suffix = ''): string {
  const base = [...planName.normalize('NFC').replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, '').trim().replace(/\s+/g, '-').toLowerCase()]
    .slice(0, 80).join('').replace(/-+$/, '')
  return `${base || 'plan'}${suffix}.${extension}`
}

export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  // The browser's download shows on screen only: say it to a screen reader too.
  useEditor.getState().announce(`Downloaded ${name}`)
}

/** Downloads the plan file (plan-format.md), named after the plan. */
export function exportJson(): void {
  const state = useEditor.getState()
  download(new Blob([savePlan(planWithLayout(state))], { type: 'application/json' }), fileNameFor(state.plan.name, 'json'))
}

/** Downloads the findings of the plan as a Markdown report, `<plan>-findings.md`. */
export function exportReport(): void {
  const { plan } = useEditor.getState()
  const report = findingsReport(plan, deriveFindings(plan).findings)
  download(new Blob([report], { type: 'text/markdown;charset=utf-8' }), fileNameFor(plan.name, 'md', '-findings'))
}

/**
 * Reads a plan file (.json, or a PNG exported by vexplan) through the core's one load path; the
 * problems when it cannot be opened. The size is checked before the file is read, so a huge file
 * costs nothing.
 */
async function readPlanFile(file: File): Promise<Result<Plan>> {
  if (file.size > MAX_PLAN_BYTES) return fail(tooLarge(file.size))
  let bytes: Uint8Array
  try {
    bytes = new Uint8Array(await file.arrayBuffer())
  } catch (error) {
    return fail({ path: WHOLE_FILE, message: `could not be read: ${(error as Error).message}` })
  }
  return loadPlanFromBytes(bytes, file.name)
}

/**
 * Opens the first of `files` that holds a plan, as one undoable step, and says which others were not
 * opened: those before it that could not be, those after it as one plan opens at a time. When none
 * can be, the first one's problems are shown (the current plan is untouched).
 */
export async function importAndReport(files: readonly File[], fit: () => void): Promise<void> {
  const failed: { file: File; problems: Problem[] }[] = []
  for (let i = 0; i < files.length; i++) {
    const loaded = await readPlanFile(files[i]!)
    if (!loaded.ok) {
      failed.push({ file: files[i]!, problems: loaded.problems })
      continue
    }
    await openPlan(loaded.value, fit, files[i]!.name, { failed: failed.map(({ file, problems }) => ({ name: file.name, problems })), notOpened: files.slice(i + 1).map((file) => file.name) })
    return
  }
  if (failed.length === 0) return
  if (failed.length === 1) return showProblems({ title: 'This file cannot be opened', source: failed[0]!.file.name, problems: failed[0]!.problems })
  // Several: each problem says which file it is of.
  showProblems({
    title: 'These files cannot be opened',
    source: joinAnd(failed.map(({ file }) => file.name)),
    problems: failed.flatMap(({ file, problems }) => problems.map((problem) => ({ ...problem, path: `${file.name}: ${problem.path}` }))),
  })
}
