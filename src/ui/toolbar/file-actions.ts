import { findingsReport, loadPlanFromBytes, MAX_PLAN_BYTES, savePlan, tooLarge, WHOLE_FILE, type Problem } from '../../core/index.ts'
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
 * Opens a plan file (.json, or a PNG exported by vexplan) through the core's one load path, as one
 * undoable step; returns the problems when it cannot be opened, and then the current plan is untouched.
 * The size is checked before the file is read, so a huge file costs nothing.
 */
export async function importFile(file: File, fit: () => void, notOpened: readonly string[] = []): Promise<Problem[] | null> {
  if (file.size > MAX_PLAN_BYTES) {
    return [tooLarge(file.size)]
  }
  let bytes: Uint8Array
  try {
    bytes = new Uint8Array(await file.arrayBuffer())
  } catch (error) {
    return [{ path: WHOLE_FILE, message: `could not be read: ${(error as Error).message}` }]
  }
  const loaded = await loadPlanFromBytes(bytes, file.name)
  if (!loaded.ok) return loaded.problems
  await openPlan(loaded.value, fit, file.name, notOpened)
  return null
}

/** importFile, with any problems shown in the problem report. */
export async function importAndReport(file: File, fit: () => void, notOpened: readonly string[] = []): Promise<void> {
  const problems = await importFile(file, fit, notOpened)
  if (problems) showProblems({ title: 'This file cannot be opened', source: file.name, problems })
}
