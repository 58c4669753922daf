// Did-you-mean: the closest known word to a near miss. Bounded: words longer than 64 characters get
// no suggestion (no known word is that long), and the distance stops as soon as it exceeds the
// limit, so an unknown key of megabytes (refused by its length first) or a list of 100,000 item ids
// costs no more than a few comparisons of short words.

const MAX_WORD = 64;

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions), or `limit + 1` as
 * soon as it is known to exceed `limit`: only the cells within `limit` of the diagonal are computed.
 */
export function editDistance(a: string, b: string, limit = Math.max(a.length, b.length)): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const n = a.length;
  const m = b.length;
  const BIG = limit + 1;
  let prev2 = new Array<number>(m + 1).fill(BIG);
  let prev = Array.from({ length: m + 1 }, (_, j) => (j <= limit ? j : BIG));
  let cur = new Array<number>(m + 1).fill(BIG);
  for (let i = 1; i <= n; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(m, i + limit);
    cur.fill(BIG);
    cur[0] = i <= limit ? i : BIG;
    let best = cur[0];
    for (let j = from; j <= to; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = Math.min(v, BIG);
      if (cur[j]! < best) best = cur[j]!;
    }
    if (best > limit) return BIG;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return Math.min(prev[m]!, BIG);
}

/** The closest of `candidates` to `word` when it is a near miss (a typo, a wrong case), else undefined. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  if (word.length > MAX_WORD) return undefined;
  const lower = word.toLowerCase();
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const c of candidates) {
    if (c.length > MAX_WORD + limit) continue;
    const distance = editDistance(lower, c.toLowerCase(), Math.min(limit, bestDistance));
    if (distance < bestDistance) {
      best = c;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}
