import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { loadPlan, PLAN_TARGET, savePlan } from '../core/index.ts'
import { generateEstate } from '../core/testing/estate.ts'
import { soundPlan } from '../core/testing/plan-builder.ts'
import { AUTOSAVE_KEY, COMPRESS_ABOVE, forgetKeptAside, keptAsideSaves, packSave, startAutosave, UNREADABLE_KEY } from './autosave.ts'
import { emptyPlan } from './empty-plan.ts'
import { planWithLayout, useEditor } from './editor-store.ts'
import { memoryStorage } from './memory-storage.ts'

const own = { ...soundPlan(), name: 'My own plan' }
const shared = { ...soundPlan(), name: 'Shared plan' }
const saved = (storage: Storage) => storage.getItem(AUTOSAVE_KEY)

let storage: Storage
let stop: () => void
beforeEach(() => {
  vi.useFakeTimers()
  vi.stubGlobal('window', { addEventListener() {}, removeEventListener() {} })
  useEditor.setState({ plan: emptyPlan(), layout: {}, selection: null, past: [], future: [], notice: null, origin: 'own', ownWork: null })
  storage = memoryStorage()
  storage.setItem(AUTOSAVE_KEY, savePlan(own))
  stop = startAutosave(storage)
})
afterEach(() => {
  stop()
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('autosave and plans opened from a link', () => {
  it('writes nothing while a linked plan is shown, even when it is edited', () => {
    useEditor.getState().openFromLink(shared, {})
    useEditor.getState().apply({ op: 'set', target: 'ex01', field: 'vcpus', value: 4 })
    vi.advanceTimersByTime(1000)
    expect(saved(storage)).toBe(savePlan(own))
  })

  it('saves the linked plan at once when it is kept', () => {
    useEditor.getState().openFromLink(shared, { hv01: { x: 8, y: 8 } })
    useEditor.getState().keepLinkedPlan()
    expect(useEditor.getState().origin).toBe('own')
    expect(saved(storage)).toBe(savePlan(planWithLayout(useEditor.getState())))
    expect(saved(storage)).toContain('"name": "Shared plan"')
  })

  it('brings back the own plan, its undo history and its save on discard', () => {
    useEditor.getState().apply({ op: 'set', target: PLAN_TARGET, field: 'name', value: 'Renamed' })
    useEditor.getState().openFromLink(shared, {})
    useEditor.getState().discardLinkedPlan()
    expect(useEditor.getState().plan.name).toBe('Renamed')
    expect(useEditor.getState().past).toHaveLength(1)
    expect(saved(storage)).toContain('"name": "Renamed"')
  })

  it('brings back, on discard, the plan another tab saved meanwhile, and writes no older copy over it', () => {
    // The 'storage' event another tab's save fires here.
    const listeners = new Map<string, (event: unknown) => void>()
    stop()
    vi.stubGlobal('window', { addEventListener: (type: string, listener: (event: unknown) => void) => listeners.set(type, listener), removeEventListener() {} })
    stop = startAutosave(storage)
    useEditor.getState().openFromLink(shared, {})
    // As the other tab writes it: a plan it loaded, saved.
    const other = loadPlan(savePlan({ ...own, name: 'Saved by another tab' }))
    if (!other.ok) throw new Error('must load')
    const newer = savePlan(other.value)
    storage.setItem(AUTOSAVE_KEY, newer)
    listeners.get('storage')!({ key: AUTOSAVE_KEY, storageArea: storage, newValue: newer })
    expect(useEditor.getState().notice).toMatchObject({ tone: 'info', text: 'Another vexplan tab has saved "Saved by another tab" as your plan in this browser: Discard, or Back, brings that plan back here.' })
    expect(useEditor.getState().plan.name).toBe('Shared plan')
    useEditor.getState().discardLinkedPlan()
    vi.advanceTimersByTime(1000)
    expect(useEditor.getState().plan.name).toBe('Saved by another tab')
    expect(saved(storage)).toBe(newer)
    // The plan this tab had put aside is a step under it.
    useEditor.getState().undo()
    expect(useEditor.getState().plan.name).toBe('My own plan')
  })

  it('saves an edit still waiting for its timer before a link replaces the screen', () => {
    useEditor.getState().apply({ op: 'set', target: PLAN_TARGET, field: 'name', value: 'Just typed' })
    useEditor.getState().openFromLink(shared, {})
    vi.advanceTimersByTime(1000)
    expect(saved(storage)).toContain('"name": "Just typed"')
  })
})

describe('autosave of big plans', () => {
  it('stores a plan over a million characters deflated, and restores it on reload', () => {
    const big = generateEstate(500, 'Big estate')
    useEditor.getState().open(big, {})
    vi.advanceTimersByTime(1000)
    const stored = saved(storage)!
    expect(savePlan(big).length).toBeGreaterThan(COMPRESS_ABOVE)
    expect(stored.startsWith('vexplan-deflated:')).toBe(true)
    expect(stored.length).toBeLessThan(savePlan(big).length / 5)
    stop()
    useEditor.setState({ plan: emptyPlan(), layout: {}, past: [], future: [] })
    stop = startAutosave(storage)
    expect(useEditor.getState().plan.name).toBe('Big estate')
    expect(useEditor.getState().plan.hosts).toHaveLength(big.hosts.length)
  })

  it('says once, not on every edit, when the browser cannot keep the plan', () => {
    storage.setItem = () => { throw new DOMException('quota', 'QuotaExceededError') }
    useEditor.getState().apply({ op: 'set', target: 'ex01', field: 'vcpus', value: 4 })
    vi.advanceTimersByTime(1000)
    expect(useEditor.getState().notice).toMatchObject({ tone: 'error', text: expect.stringMatching(/^This browser cannot keep this plan \(.* MB to store\): your changes are not autosaved/) })
    useEditor.getState().dismissNotice()
    useEditor.getState().apply({ op: 'set', target: 'ex01', field: 'vcpus', value: 2 })
    vi.advanceTimersByTime(1000)
    expect(useEditor.getState().notice).toBeNull()
  })

  it('keeps a damaged compressed save aside, as any unreadable save', () => {
    stop()
    storage.setItem(AUTOSAVE_KEY, 'vexplan-deflated:not-base64!')
    useEditor.setState({ plan: emptyPlan(), notice: null })
    stop = startAutosave(storage)
    expect(storage.getItem(UNREADABLE_KEY)).toBe('vexplan-deflated:not-base64!')
    expect(useEditor.getState().notice?.text).toMatch(/could not be opened \(it is a damaged compressed save\)/)
    // What cannot be inflated is offered as it is stored.
    expect(useEditor.getState().notice?.file).toEqual({ name: 'vexplan-autosave-unreadable.json', text: 'vexplan-deflated:not-base64!' })
  })

  it('keeps a second unreadable save beside the first, not over it', () => {
    const reopen = (stored: string) => {
      stop()
      storage.setItem(AUTOSAVE_KEY, stored)
      useEditor.setState({ plan: emptyPlan(), notice: null })
      stop = startAutosave(storage)
    }
    reopen('garbage{')
    reopen('second garbage')
    reopen('second garbage')
    expect(storage.getItem(UNREADABLE_KEY)).toBe('garbage{')
    expect(storage.getItem(`${UNREADABLE_KEY}.2`)).toBe('second garbage')
    expect(storage.getItem(`${UNREADABLE_KEY}.3`)).toBeNull()
  })

  it('lists the saves kept aside, inflated, and forgets one when asked; a save by a newer vexplan is to be opened there', () => {
    stop()
    storage.setItem(AUTOSAVE_KEY, savePlan(soundPlan()).replace('"version": 1', '"version": 99'))
    useEditor.setState({ plan: emptyPlan(), notice: null })
    stop = startAutosave(storage)
    expect(useEditor.getState().notice?.text).toMatch(/made by a newer vexplan.*Download it to open it with a newer vexplan;/)
    storage.setItem(`${UNREADABLE_KEY}.2`, packSave(`{"x": "${'y'.repeat(COMPRESS_ABOVE)}"}`))
    const kept = keptAsideSaves(storage)
    expect(kept.map((save) => save.key)).toEqual([UNREADABLE_KEY, `${UNREADABLE_KEY}.2`])
    expect(kept[0]!.text).toContain('"version": 99')
    expect(kept[1]!.text).toMatch(/^\{"x": "y+"\}$/)
    // Kept aside with the time, it has left the autosave's place: a reload does not say it again.
    expect(kept[0]!.keptAt).toMatch(/^\d{4}-\d\d-\d\dT/)
    expect(kept[1]).toMatchObject({ place: 2, keptAt: null })
    expect(storage.getItem(AUTOSAVE_KEY)).toBeNull()
    forgetKeptAside(UNREADABLE_KEY, storage)
    expect(keptAsideSaves(storage).map((save) => save.key)).toEqual([`${UNREADABLE_KEY}.2`])
    expect(storage.getItem(`${UNREADABLE_KEY}.kept-at`)).toBeNull()
    // Only a save kept aside can be forgotten, never the autosave itself.
    storage.setItem(AUTOSAVE_KEY, 'work')
    forgetKeptAside(AUTOSAVE_KEY, storage)
    expect(storage.getItem(AUTOSAVE_KEY)).toBe('work')
  })

  it('lists the most recently kept save first, each under the place it keeps', () => {
    storage.setItem(UNREADABLE_KEY, 'older')
    storage.setItem(`${UNREADABLE_KEY}.kept-at`, '2026-12-01T10:00:00.000Z')
    storage.setItem(`${UNREADABLE_KEY}.3`, 'newer')
    storage.setItem(`${UNREADABLE_KEY}.3.kept-at`, '2026-12-02T10:00:00.000Z')
    expect(keptAsideSaves(storage).map(({ place, text }) => `${place} ${text}`)).toEqual(['3 newer', '1 older'])
  })

  it('offers an unreadable save as a file to mend, inflated when it was stored compressed', () => {
    stop()
    const text = `{"format": "vexplan/plan", "version": 1, "name": "x", "organization": {"mailboxes": 1}, "hosts": [{"bad": 1}], "pad": "${'x'.repeat(COMPRESS_ABOVE)}"}`
    storage.setItem(AUTOSAVE_KEY, packSave(text))
    useEditor.setState({ plan: emptyPlan(), notice: null })
    stop = startAutosave(storage)
    expect(useEditor.getState().notice?.text).toMatch(/could not be opened \(hosts\[0\]\.id is required but missing, and \d+ more problems that Import lists\).*Download it to mend it and import it again; the plan's Inspector lists it under "Kept aside" until you delete it\.$/)
    expect(useEditor.getState().notice?.file).toEqual({ name: 'vexplan-autosave-unreadable.json', text })
  })

  it('calls a save that is not JSON "it", not a file', () => {
    stop()
    storage.setItem(AUTOSAVE_KEY, '{"format": "vexplan/plan", ')
    useEditor.setState({ plan: emptyPlan(), notice: null })
    stop = startAutosave(storage)
    expect(useEditor.getState().notice?.text).toMatch(/^Your autosaved plan could not be opened \(it is not valid JSON/)
  })
})

describe('opening a plan while a linked one is shown', () => {
  it('leaves the link: the opened plan is saved over the own plan, and Undo leads back to it', () => {
    useEditor.getState().openFromLink(shared, {})
    useEditor.getState().open({ ...soundPlan(), name: 'From a template' }, {})
    expect(useEditor.getState().origin).toBe('own')
    vi.advanceTimersByTime(1000)
    expect(saved(storage)).toContain('"name": "From a template"')
    useEditor.getState().undo()
    expect(useEditor.getState().plan.name).toBe('My own plan')
  })
})
