import { useEffect } from 'react'
import { useEditor } from '../store/editor-store.ts'

const SHOW_MS = 3200

/** A brief message near the pointer: why a drop was refused, or what happened. */
export function Notice() {
  const notice = useEditor((s) => s.notice)
  useEffect(() => {
    if (!notice || notice.tone === 'error') return
    const timer = setTimeout(() => useEditor.getState().dismissNotice(), SHOW_MS)
    return () => clearTimeout(timer)
  }, [notice])
  return (
    <div className="notice-layer" role="status" aria-live="polite">
      {notice && (
        <div
          key={notice.id}
          className={`notice ${notice.tone}`}
          style={{ left: Math.min(notice.x + 14, window.innerWidth - 380), top: Math.max(8, notice.y + 14) }}
        >
          <span>{notice.text}</span>
          {notice.tone === 'error' && <button type="button" className="btn ghost" onClick={() => useEditor.getState().dismissNotice()}>Dismiss</button>}
        </div>
      )}
    </div>
  )
}
