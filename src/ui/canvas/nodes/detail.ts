/**
 * How much a node draws. Zoomed far out (a whole estate fitted to the view), a node's words are a
 * pixel or two high: nodes then draw only their outline, colour and glyph, and names of hosts, VMs
 * and arrays, which cuts the elements on the page several times over (a 200-VM plan drew 23,000).
 * Zoomed in past FAR_ZOOM, and whenever the diagram is exported, every node draws in full.
 */
import { createContext, useContext } from 'react'

/** Below this zoom, nodes draw in outline: 12 px text is under 4 px on screen there. */
export const FAR_ZOOM = 0.3

export const FarContext = createContext(false)

/** True when nodes draw in outline (see FarContext). */
export const useFar = (): boolean => useContext(FarContext)
