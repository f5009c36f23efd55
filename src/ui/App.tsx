import { ReactFlowProvider } from '@xyflow/react'
import { Canvas } from './canvas/Canvas.tsx'
import { Notice } from './Notice.tsx'
import { FindingsPanel } from './panels/FindingsPanel.tsx'
import { Inspector } from './panels/Inspector.tsx'
import { Palette } from './panels/Palette.tsx'
import { Toolbar } from './toolbar/Toolbar.tsx'
import { useShortcuts } from './use-shortcuts.ts'

export function App() {
  useShortcuts()
  return (
    <ReactFlowProvider>
      <div className="app">
        <Toolbar />
        <Palette />
        <main className="canvas-area" aria-label="Canvas">
          <Canvas />
        </main>
        <aside className="side">
          <Inspector />
          <FindingsPanel />
        </aside>
        <Notice />
      </div>
    </ReactFlowProvider>
  )
}
