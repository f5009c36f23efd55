import { gb } from '../../../core/index.ts'

/**
 * A size on the canvas as the Inspector and findings write it ("4,000 GB"), or in whole TB where it
 * is a whole number of them ("2 TB" for 2,048 GB): never rounded, so a 4,000 GB LUN does not read
 * "3.9 TB" on the canvas and "4,000 GB" in the Inspector. Digits are grouped in TB as in GB ("1,024 TB").
 */
export const size = (sizeGB: number): string => (sizeGB >= 1024 && sizeGB % 1024 === 0 ? `${(sizeGB / 1024).toLocaleString('en-US')} TB` : gb(sizeGB))
