import { useDeferredValue, useId, useMemo, useState, type KeyboardEvent } from 'react'
import { useReactFlow } from '@xyflow/react'
import { findEntities, type EntityMatch } from '../../core/index.ts'
import { useEditor } from '../../store/editor-store.ts'
import { MOD_KEY } from '../keys.ts'
import { refuseDropOnOverlay } from './drop.ts'
import { centreOn } from './reveal.ts'

/** The keys that put the focus in the find box (the app's, not the browser's find: big plans draw only what is in view). */
export const FIND_KEYS = 'Control+F Meta+F /'
const LIMIT = 12

/**
 * "Find on canvas": a combobox over the canvas that lists the hosts, VMs, disks, arrays and LUNs
 * whose name, id or place match what is typed. Choosing one (click, or arrows and Enter) selects it
 * and brings it into view; Escape closes the list, then clears the box.
 */
export function FindBox() {
  const plan = useEditor((s) => s.plan)
  const flow = useReactFlow()
  const [query, setQuery] = useState('')
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  // Another plan opened (a template, an import, a link): what was typed was looked for in the last one.
  const opened = useEditor((s) => s.opened)
  const [searched, setSearched] = useState(opened)
  if (searched !== opened) {
    setSearched(opened)
    setQuery('')
    setOpen(false)
  }
  const deferred = useDeferredValue(query)
  const { matches, total } = useMemo(() => findEntities(plan, deferred, LIMIT), [plan, deferred])
  const listId = useId()
  const shown = open && deferred.trim() !== ''
  const current = Math.min(active, matches.length - 1)

  const choose = (match: EntityMatch) => {
    const state = useEditor.getState()
    state.select({ id: match.id, kind: match.kind })
    centreOn(flow, match.id)
    state.announce(`Selected ${match.name}, ${match.label}`)
    setOpen(false)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      if (!shown) return setOpen(true)
      const step = event.key === 'ArrowDown' ? 1 : -1
      setActive((i) => (matches.length === 0 ? 0 : (Math.min(i, matches.length - 1) + step + matches.length) % matches.length))
    } else if (event.key === 'Enter') {
      event.preventDefault()
      if (!open || query.trim() === '') return
      // The list may trail what was typed by a render (it is drawn in the background): Enter goes by
      // what was typed, to its first match when the list has not caught up yet.
      const match = deferred === query ? matches[current] : findEntities(plan, query, LIMIT).matches[0]
      if (match) choose(match)
    } else if (event.key === 'Escape') {
      event.preventDefault()
      if (shown) setOpen(false)
      else setQuery('')
    }
  }

  if (plan.hosts.length === 0 && plan.storage.length === 0) return null
  const status = !shown ? '' : total === 0 ? 'Nothing matches' : total > matches.length ? `${matches.length} of ${total} shown: type more to narrow` : ''
  // With every match in the list, the count is for a screen reader only: the list shows it.
  const count = shown && status === '' ? `${total} ${total === 1 ? 'match' : 'matches'}` : ''
  return (
    // Over the canvas's top-left corner, but before the diagram in the page: Tab reaches it first.
    <div className="find-box" {...refuseDropOnOverlay}>
      <div role="search" aria-label="Find on canvas">
        <svg className="find-icon" viewBox="0 0 16 16" aria-hidden="true"><circle cx="7" cy="7" r="4.5" /><path d="m10.5 10.5 3.5 3.5" /></svg>
        <input
          type="search"
          role="combobox"
          aria-label="Find on canvas"
          aria-keyshortcuts={FIND_KEYS}
          aria-expanded={shown}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={shown && current >= 0 ? `${listId}-${current}` : undefined}
          placeholder="Find a server, disk or LUN"
          title={`Find on canvas (${MOD_KEY}F or /)`}
          value={query}
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => { setQuery(event.target.value); setActive(0); setOpen(true) }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
      </div>
      <div className="find-results" hidden={!shown}>
        <ul id={listId} role="listbox" aria-label="Matches">
          {shown && matches.map((match, i) => (
            <li key={match.id} id={`${listId}-${i}`} role="option" aria-selected={i === current} className={i === current ? 'is-active' : undefined}
              // Chosen on pointer down, before the input's blur closes the list.
              onPointerDown={(event) => { event.preventDefault(); choose(match) }}
              onPointerMove={() => setActive(i)}>
              <span className="find-name">{match.name}</span>
              <span className="find-label">{match.label}</span>
            </li>
          ))}
        </ul>
        {status && <p className="find-status" role="status">{status}</p>}
      </div>
      {/* Outside the list, which is hidden while closed: a live region must be there before it speaks. */}
      <p className="visually-hidden" role="status">{count}</p>
    </div>
  )
}
