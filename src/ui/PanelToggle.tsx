/** The buttons that hide a panel (over its heading) and show it again (its rail), for panel-visibility.ts. */
import { focusAfterToggle, usePanels, type Panel } from './panel-visibility.ts'

/** Where each panel's buttons are: the focus goes from one to the other as the panel hides or shows. */
const CONTAINER: Record<Panel, string> = { palette: '.palette', side: 'aside.side' }

/** "Hide palette", over the panel's heading (`className` places it). */
export function HideButton({ panel, name, title, chevron, className }: { panel: Panel; name: string; title: string; chevron: string; className: string }) {
  return (
    <button type="button" className={`panel-hide ${className}`} aria-expanded title={title} onClick={(event) => {
      usePanels.getState().setShown(panel, false)
      focusAfterToggle(event.currentTarget, `${CONTAINER[panel]} .rail-button`)
    }}>
      <span aria-hidden>{chevron}</span>
      <span className="visually-hidden">{name}</span>
    </button>
  )
}

/** "Show palette", the whole rail a hidden panel leaves, with the panel's name written down it. */
export function RailButton({ panel, name, title, chevron, label }: { panel: Panel; name: string; title: string; chevron: string; label: string }) {
  return (
    <button type="button" className="rail-button" aria-label={name} aria-expanded={false} title={title} onClick={(event) => {
      usePanels.getState().setShown(panel, true)
      focusAfterToggle(event.currentTarget, `${CONTAINER[panel]} .panel-hide`)
    }}>
      <span aria-hidden className="rail-chevron">{chevron}</span>
      <span aria-hidden className="rail-label">{label}</span>
    </button>
  )
}
