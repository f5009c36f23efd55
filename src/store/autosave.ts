/**
 * Autosave: the plan (with its layout) is written to localStorage shortly after every change and
 * restored on reload through the core's one load path. An unreadable save is kept aside, never lost.
 * A plan opened from a share link is not the user's work: nothing is written while it is shown
 * (origin 'link'), and keeping it as the user's plan saves it at once.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate'
import { loadPlan, savePlan, WHOLE_FILE } from '../core/index.ts'
import { planWithLayout, useEditor } from './editor-store.ts'

export const AUTOSAVE_KEY = 'vexplan.autosave'
export const UNREADABLE_KEY = 'vexplan.autosave.unreadable'
const DELAY_MS = 250
/**
 * Browsers keep about 5 million characters per site. A plan file larger than this is stored
 * deflated (a 10,000-VM estate shrinks about 20 times), behind a prefix that says so; smaller ones
 * stay plain JSON, readable in the browser's storage inspector.
 */
export const COMPRESS_ABOVE = 1_000_000
const DEFLATED = 'vexplan-deflated:'

export function packSave(text: string): string {
  if (text.length <= COMPRESS_ABOVE) return text
  return DEFLATED + btoa(strFromU8(deflateSync(strToU8(text)), true))
}

/** The plan text of a save, or null when a deflated one is damaged. */
export function unpackSave(stored: string): string | null {
  if (!stored.startsWith(DEFLATED)) return stored
  try {
    return strFromU8(inflateSync(strToU8(atob(stored.slice(DEFLATED.length)), true)))
  } catch {
    return null
  }
}

/** Restores the saved plan and keeps saving; returns the function that stops saving. */
export function startAutosave(storage: Storage = window.localStorage): () => void {
  const saved = read(storage, AUTOSAVE_KEY)
  if (saved !== null) {
    const text = unpackSave(saved)
    const loaded = text === null ? { ok: false as const, problems: [{ path: WHOLE_FILE, message: 'is a damaged compressed save' }] } : loadPlan(text)
    if (loaded.ok) {
      useEditor.getState().restore(loaded.value, loaded.value.layout)
    } else {
      // Kept aside, it leaves the autosave's place: the next reload opens the new plan, not the same message again.
      if (keepAside(storage, saved)) storage.removeItem(AUTOSAVE_KEY)
      const first = loaded.problems[0]
      // The save is no file: its whole is "it", its parts are named by their path.
      const more = loaded.problems.length - 1
      const what = (first ? (first.path === WHOLE_FILE ? `it ${first.message}` : `${first.path} ${first.message}`) : 'unreadable')
        + (more > 0 ? `, and ${more} more problem${more === 1 ? '' : 's'} that Import lists` : '')
      // Offered as a file: mended in a text editor (or opened by a newer vexplan), it opens again
      // through Import. The plan's panel lists it too, once this notice is gone.
      const newer = first?.path === 'version' && /newer vexplan/.test(first.message)
      const then = newer ? 'Download it to open it with a newer vexplan' : 'Download it to mend it and import it again'
      useEditor.getState().notify(`Your autosaved plan could not be opened (${what}); it is kept aside and a new plan was started. ${then}; the plan's Inspector lists it under "Kept aside" until you delete it.`,
        undefined, 'error', { name: 'vexplan-autosave-unreadable.json', text: text ?? saved })
    }
  }
  let timer: ReturnType<typeof setTimeout> | null = null
  // Whether the last save failed, so that the user hears of it once, not on every edit.
  let failing = false
  const save = (state: Parameters<typeof planWithLayout>[0]) => {
    const text = savePlan(planWithLayout(state))
    const packed = packSave(text)
    if (write(storage, AUTOSAVE_KEY, packed)) {
      failing = false
      return
    }
    if (failing) return
    failing = true
    const mb = (packed.length / 1048576).toFixed(1)
    useEditor.getState().notify(`This browser cannot keep this plan (${mb} MB to store): your changes are not autosaved. Export it as JSON to keep your work.`, undefined, 'error')
  }
  const flush = () => {
    timer = null
    const state = useEditor.getState()
    if (state.origin === 'link') return
    save(state)
  }
  const unsubscribe = useEditor.subscribe((state, previous) => {
    if (state.origin === 'link') {
      // A link opened while the user's last edit was still waiting to be saved: save that edit first.
      if (timer && previous.origin === 'own') save(previous)
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
  // Another tab of vexplan saved its plan over this one's. This tab's next change saves this tab's
  // plan in its place, so say so at once, with that plan to download: work is never lost unseen.
  const onStorage = (event: StorageEvent) => {
    if (event.key !== AUTOSAVE_KEY || event.storageArea !== storage || event.newValue === null) return
    const text = unpackSave(event.newValue)
    if (text === null) return
    // Showing a linked plan, this tab saves nothing: the other tab's plan is now the user's own, the
    // one Discard or Back brings back. Bringing back the copy put aside would write it over the newer one.
    if (useEditor.getState().origin === 'link') {
      const loaded = loadPlan(text)
      if (!loaded.ok) return
      useEditor.getState().ownPlanSavedElsewhere(loaded.value, loaded.value.layout)
      useEditor.getState().notify(`Another vexplan tab has saved "${loaded.value.name}" as your plan in this browser: Discard, or Back, brings that plan back here.`, undefined, 'info')
      return
    }
    const name = planName(text)
    useEditor.getState().notify(
      `Another vexplan tab has saved ${name ? `"${name}"` : 'its plan'} as your plan in this browser. Your next change here will take its place: download it to keep it, or reload this tab to carry on with it.`,
      undefined, 'error', { name: 'vexplan-other-tab.json', text })
  }
  window.addEventListener('storage', onStorage)
  return () => {
    unsubscribe()
    if (timer) clearTimeout(timer)
    window.removeEventListener('pagehide', onPageHide)
    window.removeEventListener('storage', onStorage)
  }
}

/**
 * An unreadable save kept aside: its storage key, its place (1 for UNREADABLE_KEY, n for `.n`: a
 * label that stays while others come and go), its text (unpacked where it can be), and when it was
 * kept (null for one kept before vexplan noted the time).
 */
export interface KeptAside { key: string; place: number; text: string; keptAt: string | null }

const keptAtKey = (key: string) => `${key}.kept-at`

/** The unreadable saves kept aside in this browser, the most recently kept first. */
export function keptAsideSaves(storage: Storage = window.localStorage): KeptAside[] {
  const kept: KeptAside[] = []
  for (let n = 1; n <= UNREADABLE_KEPT; n++) {
    const key = n === 1 ? UNREADABLE_KEY : `${UNREADABLE_KEY}.${n}`
    const saved = read(storage, key)
    if (saved !== null) kept.push({ key, place: n, text: unpackSave(saved) ?? saved, keptAt: read(storage, keptAtKey(key)) })
  }
  // ISO times sort as text; saves of unknown time go last, in place order.
  return kept.sort((a, b) => (b.keptAt ?? '').localeCompare(a.keptAt ?? '') || a.place - b.place)
}

/** Deletes a save kept aside (the user has downloaded it, or does not want it). */
export function forgetKeptAside(key: string, storage: Storage = window.localStorage): void {
  if (key !== UNREADABLE_KEY && !/^vexplan\.autosave\.unreadable\.\d+$/.test(key)) return
  storage.removeItem(key)
  storage.removeItem(keptAtKey(key))
}

/** How many unreadable saves are kept aside at most (the newest takes the last place). */
const UNREADABLE_KEPT = 10

/**
 * Keeps an unreadable save aside without losing one kept before: under UNREADABLE_KEY, else the
 * first of `UNREADABLE_KEY.2`, `.3`, … that is free (or holds the same text).
 */
function keepAside(storage: Storage, saved: string): boolean {
  for (let n = 1; n <= UNREADABLE_KEPT; n++) {
    const key = n === 1 ? UNREADABLE_KEY : `${UNREADABLE_KEY}.${n}`
    const held = read(storage, key)
    if (held === null || held === saved || n === UNREADABLE_KEPT) {
      if (!write(storage, key, saved)) return false
      write(storage, keptAtKey(key), new Date().toISOString())
      return true
    }
  }
  return false
}

/** The name of a saved plan, for a message; null when its text is no plan. */
export function planName(text: string): string | null {
  try {
    const value: unknown = JSON.parse(text)
    const name = typeof value === 'object' && value !== null && 'name' in value ? value.name : null
    return typeof name === 'string' ? name : null
  } catch {
    return null
  }
}

function read(storage: Storage, key: string): string | null {
  try { return storage.getItem(key) } catch { return null }
}

/** Stores a value; false when the storage is full or disabled (the plan stays in memory). */
function write(storage: Storage, key: string, value: string): boolean {
  try {
    storage.setItem(key, value)
    return true
  } catch {
    return false
  }
}
