import { useCallback } from 'react'
import { getViewportForBounds, useReactFlow, useStoreApi, type FitViewOptions } from '@xyflow/react'
import { count, joinAnd, WHOLE_FILE, type Plan, type Problem } from '../core/index.ts'
import { ownPlanAside, useEditor } from '../store/editor-store.ts'
import type { Layout } from '../store/history.ts'
import { autoLayout, type View } from './canvas/auto-layout.ts'
import { viewMoves } from './canvas/view-moves.ts'

/**
 * The farthest a place or size on the canvas may lie from its origin (canvas pixels): a 10,000-VM
 * estate laid out spans about 60,000. A file may hold any finite number; one past this (1e300) drew
 * nothing the browser could show, and its PNG a few pixels of the plan.
 */
export const FARTHEST_PLACE = 1_000_000

/** The ids whose layout entries lie past FARTHEST_PLACE, in the layout's order. */
export function farOffPlaces(layout: Plan['layout']): string[] {
  const far = (value: number | undefined) => value !== undefined && Math.abs(value) > FARTHEST_PLACE
  return Object.entries(layout).filter(([, entry]) => far(entry.x) || far(entry.y) || far(entry.width) || far(entry.height)).map(([id]) => id)
}

/** The plan's own layout, or one made by elkjs for plans that have none, or whose places lie far off the canvas (farOffPlaces). */
export async function layoutFor(plan: Plan): Promise<Layout> {
  return Object.keys(plan.layout).length > 0 && farOffPlaces(plan.layout).length === 0 ? plan.layout : autoLayout(plan, canvasView())
}

/** What a notice says of a plan whose layout was set aside (layoutFor), or ''. */
export function farOffText(plan: Plan): string {
  const far = farOffPlaces(plan.layout)
  if (far.length === 0) return ''
  const named = far.slice(0, 3).map((id) => `layout.${id}`)
  return ` Its canvas places were laid out anew: ${joinAnd(named)}${far.length > 3 ? ` and ${count(far.length - 3, 'more')}` : ''} lay more than ${FARTHEST_PLACE.toLocaleString('en-US')} pixels off the canvas.`
}

/**
 * A restored autosave with no layout (written by hand or by another tool) is laid out as Import lays
 * one out, so that its export holds the places the canvas shows, and export, import, export gives the
 * same bytes.
 */
export async function layOutRestoredPlan(): Promise<void> {
  const { plan, layout } = useEditor.getState()
  if (Object.keys(layout).length > 0 || (plan.hosts.length === 0 && plan.storage.length === 0)) return
  useEditor.getState().restore(plan, await layoutFor({ ...plan, layout }))
}

/**
 * Opens a plan as one undoable step; plans without a layout are laid out by elkjs first. `from` (a
 * file name, or "the template") is said in the notice that shows what was opened.
 */
export async function openPlan(plan: Plan, fit: () => void, from?: string, others: OtherFiles = NO_OTHERS): Promise<void> {
  // Over a plan from a link, the plan opened takes the place of the user's own saved plan: say which.
  const replacedOwn = ownPlanAside(useEditor.getState())
  useEditor.getState().open(plan, await layoutFor(plan))
  const text = openedText(plan, from, replacedOwn) + farOffText(plan) + othersText(others)
  useEditor.getState().notify(text, undefined, 'info')
  useEditor.getState().announce(text)
  fitOnceDrawn(fit)
}

/** Files dropped with the one opened: those before it that could not be opened (with why), those after it. */
export interface OtherFiles { failed: readonly { name: string; problems: readonly Problem[] }[]; notOpened: readonly string[] }
const NO_OTHERS: OtherFiles = { failed: [], notOpened: [] }

/** One plan is on screen at a time: the other files dropped with it are named, not dropped unsaid. */
export function othersText({ failed, notOpened }: OtherFiles): string {
  const parts = failed.map(({ name, problems }) => ` ${name} could not be opened (${whyNot(problems)}).`)
  if (notOpened.length > 0) parts.push(` Only one plan opens at a time: ${joinAnd(notOpened)} ${notOpened.length === 1 ? 'was' : 'were'} not opened.`)
  return parts.join('')
}

/** A file's first problem in words ("it is not valid JSON at line 1…", "hosts[0].id is required…"), and how many more. */
function whyNot(problems: readonly Problem[]): string {
  const [first] = problems
  if (!first) return 'it holds no plan'
  const more = problems.length - 1
  return `${first.path === WHOLE_FILE ? 'it' : first.path} ${first.message}${more > 0 ? `, and ${count(more, 'more problem')}` : ''}`
}

/**
 * Fits the plan two frames from now, once the canvas has drawn what just changed (an open, a link, an
 * arrangement), unless the view has been moved by then: someone who went straight to a VM (Find, a
 * finding) must not be thrown back to the whole estate.
 */
export function fitOnceDrawn(fit: () => void): void {
  const before = { moves: viewMoves(), transform: viewTransform() }
  requestAnimationFrame(() => requestAnimationFrame(() => {
    // The transform alone would miss a move whose animation has not drawn its first frame yet.
    if (viewMoves() === before.moves && viewTransform() === before.transform) fit()
  }))
}
const viewTransform = () => document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? ''

/**
 * What a plan holds, as the palette and canvas name it: hosts (with a hypervisor), bare-metal servers
 * when there are any, VMs (`vm`, the word for them) and storage arrays: ["2 hosts", "1 bare-metal
 * server", "6 VMs", "1 storage array"].
 */
export function planCounts(plan: Plan, vm: string): string[] {
  const bare = plan.hosts.filter((host) => host.hypervisor === 'none').length
  const vms = plan.hosts.reduce((sum, host) => sum + host.vms.length, 0)
  const hosts = plan.hosts.length - bare
  return [
    // "0 hosts" only where there is no server at all: a plan of bare-metal servers counts those.
    ...(hosts > 0 || bare === 0 ? [count(hosts, 'host')] : []),
    ...(bare > 0 ? [count(bare, 'bare-metal server')] : []),
    count(vms, vm),
    count(plan.storage.length, 'storage array'),
  ]
}

/**
 * 'Opened "Contoso" from contoso.json: 2 hosts, 6 VMs, 1 storage array. Undo goes back to the plan before.'
 * Over a plan from a link, the user's own plan it replaces (`replacedOwn`) is named instead.
 */
export function openedText(plan: Plan, from?: string, replacedOwn: string | null = null): string {
  const counts = planCounts(plan, 'VM')
  if (plan.storage.length === 0) counts.pop()
  const undo = replacedOwn === null ? 'Undo goes back to the plan before.'
    : `It takes the place of your own plan "${replacedOwn}" in this browser; Undo brings that plan back.`
  return `Opened "${plan.name}"${from ? ` from ${from}` : ''}: ${counts.join(', ')}. ${undo}`
}

/**
 * How the whole plan is fitted into the canvas: clear of the find box at the top left, the zoom
 * controls at the bottom left and the overview map at the bottom right (about 200 × 140 px), so no
 * node ends up under any of them.
 */
const FIT_PADDING = { top: 60, right: 32, bottom: 150, left: 64 }
export const FIT_PLAN: FitViewOptions = {
  padding: { top: `${FIT_PADDING.top}px`, right: `${FIT_PADDING.right}px`, bottom: `${FIT_PADDING.bottom}px`, left: `${FIT_PADDING.left}px` },
  maxZoom: 1,
}

/** The room a fitted plan has on the canvas as it is now (undefined before the canvas is drawn). */
export function canvasView(): View | undefined {
  const pane = document.querySelector('.react-flow')?.getBoundingClientRect()
  if (!pane || pane.width === 0 || pane.height === 0) return undefined
  return {
    width: Math.max(1, pane.width - FIT_PADDING.left - FIT_PADDING.right),
    height: Math.max(1, pane.height - FIT_PADDING.top - FIT_PADDING.bottom),
  }
}

/**
 * Fits the whole plan into the canvas, as after opening one, at once. React Flow's fitView waits for
 * its next update of the nodes, which can come after the user has moved on (a Find, a finding), when
 * a fit is no longer wanted; fitOnceDrawn can only tell that while the fit is still its own to make.
 */
export function useFitPlan(): () => void {
  const flow = useReactFlow()
  const store = useStoreApi()
  return useCallback(() => {
    const nodes = flow.getNodes()
    const pane = document.querySelector('.react-flow')?.getBoundingClientRect()
    if (nodes.length === 0 || !pane || pane.width === 0) {
      void flow.fitView({ ...FIT_PLAN, duration: 200 })
      return
    }
    const { minZoom } = store.getState()
    const view = getViewportForBounds(flow.getNodesBounds(nodes), pane.width, pane.height, minZoom, FIT_PLAN.maxZoom ?? 1, FIT_PLAN.padding ?? 0)
    void flow.setViewport(view, { duration: 200 })
  }, [flow, store])
}
