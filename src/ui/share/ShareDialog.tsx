import { useState } from 'react'
import { Dialog } from '../dialogs/Dialog.tsx'
import { copyText, LONG_LINK_CHARS } from './share-link.ts'
import './share.css'

export interface ShareResult { link: string; copied: boolean }

/** The link just copied: its length, a warning when it is long enough to be cut, and copy again. */
export function ShareDialog({ share, onClose }: { share: ShareResult | null; onClose(): void }) {
  const [copiedAgain, setCopiedAgain] = useState<boolean | null>(null)
  const close = () => { setCopiedAgain(null); onClose() }
  const copied = copiedAgain ?? share?.copied ?? false
  const length = share?.link.length ?? 0
  return (
    <Dialog
      title={share?.copied ? 'Share link copied' : 'Share link'}
      open={share !== null}
      onClose={close}
      wide
      actions={<>
        <button type="button" className="btn" onClick={async () => setCopiedAgain(await copyText(share?.link ?? ''))}>Copy again</button>
        <button type="button" className="btn primary" onClick={close} autoFocus>Done</button>
      </>}
    >
      <p className="share-lead">Anyone who opens this link sees this plan in their own browser. The plan travels in the part after “#”, which browsers never send to a server.</p>
      {/* The frame is a box of its own: a textarea shows its scrolled text in its own padding, half a fourth line. */}
      <div className="share-link-box">
        <textarea className="share-link" aria-label="Share link" readOnly rows={3} value={share?.link ?? ''} onFocus={(e) => e.currentTarget.select()} />
      </div>
      <div className="share-meta">
        <span className="share-length">{length.toLocaleString('en-US')} characters</span>
        <span className={copied ? 'share-copied' : 'share-not-copied'} role="status">
          {copied ? (copiedAgain ? '✓ Copied again' : '✓ Copied to the clipboard') : 'Could not copy automatically: select the link above and copy it.'}
        </span>
      </div>
      {length > LONG_LINK_CHARS && (
        <p className="share-warning" role="alert">
          <strong>This link is long.</strong> Some chat tools and browsers cut links over {LONG_LINK_CHARS.toLocaleString('en-US')} characters,
          and a cut link does not open. For a plan this size, send the exported PNG or JSON file instead.
        </p>
      )}
    </Dialog>
  )
}
