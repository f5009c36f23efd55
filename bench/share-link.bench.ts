/**
 * `npm run bench:share`: how long share links get, and how long encoding and decoding take.
 * Budgets, counting a realistic origin: the seed template's link ≤ 1,500 characters, a 50-VM estate's
 * ≤ 8,000 (chat tools and some browsers cut links longer than that).
 */
import { readFileSync } from 'node:fs'
import { decodeShareFragment, encodeShareFragment, loadPlanValue, savePlan, type Plan } from '../src/core/index.ts'
import { generateEstate } from '../src/core/testing/estate.ts'

const ORIGIN = 'https://vexplan.example/#'

function loaded(json: unknown): Plan {
  const result = loadPlanValue(json)
  if (!result.ok) throw new Error(`bench plan is invalid: ${JSON.stringify(result.problems.slice(0, 3))}`)
  return result.value
}

/** Positions for every host and array, as the canvas stores them after the architect drags them. */
function withLayout(plan: Plan): Plan {
  const layout: Plan['layout'] = {}
  const ids = [...plan.hosts.map((host) => host.id), ...plan.storage.map((array) => array.id)]
  ids.forEach((id, i) => { layout[id] = { x: 40 + (i % 4) * 713.37, y: 40 + Math.floor(i / 4) * 921.61 } })
  return { ...plan, layout }
}

async function measure(label: string, plan: Plan, budget: number | null) {
  const fragment = await encodeShareFragment(plan)
  const decoded = await decodeShareFragment(fragment)
  if (!decoded.ok || savePlan(decoded.value) !== savePlan({ ...plan, layout: decoded.value.layout })) throw new Error(`${label}: the link does not round-trip`)
  const runs = 20
  let start = performance.now()
  for (let i = 0; i < runs; i++) await encodeShareFragment(plan)
  const encodeMs = (performance.now() - start) / runs
  start = performance.now()
  for (let i = 0; i < runs; i++) await decodeShareFragment(fragment)
  const decodeMs = (performance.now() - start) / runs
  return { label, fileBytes: savePlan(plan).length, link: ORIGIN.length + fragment.length, budget, encodeMs, decodeMs }
}

const seed = loaded(JSON.parse(readFileSync(new URL('../src/templates/seed-reference.json', import.meta.url), 'utf8')))
const estate = loaded(generateEstate(50))
const rows = [
  await measure('seed template', seed, 1_500),
  await measure('seed template + layout', withLayout(seed), null),
  await measure('50 VMs', estate, 8_000),
  await measure('50 VMs + layout', withLayout(estate), null),
  await measure('1,000 VMs', loaded(generateEstate(1_000)), null),
]

console.log(`share link length (with the origin ${ORIGIN})`)
console.log('case                         file bytes   link chars   budget   encode ms   decode ms')
for (const r of rows) {
  console.log(`${r.label.padEnd(27)} ${String(r.fileBytes).padStart(11)} ${String(r.link).padStart(12)} ${(r.budget === null ? '-' : String(r.budget)).padStart(8)} ${r.encodeMs.toFixed(2).padStart(11)} ${r.decodeMs.toFixed(2).padStart(11)}`)
}
const over = rows.filter((r) => r.budget !== null && r.link > r.budget)
console.log(over.length === 0 ? 'link budgets: OK' : `OVER BUDGET: ${over.map((r) => `${r.label} (${r.link} > ${r.budget})`).join(', ')}`)
if (over.length > 0) process.exitCode = 1
