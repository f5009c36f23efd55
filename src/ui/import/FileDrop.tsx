import { useEffect, useState } from 'react'
import { importAndReport } from '../toolbar/file-actions.ts'
import { useFitPlan } from '../open-plan.ts'
import './file-drop.css'

const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false

/**
 * A plan file (.json, or a PNG exported by vexplan) dropped anywhere on the window opens like Import.
 * Only drags that carry files: dragging from the palette to the canvas is left alone.
 */
export function FileDrop() {
  const fit = useFitPlan()
  const [over, setOver] = useState(false)
  useEffect(() => {
    // dragenter/dragleave fire for every child crossed; a counter tells when the drag left the window.
    let depth = 0
    const enter = (event: DragEvent) => {
      if (!hasFiles(event)) return
      depth += 1
      setOver(true)
    }
    const leave = (event: DragEvent) => {
      if (!hasFiles(event)) return
      depth = Math.max(0, depth - 1)
      if (depth === 0) setOver(false)
    }
    const overWindow = (event: DragEvent) => {
      if (!hasFiles(event)) return
      event.preventDefault()
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
    }
    const drop = (event: DragEvent) => {
      if (!hasFiles(event)) return
      event.preventDefault()
      depth = 0
      setOver(false)
      // One plan at a time: the first file that holds one opens, and the notice names the others.
      const files = event.dataTransfer ? [...event.dataTransfer.files] : []
      if (files.length > 0) void importAndReport(files, fit)
    }
    window.addEventListener('dragenter', enter)
    window.addEventListener('dragleave', leave)
    window.addEventListener('dragover', overWindow)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragenter', enter)
      window.removeEventListener('dragleave', leave)
      window.removeEventListener('dragover', overWindow)
      window.removeEventListener('drop', drop)
    }
  }, [fit])
  return over ? (
    <div className="file-drop" aria-hidden>
      <div className="file-drop-card">
        <strong>Drop to open the plan</strong>
        <span>A vexplan .json plan file or a PNG exported by vexplan. Your current plan is replaced as one step you can undo.</span>
      </div>
    </div>
  ) : null
}
