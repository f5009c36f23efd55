import { count } from '../../../core/index.ts'
import type { EntityFindings } from '../../../store/findings.ts'

/** Error and warning counts of one node; nothing when it has neither. */
export function Badge({ counts }: { counts: EntityFindings }) {
  if (counts.error === 0 && counts.warning === 0) return null
  const label = [counts.error ? count(counts.error, 'error') : '', counts.warning ? count(counts.warning, 'warning') : ''].filter(Boolean).join(', ')
  return (
    <span className="badge" role="img" aria-label={label} title={label}>
      {counts.error > 0 && <span className="badge-part error">✖ {counts.error}</span>}
      {counts.warning > 0 && <span className="badge-part warning">▲ {counts.warning}</span>}
    </span>
  )
}

/** The outline class of a node: its worst severity. */
export const outline = (counts: EntityFindings) => (counts.worst ? ` worst-${counts.worst}` : '')
