/** One Node session of the validate benchmark (spawned by validate.bench.ts): prints its rows as JSON. */
import { SIZES, cacheEvictor, measureValidate } from './validate-measure.ts'

const collectGarbage = (globalThis as { gc?: () => void }).gc
if (!collectGarbage) throw new Error('run with node --expose-gc')
const evict = cacheEvictor()
const rows = measureValidate(SIZES, collectGarbage, evict, () => process.resourceUsage().minorPageFault)
process.stdout.write(JSON.stringify(rows))
