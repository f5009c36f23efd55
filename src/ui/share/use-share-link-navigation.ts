import { useEffect } from 'react'
import { useEditor } from '../../store/editor-store.ts'
import { fitOnceDrawn, useFitPlan } from '../open-plan.ts'
import { noteForeignFragment, openSharedFragment, takeShareFragment } from './share-link.ts'

/** A share link pasted into the address bar of an open vexplan changes only the fragment: open it. */
export function useShareLinkNavigation(): void {
  const fit = useFitPlan()
  useEffect(() => {
    const onHashChange = async () => {
      const fragment = takeShareFragment()
      if (!fragment) noteForeignFragment()
      else if (await openSharedFragment(fragment)) fitOnceDrawn(fit)
    }
    window.addEventListener('hashchange', onHashChange)
    return () => window.removeEventListener('hashchange', onHashChange)
  }, [fit])
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
