/** The validate benchmark's page script: bundled for Chromium by validate.bench.ts. */
import { SIZES, measureValidate } from './validate-measure.ts'

const collectGarbage = (globalThis as { gc?: () => void }).gc
;(globalThis as { measureAll?: () => unknown }).measureAll = () => SIZES.map((vms) => measureValidate(vms, collectGarbage))
