/**
 * The one "cannot be opened" report of the app: a file, a dropped file, a template or a share link
 * that failed to load puts its problems here, and ProblemReportDialog shows them.
 */
import { create } from 'zustand'
import type { Problem } from '../../core/index.ts'

export interface ProblemReport {
  title: string
  /** What could not be opened, as the sentence's subject: a file name, or "The shared link". */
  source: string
  problems: Problem[]
}

export const useProblemReport = create<{ report: ProblemReport | null }>(() => ({ report: null }))

export const showProblems = (report: ProblemReport): void => useProblemReport.setState({ report })
export const closeProblems = (): void => useProblemReport.setState({ report: null })
