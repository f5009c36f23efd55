/**
 * Sorting one rule's findings by subject without allocating: a stable natural merge sort through
 * room kept from one validation to the next. Array.prototype.sort copies the list it sorts (and
 * merges through more room); on a 10,000-VM estate, 63,000 findings, that was 0.7 MB that pushed a
 * validation past what the young generation holds without a collection (bench/validate-measure.ts).
 * A rule reports in plan order, where ids that count up are long runs already in order (hv1 … hv9,
 * hv10 … hv99, hv100 …): merging those runs takes a few passes.
 */

/** Room the merges write through, kept between sorts (cleared after each, so it keeps no finding alive). */
const room: unknown[] = []
/** Where the runs start, kept between sorts. */
const runStarts: number[] = []

/**
 * Sorts `list[0, count)` in place by `compare`, stably (equal items keep their order), as
 * Array.prototype.sort would with the same comparator.
 */
export function sortInPlace<T>(list: T[], count: number, compare: (a: T, b: T) => number): void {
  if (count < 2) return
  let runs = 0
  runStarts[runs++] = 0
  for (let i = 1; i < count; i++) if (compare(list[i - 1]!, list[i]!) > 0) runStarts[runs++] = i
  if (runs === 1) return
  runStarts[runs] = count
  while (room.length < count) room.push(undefined)
  const spare = room as T[]
  let from = list
  let to = spare
  while (runs > 1) {
    // Merge runs pairwise; the start of each merged run moves down to slot r / 2, which is read no more.
    let merged = 0
    for (let r = 0; r < runs; r += 2) {
      const start = runStarts[r]!
      merge(from, to, start, runStarts[Math.min(r + 1, runs)]!, runStarts[Math.min(r + 2, runs)]!, compare)
      runStarts[merged++] = start
    }
    runStarts[merged] = count
    runs = merged
    const written = to
    to = from
    from = written
  }
  if (from !== list) for (let i = 0; i < count; i++) list[i] = from[i]!
  room.fill(undefined, 0, count)
}

/** Merges the sorted runs from[start, mid) and from[mid, end) into to[start, end); on a tie, the left one first. */
function merge<T>(from: readonly T[], to: T[], start: number, mid: number, end: number, compare: (a: T, b: T) => number): void {
  let i = start
  let j = mid
  let k = start
  while (i < mid && j < end) to[k++] = compare(from[j]!, from[i]!) < 0 ? from[j++]! : from[i++]!
  while (i < mid) to[k++] = from[i++]!
  while (j < end) to[k++] = from[j++]!
}
