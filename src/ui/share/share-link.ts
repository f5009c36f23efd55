/**
 * Share links in the browser: the address with the plan in its fragment (the core encodes it), and
 * opening one at start-up or when the fragment changes. A plan from a link is shown beside the
 * user's own work, never over it: see `openFromLink` in the editor store.
 */
import { decodeShareFragment, encodeShareFragment, isShareFragment, type Plan } from '../../core/index.ts'
import { linkedPlanEdited, useEditor } from '../../store/editor-store.ts'
import { showProblems } from '../dialogs/problem-report.ts'
import { farOffText, layoutFor } from '../open-plan.ts'

/** Some chat tools and browsers cut links longer than this. */
export const LONG_LINK_CHARS = 8000

/** This page's address with the plan in the fragment. */
export async function shareLinkFor(plan: Plan): Promise<string> {
  return `${location.origin}${location.pathname}#${await encodeShareFragment(plan)}`
}

/**
 * The share link in the address bar, when there is one. It stays there while its plan is on screen,
 * as any address names what its page shows: a reload, a bookmark or Forward opens the link again.
 */
export function shareFragmentInAddress(): string | null {
  // Some mail and chat tools percent-encode the "=" of "#p=" (a link then ends in "#p%3D…"): it is
  // the same link. The plan's own characters (base64url) never need encoding.
  const fragment = decodeFragment(location.hash.slice(1))
  return isShareFragment(fragment) ? fragment : null
}

/**
 * Takes a share link out of the address bar once its plan is no longer on screen (kept as the
 * user's plan, discarded, replaced by another plan) or could not be opened, so that a reload then
 * opens the user's own plan. Any other fragment is left alone.
 */
export function clearShareFragment(): void {
  if (shareFragmentInAddress() === null) return
  history.replaceState(history.state, '', `${location.pathname}${location.search}`)
}

/**
 * Says so when the address ends in a fragment that is no share link ("#garbage", a link whose "p="
 * was cut off): it opens nothing, and without a word the user could not tell the link was wrong.
 */
function noteForeignFragment(): void {
  const fragment = decodeFragment(location.hash.slice(1))
  if (fragment === '' || isShareFragment(fragment)) return
  const shown = fragment.length > 40 ? `${fragment.slice(0, 40)}…` : fragment
  useEditor.getState().notify(`The address ends in "#${shown}", which holds no plan: a vexplan link ends in "#p=" and the plan. Nothing was opened; your plan is as it was.`, undefined, 'info')
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment)
  } catch {
    return fragment
  }
}

/** The fragment of the link whose plan was opened last. */
let openedFragment: string | null = null

/** True while the plan on screen is the one this link opened (edited or not). */
export const showsLinkedPlan = (fragment: string): boolean => fragment === openedFragment && useEditor.getState().origin === 'link'

/** Opens the plan a fragment carries; a damaged link is reported and changes nothing. */
async function openSharedFragment(fragment: string): Promise<boolean> {
  try {
    const decoded = await decodeShareFragment(fragment)
    if (!decoded.ok) {
      showProblems({ title: 'This link cannot be opened', source: 'The shared link', problems: decoded.problems })
      return false
    }
    const before = useEditor.getState()
    // A plan from an earlier link that has been edited is kept one Undo away (openFromLink): say so.
    const editedLink = linkedPlanEdited(before) ? before.plan.name : null
    useEditor.getState().openFromLink(decoded.value, await layoutFor(decoded.value))
    openedFragment = fragment
    const farOff = farOffText(decoded.value)
    if (editedLink !== null) {
      useEditor.getState().notify(`Opened "${decoded.value.name}" from the link. Your changes to "${editedLink}", opened from the link before, are not saved in this browser: Undo brings that plan back.${farOff}`, undefined, 'info')
    } else if (farOff !== '') {
      useEditor.getState().notify(`Opened "${decoded.value.name}" from the link.${farOff}`, undefined, 'info')
    }
    // The banner says it to the eye; a screen reader hears it through the app's live region.
    useEditor.getState().announce(`Opened "${decoded.value.name}" from a link. It is not saved in this browser until you keep it as your plan.`)
    return true
  } catch (error) {
    showProblems({ title: 'This link cannot be opened', source: 'The shared link', problems: [{ path: '(the link)', message: `could not be read: ${(error as Error).message}` }] })
    return false
  }
}

/**
 * Opens the share link in the address bar, if there is one: a damaged one is reported and taken out
 * of the address. Any other fragment opens nothing, and is said to (noteForeignFragment). True when
 * a plan was opened.
 */
export async function openLinkInAddress(): Promise<boolean> {
  const fragment = shareFragmentInAddress()
  if (fragment === null) {
    noteForeignFragment()
    return false
  }
  if (await openSharedFragment(fragment)) return true
  clearShareFragment()
  return false
}

/** Writes text to the clipboard; false where the browser refuses (no permission, not focused). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    return false
  }
}
