import { describe, expect, it } from 'vitest'
import type { FlowNode } from './flow.ts'
import { syncNodes } from './sync-nodes.ts'

const derivedNode = (id: string): FlowNode => ({ id, position: { x: 0, y: 0 }, width: 100, height: 40, data: { kind: 'host' } as FlowNode['data'] })

describe('syncNodes', () => {
  const derived = [derivedNode('hv01'), derivedNode('hv02')]

  it('gives back the very list it was given when nothing changed, so the canvas is not drawn again', () => {
    const first = syncNodes([], derived, null)
    expect(first).toHaveLength(2)
    expect(syncNodes(first, derived, null)).toBe(first)
  })

  it('gives a new list where the selection or a derived node changed, keeping the nodes that did not', () => {
    const first = syncNodes([], derived, null)
    const selected = syncNodes(first, derived, 'hv02')
    expect(selected).not.toBe(first)
    expect(selected[0]).toBe(first[0])
    expect(selected[1]).toMatchObject({ id: 'hv02', selected: true })
    const moved = syncNodes(selected, [derived[0]!, { ...derived[1]!, position: { x: 40, y: 0 } }], 'hv02')
    expect(moved).not.toBe(selected)
    expect(moved[1]!.position).toEqual({ x: 40, y: 0 })
    expect(syncNodes(moved, [derived[0]!], 'hv02')).toEqual([first[0]])
  })
})
