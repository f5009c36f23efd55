import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { first, soundPlan } from '../core/testing/plan-builder.ts'
import { useEditor } from './editor-store.ts'
import { showPlanNow, TYPING_PAUSE_MS, useShownPlan } from './shown-plan.ts'

const editor = () => useEditor.getState()
const shown = () => useShownPlan.getState()
const rename = (name: string) => editor().apply({ op: 'set', target: 'ex01', field: 'name', value: name }, { coalesce: 'ex01/name' })

beforeEach(() => {
  vi.useFakeTimers()
  editor().restore(soundPlan(), { hv01: { x: 0, y: 0 } })
})
afterEach(() => {
  vi.useRealTimers()
})

describe('the plan the large views show', () => {
  it('is the plan after any change that is not typing: an open, an edit, a move, undo', () => {
    expect(shown().plan).toBe(editor().plan)
    editor().apply({ op: 'set', target: 'ex01', field: 'vcpus', value: 4 })
    expect(shown().plan).toBe(editor().plan)
    editor().place('hv01', { x: 40, y: 0 })
    expect(shown().layout).toBe(editor().layout)
    editor().undo()
    expect(shown().plan).toBe(editor().plan)
    expect(shown().layout).toEqual({ hv01: { x: 0, y: 0 } })
  })

  it('trails the typed keystrokes until typing pauses, then shows them', () => {
    const before = editor().plan
    rename('EX01a')
    rename('EX01ab')
    vi.advanceTimersByTime(TYPING_PAUSE_MS - 1)
    rename('EX01abc')
    vi.advanceTimersByTime(TYPING_PAUSE_MS - 1)
    expect(shown().plan).toBe(before)
    vi.advanceTimersByTime(1)
    expect(first(shown().plan).vm.name).toBe('EX01abc')
    expect(shown().plan).toBe(editor().plan)
  })

  it('shows at once a change that comes after typing, and what was typed with it', () => {
    rename('EX01a')
    editor().apply({ op: 'set', target: 'ex01', field: 'vcpus', value: 4 })
    expect(first(shown().plan).vm).toMatchObject({ name: 'EX01a', vcpus: 4 })
    // The pause that was pending changes nothing after that.
    const now = shown()
    vi.advanceTimersByTime(TYPING_PAUSE_MS)
    expect(shown()).toBe(now)
  })

  it('shows at once a typed text that Redo brings back', () => {
    rename('EX01a')
    vi.advanceTimersByTime(TYPING_PAUSE_MS)
    editor().undo()
    editor().redo()
    expect(first(shown().plan).vm.name).toBe('EX01a')
  })

  it('shows the typed text at once when asked (an export draws the plan as it is)', () => {
    rename('EX01a')
    showPlanNow()
    expect(first(shown().plan).vm.name).toBe('EX01a')
  })
})
