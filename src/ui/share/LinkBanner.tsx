import { useEffect } from 'react'
import { linkedPlanEdited, useEditor, type OwnWork } from '../../store/editor-store.ts'
import { keepFocusInApp } from '../focus.ts'
import { fitOnceDrawn, useFitPlan } from '../open-plan.ts'
import { LinkIcon } from './LinkIcon.tsx'
import './share.css'

/** Shown while the plan on screen came from a share link: keep it as the user's plan, or go back. */
export function LinkBanner() {
  const linked = useEditor((s) => s.origin === 'link')
  const fit = useFitPlan()
  // A linked plan edited in a browser that holds no work of the user's own is kept at once: there is
  // nothing to protect, and its edits were lost on reload (autosave writes only the user's own plan).
  const keepAtOnce = useEditor((s) => linkedPlanEdited(s) && nothingOfOwn(s.ownWork))
  useEffect(() => {
    if (!keepAtOnce) return
    useEditor.getState().keepLinkedPlan()
    useEditor.getState().notify('Saved in this browser as your plan: you had no plan of your own here, so your changes to the plan from the link are kept and autosaved.', undefined, 'info')
  }, [keepAtOnce])
  if (!linked) return null
  // Either choice removes the banner and the button the focus is on.
  const keep = () => {
    keepFocusInApp()
    useEditor.getState().keepLinkedPlan()
    useEditor.getState().notify('Kept: this plan is now your plan, saved in this browser. Undo brings back the plan you had.', undefined, 'info')
  }
  const discard = () => {
    keepFocusInApp()
    useEditor.getState().discardLinkedPlan()
    fitOnceDrawn(fit)
  }
  return (
    <section className="link-banner" aria-label="Opened from a link">
      <span className="link-banner-icon"><LinkIcon size={15} className="" /></span>
      <p className="link-banner-text">
        <strong>Opened from a link</strong>
        <span>This plan is not saved in this browser. Your own plan is kept as it was: Discard, or Back, brings it back, unless you keep this one instead.</span>
      </p>
      <div className="link-banner-actions">
        <button type="button" className="btn primary" onClick={keep}>Keep as my plan</button>
        <button type="button" className="btn" onClick={discard}>Discard</button>
      </div>
    </section>
  )
}

/** True when the user's own work put aside for a linked plan is nothing: an empty plan with no history. */
function nothingOfOwn(own: OwnWork | null): boolean {
  return own === null || (own.plan.hosts.length === 0 && own.plan.storage.length === 0 && own.past.length === 0 && own.future.length === 0)
}
