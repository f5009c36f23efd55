import { useExportStatus } from './export-status.ts'
import './export.css'

/** "Exporting PNG…" with a progress bar while a PNG export runs; nothing otherwise. */
export function ExportProgress() {
  const status = useExportStatus((s) => s.status)
  return (
    <div className="export-progress-layer" role="status" aria-label="Export progress">
      {status && (
        <div className="export-progress">
          <span className="export-progress-title"><span className="spinner" aria-hidden />Exporting PNG…</span>
          <span className="export-progress-stage">{status.stage}</span>
          <progress max={1} value={status.progress} aria-label="Export progress">{Math.round(status.progress * 100)}%</progress>
        </div>
      )}
    </div>
  )
}
