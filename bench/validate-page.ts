/** The validate benchmark's page script: bundled for Chromium by validate.bench.ts. */
import { SIZES, cacheEvictor, measureValidate } from './validate-measure.ts'

const collectGarbage = (globalThis as { gc?: () => void }).gc
;(globalThis as { measureAll?: () => unknown }).measureAll = () => {
  const evict = cacheEvictor()
  return {
    rows: measureValidate(SIZES, collectGarbage, evict),
    // What the editor runs on each change: the findings and every quick fix (shown, not budgeted).
    withFixes: measureValidate([SIZES.at(-1)!], collectGarbage, evict, undefined, true)[0]!,
  }
}
