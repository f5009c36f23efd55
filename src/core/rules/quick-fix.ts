/**
 * Quick fixes are data (STYLE.md, "Fixes and edits are data"): a rule that knows the mechanical
 * fix of its finding reports the edits, and the core's one `applyEdits` carries them out.
 */
import type { Edit } from '../edit/edits.ts'
import type { Controller } from '../model/enums.ts'
import type { Vm } from '../model/plan.ts'
import { controllerOf } from './platform-limits.ts'
import type { QuickFix } from './types.ts'

/** A `set` edit of one field (a dotted path such as `hardware.dep`) of one entity. */
export const set = (target: string, field: string, value: unknown): Edit => ({ op: 'set', target, field, value })

/** A quick fix: the button's label in plain words, and its edits. */
export const quickFix = (label: string, ...edits: Edit[]): QuickFix => ({ label, edits })

/** "1 vCPU", "4 vCPUs" — the counts quick-fix labels name. */
export const vcpuCount = (n: number): string => `${n} vCPU${n === 1 ? '' : 's'}`

/**
 * Free places on the VMs' virtual controllers, counted as a rule hands out fixes, so that the fixes
 * of one validation never overfill a controller, one at a time or all together.
 */
export interface ControllerSlots {
  /** The first of `candidates` on `vm` holding fewer than `capacity` disks, now taken; null when all are full. */
  take(vm: Vm, candidates: readonly Controller[], capacity: number): Controller | null
}

/**
 * A closure, not a class: V8 holds a class instance's hidden class only while an instance lives,
 * and dropping it between validations deoptimized the rules that take slots (see PlanIndex).
 */
export function controllerSlots(): ControllerSlots {
  const used = new Map<string, Map<Controller, number>>()
  return {
    take(vm, candidates, capacity) {
      let counts = used.get(vm.id)
      if (!counts) {
        counts = new Map()
        for (const disk of vm.disks) {
          const controller = controllerOf(disk)
          if (controller) counts.set(controller, (counts.get(controller) ?? 0) + 1)
        }
        used.set(vm.id, counts)
      }
      const free = candidates.find((controller) => (counts.get(controller) ?? 0) < capacity)
      if (free === undefined) return null
      counts.set(free, (counts.get(free) ?? 0) + 1)
      return free
    },
  }
}
