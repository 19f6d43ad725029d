/**
 * "Did you mean …?" for a misspelt finding id (in a suppression comment or `.mx-doctor.json`): the
 * known id fewest single-character edits away (Levenshtein distance), when it is close enough to
 * be a typo rather than another word.
 */

/** Edits (insert, delete, replace one character) that turn `a` into `b`. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The id of `known` closest to `id`, if at most a third of its characters (at least 2) differ. */
export function closestId(id: string, known: readonly string[]): string | undefined {
  const limit = Math.max(2, Math.floor(id.length / 3));
  let best: { id: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(id.toLowerCase(), candidate.toLowerCase());
    if (distance <= limit && (best === undefined || distance < best.distance)) best = { id: candidate, distance };
  }
  return best?.id;
}
