import { ProblemsDialog } from './ProblemsDialog.tsx'
import { closeProblems, useProblemReport } from './problem-report.ts'

/** Shows the current problem report, wherever it came from (import, drop, template, share link). */
export function ProblemReportDialog() {
  const report = useProblemReport((s) => s.report)
  return <ProblemsDialog title={report?.title ?? ''} source={report?.source ?? ''} problems={report?.problems ?? null} onClose={closeProblems} />
}
