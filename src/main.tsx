import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import '@xyflow/react/dist/style.css'
import './ui/theme.css'
import { App } from './ui/App.tsx'
import { startAutosave } from './store/autosave.ts'

startAutosave()
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
