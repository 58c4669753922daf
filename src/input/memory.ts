// The memory an estate may take: Node stops a process whose heap passes its limit with a raw
// "JavaScript heap out of memory" (SIGABRT, no message of ours, no exit code). The loading path
// checks the heap at its stages (while JSON is parsed, before the parsed estate is validated)
// and refuses an estate that will not fit with a located error (exit 2) that says the sizes.
import { getHeapSpaceStatistics, getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** The share of Node's heap limit past which loading more is refused... */
const FULL = 0.9;
/**
 * ... leaving at least this much: a scavenge promotes up to a semi-space of surviving objects (16
 * MiB) at once, and a streamed estate's entries all survive, so a small heap's last tenth (6 MB of
 * 64) is not enough (measured: 150,000 entries on heaps of 45 to 75 MB aborted).
 */
const RESERVE = 24 * 1024 * 1024;
/**
 * What the heap may use before loading more is refused; on an old generation under 48 MiB, where
 * the reserve would leave less than what dtcost itself takes (~10 MiB), half of it.
 */
const fullAt = (limit: number) => Math.max(Math.min(FULL * limit, limit - RESERVE), limit / 2);
/**
 * What validating a parsed estate adds to the heap, as a multiple of what parsing it took: the
 * validated estate is a second tree of the entries (measured on 100,000 entries: 0.75× the parsed one).
 */
const VALIDATION_FACTOR = 1;

/** A size in whole MB, rounded up (a file under a megabyte in KB: a file of 200 bytes is not "1 MB"). */
const mb = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024).toLocaleString('en-US')} KB` : `${Math.ceil(bytes / 1024 / 1024).toLocaleString('en-US')} MB`);

/**
 * The young generation's share of V8's heap limit (three semi-spaces of 16 MiB on 64-bit, whatever
 * --max-old-space-size says: a limit of 88 MiB is 40 of old generation): an estate lives in the old
 * generation, whose limit (--max-old-space-size) is the rest.
 */
const YOUNG = 48 * 1024 * 1024;

/**
 * The old generation's limit, from V8's heap limit (`heap_size_limit`): that less the young
 * generation, or a quarter of it where less would be left (a smaller --max-semi-space-size).
 */
export function oldGenerationLimit(heapSizeLimit: number): number {
  return Math.max(heapSizeLimit - YOUNG, heapSizeLimit / 4);
}

/** The young generation's spaces: what they hold is not in the old generation, whose limit is compared with. */
const YOUNG_SPACES = new Set(['new_space', 'new_large_object_space']);

/**
 * The old generation's limit and what it uses now, in bytes: the young generation's contents are
 * left out, as its 48 MiB are left out of the limit (counted against a 40 MiB limit, they made a
 * 20,000-host estate in a heap of 40-48 MiB look full after its first 4,096 items, half-printed).
 */
export function heap(): { used: number; limit: number } {
  let used = 0;
  for (const space of getHeapSpaceStatistics()) if (!YOUNG_SPACES.has(space.space_name)) used += space.space_used_size;
  return { used, limit: oldGenerationLimit(getHeapStatistics().heap_size_limit) };
}

let collect: (() => void) | undefined;
/**
 * A full garbage collection, so that what the heap uses is what is alive: asked for only when the
 * heap looks full (its garbage counts until V8 collects it, which it does before it gives up).
 */
function collectGarbage(): void {
  if (collect === undefined) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}

/**
 * What the heap holds before an estate of `chars` characters is loaded: the measure that
 * validationWontFit takes what loading added from. Where the estate might not fit, the garbage is
 * collected first (what was read from standard input, say): counted in `before` and collected while
 * the estate loads, it would hide that much of the estate, and the estate would be let through to
 * fill the heap as its items are written (half-printed, exit 2). Elsewhere the heap as it is.
 */
export function heapBefore(chars: number): number {
  const h = heap();
  if (h.used + LOADED_PER_CHAR * chars <= fullAt(h.limit)) return h.used;
  collectGarbage();
  return heap().used;
}
/** Bytes of heap a loaded estate holds for a character of its text, at most (measured: 2.1 to 3). */
const LOADED_PER_CHAR = 4;

/** True when the heap is fuller than loading more should go, its garbage collected (checked every few thousand values). */
export function heapFull(full: (limit: number) => number = fullAt): boolean {
  let h = heap();
  if (h.used <= full(h.limit)) return false;
  collectGarbage();
  h = heap();
  return h.used > full(h.limit);
}

/**
 * What the heap may use while line items are made, once the estate is loaded (and was let through
 * with room for as much again): in a small heap three quarters of it rather than half, since a
 * refusal now may come after items were written (what is held then grows by little: the items
 * written are garbage). In heaps over 96 MiB, as while loading.
 */
const itemsFullAt = (limit: number) => Math.max(fullAt(limit), 0.75 * limit);

/** Why an estate of `bytes` characters is refused when the heap is full: the sizes, and how to give Node more. */
export function tooLargeForHeap(bytes: number, needed?: number): string {
  const { limit } = heap();
  const need = needed !== undefined ? `; validating it needs about ${mb(needed)} more` : '';
  return `the file (${mb(bytes)}) is too large for the memory Node may use here (a heap of ${mb(limit)})${need}: give Node more with NODE_OPTIONS=--max-old-space-size=<MB>`;
}

/**
 * Before a parsed estate is validated: the heap it would take on top of what is used now (the
 * parsed tree is known by what parsing added to `before`, the heap used before), or undefined
 * when it fits.
 */
export function validationWontFit(before: number): number | undefined {
  let h = heap();
  let needed = Math.max(0, h.used - before) * VALIDATION_FACTOR;
  if (h.used + needed <= fullAt(h.limit)) return undefined;
  // What parsing added, its garbage collected.
  collectGarbage();
  h = heap();
  needed = Math.max(0, h.used - before) * VALIDATION_FACTOR;
  return h.used + needed > fullAt(h.limit) ? needed : undefined;
}

/**
 * The heap filled up after the estate was loaded (while its line items were made and held by a
 * command that shows them all at once): the command exits 2 with this message (src/cli/program.ts).
 */
export class OutOfHeap extends Error {}

/**
 * Throws OutOfHeap when the heap is nearly full; `made` says how far the work got, `items` that the
 * estate is loaded and its line items are being made (src/estimate/run.ts).
 */
export function checkHeap(made: string, items = false): void {
  if (!heapFull(items ? itemsFullAt : fullAt)) return;
  throw new OutOfHeap(`the heap filled up after ${made} (a heap of ${mb(heap().limit)}): give Node more with NODE_OPTIONS=--max-old-space-size=<MB>`);
}
