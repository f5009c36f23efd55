import { useEffect, useState } from 'react'
import type { Problem } from '../../core/index.ts'
import { TEMPLATES } from '../../templates/index.ts'
import { preloadLayoutEngine } from '../canvas/auto-layout.ts'
import { openPlan } from '../open-plan.ts'
import { Dialog } from './Dialog.tsx'

export function TemplatesDialog({ open, onClose, onOpened, onProblems }: {
  open: boolean
  onClose(): void
  onOpened(): void
  onProblems(problems: { source: string; problems: Problem[] }): void
}) {
  const [busy, setBusy] = useState<string | null>(null)
  // A template without a layout is laid out by elkjs: loaded while the list is read, not after the click.
  useEffect(() => { if (open) preloadLayoutEngine() }, [open])
  const choose = async (id: string) => {
    const template = TEMPLATES.find((t) => t.id === id)
    if (!template) return
    setBusy(id)
    try {
      await openPlan(await template.load(), onOpened, 'the templates')
      onClose()
    } catch (error) {
      onProblems({ source: template.name, problems: [{ path: '(template)', message: (error as Error).message }] })
    } finally {
      setBusy(null)
    }
  }
  return (
    <Dialog title="Templates" open={open} onClose={onClose} wide actions={<button type="button" className="btn" onClick={onClose}>Close</button>}>
      <p>Start from a known design. Opening a template replaces the current plan as one step you can undo.</p>
      <ul className="template-list">
        {TEMPLATES.map((template) => (
          <li key={template.id}>
            <div>
              <strong>{template.name}</strong>
              <p>{template.description}</p>
            </div>
            <button type="button" className="btn primary" disabled={busy !== null} onClick={() => choose(template.id)} aria-label={`Open ${template.name}`}>
              {busy === template.id ? 'Opening…' : 'Open'}
            </button>
          </li>
        ))}
      </ul>
    </Dialog>
  )
}
