import { useEffect, useId, useLayoutEffect, useRef, type ReactNode } from 'react'
import './dialogs.css'

/** What can take the focus in a dialog, the body's own scrolling aside. */
const CONTROLS = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), a[href]'

/**
 * A modal dialog on the native <dialog> element: focus is trapped, Escape closes it, and closing
 * gives the focus back to where it was (the browser does, unless that element lost it meanwhile).
 */
export function Dialog({ title, open, onClose, children, actions, wide, describe }: {
  title: string
  open: boolean
  onClose(): void
  children: ReactNode
  actions?: ReactNode
  wide?: boolean
  /** The body says what the dialog is about (a question, a reason): read out with the title on opening. */
  describe?: boolean
}) {
  const ref = useRef<HTMLDialogElement>(null)
  const opener = useRef<HTMLElement | null>(null)
  const titleId = useId()
  const bodyId = useId()
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) {
      opener.current = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null
      dialog.showModal()
      // The browser focuses the first focusable element, which is the body where it scrolls (a short
      // screen): the first control in it, else the dialog's first button, takes the focus instead.
      if (document.activeElement === body.current) {
        const first = body.current?.querySelector<HTMLElement>(CONTROLS) ?? dialog.querySelector<HTMLElement>(`.dialog-actions ${CONTROLS}`)
        first?.focus()
      }
    }
    if (!open && dialog.open) dialog.close()
    if (!open && opener.current) {
      const back = opener.current
      opener.current = null
      if (back.isConnected && (document.activeElement === null || document.activeElement === document.body)) back.focus()
    }
  }, [open])
  // A body that scrolls (a long list on a short screen) takes the focus, so the keyboard can scroll it.
  const body = useRef<HTMLDivElement>(null)
  useLayoutEffect(() => {
    const element = body.current
    if (!open || !element) return
    // Focusable, it is a group named by the dialog's title, so that it says what it is; not
    // scrolling, it is no group at all (the dialog's name, said twice, would be noise).
    const check = () => {
      if (element.scrollHeight > element.clientHeight + 1) {
        element.tabIndex = 0
        element.setAttribute('role', 'group')
        element.setAttribute('aria-labelledby', titleId)
      } else {
        for (const name of ['tabindex', 'role', 'aria-labelledby']) element.removeAttribute(name)
      }
    }
    check()
    // The body's own size stops changing at its largest; what grows inside it then is its content.
    const observer = new ResizeObserver(check)
    observer.observe(element)
    for (const child of element.children) observer.observe(child)
    return () => observer.disconnect()
  }, [open, titleId])
  return (
    <dialog ref={ref} className={`dialog${wide ? ' wide' : ''}`} aria-labelledby={titleId} aria-describedby={describe ? bodyId : undefined} onClose={onClose} onCancel={(e) => { e.preventDefault(); onClose() }}>
      {open && (
        <>
          <h2 id={titleId}>{title}</h2>
          <div ref={body} className="dialog-body">
            {/* The description is the content, not the group (whose name is the title). */}
            <div id={bodyId}>{children}</div>
          </div>
          {actions && <div className="dialog-actions">{actions}</div>}
        </>
      )}
    </dialog>
  )
}
