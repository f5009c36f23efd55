/**
 * Counts the moves of the view made on someone's behalf: a Find or a finding centring a node, a
 * reveal, the overview map, a pan or zoom by hand. A fit that was due after an open is dropped when
 * one came first (open-plan.ts, fitOnceDrawn): it would throw the user back to the whole plan.
 */
let moves = 0

export const noteViewMove = (): void => { moves += 1 }
export const viewMoves = (): number => moves
