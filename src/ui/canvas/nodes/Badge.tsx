import { count } from '../../../core/index.ts'
import type { EntityFindings } from '../../../store/findings.ts'
import { badgeId } from '../flow.ts'

/**
 * Error and warning counts of one node; nothing when it has neither. With them, a hidden sentence of
 * the counts, named for `nodeId`, by which the node is described (flow.ts).
 */
export function Badge({ counts, nodeId }: { counts: EntityFindings; nodeId: string }) {
  if (counts.error === 0 && counts.warning === 0) return null
  const label = [counts.error ? count(counts.error, 'error') : '', counts.warning ? count(counts.warning, 'warning') : ''].filter(Boolean).join(', ')
  return (
    <>
      <span className="badge" role="img" aria-label={label} title={label}>
        {counts.error > 0 && <span className="badge-part error">✖ {counts.error}</span>}
        {counts.warning > 0 && <span className="badge-part warning">▲ {counts.warning}</span>}
      </span>
      {/* The node's description (flow.ts), a sentence before the keys: "1 error. Enter or Space selects it…" */}
      <span id={badgeId(nodeId)} hidden>{label}.</span>
    </>
  )
}

/** The outline class of a node: its worst severity. */
export const outline = (counts: EntityFindings) => (counts.worst ? ` worst-${counts.worst}` : '')
