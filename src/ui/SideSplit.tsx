/**
 * The bar between the Inspector and the Findings: drag it, or focus it and use the arrow keys, to
 * give one more room. The share is kept in the browser with the rest of the editor's state.
 */
import { useEffect, useState, type KeyboardEvent, type PointerEvent, type ReactElement } from 'react'

const KEY = 'vexplan.inspector-share'
const MIN = 20
const MAX = 80
const STEP = 5

const clamp = (share: number) => Math.min(MAX, Math.max(MIN, Math.round(share)))

/** Half each; on a short screen (a laptop at 720 px) the Inspector, where editing happens, gets more. */
const initial = (): number => (window.innerHeight < 800 ? 60 : 50)

function saved(): number {
  try {
    const value = Number(window.localStorage.getItem(KEY))
    return value ? clamp(value) : initial()
  } catch {
    return initial()
  }
}

/** The Inspector's share of the side column, in percent, and the separator that changes it. */
export function useSideSplit(): { share: number; separator: ReactElement } {
  const [share, setShare] = useState(saved)
  useEffect(() => {
    try { window.localStorage.setItem(KEY, String(share)) } catch { /* storage disabled: the share lasts the session */ }
  }, [share])

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    const side = event.currentTarget.parentElement?.getBoundingClientRect()
    if (!side) return
    event.currentTarget.setPointerCapture(event.pointerId)
    const move = (e: globalThis.PointerEvent) => setShare(clamp(((e.clientY - side.top) / side.height) * 100))
    const bar = event.currentTarget
    const up = () => {
      bar.removeEventListener('pointermove', move)
      bar.removeEventListener('pointerup', up)
    }
    bar.addEventListener('pointermove', move)
    bar.addEventListener('pointerup', up)
  }
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = { ArrowUp: share - STEP, ArrowDown: share + STEP, Home: MIN, End: MAX }[event.key]
    if (next === undefined) return
    event.preventDefault()
    setShare(clamp(next))
  }
  const separator = (
    <div
      className="side-split"
      role="separator"
      aria-orientation="horizontal"
      aria-label="Inspector and Findings size"
      aria-valuemin={MIN}
      aria-valuemax={MAX}
      aria-valuenow={share}
      aria-valuetext={`Inspector ${Math.round(share)}%, Findings ${100 - Math.round(share)}%`}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  )
  return { share, separator }
}
