import type { Problem } from '../../core/index.ts'
import { Dialog } from './Dialog.tsx'

/** Lists every problem of an input that could not be opened; the current plan stays as it is. */
export function ProblemsDialog({ title, source, problems, onClose }: { title: string; source: string; problems: Problem[] | null; onClose(): void }) {
  return (
    <Dialog title={title} open={problems !== null} onClose={onClose} wide describe actions={<button type="button" className="btn primary" onClick={onClose} autoFocus>OK</button>}>
      <p>{source} could not be opened, so your current plan is unchanged. {problems && problems.length > 1 ? `${problems.length} problems were found:` : 'The problem:'}</p>
      <ul className="problem-list">
        {problems?.slice(0, 200).map((problem, i) => (
          <li key={i}><code>{problem.path}</code> {problem.message}{problem.where && <span className="problem-where"> (in {problem.where})</span>}</li>
        ))}
      </ul>
      {problems && problems.length > 200 && <p>…and {problems.length - 200} more.</p>}
    </Dialog>
  )
}
