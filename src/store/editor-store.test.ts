import { beforeEach, describe, expect, it } from 'vitest'
import { edit, first, soundPlan } from '../core/testing/plan-builder.ts'
import { PLAN_TARGET } from '../core/index.ts'
import { emptyPlan } from './empty-plan.ts'
import { linkedPlanEdited, planWithLayout, useEditor } from './editor-store.ts'

const state = () => useEditor.getState()

beforeEach(() => {
  useEditor.setState({ plan: emptyPlan(), layout: {}, selection: null, past: [], future: [], notice: null })
  state().restore(soundPlan(), { hv01: { x: 0, y: 0 } })
})

describe('editor store', () => {
  it('restores a saved plan without an undo step', () => {
    expect(state().past).toEqual([])
    expect(first(state().plan).vm.name).toBe('EX01')
  })

  it('applies edits as undoable steps, and undo/redo walk them', () => {
    expect(state().apply({ op: 'set', target: 'ex01', field: 'vcpus', value: 4 })).toBeNull()
    expect(state().apply({ op: 'set', target: 'ex01', field: 'ramGB', value: 16 })).toBeNull()
    expect(first(state().plan).vm).toMatchObject({ vcpus: 4, ramGB: 16 })
    state().undo()
    expect(first(state().plan).vm).toMatchObject({ vcpus: 4, ramGB: 8 })
    state().undo()
    expect(first(state().plan).vm.vcpus).toBe(2)
    state().undo()
    expect(first(state().plan).vm.vcpus).toBe(2)
    state().redo()
    state().redo()
    expect(first(state().plan).vm).toMatchObject({ vcpus: 4, ramGB: 16 })
    expect(state().future).toEqual([])
  })

  it('says what undo and redo did, for a screen reader: what came back, went or changed, what is selected and how many steps are left', () => {
    state().apply({ op: 'set', target: 'ex01', field: 'vcpus', value: 4 })
    state().apply({ op: 'remove', target: 'ex01-logs' })
    state().undo()
    expect(state().announcement?.text).toBe("Undone: EX01's disk Logs is back; 1 more step can be undone.")
    state().undo()
    expect(state().announcement?.text).toBe('Undone: VM EX01 has 2 virtual processors; nothing more can be undone.')
    state().redo()
    expect(state().announcement?.text).toBe('Redone: VM EX01 has 4 virtual processors; 1 more step can be redone.')
    state().redo()
    expect(state().announcement?.text).toBe("Redone: EX01's disk Logs is gone; VM EX01 is selected; nothing more can be redone.")
    state().apply({ op: 'set', target: PLAN_TARGET, field: 'name', value: 'Renamed' })
    state().undo()
    expect(state().announcement?.text).toMatch(/^Undone: the plan's name is "[^"]+"; /)
    // A host moved on the canvas changes no entity: nothing to name but the step.
    state().place('hv01', { x: 500, y: 40 })
    state().undo()
    expect(state().announcement?.text).toMatch(/^Undone; /)
  })

  it('names the field a step changed and its value, in the inspector\'s words, where one field changed', () => {
    const undone = (apply: () => void) => {
      apply()
      state().undo()
      return state().announcement?.text.replace(/; (nothing more|\d+ more steps?) can be undone\.$/, '')
    }
    expect(undone(() => state().apply({ op: 'set', target: 'ex01', field: 'ramGB', value: 12 }))).toBe('Undone: VM EX01\'s RAM is 8 GB')
    expect(undone(() => state().apply({ op: 'set', target: 'hv01', field: 'parent.edition', value: 'datacenter' })))
      .toMatch(/^Undone: host HV01's parent partition's Windows Server edition is (Standard|Enterprise)/)
    expect(undone(() => state().apply({ op: 'set', target: 'hv01', field: 'hardware.sockets', value: 1 }))).toMatch(/^Undone: host HV01 has \d+ sockets?/)
    expect(undone(() => state().apply({ op: 'set', target: 'ex01', field: 'exchange.roles', value: ['mailbox'] })))
      .toBe('Undone: VM EX01\'s Exchange roles are Mailbox, Client Access and Hub Transport')
    expect(undone(() => state().apply({ op: 'set', target: 'ex01-logs', field: 'contents', value: ['database'] }))).toMatch(/^Undone: EX01's disk Logs's contents are Logs/)
    // Two fields in one step: the entity is named, not a field.
    expect(undone(() => state().apply([
      { op: 'set', target: 'ex01', field: 'ramGB', value: 12 }, { op: 'set', target: 'ex01', field: 'vcpus', value: 4 },
    ]))).toBe('Undone: VM EX01 changed')
  })

  it('reads out a change made with `say` as undo would name it, and nothing for one without', () => {
    const before = state().announcement
    state().apply({ op: 'set', target: 'ex01', field: 'ramGB', value: 12 }, { coalesce: 'ex01/ramGB' })
    expect(state().announcement).toBe(before)
    state().apply({ op: 'set', target: 'ex01', field: 'guestOs', value: 'ws2008-x64' }, { say: true })
    state().apply({ op: 'set', target: 'ex01-boot', field: 'backing', value: null }, { say: true })
    expect(state().announcement?.text).toBe("EX01's disk Boot is not connected.")
  })

  it('says the plan that undo or redo puts back in place of another, not one of its hosts', () => {
    const before = state().plan.name
    state().open({ ...emptyPlan(), name: 'Other' }, {})
    state().undo()
    expect(state().announcement?.text).toMatch(new RegExp(`^Undone: the plan "${before}" is open; `))
    state().redo()
    expect(state().announcement?.text).toMatch(/^Redone: the plan "Other" is open; /)
  })

  it('undo and redo of a VM moved to another host select that VM, and count as a step for the canvas to show', () => {
    state().restore(edit(soundPlan(), (d) => { d.hosts.push({ ...structuredClone(first(d).host), id: 'hv02', name: 'HV02', disks: [], vms: [] }) }), {})
    expect(state().apply({ op: 'move-vm', vm: 'ex01', host: 'hv02' })).toBeNull()
    state().select({ id: 'hv01', kind: 'host' })
    const stepped = state().stepped
    state().undo()
    expect(state().selection).toEqual({ id: 'ex01', kind: 'vm' })
    expect(state().announcement?.text).toMatch(/^Undone: VM EX01 is on HV01 now; /)
    state().select(null)
    state().redo()
    expect(state().selection).toEqual({ id: 'ex01', kind: 'vm' })
    expect(state().stepped).toBe(stepped + 2)
  })

  it('undo and redo clear a note about the step, but not an error', () => {
    state().apply({ op: 'set', target: 'ex01', field: 'vcpus', value: 4 })
    state().notify('EX01 is on HV02 now', undefined, 'info')
    state().undo()
    expect(state().notice).toBeNull()
    state().notify('This browser cannot keep the plan: export it', undefined, 'error')
    state().redo()
    expect(state().notice?.text).toBe('This browser cannot keep the plan: export it')
  })

  it('a change that goes through clears an earlier refusal or note, but not an error until it is dismissed', () => {
    state().notify('A LUN goes into a storage array')
    state().apply({ op: 'set', target: 'ex01', field: 'vcpus', value: 4 })
    expect(state().notice).toBeNull()
    state().notify('EX01 moved; its disks were disconnected', undefined, 'info')
    state().apply({ op: 'set', target: 'ex01', field: 'vcpus', value: 2 })
    expect(state().notice).toBeNull()
    state().notify('This browser cannot keep the plan: export it', undefined, 'error')
    state().apply({ op: 'set', target: 'ex01', field: 'vcpus', value: 4 })
    expect(state().notice?.text).toBe('This browser cannot keep the plan: export it')
  })

  it('returns the problems of a refused edit and leaves plan and history alone', () => {
    const before = state().plan
    const problems = state().apply({ op: 'set', target: 'ex01', field: 'vcpus', value: -1 })
    expect(problems?.[0]?.path).toMatch(/ex01\.vcpus/)
    expect(state().plan).toBe(before)
    expect(state().past).toEqual([])
  })

  it('a new edit after undo drops the redo branch', () => {
    state().apply({ op: 'set', target: 'ex01', field: 'vcpus', value: 4 })
    state().undo()
    state().apply({ op: 'set', target: 'ex01', field: 'vcpus', value: 3 })
    expect(state().future).toEqual([])
    state().redo()
    expect(first(state().plan).vm.vcpus).toBe(3)
  })

  it('merges quick successive edits of one field into one undo step', () => {
    for (const name of ['M', 'MB', 'MBX']) state().apply({ op: 'set', target: 'ex01', field: 'name', value: name }, { coalesce: 'ex01/name' })
    expect(state().past).toHaveLength(1)
    state().undo()
    expect(first(state().plan).vm.name).toBe('EX01')
  })

  it('starts a new undo step once typing in a field has ended, however soon the next edit comes', () => {
    state().apply({ op: 'set', target: 'ex01', field: 'ramGB', value: 6 }, { coalesce: 'ex01/ramGB' })
    state().endTyping()
    state().apply({ op: 'set', target: 'ex01', field: 'ramGB', value: 7 }, { coalesce: 'ex01/ramGB' })
    expect(state().past).toHaveLength(2)
    state().undo()
    expect(first(state().plan).vm.ramGB).toBe(6)
  })

  it('keeps layout apart from the plan; moves are undoable', () => {
    const plan = state().plan
    state().place('hv01', { x: 200, y: 40 })
    expect(state().plan).toBe(plan)
    expect(planWithLayout(state()).layout).toEqual({ hv01: { x: 200, y: 40 } })
    state().undo()
    expect(state().layout).toEqual({ hv01: { x: 0, y: 0 } })
  })

  it('saves places only for entities the plan still has, and undo of a delete puts a host back in its place', () => {
    state().place('hv01', { x: 200, y: 40 })
    state().apply({ op: 'remove', target: 'hv01' })
    expect(planWithLayout(state()).layout).toEqual({})
    state().undo()
    expect(planWithLayout(state()).layout).toEqual({ hv01: { x: 200, y: 40 } })
  })

  it('opening a plan is one undoable step; undo drops a selection whose entity is gone', () => {
    state().select({ id: 'ex01', kind: 'vm' })
    state().open(emptyPlan('Other'))
    expect(state().plan.name).toBe('Other')
    expect(state().selection).toBeNull()
    state().undo()
    expect(state().plan.name).toBe('Test plan')
    state().apply({ op: 'remove', target: 'ex01' }, { select: null })
    state().select({ id: 'hv01-db', kind: 'physical-disk' })
    state().apply({ op: 'remove', target: 'hv01-db' })
    state().undo()
    expect(state().selection).toEqual({ id: 'hv01-db', kind: 'physical-disk' })
    state().redo()
    expect(state().selection).toBeNull()
  })
})

describe('selection after undo', () => {
  it('drops a selected role whose add is undone', () => {
    useEditor.getState().restore(edit(soundPlan(), (d) => { first(d).vm.exchange!.roles = ['mailbox'] }), {})
    useEditor.getState().apply({ op: 'add-role', server: 'ex01', role: 'client-access', install: first(useEditor.getState().plan).vm.exchange! },
      { select: { id: 'ex01', kind: 'exchange-role', role: 'client-access' } })
    expect(useEditor.getState().selection).toMatchObject({ role: 'client-access' })
    useEditor.getState().undo()
    expect(useEditor.getState().selection).toBeNull()
  })
})

describe('selection after undo and redo', () => {
  it('selects what a step brings back: a deleted VM on undo, an added host on redo', () => {
    useEditor.getState().restore(soundPlan(), {})
    useEditor.getState().apply({ op: 'remove', target: 'ex01' }, { select: null })
    useEditor.getState().undo()
    expect(useEditor.getState().selection).toEqual({ id: 'ex01', kind: 'vm' })
    useEditor.getState().apply({ op: 'add-host', host: { ...first(soundPlan()).host, id: 'hv02', name: 'HV02', disks: [], vms: [] } }, { select: null })
    useEditor.getState().undo()
    useEditor.getState().select(null)
    useEditor.getState().redo()
    expect(useEditor.getState().selection).toEqual({ id: 'hv02', kind: 'host' })
  })

  it('selects nothing new when a step brings back a whole plan of several hosts', () => {
    useEditor.getState().restore(edit(soundPlan(), (d) => { d.hosts.push({ ...structuredClone(first(d).host), id: 'hv02', name: 'HV02', disks: [], vms: [] }) }), {})
    useEditor.getState().open(emptyPlan('Other'))
    useEditor.getState().undo()
    expect(useEditor.getState().selection).toBeNull()
  })
})

describe('selection after undo and redo of a field', () => {
  const set = (target: string, field: string, value: unknown) => useEditor.getState().apply({ op: 'set', target, field, value })

  it('selects the one entity whose field the step changes back, so the change is on screen', () => {
    set('hv01', 'name', 'Renamed')
    state().select({ id: 'ex01', kind: 'vm' })
    state().undo()
    expect(state().plan.hosts[0]!.name).toBe('HV01')
    expect(state().selection).toEqual({ id: 'hv01', kind: 'host' })
    state().select({ id: 'ex01-db', kind: 'virtual-disk' })
    state().redo()
    expect(state().selection).toEqual({ id: 'hv01', kind: 'host' })

    set('hv01', 'parent.installation', 'core')
    set('ex01-boot', 'sizeGB', 99)
    state().undo()
    expect(state().selection).toEqual({ id: 'ex01-boot', kind: 'virtual-disk' })
    state().undo()
    expect(state().selection).toEqual({ id: 'hv01', kind: 'parent-partition' })
  })

  it('selects the plan itself for a change of the plan\'s own fields, and keeps a role chip for its server\'s install', () => {
    set(PLAN_TARGET, 'name', 'Renamed plan')
    state().select({ id: 'ex01', kind: 'vm' })
    state().undo()
    expect(state().selection).toBeNull()
    set('ex01', 'exchange.update', 'sp2')
    state().select({ id: 'ex01', kind: 'exchange-role', role: 'mailbox' })
    state().undo()
    expect(state().selection).toEqual({ id: 'ex01', kind: 'exchange-role', role: 'mailbox' })
  })

  it('keeps the selection when a step changes several entities', () => {
    state().apply([
      { op: 'set', target: 'ex01-db', field: 'sizeGB', value: 400 },
      { op: 'set', target: 'ex01-logs', field: 'sizeGB', value: 80 },
    ])
    state().select({ id: 'hv01', kind: 'host' })
    state().undo()
    expect(state().selection).toEqual({ id: 'hv01', kind: 'host' })
  })
})

describe('plans opened from links, one over another', () => {
  beforeEach(() => useEditor.setState({ plan: emptyPlan(), layout: {}, past: [], future: [], origin: 'own', ownWork: null, linkedPlan: null }))

  it('keep an edited one one Undo away, and never call a plan edited that was not', () => {
    const own = edit(soundPlan(), (d) => { d.name = 'Own' })
    useEditor.getState().restore(own, {})
    const first = edit(soundPlan(), (d) => { d.name = 'First' })
    const second = edit(soundPlan(), (d) => { d.name = 'Second' })
    useEditor.getState().openFromLink(first, {})
    expect(linkedPlanEdited(useEditor.getState())).toBe(false)
    useEditor.getState().apply({ op: 'set', target: PLAN_TARGET, field: 'name', value: 'First, edited' })
    expect(linkedPlanEdited(useEditor.getState())).toBe(true)
    useEditor.getState().openFromLink(second, {})
    // The second is not edited, though the history under it holds the first's edits.
    expect(linkedPlanEdited(useEditor.getState())).toBe(false)
    // Back to the first link: the unedited second goes, and the edited first stays in the history.
    useEditor.getState().openFromLink(first, {})
    expect(useEditor.getState().plan.name).toBe('First')
    useEditor.getState().undo()
    expect(useEditor.getState().plan.name).toBe('First, edited')
    // An edit undone back to the plan as opened is no edit.
    useEditor.getState().openFromLink(second, {})
    useEditor.getState().apply({ op: 'set', target: PLAN_TARGET, field: 'name', value: 'Second, edited' })
    useEditor.getState().undo()
    expect(linkedPlanEdited(useEditor.getState())).toBe(false)
    // Discard still brings the user's own plan back.
    useEditor.getState().discardLinkedPlan()
    expect(useEditor.getState().plan.name).toBe('Own')
  })
})
