import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { edit, first, soundPlan } from '../core/testing/plan-builder.ts'
import { emptyPlan } from './empty-plan.ts'
import { useEditor } from './editor-store.ts'
import { memoryStorage } from './memory-storage.ts'
import { VIEW_KEY, readView, rememberFindingsView, selectionIn, startViewMemory } from './view-memory.ts'

const plan = soundPlan()

describe('selectionIn', () => {
  it('keeps an item the plan has, as the kind of item it is', () => {
    expect(selectionIn(plan, { id: 'ex01', kind: 'vm' })).toEqual({ id: 'ex01', kind: 'vm' })
    expect(selectionIn(plan, { id: 'hv01', kind: 'parent-partition' })).toEqual({ id: 'hv01', kind: 'parent-partition' })
    expect(selectionIn(plan, { id: 'ex01', kind: 'exchange-role', role: 'mailbox' })).toEqual({ id: 'ex01', kind: 'exchange-role', role: 'mailbox' })
  })

  it('drops an item that is gone, of another kind, or a role the server no longer holds', () => {
    expect(selectionIn(plan, { id: 'gone', kind: 'vm' })).toBeNull()
    expect(selectionIn(plan, { id: 'ex01', kind: 'host' })).toBeNull()
    expect(selectionIn(plan, { id: 'ex01-db', kind: 'parent-partition' })).toBeNull()
    expect(selectionIn(plan, { id: 'ex01', kind: 'exchange-role', role: 'edge-transport' })).toBeNull()
    expect(selectionIn(plan, { id: 'ex01', kind: 'exchange-role' })).toBeNull()
    expect(selectionIn(edit(plan, (d) => { first(d).vm.exchange = null }), { id: 'ex01', kind: 'exchange-role', role: 'mailbox' })).toBeNull()
  })
})

describe('the stored view', () => {
  let storage: Storage
  let stop: (() => void) | null = null
  beforeEach(() => {
    storage = memoryStorage()
    useEditor.setState({ plan: plan, layout: {}, selection: null, past: [], future: [], notice: null, origin: 'own', ownWork: null })
  })
  afterEach(() => { stop?.(); stop = null })

  it('is empty when there is none, or when what is stored is not a view', () => {
    const empty = { selection: null, findings: null }
    expect(readView(storage)).toEqual(empty)
    expect(readView(null)).toEqual(empty)
    for (const text of ['not json', '[]', '{"selection":{"id":1}}', '{"findings":{"query":"x","shown":{"error":"yes"}}}']) {
      storage.setItem(VIEW_KEY, text)
      expect(readView(storage), text).toEqual(empty)
    }
    // One part unreadable leaves the other.
    storage.setItem(VIEW_KEY, JSON.stringify({ selection: { id: 'ex01', kind: 'floppy' }, findings: { query: 'backup', shown: { error: true, warning: true, info: false } } }))
    expect(readView(storage)).toEqual({ selection: null, findings: { query: 'backup', shown: { error: true, warning: true, info: false } } })
  })

  it('keeps the findings filter and the selection of the own plan, and selects it again at start', () => {
    rememberFindingsView({ query: 'backup', shown: { error: true, warning: false, info: true } }, storage)
    stop = startViewMemory(storage)
    useEditor.getState().select({ id: 'ex01-db', kind: 'virtual-disk' })
    expect(readView(storage)).toEqual({ selection: { id: 'ex01-db', kind: 'virtual-disk' }, findings: { query: 'backup', shown: { error: true, warning: false, info: true } } })
    stop()
    useEditor.setState({ selection: null })
    stop = startViewMemory(storage)
    expect(useEditor.getState().selection).toEqual({ id: 'ex01-db', kind: 'virtual-disk' })
  })

  it('does not select at start what the restored plan does not have, nor keep the selection of a linked plan', () => {
    storage.setItem(VIEW_KEY, JSON.stringify({ selection: { id: 'ex01', kind: 'vm' }, findings: null }))
    useEditor.setState({ plan: emptyPlan() })
    stop = startViewMemory(storage)
    expect(useEditor.getState().selection).toBeNull()
    useEditor.setState({ plan, origin: 'link' })
    useEditor.getState().select({ id: 'hv01', kind: 'host' })
    expect(readView(storage).selection).toEqual({ id: 'ex01', kind: 'vm' })
  })
})
