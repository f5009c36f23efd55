import { useState } from 'react'
import { useReactFlow } from '@xyflow/react'
import { planWithLayout, useEditor } from '../../store/editor-store.ts'
import type { FlowNode } from '../canvas/flow.ts'
import { exportPng } from '../export/export-png.ts'
import { useExportStatus } from '../export/export-status.ts'
import { LinkIcon } from '../share/LinkIcon.tsx'
import { ShareDialog, type ShareResult } from '../share/ShareDialog.tsx'
import { copyText, shareLinkFor } from '../share/share-link.ts'
import { exportJson, exportReport } from './file-actions.ts'

/**
 * The ways out: the plan file, a PNG with the plan inside, the findings report, and a share link.
 * The three exports sit in one segmented control under a visible "Export" label; each button's
 * accessible name is the full action ("Export PNG"), which contains its visible text. A button
 * that is busy says so with aria-disabled, not disabled: a disabled button drops the keyboard focus.
 */
export function ExportActions() {
  const flow = useReactFlow<FlowNode>()
  const exporting = useExportStatus((s) => s.status !== null)
  const [share, setShare] = useState<ShareResult | null>(null)
  const [sharing, setSharing] = useState(false)

  const copyShareLink = async () => {
    setSharing(true)
    try {
      const link = await shareLinkFor(planWithLayout(useEditor.getState()))
      setShare({ link, copied: await copyText(link) })
    } catch (error) {
      useEditor.getState().notify(`The share link could not be made: ${(error as Error).message}`, undefined, 'error')
    } finally {
      setSharing(false)
    }
  }

  return (
    <>
      <div className="tool-group export-group" role="group" aria-label="Export">
        <span className="group-label" aria-hidden>Export</span>
        <div className="segmented">
          <button type="button" className="btn" aria-label="Export JSON" title="Download the plan file (.json)" onClick={() => exportJson()}>JSON</button>
          <button type="button" className="btn" aria-label="Export PNG" title="Download the whole diagram as a PNG; the plan is inside it, so Import opens it again"
            aria-disabled={exporting} aria-busy={exporting} onClick={() => { if (!exporting) void exportPng(flow) }}>PNG</button>
          <button type="button" className="btn" aria-label="Export report" title="Download the findings as a Markdown report (.md)" onClick={() => exportReport()}>Report</button>
        </div>
      </div>
      <div className="tool-group">
        <button type="button" className="btn" title="Copy a link that opens this plan in any browser" aria-disabled={sharing} onClick={() => { if (!sharing) void copyShareLink() }}>
          <LinkIcon />Copy share link
        </button>
      </div>
      <ShareDialog share={share} onClose={() => setShare(null)} />
    </>
  )
}
