/** A statement that could be shown next: its id, number (higher is newer) and how many votes it has. */
export interface NextCandidate {
  id: string;
  number: number;
  votes: number;
}

/**
 * The statement a participant votes on next, chosen to be informative: never one they already voted on;
 * among the rest the one with the fewest votes (its column of the vote matrix needs them most), and
 * among those the newest (so fresh statements reach people quickly). Deterministic given the data, so the
 * page without JavaScript and the one with it agree, and a reload shows the same card.
 */
export function chooseNextStatement(
  candidates: readonly NextCandidate[],
  voted: ReadonlySet<string>,
): NextCandidate | undefined {
  let best: NextCandidate | undefined;
  for (const c of candidates) {
    if (voted.has(c.id)) continue;
    if (
      !best ||
      c.votes < best.votes ||
      (c.votes === best.votes && (c.number > best.number || (c.number === best.number && c.id < best.id)))
    )
      best = c;
  }
  return best;
}
