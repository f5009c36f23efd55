/**
 * Autosave: the plan (with its layout) is written to localStorage shortly after every change and
 * restored on reload through the core's one load path. An unreadable save is kept aside, never lost.
 * A plan opened from a share link is not the user's work: nothing is written while it is shown
 * (origin 'link'), and keeping it as the user's plan saves it at once.
 */
import { loadPlan, savePlan } from '../core/index.ts'
import { planWithLayout, useEditor } from './editor-store.ts'

export const AUTOSAVE_KEY = 'vexplan.autosave'
export const UNREADABLE_KEY = 'vexplan.autosave.unreadable'
const DELAY_MS = 250

/** Restores the saved plan and keeps saving; returns the function that stops saving. */
export function startAutosave(storage: Storage = window.localStorage): () => void {
  const saved = read(storage, AUTOSAVE_KEY)
  if (saved !== null) {
    const loaded = loadPlan(saved)
    if (loaded.ok) {
      useEditor.getState().restore(loaded.value, loaded.value.layout)
    } else {
      write(storage, UNREADABLE_KEY, saved)
      const first = loaded.problems[0]
      useEditor.getState().notify(`Your autosaved plan could not be opened (${first ? `${first.path} ${first.message}` : 'unreadable'}); it is kept aside and a new plan was started.`, undefined, 'error')
    }
  }
  let timer: ReturnType<typeof setTimeout> | null = null
  const flush = () => {
    timer = null
    const state = useEditor.getState()
    if (state.origin === 'link') return
    write(storage, AUTOSAVE_KEY, savePlan(planWithLayout(state)))
  }
  const unsubscribe = useEditor.subscribe((state, previous) => {
    if (state.origin === 'link') {
      // A link opened while the user's last edit was still waiting to be saved: save that edit first.
      if (timer && previous.origin === 'own') write(storage, AUTOSAVE_KEY, savePlan(planWithLayout(previous)))
      if (timer) clearTimeout(timer)
      timer = null
      return
    }
    if (previous.origin === 'link') {
      if (timer) clearTimeout(timer)
      flush()
      return
    }
    if (state.plan === previous.plan && state.layout === previous.layout) return
    if (timer) clearTimeout(timer)
    timer = setTimeout(flush, DELAY_MS)
  })
  const onPageHide = () => { if (timer) { clearTimeout(timer); flush() } }
  window.addEventListener('pagehide', onPageHide)
  return () => {
    unsubscribe()
    if (timer) clearTimeout(timer)
    window.removeEventListener('pagehide', onPageHide)
  }
}

function read(storage: Storage, key: string): string | null {
  try { return storage.getItem(key) } catch { return null }
}

function write(storage: Storage, key: string, value: string): void {
  try { storage.setItem(key, value) } catch { /* storage full or disabled: the plan stays in memory */ }
}
