/**
 * The smallest JSON that loadPlan reads back as the same plan, for share links: every field equal to
 * its schema default is left out (loadPlan fills it back) and layout positions are rounded to whole
 * pixels. The defaults are read from the zod schemas, so a default added there is dropped here too.
 */
import { z } from 'zod'
import { PlanSchema, type LayoutEntry, type Plan } from '../model/plan.ts'

/** The plan without its default-valued fields, layout rounded. */
export function compactPlan(plan: Plan): unknown {
  return compact({ ...plan, layout: roundLayout(plan.layout) }, PlanSchema)
}

/** Whole pixels are enough to put a node back where it was; sizes stay positive. */
export function roundLayout(layout: Plan['layout']): Plan['layout'] {
  const out: Plan['layout'] = {}
  for (const [id, entry] of Object.entries(layout)) {
    const rounded: LayoutEntry = { x: Math.round(entry.x), y: Math.round(entry.y) }
    if (entry.width !== undefined) rounded.width = Math.max(1, Math.round(entry.width))
    if (entry.height !== undefined) rounded.height = Math.max(1, Math.round(entry.height))
    out[id] = rounded
  }
  return out
}

function compact(value: unknown, schema: z.core.$ZodType): unknown {
  if (value === null || typeof value !== 'object') return value
  const inner = unwrap(schema)
  if (inner instanceof z.ZodArray) return (value as unknown[]).map((item) => compact(item, inner.element))
  if (!(inner instanceof z.ZodObject)) return value
  const record = value as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const [key, field] of Object.entries(inner.shape as Record<string, z.core.$ZodType>)) {
    if (record[key] === undefined) continue
    if (field instanceof z.ZodDefault && sameValue(record[key], field.def.defaultValue)) continue
    out[key] = compact(record[key], field)
  }
  return out
}

function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema
  while (current instanceof z.ZodDefault || current instanceof z.ZodNullable || current instanceof z.ZodOptional) current = current.unwrap()
  return current
}

/** Deep equality of JSON values; stops at the first difference, so a long list costs one check against []. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const keysA = Object.keys(a)
  const keysB = Object.keys(b)
  if (keysA.length !== keysB.length) return false
  return keysA.every((key) => sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
}
