/**
 * `npm run bench`: every budgeted benchmark, one after the other, each printing its figures.
 * Exits non-zero when any is over its budget, after all have run.
 */
import { spawnSync } from 'node:child_process'

const BENCHES = [
  ['--import', 'tsx', 'bench/validate.bench.ts'],
  ['--import', 'tsx', 'bench/share-link.bench.ts'],
  ['--import', 'tsx', 'bench/png-export.bench.ts'],
]

let failed = 0
for (const args of BENCHES) {
  const { status } = spawnSync(process.execPath, args, { stdio: 'inherit' })
  if (status !== 0) failed += 1
  console.log()
}
if (failed > 0) {
  console.log(`${failed} of ${BENCHES.length} benchmarks over budget`)
  process.exitCode = 1
}
