import { loadPlan, MAX_PLAN_BYTES, savePlan, type Problem } from '../../core/index.ts'
import { planWithLayout, useEditor } from '../../store/editor-store.ts'
import { openPlan } from '../open-plan.ts'

/** A file name from the plan name: letters, digits and dashes. */
export function fileNameFor(planName: string, extension: string): string {
  const base = planName.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/\s+/g, '-').toLowerCase().slice(0, 80)
  return `${base || 'plan'}.${extension}`
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
}

/** Downloads the plan file (plan-format.md), named after the plan. */
export function exportJson(): void {
  const state = useEditor.getState()
  download(new Blob([savePlan(planWithLayout(state))], { type: 'application/json' }), fileNameFor(state.plan.name, 'json'))
}

/** Opens a plan file through the core's load path; returns the problems when it cannot be opened. */
export async function importFile(file: File, fit: () => void): Promise<Problem[] | null> {
  if (file.size > MAX_PLAN_BYTES) {
    return [{ path: '(the whole file)', message: `is ${(file.size / 1048576).toFixed(1)} MB; vexplan opens plans up to ${MAX_PLAN_BYTES / 1048576} MB` }]
  }
  const loaded = loadPlan(await file.text())
  if (!loaded.ok) return loaded.problems
  await openPlan(loaded.value, fit)
  return null
}
