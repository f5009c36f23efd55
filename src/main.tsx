import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import '@fontsource-variable/inter/wght.css'
import '@fontsource-variable/inter/wght-italic.css'
import '@xyflow/react/dist/style.css'
import './ui/theme.css'
import { App } from './ui/App.tsx'
import { startAutosave } from './store/autosave.ts'
import { startViewMemory } from './store/view-memory.ts'
import { layOutRestoredPlan } from './ui/open-plan.ts'
import { openLinkInAddress } from './ui/share/share-link.ts'

/**
 * Start-up: the user's own autosaved plan is restored first; a share link in the address is then
 * opened beside it (never over it: autosave writes nothing while a linked plan is shown). The link
 * stays in the address while its plan is shown, so a reload shows it again; a damaged one is taken out.
 * What was selected and how the findings were filtered come back on a reload of the same tab.
 */
async function start() {
  startAutosave()
  await layOutRestoredPlan()
  // The item selected before a reload, in the user's own plan; a link opened next shows its own plan unselected.
  startViewMemory()
  // Opened before the first render, so the canvas fits the linked plan rather than the user's own.
  await openLinkInAddress()
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}

void start()
