import { useEffect } from 'react'
import { useFitPlan } from '../open-plan.ts'
import { openSharedFragment, takeShareFragment } from './share-link.ts'

/** A share link pasted into the address bar of an open vexplan changes only the fragment: open it. */
export function useShareLinkNavigation(): void {
  const fit = useFitPlan()
  useEffect(() => {
    const onHashChange = async () => {
      const fragment = takeShareFragment()
      if (fragment && await openSharedFragment(fragment)) requestAnimationFrame(() => requestAnimationFrame(fit))
    }
    window.addEventListener('hashchange', onHashChange)
    return () => window.removeEventListener('hashchange', onHashChange)
  }, [fit])
}
