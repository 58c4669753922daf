// Regular expressions for numbers written as text ("0.15", " 24 ") within bounds, for the estate's
// JSON Schema: an editor checks a quoted number against the same bounds as an unquoted one, and as
// dtcost does (schema-kit.ts num(): a lower bound, an upper bound, whole numbers, and every number
// zero or from 1e-15 to below 1e15 in size). Only plain decimals: dtcost also reads an exponent
// ("1e3") in a quoted number, which the schema does not describe.

/** A digit class: "7", "[3-5]", "\d". */
function digits(from: number, to: number): string {
  if (from === to) return String(from);
  if (from === 0 && to === 9) return '\\d';
  return `[${from}-${to}]`;
}

/** Patterns of the whole numbers from `lo` to `hi`, written with as many digits as they have. */
function sameLength(lo: string, hi: string): string[] {
  if (lo === hi) return [lo];
  const rest = lo.length - 1;
  if (rest === 0) return [digits(Number(lo), Number(hi))];
  if (lo[0] === hi[0]) return sameLength(lo.slice(1), hi.slice(1)).map((p) => `${lo[0]}${p}`);
  const out: string[] = [];
  let first = Number(lo[0]);
  let last = Number(hi[0]);
  if (!/^0*$/.test(lo.slice(1))) {
    out.push(...sameLength(lo.slice(1), '9'.repeat(rest)).map((p) => `${lo[0]}${p}`));
    first++;
  }
  const tail: string[] = [];
  if (!/^9*$/.test(hi.slice(1))) {
    tail.push(...sameLength('0'.repeat(rest), hi.slice(1)).map((p) => `${hi[0]}${p}`));
    last--;
  }
  if (first <= last) out.push(`${digits(first, last)}\\d{${rest}}`);
  return [...out, ...tail];
}

/** A pattern of the whole numbers from `lo` to `hi` (no leading zeros), both at most 15 digits. */
export function wholeRange(lo: bigint, hi: bigint): string {
  const parts: string[] = [];
  const loText = lo.toString();
  const hiText = hi.toString();
  for (let n = loText.length; n <= hiText.length; n++) {
    const from = n === loText.length ? loText : `1${'0'.repeat(n - 1)}`;
    const to = n === hiText.length ? hiText : '9'.repeat(n);
    // A whole run of lengths from 10…0 to 9…9 is one class: [1-9]\d{a,b}.
    if (from === `1${'0'.repeat(n - 1)}` && to === '9'.repeat(n)) {
      let m = n;
      while (m + 1 <= hiText.length && (m + 1 < hiText.length || hiText === '9'.repeat(m + 1))) m++;
      parts.push(m === n ? (n === 1 ? '[1-9]' : `[1-9]\\d{${n - 1}}`) : `[1-9]\\d{${n - 1},${m - 1}}`);
      n = m;
      continue;
    }
    parts.push(...sameLength(from, to));
  }
  return parts.length === 1 ? parts[0]! : `(?:${parts.join('|')})`;
}

/** Bounds as num() has them (schema-kit.ts NumberRule), read back from a number's JSON Schema. */
export interface Bounds {
  /** The least value; `exclusive` when the value must be above it. */
  min?: { value: number; exclusive: boolean };
  max?: number;
  integer: boolean;
}

const LARGEST = 10n ** 15n - 1n;

/**
 * A pattern of the texts dtcost reads as a number within `bounds` (no exponent); undefined when
 * the bounds are not of the kind the estate uses (a lower bound of 0 or more, whole-number bounds).
 */
export function decimalTextPattern(bounds: Bounds): string | undefined {
  const { min, max, integer } = bounds;
  if (min === undefined || min.value < 0 || !Number.isInteger(min.value) || (max !== undefined && !Number.isInteger(max))) return undefined;
  if (min.exclusive && min.value !== 0) return undefined;
  const lo = BigInt(min.value);
  const hi = max === undefined ? undefined : BigInt(max);
  const alternatives: string[] = [];
  // Zero (also "-0", "0.000", ".0"), when the lower bound takes it.
  if (lo === 0n && !min.exclusive) alternatives.push('[-+]?(?:0+(?:\\.0*)?|\\.0+)');
  const any = integer ? '(?:\\.0*)?' : '(?:\\.\\d*)?';
  // Whole parts from max(lo, 1) up to below the upper bound, with any decimals (whole numbers: none).
  const first = lo > 1n ? lo : 1n;
  const below = hi === undefined ? LARGEST : hi - 1n;
  if (first <= below) alternatives.push(`\\+?0*${wholeRange(first, below)}${any}`);
  // The upper bound itself, with no decimals but zeros.
  if (hi !== undefined && hi >= first) alternatives.push(`\\+?0*${hi}(?:\\.0*)?`);
  // Fractions under 1 (from 1e-15), when the lower bound is 0.
  if (lo === 0n && !integer) alternatives.push('\\+?0*\\.0{0,14}[1-9]\\d*');
  return `^\\s*(?:${alternatives.join('|')})\\s*$`;
}
