import { useEffect } from 'react'
import { linkedPlanEdited, useEditor } from '../../store/editor-store.ts'
import { fitOnceDrawn, useFitPlan } from '../open-plan.ts'
import { clearShareFragment, openLinkInAddress, shareFragmentInAddress, showsLinkedPlan } from './share-link.ts'

/**
 * The address and the plan on screen follow each other. A share link pasted into the address bar of
 * an open vexplan, or reached by Forward, changes only the fragment: it is opened. Back from it to
 * the bare address brings the user's own plan back. And once a linked plan is kept, discarded or
 * replaced, its link leaves the address bar, so that a reload opens the user's own plan.
 */
export function useShareLinkNavigation(): void {
  const fit = useFitPlan()
  useEffect(() => {
    const onHashChange = async () => {
      const fragment = shareFragmentInAddress()
      if (fragment !== null && showsLinkedPlan(fragment)) return
      if (fragment === null && useEditor.getState().origin === 'link') leaveLinkedPlan(fit)
      if (await openLinkInAddress()) fitOnceDrawn(fit)
    }
    window.addEventListener('hashchange', onHashChange)
    return () => window.removeEventListener('hashchange', onHashChange)
  }, [fit])
  useEffect(() => useEditor.subscribe((state, previous) => {
    if (previous.origin === 'link' && state.origin !== 'link') clearShareFragment()
  }), [])
}

/**
 * Back from a linked plan: the user's own plan comes back, as Discard brings it. A linked plan with
 * edits stays, with a word on how to keep or drop them: Back must not throw work away unasked.
 */
function leaveLinkedPlan(fit: () => void) {
  const state = useEditor.getState()
  if (linkedPlanEdited(state)) {
    state.notify('The plan opened from the link has changes that are not saved, so it is still open: keep it as your plan, or discard it to go back to yours.', undefined, 'info')
    return
  }
  // Unchanged itself, but over the edits of a plan from an earlier link, which Undo brings back.
  if (state.past.length > 0) {
    state.notify('A plan opened from an earlier link has changes that are not saved: Undo brings it back, to keep as your plan. So this one is still open; discard it to go back to your own plan.', undefined, 'info')
    return
  }
  state.discardLinkedPlan()
  fitOnceDrawn(fit)
  state.announce('Your own plan is open again.')
}

/**
 * A plan opened from a link is not saved until kept (the banner says so). Once it has been edited,
 * leaving or reloading the page asks first, as the browser asks for any unsaved form.
 */
export function useWarnBeforeLosingLinkedEdits(): void {
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      const { origin, past } = useEditor.getState()
      if (origin !== 'link' || past.length === 0) return
      event.preventDefault()
      event.returnValue = ''
    }
    window.addEventListener('beforeunload', onBeforeUnload)
    return () => window.removeEventListener('beforeunload', onBeforeUnload)
  }, [])
}
