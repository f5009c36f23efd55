/**
 * The editor's state: the plan (single source of truth), the canvas layout kept apart from it,
 * the selection, and undo/redo history. Every change of the plan goes through `apply`, which runs
 * the core's pure `applyEdit`; findings are derived from the plan elsewhere, never stored here.
 */
import { create } from 'zustand'
import { applyEdits, capitalize, describeLocated, entityAt, idsOf, locate, type Edit, type Located, type EntityKind, type ExchangeRole, type LayoutEntry, type Plan, type Problem } from '../core/index.ts'
import { emptyPlan } from './empty-plan.ts'
import { fieldChangeWords } from './field-words.ts'
import { pushPast, type Layout, type Snapshot } from './history.ts'

export interface Selection {
  /** The entity id; for a parent partition the host id, for a role chip the server id. */
  id: string
  kind: EntityKind
  role?: ExchangeRole
}

/** A file a notice offers to download: what a message says was kept aside, so that it is not lost. */
export interface NoticeFile { name: string; text: string }

/** A message for the user; `at` is the pointer it answers, or null for one centred over the canvas. */
export interface Notice { id: number; text: string; at: { x: number; y: number } | null; tone: 'refused' | 'info' | 'unsupported' | 'error'; file: NoticeFile | null }

/** Where the shown plan came from: the user's own work, or a share link the user has not kept yet. */
export type PlanOrigin = 'own' | 'link'
/** The user's own work with its undo history, put aside while a plan opened from a link is shown. */
export interface OwnWork extends Snapshot { past: Snapshot[]; future: Snapshot[] }

export interface EditorState {
  plan: Plan
  /**
   * The plan made by the last typed edit (a keystroke in a field), else null. While it is the plan,
   * the large views may draw the plan before it for a moment (shown-plan.ts).
   */
  typedPlan: Plan | null
  layout: Layout
  selection: Selection | null
  past: Snapshot[]
  future: Snapshot[]
  notice: Notice | null
  /** What a screen reader is told of a change that shows only on the canvas (an add, a delete, an open). */
  announcement: { id: number; text: string } | null
  /** Counts the plans put on screen whole (open, restore, a link, discard): panels start again at their top. */
  opened: number
  /** Counts undo and redo steps: the canvas brings what a step selected into view. */
  stepped: number
  /** While 'link', autosave writes nothing, so a shared plan never replaces the user's saved work. */
  origin: PlanOrigin
  ownWork: OwnWork | null
  /** The plan as a link opened it (while origin is 'link'): the plan on screen differs once edited. */
  linkedPlan: Plan | null
  /** Applies edits as one undoable step; returns the problems when the core refuses them. */
  /**
   * `say`: the change is read out as undo would name it ("VM EX01's RAM is 12 GB"): for a choice
   * in the inspector, which has no other word (typing is not read out at each keystroke).
   */
  apply(edits: Edit | readonly Edit[], options?: { select?: Selection | null; layout?: Layout; coalesce?: string; say?: boolean }): Problem[] | null
  /** Moves a top-level node (host, server, storage array): undoable, but no new validation. */
  place(id: string, entry: LayoutEntry): void
  select(selection: Selection | null): void
  /** Clears the selection by the keyboard (Escape), and says so to a screen reader; nothing when there is none. */
  clearSelection(): void
  undo(): void
  redo(): void
  /**
   * Ends the undo step of typing in a field: the field was left, or Enter confirmed it. The next
   * keystroke there starts a step of its own, however soon (each confirmed value can be undone to).
   */
  endTyping(): void
  /** Replaces the whole plan and layout (template, import, new plan) as one undoable step. */
  open(plan: Plan, layout?: Layout): void
  /** Restores a saved plan at start-up: not undoable. */
  restore(plan: Plan, layout: Layout): void
  /** Shows a plan opened from a share link; the user's own work is put aside until they keep or discard it. */
  openFromLink(plan: Plan, layout: Layout): void
  /** Makes the plan opened from a link the user's own plan (autosave then saves it); Undo goes back to the previous one. */
  keepLinkedPlan(): void
  /** Drops the plan opened from a link and brings back the user's own work and its undo history. */
  discardLinkedPlan(): void
  /**
   * While a linked plan is shown, another tab saved a newer plan as the user's own: that is the plan
   * Discard brings back (the one put aside becomes a step under it), so Discard writes no older copy over it.
   */
  ownPlanSavedElsewhere(plan: Plan, layout: Layout): void
  notify(text: string, at?: { x: number; y: number }, tone?: Notice['tone'], file?: NoticeFile): void
  dismissNotice(): void
  announce(text: string): void
}

/** The name of the user's own plan while a plan from a link is shown (put aside), else null. */
/** True while the plan on screen came from a link and has been changed since (not undone back to it). */
export function linkedPlanEdited(state: Pick<EditorState, 'origin' | 'plan' | 'linkedPlan'>): boolean {
  return state.origin === 'link' && state.plan !== state.linkedPlan
}

export const ownPlanAside = (state: Pick<EditorState, 'origin' | 'ownWork'>): string | null =>
  (state.origin === 'link' ? state.ownWork?.plan.name ?? null : null)

let noticeId = 0
const COALESCE_MS = 1500
let lastCoalesce: { key: string | undefined; at: number } = { key: undefined, at: 0 }

export const useEditor = create<EditorState>()((set, get) => ({
  plan: emptyPlan(),
  typedPlan: null,
  layout: {},
  selection: null,
  past: [],
  future: [],
  notice: null,
  announcement: null,
  opened: 0,
  stepped: 0,
  origin: 'own',
  ownWork: null,
  linkedPlan: null,

  apply(edits, options) {
    const { plan, layout, past } = get()
    const result = applyEdits(plan, Array.isArray(edits) ? edits : [edits as Edit])
    if (!result.ok) return result.problems
    // Typing in one field is one undo step: edits with the same coalesce key in quick succession merge.
    const now = Date.now()
    const merge = options?.coalesce !== undefined && options.coalesce === lastCoalesce.key && now - lastCoalesce.at < COALESCE_MS && past.length > 0
    lastCoalesce = { key: options?.coalesce, at: now }
    set({
      plan: result.value,
      typedPlan: options?.coalesce === undefined ? null : result.value,
      layout: options?.layout ?? layout,
      past: merge ? past : pushPast(past, { plan, layout }),
      future: [],
      ...(options?.select !== undefined ? { selection: options.select } : {}),
      ...(options?.say ? saidChange(plan, result.value) : {}),
      // A change that went through answers an earlier refusal, whose message would now mislead, and
      // moves on from an earlier note of what happened. An error stays until it is dismissed.
      ...(get().notice?.tone === 'error' ? {} : { notice: null }),
    })
    return null
  },

  place(id, entry) {
    const { plan, layout, past } = get()
    const old = layout[id]
    if (old && old.x === entry.x && old.y === entry.y) return
    set({ layout: { ...layout, [id]: entry }, past: pushPast(past, { plan, layout }), future: [] })
  },

  clearSelection() {
    if (get().selection === null) return
    set({ selection: null })
    get().announce('Selection cleared')
  },

  select(selection) {
    const current = get().selection
    if (current?.id === selection?.id && current?.kind === selection?.kind && current?.role === selection?.role) return
    set({ selection })
  },

  endTyping() {
    lastCoalesce = { key: undefined, at: 0 }
  },

  undo() {
    lastCoalesce = { key: undefined, at: 0 }
    const { past, future, plan, layout } = get()
    const previous = past.at(-1)
    if (!previous) return
    set({ ...stepTo('Undone', get(), previous, past.length - 1), stepped: get().stepped + 1, typedPlan: null, past: past.slice(0, -1), future: [{ plan, layout }, ...future] })
  },

  redo() {
    const { past, future, plan, layout } = get()
    const next = future[0]
    if (!next) return
    set({ ...stepTo('Redone', get(), next, future.length - 1), stepped: get().stepped + 1, typedPlan: null, past: pushPast(past, { plan, layout }), future: future.slice(1) })
  },

  open(plan, layout = plan.layout) {
    // Opening a plan while one from a link is shown leaves the link, as Discard would: the new plan
    // goes on top of the user's own work, so that it is autosaved and Undo leads back to that work.
    const current = get()
    const base = current.origin === 'link' && current.ownWork ? current.ownWork : current
    set({
      plan: { ...plan, layout: {} },
      layout,
      past: pushPast(base.past, { plan: base.plan, layout: base.layout }),
      future: [],
      selection: null,
      origin: 'own',
      ownWork: null,
      linkedPlan: null,
      opened: current.opened + 1,
    })
  },

  restore(plan, layout) {
    set({ plan: { ...plan, layout: {} }, layout, past: [], future: [], selection: null, opened: get().opened + 1 })
  },

  openFromLink(plan, layout) {
    const current = get()
    // A second link opened on top of the first keeps the user's own work, not the first link's plan.
    const ownWork = current.origin === 'link' && current.ownWork
      ? current.ownWork
      : { plan: current.plan, layout: current.layout, past: current.past, future: current.future }
    // A first link's plan that the user has edited stays one Undo away under the second, with its own
    // steps below it: opening a link never throws work away unasked. An unedited one goes (as Back
    // takes it), and the history under it, edits of a link before it, stays.
    const overLink = current.origin === 'link'
    const past = !overLink ? [] : linkedPlanEdited(current) ? pushPast(current.past, { plan: current.plan, layout: current.layout }) : current.past
    const shown = { ...plan, layout: {} }
    set({ plan: shown, layout, past, future: [], selection: null, origin: 'link', ownWork, linkedPlan: shown, opened: current.opened + 1 })
  },

  keepLinkedPlan() {
    // The user's previous plan becomes a step in the history under the kept one: Undo brings it back.
    const { ownWork, past } = get()
    let history = ownWork ? pushPast(ownWork.past, { plan: ownWork.plan, layout: ownWork.layout }) : past
    if (ownWork) for (const step of past) history = pushPast(history, step)
    set({ origin: 'own', ownWork: null, linkedPlan: null, past: history })
  },

  discardLinkedPlan() {
    const { ownWork } = get()
    set({ ...(ownWork ?? {}), selection: null, origin: 'own', ownWork: null, linkedPlan: null, opened: get().opened + 1 })
  },

  ownPlanSavedElsewhere(plan, layout) {
    const { origin, ownWork } = get()
    if (origin !== 'link' || !ownWork) return
    const saved = { plan: { ...plan, layout: {} }, layout }
    set({ ownWork: { ...saved, past: pushPast(ownWork.past, { plan: ownWork.plan, layout: ownWork.layout }), future: [] } })
  },

  notify(text, at, tone = 'refused', file) {
    set({ notice: { id: ++noticeId, text, at: at ?? null, tone, file: file ?? null } })
  },

  dismissNotice() {
    set({ notice: null })
  },

  announce(text) {
    set({ announcement: { id: ++noticeId, text } })
  },
}))

/**
 * The state undo or redo leads to: the snapshot `to`, its selection, and what a screen reader hears
 * of the step. A note about the step (a move, a duplicate) no longer holds; an error stays until dismissed.
 */
function stepTo(step: 'Undone' | 'Redone', current: EditorState, to: Snapshot, left: number) {
  const diff = diffOf(current.plan, to.plan)
  const selection = selectionAfter(current.selection, to.plan, diff)
  return {
    ...to, selection,
    announcement: { id: ++noticeId, text: stepWords(step, selection, to.plan, diff, left) },
    ...(current.notice?.tone === 'error' ? {} : { notice: null }),
  }
}

/** The announcement of a change made in the inspector: the words undo would use for it, as a sentence. */
function saidChange(before: Plan, after: Plan): { announcement: { id: number; text: string } } | Record<string, never> {
  const words = changeWords(after, diffOf(before, after))
  return words ? { announcement: { id: ++noticeId, text: `${capitalize(words)}.` } } : {}
}

/** What a step changed between two plans, worked out once for the selection and the words. */
interface StepDiff {
  before: Plan
  /** What came (back): entities new in the later plan, each without its new children. */
  back: Selection[]
  /** What went: entities of the earlier plan the later one has not. */
  gone: Selection[]
  /** The one entity whose own fields changed (null: the plan's own), or undefined for none or several. */
  changed: Selection | null | undefined
}

function diffOf(before: Plan, after: Plan): StepDiff {
  return { before, back: newRoots(after, idsOf(before)), gone: newRoots(before, idsOf(after)), changed: changedEntity(before, after) }
}

/**
 * What undo or redo says to a screen reader (the page's live region): what the step did, what is
 * selected now unless that was just named, and how many steps are left that way.
 * "Undone: host HV02 is back; 3 more steps can be undone."
 */
function stepWords(step: 'Undone' | 'Redone', selection: Selection | null, plan: Plan, diff: StepDiff, left: number): string {
  const change = changeWords(plan, diff)
  const at = selection ? locate(plan, selection.id) : undefined
  // The selection is named unless the change just did ("host HV02 is back" selects HV02).
  const selectedName = at ? describeLocated(at) : null
  const named = selectedName !== null && (change.startsWith(`${selectedName} `) || change.startsWith(`${selectedName}'s `))
  const selected = selectedName !== null && !named ? `; ${selectedName} is selected` : ''
  const more = `${left === 0 ? 'nothing more' : `${left} more step${left === 1 ? '' : 's'}`} can be ${step.toLowerCase()}`
  return `${step}${change ? `: ${change}` : ''}${selected}; ${more}.`
}

/**
 * The selection after undo or redo: an entity the step brought back (undoing a delete, redoing an
 * add) is selected, so the user sees what came back; so is the one entity whose own fields the step
 * changed (undoing a rename), or the plan itself; else the selection stays if it still exists.
 */
function selectionAfter(selection: Selection | null, after: Plan, { back, changed }: StepDiff): Selection | null {
  if (back.length === 1) return back[0]!
  if (changed !== undefined && !shows(selection, changed)) return changed
  return keepSelection(selection, after)
}

/**
 * The entities of `plan` that are not among `earlier`, each with no such container: what a step
 * brought (a host, not also its disks). One walk over the plan: undoing the open of a 10,000-VM plan
 * must not look each id up on its own.
 */
function newRoots(plan: Plan, earlier: ReadonlySet<string>): Selection[] {
  const roots: Selection[] = []
  const isNew = (id: string) => !earlier.has(id)
  for (const host of plan.hosts) {
    if (isNew(host.id)) { roots.push({ id: host.id, kind: 'host' }); continue }
    for (const disk of host.disks) if (isNew(disk.id)) roots.push({ id: disk.id, kind: 'physical-disk' })
    for (const vm of host.vms) {
      if (isNew(vm.id)) { roots.push({ id: vm.id, kind: 'vm' }); continue }
      for (const disk of vm.disks) if (isNew(disk.id)) roots.push({ id: disk.id, kind: 'virtual-disk' })
    }
  }
  for (const array of plan.storage) {
    if (isNew(array.id)) { roots.push({ id: array.id, kind: 'storage-array' }); continue }
    for (const lun of array.luns) if (isNew(lun.id)) roots.push({ id: lun.id, kind: 'lun' })
  }
  return roots
}

/**
 * What a step did, from the plan before it to `after`: "host HV02 is back", "VM EX03 is gone",
 * "VM EX01 changed"; empty when it only moved things on the canvas.
 */
function changeWords(after: Plan, { before, back, gone, changed }: StepDiff): string {
  const names = (plan: Plan, roots: readonly Selection[]) => {
    const found = roots.map((root) => locate(plan, root.id)).filter((at): at is Located => at !== null)
    return found.length <= 2 ? found.map(describeLocated).join(' and ') : `${found.length} items`
  }
  // A whole plan for another (an undone New plan, open or template): the plan, not one of its hosts.
  if (before.name !== after.name && (back.length > 0 || gone.length > 0)) return `the plan "${after.name}" is open`
  const parts: string[] = []
  if (back.length > 0) parts.push(`${names(after, back)} ${back.length === 1 ? 'is' : 'are'} back`)
  if (gone.length > 0) parts.push(`${names(before, gone)} ${gone.length === 1 ? 'is' : 'are'} gone`)
  if (parts.length > 0) return parts.join(', ')
  if (changed === null) return fieldChangeWords('the plan', before, after, ['hosts', 'storage', 'layout']) ?? 'the plan changed'
  const at = changed ? locate(after, changed.id) : undefined
  const was = changed ? locate(before, changed.id) : undefined
  if (at?.kind === 'vm' && was?.kind === 'vm' && was.host.id !== at.host.id) return `${describeLocated(at)} is on ${at.host.name} now`
  if (at && was) {
    const said = changed?.kind === 'parent-partition' && at.kind === 'host' && was.kind === 'host'
      ? fieldChangeWords(`${describeLocated(at)}'s parent partition`, was.host.parent, at.host.parent)
      : fieldChangeWords(describeLocated(at), entityAt(was), entityAt(at), CHILD_LISTS, (id) => {
        const named = locate(after, id)
        return named ? describeLocated(named) : id
      })
    return said ?? `${describeLocated(at)} changed`
  }
  return before === after ? '' : 'several items changed'
}

/** The lists of an entity's children: changes in them are changes of other entities. */
const CHILD_LISTS = ['disks', 'vms', 'parent', 'luns']

/** True when the selection already shows `entity` (a role chip shows its server's Exchange install). */
const shows = (selection: Selection | null, entity: Selection | null): boolean =>
  selection === null || entity === null
    ? selection === entity
    : selection.id === entity.id && (selection.kind === entity.kind || (selection.kind === 'exchange-role' && (entity.kind === 'vm' || entity.kind === 'parent-partition')))

/** True when two entities of one kind differ in a field other than their lists of children. */
function ownFieldsDiffer(before: object, after: object, children: readonly string[]): boolean {
  const a = before as Record<string, unknown>
  const b = after as Record<string, unknown>
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  for (const key of keys) if (!children.includes(key) && a[key] !== b[key]) return true
  return false
}

/**
 * The one entity whose own fields differ between two plans (null for the plan's own fields), or
 * undefined when none or several do. Entities kept as they were are the same objects (every edit
 * copies only the path to what it changes), so only changed hosts and arrays are looked into.
 */
function changedEntity(before: Plan, after: Plan): Selection | null | undefined {
  const found: (Selection | null)[] = []
  if (ownFieldsDiffer(before, after, ['hosts', 'storage', 'layout'])) found.push(null)
  for (const [old, host] of renewed(before.hosts, after.hosts)) {
    if (ownFieldsDiffer(old, host, ['disks', 'vms', 'parent'])) found.push({ id: host.id, kind: 'host' })
    if (old.parent !== host.parent) found.push({ id: host.id, kind: 'parent-partition' })
    for (const [, disk] of renewed(old.disks, host.disks)) found.push({ id: disk.id, kind: 'physical-disk' })
    for (const [was, vm] of renewed(old.vms, host.vms)) {
      if (ownFieldsDiffer(was, vm, ['disks'])) found.push({ id: vm.id, kind: 'vm' })
      for (const [, disk] of renewed(was.disks, vm.disks)) found.push({ id: disk.id, kind: 'virtual-disk' })
    }
    if (found.length > 1) return undefined
  }
  for (const [old, array] of renewed(before.storage, after.storage)) {
    if (ownFieldsDiffer(old, array, ['luns'])) found.push({ id: array.id, kind: 'storage-array' })
    for (const [, lun] of renewed(old.luns, array.luns)) found.push({ id: lun.id, kind: 'lun' })
  }
  if (found.length === 0 && before.hosts !== after.hosts) found.push(...movedVms(before, after))
  return found.length === 1 ? found[0]! : undefined
}

/** The VMs on another host than before (a move, or its undo): their own fields are the same. */
function movedVms(before: Plan, after: Plan): Selection[] {
  const hostOf = new Map<string, string>()
  for (const host of before.hosts) for (const vm of host.vms) hostOf.set(vm.id, host.id)
  const moved: Selection[] = []
  for (const host of after.hosts) {
    for (const vm of host.vms) {
      const was = hostOf.get(vm.id)
      if (was !== undefined && was !== host.id) moved.push({ id: vm.id, kind: 'vm' })
    }
  }
  return moved
}

/** Pairs of an item and its earlier self (by id) where it is a new object: it, or something in it, changed. */
function renewed<T extends { id: string }>(before: readonly T[], after: readonly T[]): [T, T][] {
  const earlier = new Map(before.map((item) => [item.id, item]))
  const pairs: [T, T][] = []
  for (const item of after) {
    const was = earlier.get(item.id)
    if (was && was !== item) pairs.push([was, item])
  }
  return pairs
}

/** Drops the selection when undo/redo removed the entity (or the role) it pointed at. */
export function keepSelection(selection: Selection | null, plan: Plan): Selection | null {
  if (!selection) return null
  const at = locate(plan, selection.id)
  if (!at) return null
  // A selected role chip goes with its role: undoing the add of a role leaves nothing to show.
  if (selection.kind === 'exchange-role' && selection.role) {
    const install = at.kind === 'vm' ? at.vm.exchange : at.kind === 'host' ? at.host.parent.exchange : null
    if (!install?.roles.includes(selection.role)) return null
  }
  return selection
}

/**
 * The plan as a file: the domain plan with the canvas layout put back in, for the entities it still
 * has. The store keeps the place of a deleted host, so that undo puts it back where it was; the file
 * does not carry places of entities that are gone.
 */
export function planWithLayout(state: Pick<EditorState, 'plan' | 'layout'>): Plan {
  const ids = idsOf(state.plan)
  const layout: Layout = {}
  for (const [id, entry] of Object.entries(state.layout)) if (ids.has(id)) layout[id] = entry
  return { ...state.plan, layout }
}
