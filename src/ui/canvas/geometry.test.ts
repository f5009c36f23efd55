import { describe, expect, it } from 'vitest'
import { generateEstate } from '../../core/testing/estate.ts'
import { computeGeometry, type Box } from './geometry.ts'

const inside = (child: Box, parent: Box) =>
  child.ax >= parent.ax && child.ay >= parent.ay && child.ax + child.w <= parent.ax + parent.w && child.ay + child.h <= parent.ay + parent.h
const overlap = (a: Box, b: Box) => a.ax < b.ax + b.w && b.ax < a.ax + a.w && a.ay < b.ay + b.h && b.ay < a.ay + a.h

describe('computeGeometry', () => {
  const plan = generateEstate(40)
  const geometry = computeGeometry(plan, { hv0: { x: 100, y: 50 } })

  it('gives every entity of the plan a box, and containers grow to hold their children', () => {
    for (const box of geometry.boxes) {
      if (!box.parentId) continue
      const parent = geometry.byId.get(box.parentId)!
      expect(inside(box, parent), `${box.id} inside ${parent.id}`).toBe(true)
      expect(box.ax - parent.ax).toBe(box.x)
      expect(box.ay - parent.ay).toBe(box.y)
    }
    const vms = plan.hosts.flatMap((h) => h.vms)
    expect(geometry.boxes.filter((b) => b.kind === 'vm')).toHaveLength(vms.length)
    expect(geometry.boxes.filter((b) => b.kind === 'vdisk')).toHaveLength(vms.flatMap((vm) => vm.disks).length)
  })

  it('keeps siblings apart and places top-level items where the layout says, the rest in tidy rows', () => {
    const byParent = new Map<string, Box[]>()
    for (const box of geometry.boxes) byParent.set(box.parentId ?? '', [...(byParent.get(box.parentId ?? '') ?? []), box])
    for (const siblings of byParent.values()) {
      for (let i = 0; i < siblings.length; i++) for (let j = i + 1; j < siblings.length; j++) {
        expect(overlap(siblings[i]!, siblings[j]!), `${siblings[i]!.id} and ${siblings[j]!.id}`).toBe(false)
      }
    }
    expect(geometry.byId.get('hv0')).toMatchObject({ x: 100, y: 50 })
    const tops = byParent.get('')!
    expect(new Set(tops.map((b) => b.ay)).size).toBeGreaterThan(1)
  })
})
