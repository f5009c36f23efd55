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

/**
 * Consecutive items one run gives before the merge gallops over it: an estate's ids counted up in
 * plan order interleave in long blocks (hv1, hv10 … hv19, hv100 … hv199, hv1000 …), each a run of
 * its own, and a block of n items then costs about 2 log n comparisons, not n (TimSort gallops so).
 */
const MIN_GALLOP = 7

/** Merges the sorted runs from[start, mid) and from[mid, end) into to[start, end); on a tie, the left one first. */
function merge<T>(from: readonly T[], to: T[], start: number, mid: number, end: number, compare: (a: T, b: T) => number): void {
  let i = start
  let j = mid
  let k = start
  let leftWins = 0
  let rightWins = 0
  while (i < mid && j < end) {
    if (compare(from[j]!, from[i]!) < 0) {
      to[k++] = from[j++]!
      rightWins += 1
      leftWins = 0
    } else {
      to[k++] = from[i++]!
      leftWins += 1
      rightWins = 0
    }
    if (i === mid || j === end) break
    if (leftWins >= MIN_GALLOP) {
      // The left run's items up to the right one's next (ties included) go at once.
      const until = gallop(from, i, mid, from[j]!, compare, true)
      while (i < until) to[k++] = from[i++]!
      leftWins = 0
    } else if (rightWins >= MIN_GALLOP) {
      // The right run's items before the left one's next (not ties: those are the left one's first).
      const until = gallop(from, j, end, from[i]!, compare, false)
      while (j < until) to[k++] = from[j++]!
      rightWins = 0
    }
  }
  while (i < mid) to[k++] = from[i++]!
  while (j < end) to[k++] = from[j++]!
}

/**
 * The first index of from[lo, hi) (sorted) whose item comes after `pivot` (`ties`: compares above
 * it; else compares at or above it), or hi: probes 1, 2, 4 … items on, then halves the last step.
 */
function gallop<T>(from: readonly T[], lo: number, hi: number, pivot: T, compare: (a: T, b: T) => number, ties: boolean): number {
  let before = lo
  let after = hi
  let step = 1
  while (before + step - 1 < hi) {
    const probe = before + step - 1
    const order = compare(from[probe]!, pivot)
    if (order < 0 || (ties && order === 0)) {
      before = probe + 1
      step *= 2
    } else {
      after = probe
      break
    }
  }
  while (before < after) {
    const middle = (before + after) >>> 1
    const order = compare(from[middle]!, pivot)
    if (order < 0 || (ties && order === 0)) before = middle + 1
    else after = middle
  }
  return before
}
