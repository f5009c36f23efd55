import { useEffect, useState, type CSSProperties } from 'react'
import { useEditor, type NoticeFile } from '../store/editor-store.ts'
import { download } from './toolbar/file-actions.ts'

/**
 * How long a notice shows: time to read it (about four words a second, as a summary of what a
 * template opened with runs to 35 words), at least four seconds, and at most twelve.
 */
export function showMs(text: string): number {
  const words = text.split(/\s+/).filter(Boolean).length
  return Math.min(12_000, Math.max(4_000, 1_000 + words * 250))
}
/** After the pointer leaves a notice it stayed up for. */
const AFTER_HOVER_MS = 2_000

/**
 * Centred near the bottom of the canvas, between its controls and its overview map, for a message
 * that answers no pointer (an open, autosave, keyboard, a duplicate or a delete). Near the top it
 * covered the first host's title, just where a fitted plan begins.
 */
function overCanvas(): CSSProperties {
  const flow = document.querySelector('.react-flow')
  const canvas = flow?.getBoundingClientRect()
  if (!flow || !canvas) return { left: '50%', bottom: 24, transform: 'translateX(-50%)' }
  const centre = canvas.left + canvas.width / 2
  // As wide as fits between the zoom controls and the overview map, centred between the canvas's edges.
  const controls = flow.querySelector('.react-flow__controls')?.getBoundingClientRect()
  const overview = flow.querySelector('.overview')?.getBoundingClientRect()
  const room = Math.min(centre - (controls && controls.width > 0 ? controls.right : canvas.left), (overview && overview.width > 0 ? overview.left : canvas.right) - centre)
  return { left: centre, top: canvas.bottom - 16, transform: 'translate(-50%, -100%)', maxWidth: Math.max(240, Math.min(520, 2 * room - 24)) }
}

/**
 * Beside the pointer, kept over the canvas (a notice is at most 360 px wide): beside a drop near the
 * canvas's right edge it covered the Inspector's fields.
 */
function nearPointer(at: { x: number; y: number }): CSSProperties {
  const canvas = document.querySelector('.react-flow')?.getBoundingClientRect()
  const right = canvas ? canvas.right : window.innerWidth
  const left = canvas ? canvas.left + 8 : 8
  return { left: Math.max(left, Math.min(at.x + 14, right - 368)), top: Math.max(8, at.y + 14) }
}

/**
 * A refusal (nothing changed), a note on what did change, and an add Microsoft does not support read
 * apart at a glance: a barred circle, an "i", a warning triangle.
 */
function NoticeIcon({ tone }: { tone: 'refused' | 'info' | 'unsupported' }) {
  return (
    <svg className="notice-icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      {tone === 'unsupported'
        ? <path d="M8 1.8 14.6 13.6H1.4Z" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
        : <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.5" />}
      {tone === 'refused' && <path d="M3.6 12.4 12.4 3.6" stroke="currentColor" strokeWidth="1.5" />}
      {tone === 'info' && <path d="M8 7v4.5M8 4.6v.1" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />}
      {tone === 'unsupported' && <path d="M8 6.2v3.6M8 11.7v.1" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />}
    </svg>
  )
}

const downloadNoticeFile = ({ name, text }: NoticeFile) => download(new Blob([text], { type: 'application/json' }), name)

/**
 * A brief message near the pointer (why a drop was refused, or what happened), and the quiet
 * announcements a screen reader reads out.
 */
export function Notice() {
  const notice = useEditor((s) => s.notice)
  // A notice under the pointer (being read, or its button about to be pressed) stays up.
  const [hovered, setHovered] = useState<{ id: number; left: boolean } | null>(null)
  const hoveredNow = hovered !== null && notice !== null && hovered.id === notice.id
  const leftOnce = hoveredNow && hovered.left
  const over = hoveredNow && !hovered.left
  useEffect(() => {
    if (!notice || notice.tone === 'error' || over) return
    const timer = setTimeout(() => useEditor.getState().dismissNotice(), leftOnce ? AFTER_HOVER_MS : showMs(notice.text))
    return () => clearTimeout(timer)
  }, [notice, over, leftOnce])
  const announcement = useEditor((s) => s.announcement)
  return (
    <>
      {/* Read out, not shown: what changed on the canvas after a keyboard add, a delete or an open. */}
      <div className="visually-hidden" aria-live="polite" data-testid="announcer">{announcement?.text}</div>
      {/* A notice the announcer reads out too (a delete) is not read twice. */}
      <div className="notice-layer" role="status" aria-live={notice && announcement?.text === notice.text ? 'off' : 'polite'}>
        {notice && (
          <div
            key={notice.id}
            className={`notice ${notice.tone}`}
            style={notice.at ? nearPointer(notice.at) : overCanvas()}
            onPointerEnter={() => setHovered({ id: notice.id, left: false })}
            onPointerLeave={() => setHovered({ id: notice.id, left: true })}
          >
            {notice.tone !== 'error' && <NoticeIcon tone={notice.tone} />}
            <span>{notice.text}</span>
            {notice.file && <button type="button" className="btn ghost" onClick={() => notice.file && downloadNoticeFile(notice.file)}>Download it</button>}
            {notice.tone === 'error' && <button type="button" className="btn ghost" onClick={() => useEditor.getState().dismissNotice()}>Dismiss</button>}
          </div>
        )}
      </div>
    </>
  )
}
