/**
 * The findings panel: every finding of the plan, grouped by severity, with per-severity toggles and
 * a text filter. Activating a finding selects its subject and centres it on the canvas.
 * Built for thousands of findings: search texts are built once per findings list, and only while
 * there is a query (an edit of a 10,000-VM plan brings 60,000 new findings), the query is
 * deferred, rows are memoized, and one delegated handler serves the whole list.
 */
import { memo, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react'
import { useReactFlow } from '@xyflow/react'
import { centreOn } from '../canvas/reveal.ts'
import { describeLocated, locate, SEVERITIES, sourceParts, type Finding, type QuickFix, type Severity } from '../../core/index.ts'
import { useEditor } from '../../store/editor-store.ts'
import { useFindings } from '../../store/findings.ts'
import { useShownPlan } from '../../store/shown-plan.ts'
import { readView, rememberFindingsView } from '../../store/view-memory.ts'
import { entityNames, filterFindings, pageOf, queryTerms, searchTexts, type SeverityFilter } from './findings-filter.ts'
import { fixAllByRule } from './fix-all.ts'
import './findings.css'

const GROUP_LABEL: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Info' }
const ONE_LABEL: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info' }
/** What a screen reader adds to a finding, which is a list item and not a button: that Enter acts on it. */
const ACTIVATE_HINT = 'Enter selects its subject and shows it on the canvas'
const ALL_SHOWN: SeverityFilter = { error: true, warning: true, info: true }
/**
 * The rows a group shows at first, and adds on each "Show more". A 3,000-VM estate has 18,000
 * findings: all in the page, they were 300,000 elements, and every edit took a second to redraw.
 */
export const FINDINGS_PAGE = 250
const FIRST_PAGES: Record<Severity, number> = { error: FINDINGS_PAGE, warning: FINDINGS_PAGE, info: FINDINGS_PAGE }
/**
 * When the app starts with a big plan (a share link, a restored estate), the first paint draws this
 * many findings of each severity and the rest of the first pages in the background: 750 rows of
 * findings were 10,000 elements, half of what the page drew before the canvas showed the plan.
 */
const FIRST_PAINT: Record<Severity, number> = { error: 25, warning: 25, info: 25 }

/** The height of a severity's sticky heading over the list (findings.css: .finding's scroll-margin-top). */
const STICKY_HEAD = 36
/** How many frames the list brings a newly selected item's finding into view while its rows settle (about half a second). */
const FOLLOW_FRAMES = 30

export function FindingsPanel() {
  const plan = useShownPlan((shown) => shown.plan)
  const selectedId = useEditor((state) => state.selection?.id ?? null)
  const { findings, summary, quickFixes } = useFindings()
  const flow = useReactFlow()
  // The filter a reload of this tab had: read once, kept on every change.
  const [stored] = useState(() => readView().findings)
  const [shown, setShown] = useState<SeverityFilter>(stored?.shown ?? ALL_SHOWN)
  const [query, setQuery] = useState(stored?.query ?? '')
  useEffect(() => { rememberFindingsView({ query, shown }) }, [query, shown])
  // The list follows the controls in the background, so typing and toggling never wait for it.
  const deferredQuery = useDeferredValue(query)
  const deferredShown = useDeferredValue(shown)
  const [pages, setPages] = useState(FIRST_PAGES)
  const drawnPages = useDeferredValue(pages, FIRST_PAINT)
  // Until the background render has drawn the first pages, "Show more" would offer what is coming anyway.
  const drawing = drawnPages !== pages
  const listRef = useRef<HTMLDivElement>(null)
  // Another plan on screen starts its findings at the top, not where the last plan's list was scrolled.
  const opened = useEditor((state) => state.opened)
  useEffect(() => {
    listRef.current?.scrollTo({ top: 0 })
    setPages(FIRST_PAGES)
  }, [opened])

  // The list follows a selection made elsewhere (the canvas, Find, the keyboard): the first finding
  // of the selected item scrolls into view where it was out of it. Only when the selection changes,
  // not on every edit: the list stays where the user scrolled it while the item is edited.
  useEffect(() => {
    const list = listRef.current
    if (selectedId === null || !list) return
    // Rows out of view are laid out at an estimated height (content-visibility) until drawn, and the
    // list draws its rows in the background: the row keeps being brought into view for a few frames
    // while that settles, unless the user takes the list in hand first.
    let frame = 0
    let frames = FOLLOW_FRAMES
    const stop = () => { frames = 0 }
    const follow = () => {
      const row = list.querySelector<HTMLElement>('li.finding.is-selected')
      if (row) {
        const [outer, inner] = [list.getBoundingClientRect(), row.getBoundingClientRect()]
        const top = outer.top + STICKY_HEAD
        // A finding taller than the room under the heading shows from its first line ('nearest' lined up its last).
        if (inner.height > outer.bottom - top) {
          if (Math.abs(inner.top - top) > 1) row.scrollIntoView({ block: 'start' })
        } else if (inner.top < top || inner.bottom > outer.bottom) row.scrollIntoView({ block: 'nearest' })
      }
      if (--frames > 0) frame = requestAnimationFrame(follow)
    }
    frame = requestAnimationFrame(follow)
    const listening = new AbortController()
    for (const type of ['wheel', 'pointerdown', 'keydown']) list.addEventListener(type, stop, { passive: true, signal: listening.signal })
    return () => {
      cancelAnimationFrame(frame)
      listening.abort()
    }
  }, [selectedId])

  const names = useMemo(() => entityNames(plan), [plan])
  const terms = useMemo(() => queryTerms(deferredQuery), [deferredQuery])
  const searching = terms.length > 0
  const texts = useMemo(() => (searching ? searchTexts(findings, names) : []), [searching, findings, names])
  const keys = useMemo(() => findingKeys(findings), [findings])
  const groups = useMemo(() => filterFindings(findings, texts, deferredShown, terms), [findings, texts, deferredShown, terms])
  const visible = groups.error.length + groups.warning.length + groups.info.length
  const rows = useMemo(() => ({
    error: pageOf(groups.error, drawnPages.error, selectedId),
    warning: pageOf(groups.warning, drawnPages.warning, selectedId),
    info: pageOf(groups.info, drawnPages.info, selectedId),
  }), [groups, drawnPages, selectedId])

  const activate = useCallback((subject: string) => {
    const { plan: current, select, announce } = useEditor.getState()
    const located = locate(current, subject)
    if (!located) return
    select({ id: subject, kind: located.kind })
    centreOn(flow, subject)
    announce(`Selected ${describeLocated(located)}`)
  }, [flow])

  // "Fix all" is offered for rules whose fixes are independent, when they have several findings.
  const fixAll = useMemo(() => fixAllByRule(findings, quickFixes), [findings, quickFixes])

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    // A source's link opens its document and leaves the selection and the view as they are.
    if (event.target instanceof Element && event.target.closest('a[href]')) return
    const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button[data-fix]') : null
    const item = findingItem(event.target)
    if (button && item) {
      event.stopPropagation()
      const finding = findingAt(item)
      const all = button.dataset.fix === 'all' ? fixAll.get(item.dataset.rule!) : undefined
      const one = finding && quickFixes.get(finding)
      const edits = all ? all.edits : one?.edits
      if (edits && applyFix(edits, button)) {
        keepFocusAt(listRef.current, item)
        // The fixed finding leaves the list: say what was done, in view (and read out: the notice is a live region).
        useEditor.getState().notify(all ? `Fixed ${all.count} findings (${all.words}) as one step; Undo takes the fixes back` : `Fixed ${names.get(item.dataset.subject!) ?? item.dataset.subject}: ${one?.label ?? 'done'}; Undo takes it back`, undefined, 'info')
      }
      return
    }
    if (item) activate(item.dataset.subject!)
  }
  const findingAt = (item: HTMLElement) => findings.find((f) => f.rule === item.dataset.rule && f.subject === item.dataset.subject && keys.get(f) === item.dataset.key)
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const item = findingItem(event.target)
    if (!item || event.target !== item) return // buttons inside a row handle their own keys
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      activate(item.dataset.subject!)
    } else if (moveFocus(listRef.current, item, event.key)) {
      event.preventDefault()
    }
  }

  const filtered = terms.length > 0 || SEVERITIES.some((s) => !deferredShown[s])
  return (
    <section aria-label="Findings" className="findings">
      <header className="panel-head">
        <h2>Findings</h2>
        <div className="findings-toggles" role="group" aria-label="Severities shown">
          {SEVERITIES.map((severity) => (
            <button key={severity} type="button" className={`findings-toggle tone-${severity}${summary[severity] === 0 ? ' is-zero' : ''}`} aria-pressed={shown[severity]}
              title={`${shown[severity] ? 'Hide' : 'Show'} ${GROUP_LABEL[severity].toLowerCase()}`}
              onClick={() => setShown((current) => ({ ...current, [severity]: !current[severity] }))}>
              <SeverityIcon severity={severity} />
              <span className="visually-hidden">{GROUP_LABEL[severity]} </span>
              <span className="findings-toggle-count">{summary[severity]}</span>
            </button>
          ))}
        </div>
      </header>
      {findings.length > 0 && <div className="findings-search">
        <input type="search" aria-label="Filter findings" placeholder="Filter by message, rule, fix or name" value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => { if (event.key === 'Escape' && query !== '') { event.stopPropagation(); setQuery('') } }} />
        <p className="findings-status" aria-live="polite">
          {filtered ? `Showing ${visible} of ${findings.length}` : ''}
        </p>
      </div>}
      <div className="panel-body findings-body" ref={listRef} onClick={onClick} onKeyDown={onKeyDown}>
        {findings.length === 0 ? (
          <div className="findings-empty is-clean">
            <CleanIcon />
            <p>No findings. Nothing Microsoft does not support, nothing risky.</p>
          </div>
        ) : visible === 0 ? (
          <div className="findings-empty">
            <p>{terms.length > 0 ? `No findings match “${deferredQuery.trim()}”.` : 'All severities are hidden.'}</p>
            <button type="button" className="btn" onClick={() => { setQuery(''); setShown(ALL_SHOWN) }}>Show all findings</button>
          </div>
        ) : SEVERITIES.map((severity) => groups[severity].length === 0 ? null : (
          <div key={severity} className={`findings-group group-${severity}`}>
            <h3 className="findings-group-head">
              <SeverityIcon severity={severity} />
              {GROUP_LABEL[severity]}
              <span className="findings-group-count">{groups[severity].length}</span>
            </h3>
            <ul className="findings-list" aria-label={GROUP_LABEL[severity]}>
              {rows[severity].map((finding) => (
                <FindingRow key={keys.get(finding)} rowKey={keys.get(finding)!} finding={finding} subjectName={names.get(finding.subject) ?? finding.subject}
                  selected={finding.subject === selectedId} quickFix={quickFixes.get(finding)} fixAllCount={fixAll.get(finding.rule)?.count ?? 0} fixAllWords={fixAll.get(finding.rule)?.words ?? ''} />
              ))}
            </ul>
            {!drawing && rows[severity].length < groups[severity].length && (
              <div className="findings-more">
                <span>{rows[severity].length.toLocaleString('en-US')} of {groups[severity].length.toLocaleString('en-US')} shown</span>
                <button type="button" className="btn" onClick={() => setPages((current) => ({ ...current, [severity]: current[severity] + FINDINGS_PAGE }))}>
                  Show {Math.min(FINDINGS_PAGE, groups[severity].length - rows[severity].length).toLocaleString('en-US')} more {GROUP_LABEL[severity].toLowerCase()}
                </button>
              </div>
            )}
          </div>
        ))}
      </div>
    </section>
  )
}

interface RowProps { finding: Finding; subjectName: string; selected: boolean; quickFix: QuickFix | undefined; fixAllCount: number; fixAllWords: string; rowKey: string }

/**
 * Every validation makes new finding objects, so rows compare what they show: after one edit of a
 * 200-VM plan only the rows whose text changed render again.
 */
const sameRow = (a: RowProps, b: RowProps) => a.rowKey === b.rowKey && a.selected === b.selected && a.subjectName === b.subjectName
  && a.fixAllCount === b.fixAllCount && a.fixAllWords === b.fixAllWords && a.quickFix?.label === b.quickFix?.label
  && a.finding.message === b.finding.message && a.finding.fix === b.finding.fix
  && a.finding.severity === b.finding.severity && a.finding.source === b.finding.source

const FindingRow = memo(function FindingRow({ finding, subjectName, selected, quickFix, fixAllCount, fixAllWords, rowKey }: RowProps) {
  return (
    <li className={selected ? 'finding is-selected' : 'finding'} tabIndex={0} data-key={rowKey} aria-description={ACTIVATE_HINT}
      data-rule={finding.rule} data-severity={finding.severity} data-subject={finding.subject}
      aria-current={selected ? 'true' : undefined}>
      <SeverityIcon severity={finding.severity} />
      <div className="finding-text">
        <p className="finding-message"><span className="visually-hidden">{ONE_LABEL[finding.severity]}: </span>{finding.message}</p>
        <p className="finding-fix"><span className="finding-fix-label">Fix:</span> {finding.fix}</p>
        <p className="finding-meta">
          <span className="finding-subject" title={`Subject: ${subjectName}`}>{subjectName}</span>
          <code className="finding-rule">{finding.rule}</code>
        </p>
        <p className="finding-source" title={selected ? undefined : finding.source}>
          {/* The documents with an address open in a new tab; in the selected row only, they are Tab stops too. */}
          {sourceParts(finding.source).map((part, i) => typeof part === 'string' ? part : (
            <a key={i} href={part.url} target="_blank" rel="noopener noreferrer" title={`${part.title} (opens in a new tab)`} tabIndex={selected ? 0 : -1}>{part.text}</a>
          ))}
        </p>
        {quickFix && (
          <p className="finding-actions">
            <button type="button" className="btn finding-fix-btn" data-fix="one" aria-label={`Fix: ${quickFix.label} (${subjectName})`} title={quickFix.label}>
              <span aria-hidden="true">⚡</span><span className="finding-fix-what">Fix: {quickFix.label}</span>
            </button>
            {fixAllCount > 1 && (
              <button type="button" className="btn finding-fix-btn" data-fix="all" aria-label={`Fix all ${fixAllCount}: ${fixAllWords}`}
                title={`Apply the fix of each of these ${fixAllCount} findings (${fixAllWords}) as one step`}>
                Fix all {fixAllCount}
              </button>
            )}
          </p>
        )}
      </div>
    </li>
  )
}, sameRow)

/** Applies a quick fix as one undoable step; says why when the core refuses it. True when applied. */
function applyFix(edits: QuickFix['edits'], button: HTMLElement): boolean {
  const state = useEditor.getState()
  const problems = state.apply(edits)
  if (problems) {
    const rect = button.getBoundingClientRect()
    state.notify(`This fix cannot be applied: ${problems[0]?.message ?? 'the plan changed'}`, { x: rect.left - 300, y: rect.top })
  }
  return problems === null
}

/**
 * A fixed finding leaves the list with the focus on its button: once the list is redrawn, the focus
 * goes to the finding that took its place (or the last one), never to the page.
 */
function keepFocusAt(list: HTMLElement | null, item: HTMLElement) {
  if (!list) return
  const at = Array.from(list.querySelectorAll('li.finding')).indexOf(item)
  requestAnimationFrame(() => {
    const items = list.querySelectorAll<HTMLElement>('li.finding')
    const next = items[Math.min(Math.max(at, 0), items.length - 1)]
    if (next) {
      // Whole, below its severity's sticky heading (scroll-margin-top): focus alone left it half under the heading.
      next.focus({ preventScroll: true })
      next.scrollIntoView({ block: 'nearest' })
    }
    else list.closest<HTMLElement>('section')?.querySelector<HTMLElement>('input, button')?.focus()
  })
}

/** A severity marker drawn by CSS (findings.css), so thousands of rows stay light. */
function SeverityIcon({ severity }: { severity: Severity }) {
  return <span className={`sev-icon sev-${severity}`} aria-hidden="true" />
}

function CleanIcon() {
  return (
    <svg className="findings-clean-icon" viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="11" fill="currentColor" />
      <path d="m7 12.5 3.2 3.2L17 9" fill="none" stroke="var(--panel)" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  )
}

/** A stable React key per finding: rule and subject, numbered when a rule reports a subject twice. */
function findingKeys(findings: readonly Finding[]): Map<Finding, string> {
  const keys = new Map<Finding, string>()
  const seen = new Map<string, number>()
  for (const finding of findings) {
    const base = `${finding.rule}|${finding.subject}`
    const n = seen.get(base) ?? 0
    seen.set(base, n + 1)
    keys.set(finding, n === 0 ? base : `${base}|${n}`)
  }
  return keys
}

const findingItem = (target: EventTarget): HTMLElement | null =>
  target instanceof Element ? target.closest<HTMLElement>('li.finding[data-subject]') : null

/** Arrow keys, Home and End move focus between findings; returns whether the key was handled. */
function moveFocus(list: HTMLElement | null, item: HTMLElement, key: string): boolean {
  if (!list || !['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(key)) return false
  const items = Array.from(list.querySelectorAll<HTMLElement>('li.finding'))
  const at = items.indexOf(item)
  const next = key === 'Home' ? 0 : key === 'End' ? items.length - 1 : at + (key === 'ArrowDown' ? 1 : -1)
  items[Math.max(0, Math.min(items.length - 1, next))]?.focus()
  return true
}

