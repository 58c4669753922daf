// Compact tables for millions of keys: a key is a 64-bit hash (two 32-bit halves) kept in typed
// arrays with open addressing (linear probing), never a JavaScript string or object per key.
//
// Deduplication on (event.id, event.type) keeps, for every distinct event, its hash and the
// ordinal of its first copy: 12 bytes a slot, at most 0.75 of the slots used, so 16 bytes per
// distinct event when the table is sized from the file (`reserve`), up to 32 while it grows by
// doubling. Two different events share a 64-bit hash with a probability of
// about n^2 / 2^65 (10,000,000 events: 3 in a million); one of them would then be taken for a
// refreshed copy of the other.

/** 32-bit halves of the last hash made by hashString (read right after the call). */
export let hashHigh = 0;

/**
 * A 64-bit hash of `text` and a small `salt` (the event type's index), after cyrb53 (bryc, public
 * domain): two 32-bit lanes multiplied per character and mixed at the end. Returns the low half;
 * the high half is left in `hashHigh`. Never 0:0 (the empty slot).
 */
export function hashString(text: string, salt: number): number {
  let h1 = 0xdeadbeef ^ salt;
  let h2 = 0x41c6ce57 ^ Math.imul(salt, 0x9e3779b1);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  h1 ^= text.length;
  hashHigh = h2 >>> 0;
  const low = h1 >>> 0;
  return hashHigh === 0 && low === 0 ? 1 : low;
}

const MAX_LOAD = 0.75;

function capacityFor(n: number): number {
  return Math.max(1024, Math.ceil(n / MAX_LOAD) + 1);
}

/**
 * A set of 64-bit keys, each with a 32-bit value (the ordinal of its first copy, or a count).
 * `insert` returns the slot of the key and whether it was new (`wasNew`).
 */
export class Table64 {
  private keys: Uint32Array;
  private values: Uint32Array;
  private cap: number;
  private used = 0;
  /** Set by insert: whether the key was not there before. */
  wasNew = false;

  constructor(expected = 0) {
    const cap = capacityFor(expected);
    this.keys = new Uint32Array(cap * 2);
    this.values = new Uint32Array(cap);
    this.cap = cap;
  }

  get size(): number {
    return this.used;
  }

  /** Bytes held by the table's arrays. */
  get bytes(): number {
    return this.keys.byteLength + this.values.byteLength;
  }

  /** Grows the table once to hold `n` keys (a file's estimated count), instead of doubling on the way. */
  reserve(n: number): void {
    if (n > this.used && capacityFor(n) > this.cap) this.rehash(capacityFor(n));
  }

  private slotOf(low: number, high: number): number {
    const keys = this.keys;
    const cap = this.cap;
    // The slot from the hash's bits spread over [0, cap) (Lemire's "fastrange"): any capacity works.
    let i = Math.min(cap - 1, Math.floor(((Math.imul(low ^ high, 0x9e3779b1) >>> 0) * cap) / 4294967296));
    for (;;) {
      const l = keys[i * 2]!;
      const h = keys[i * 2 + 1]!;
      if (l === 0 && h === 0) return -1 - i;
      if (l === low && h === high) return i;
      i = i + 1 === cap ? 0 : i + 1;
    }
  }

  /** The slot of the key, or -1. */
  find(low: number, high: number): number {
    const s = this.slotOf(low, high);
    return s < 0 ? -1 : s;
  }

  /** The slot of the key, made (with `value`) when it is new. */
  insert(low: number, high: number, value: number): number {
    let s = this.slotOf(low, high);
    if (s >= 0) {
      this.wasNew = false;
      return s;
    }
    if (this.used + 1 > this.cap * MAX_LOAD) {
      this.rehash(this.cap * 2);
      s = this.slotOf(low, high);
    }
    const i = -1 - s;
    this.keys[i * 2] = low;
    this.keys[i * 2 + 1] = high;
    this.values[i] = value;
    this.used++;
    this.wasNew = true;
    return i;
  }

  value(slot: number): number {
    return this.values[slot]!;
  }

  setValue(slot: number, value: number): void {
    this.values[slot] = value;
  }

  private rehash(cap: number): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    this.keys = new Uint32Array(cap * 2);
    this.values = new Uint32Array(cap);
    this.cap = cap;
    for (let i = 0; i < oldValues.length; i++) {
      const l = oldKeys[i * 2]!;
      const h = oldKeys[i * 2 + 1]!;
      if (l === 0 && h === 0) continue;
      const s = -1 - this.slotOf(l, h);
      this.keys[s * 2] = l;
      this.keys[s * 2 + 1] = h;
      this.values[s] = oldValues[i]!;
    }
  }
}
