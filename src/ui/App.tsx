import { ReactFlowProvider } from '@xyflow/react'
import { useSideSplit } from './SideSplit.tsx'
import { useEditor } from '../store/editor-store.ts'
import { Canvas } from './canvas/Canvas.tsx'
import { FindBox } from './canvas/FindBox.tsx'
import { ProblemReportDialog } from './dialogs/ProblemReportDialog.tsx'
import { ShortcutsDialog } from './dialogs/ShortcutsDialog.tsx'
import { ExportProgress } from './export/ExportProgress.tsx'
import { FileDrop } from './import/FileDrop.tsx'
import { Notice } from './Notice.tsx'
import { usePanels } from './panel-visibility.ts'
import { HideButton, RailButton } from './PanelToggle.tsx'
import { FindingsPanel } from './panels/FindingsPanel.tsx'
import { Inspector } from './panels/Inspector.tsx'
import { Palette } from './panels/Palette.tsx'
import { LinkBanner } from './share/LinkBanner.tsx'
import { useShareLinkNavigation, useWarnBeforeLosingLinkedEdits } from './share/use-share-link-navigation.ts'
import { Toolbar } from './toolbar/Toolbar.tsx'
import { useShortcuts } from './use-shortcuts.ts'

export function App() {
  return (
    <ReactFlowProvider>
      <Editor />
    </ReactFlowProvider>
  )
}

function Editor() {
  useShortcuts()
  useShareLinkNavigation()
  useWarnBeforeLosingLinkedEdits()
  const linked = useEditor((s) => s.origin === 'link')
  const split = useSideSplit()
  const palette = usePanels((state) => state.palette)
  const side = usePanels((state) => state.side)
  const classes = ['app', linked && 'with-banner', !palette && 'palette-hidden', !side && 'side-hidden'].filter(Boolean).join(' ')
  return (
    <div className={classes}>
      <Toolbar />
      <LinkBanner />
      <Palette />
      {/* Tab reaches every node of the diagram: with hundreds, the keyboard needs a way past them. */}
      <button type="button" className="skip-link" onClick={() => {
        if (!usePanels.getState().side) usePanels.getState().setShown('side', true)
        requestAnimationFrame(() => document.querySelector<HTMLElement>('.inspector')?.focus())
      }}>
        Skip the diagram, to the Inspector
      </button>
      <main className="canvas-area" aria-label="Canvas">
        <FindBox />
        <Canvas />
      </main>
      {side ? (
        <aside className="side" style={{ gridTemplateRows: `minmax(0, ${split.share}fr) 7px minmax(0, ${100 - split.share}fr)` }}>
          {/* Over the Inspector's heading, outside its region: the region holds the selection's controls. */}
          <HideButton panel="side" name="Hide Inspector and Findings" title="Hide the Inspector and the Findings: more room for the canvas" chevron="›" className="side-hide" />
          <Inspector />
          {split.separator}
          <FindingsPanel />
        </aside>
      ) : (
        <aside className="side panel-rail" aria-label="Inspector and Findings">
          <RailButton panel="side" name="Show Inspector and Findings" title="Show the Inspector and the Findings" chevron="‹" label="Inspector · Findings" />
        </aside>
      )}
      <Notice />
      <ExportProgress />
      <FileDrop />
      <ProblemReportDialog />
      <ShortcutsDialog />
    </div>
  )
}
