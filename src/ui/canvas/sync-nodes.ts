import { applyNodeChanges, type NodeChange } from '@xyflow/react'
import type { FlowNode } from './flow.ts'

/**
 * The canvas keeps its own copy of the nodes, because React Flow writes measured sizes and drag
 * positions into them. Each local node remembers the derived node it came from: when the plan
 * changes, nodes whose derived node is the same object are kept as they are (measured, so React
 * Flow neither re-measures nor re-mounts them); only the nodes an edit touched are replaced.
 */
const sourceOf = new WeakMap<FlowNode, FlowNode>()

export function syncNodes<T extends readonly FlowNode[]>(current: T, derived: readonly FlowNode[], selectedId: string | null, reset?: string): FlowNode[] | T {
  const byId = new Map(current.map((node) => [node.id, node]))
  const next = derived.map((node) => {
    const old = byId.get(node.id)
    const selected = node.id === selectedId
    if (old && node.id !== reset && sourceOf.get(old) === node && Boolean(old.selected) === selected) return old
    const sameSize = old?.measured && old.width === node.width && old.height === node.height
    const next: FlowNode = { ...node, selected, ...(sameSize ? { measured: old.measured } : {}) }
    sourceOf.set(next, node)
    return next
  })
  // Nothing changed (the canvas's first sync, a selection of what was selected): the same list, so
  // the canvas is not drawn again, nor React Flow's lookup of every node rebuilt.
  return next.length === current.length && next.every((node, i) => node === current[i]) ? current : next
}

/** Applies React Flow's own changes (measured sizes, drag positions), keeping each node's source. */
export function applyFlowChanges(changes: NodeChange<FlowNode>[], current: FlowNode[]): FlowNode[] {
  const next = applyNodeChanges(changes, current)
  // Position and size changes keep the list in order, so nodes pair up by index (this runs per drag frame).
  for (let i = 0; i < next.length; i++) {
    const node = next[i]!
    const old = current[i]
    if (old && node !== old && old.id === node.id) {
      const source = sourceOf.get(old)
      if (source) sourceOf.set(node, source)
    }
  }
  return next
}
