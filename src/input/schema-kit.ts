// Building blocks of the estate and rate-card schemas. Numbers arrive from the parsers as Decimals
// (see parse-yaml.ts, parse-json.ts); a string holding a plain decimal ("0.15") is accepted too, so
// that JSON written by other tools can stay exact. Every failed check carries `params.expected`,
// which the error formatter turns into "expected ..., found ...".
import { z } from 'zod';
import { D, decimalOf, isDecimal, ZERO } from '../core/decimal.js';
import { groupThousands } from '../core/format.js';

const DECIMAL_TEXT = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

export interface NumberRule {
  /** 'zero': value ≥ 0; 'positive': value > 0. */
  min?: 'zero' | 'positive';
  max?: number;
  /** The least value allowed (inclusive), above the `min` bound: a frequency of at least 5 minutes. */
  atLeast?: number;
  integer?: boolean;
}

export function describeNumberRule(rule: NumberRule): string {
  const noun = rule.integer ? 'a whole number' : 'a number';
  if (rule.atLeast !== undefined) return rule.max !== undefined ? `${noun} from ${rule.atLeast} to ${rule.max}` : `${noun} ≥ ${rule.atLeast}`;
  const lower = rule.min === 'positive' ? (rule.integer ? ' ≥ 1' : ' > 0') : rule.min === 'zero' ? ' ≥ 0' : '';
  if (rule.max !== undefined && rule.min === 'zero') return `${noun} from 0 to ${rule.max}`;
  if (rule.max !== undefined) return `${noun}${lower} and ≤ ${rule.max}`;
  return `${noun}${lower}`;
}

/**
 * Input numbers are zero or between 1e-15 and 1e15 in size. Beyond that nothing real is described,
 * and a Decimal such as 1e999999999, though finite, would take a billion digits to print.
 */
export function inRange(d: D): boolean {
  return d.isZero() || (d.e < 15 && d.e >= -15);
}

export const RANGE_TEXT = 'zero or from 1e-15 to below 1e15 in size';

export function toDecimal(value: unknown): D | undefined {
  if (isDecimal(value)) return value.isZero() ? ZERO : value; // -0 is 0
  if (typeof value === 'string' && DECIMAL_TEXT.test(value.trim())) {
    const d = decimalOf((value as string).trim());
    return d.isZero() ? ZERO : d;
  }
  return undefined;
}

/** How a number field reads in JSON Schema (for editors): a number, or a decimal string. */
function numberJsonSchema(rule: NumberRule, expected: string): Record<string, unknown> {
  return {
    type: ['number', 'string'],
    pattern: DECIMAL_TEXT.source,
    description: expected,
    ...(rule.min === 'zero' ? { minimum: 0 } : rule.min === 'positive' ? { exclusiveMinimum: 0 } : {}),
    ...(rule.max !== undefined ? { maximum: rule.max } : {}),
    ...(rule.atLeast !== undefined ? { minimum: rule.atLeast } : {}),
    ...(rule.integer ? { multipleOf: 1 } : {}),
  };
}

/**
 * The number schema of a rule, built once and shared by every key with that rule (zod schemas are
 * immutable: `.optional()`, `.default()` wrap them without changing them). Start-up time: a schema
 * costs tens of microseconds to build, and the estate's sections ask for ~100 numbers.
 */
const numbers = new Map<string, ReturnType<typeof buildNum>>();

export function num(rule: NumberRule = { min: 'zero' }) {
  const key = `${rule.min}|${rule.max}|${rule.atLeast}|${rule.integer}`;
  let schema = numbers.get(key);
  if (schema === undefined) numbers.set(key, (schema = buildNum(rule)));
  return schema;
}

function buildNum(rule: NumberRule) {
  const expected = describeNumberRule(rule);
  const max = rule.max === undefined ? undefined : new D(rule.max);
  const atLeast = rule.atLeast === undefined ? undefined : new D(rule.atLeast);
  /** What is wrong with a number, or '' when nothing is. */
  const problem = (d: D | undefined): '' | 'number' | 'range' => {
    if (d === undefined || !d.isFinite()) return 'number';
    if (!inRange(d)) return 'range';
    // toDecimal turned -0 into ZERO, so the sign says it: zero is neither negative nor positive.
    if (rule.min === 'zero' && d.s < 0) return 'number';
    if (rule.min === 'positive' && (d.s < 0 || d.isZero())) return 'number';
    if (max !== undefined && d.greaterThan(max)) return 'number';
    if (atLeast !== undefined && d.lessThan(atLeast)) return 'number';
    if (rule.integer && !d.isInteger()) return 'number';
    return '';
  };
  // A check that replaces the value with its Decimal (as zod's own overwrite checks do), not a
  // transform: a transform costs a pipe or a closure per value, and an estate has a million values.
  return z
    .custom<D>()
    .check((payload) => {
      const input = payload.value;
      const d = toDecimal(input);
      const wrong = problem(d);
      if (wrong === '') payload.value = d!;
      else {
        const what = wrong === 'range' ? `${expected}, ${RANGE_TEXT}` : expected;
        payload.issues.push({ code: 'custom', message: `expected ${expected}`, params: { expected: what }, input });
      }
    })
    .meta(numberJsonSchema(rule, expected));
}

/** A share of a whole: 0 ≤ x ≤ 1 (a bounce rate, a replay rate, a discount). */
export const share = () => num({ min: 'zero', max: 1 });
export const count = once(() => num({ min: 'zero', integer: true }).default(new D(1)));
/**
 * Entry names: shown in every output, so a name is at most 256 characters (README "Limits"). Trimmed
 * and in Unicode normal form C, so that "café" typed precomposed or decomposed is one name (for
 * duplicates, references and ids alike).
 */
export const MAX_NAME_CHARS = 256;
export const name = once(() =>
  z
    .string({ error: 'expected a non-empty name' })
    .trim()
    .normalize('NFC')
    .min(1, { error: 'expected a non-empty name' })
    .max(MAX_NAME_CHARS, { error: `expected a name of at most ${MAX_NAME_CHARS} characters` }));

export function choice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values);
}

/** Duplicate names reported one by one in a section; beyond, one error counts the rest. */
export const MAX_DUPLICATES_LISTED = 1000;

/** A list of named entries whose names are unique within the list (SPEC "Estate format"). */
export function section<T extends z.ZodType<{ name: string }>>(entry: T) {
  // `when`: report duplicates together with the entries' other problems, not in a later run.
  return z.array(entry).superRefine(
    (entries, ctx) => {
    if (!Array.isArray(entries)) return;
    const first = new Map<string, number>();
    let duplicates = 0;
    entries.forEach((e, i) => {
      if (typeof e?.name !== 'string') return;
      const before = first.get(e.name);
      if (before === undefined) first.set(e.name, i);
      else if (++duplicates <= MAX_DUPLICATES_LISTED)
        ctx.addIssue({
          code: 'custom',
          path: [i, 'name'],
          message: `duplicate name "${e.name}" (already used by entry [${before}])`,
          params: { expected: `a name not used by another entry (entry [${before}] is "${e.name}")`, found: `"${e.name}"` },
        });
    });
    // Millions of copies of one entry must not make millions of errors (and exhaust memory).
    if (duplicates > MAX_DUPLICATES_LISTED) {
      const grouped = (n: number) => groupThousands(String(n));
      ctx.addIssue({ code: 'custom', path: [], message: 'more duplicate names', params: { expected: 'names not used by another entry', found: `${grouped(duplicates - MAX_DUPLICATES_LISTED)} more duplicate names than the ${grouped(MAX_DUPLICATES_LISTED)} listed` } });
    }
    },
    { when: () => true },
  );
}

/** A mapping whose keys must come from `allowed` (capability ids, unit ids); values follow `value`. */
export function keyedBy<V extends z.ZodType>(allowed: readonly string[], value: V, what: string) {
  // `when`: unknown keys are reported together with problems in the values.
  return z.record(z.string(), value).meta({ propertyNames: { enum: [...allowed] } }).superRefine(
    (record, ctx) => {
      if (record === null || typeof record !== 'object') return;
      for (const key of Object.keys(record)) {
        if (!allowed.includes(key)) {
          ctx.addIssue({ code: 'custom', path: [key], message: `unknown ${what}`, params: { unknownKey: key, allowed, what } });
        }
      }
    },
    { when: () => true },
  );
}

/**
 * A value built on its first use, then kept: the schemas of the estate's sections are built only
 * when a file has the section (start-up time: building every zod schema took a fifth of a
 * command's start).
 */
export function once<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => (built ??= build());
}

/**
 * A schema built when a value reaches it (z.lazy), for the inside of a key's `.default()` or
 * `.optional()`: an absent key is answered by that wrapper without it. zod's object parse reads
 * every key's `optin` and `optout`, which z.lazy would build its schema to answer; they are
 * declared here instead, as every schema `deferred` wraps has them (an object, an array, a union
 * of them, none optional or defaulted itself): undefined. test/schema-lazy.test.ts checks this
 * against the built schemas.
 */
export function deferred<T extends z.ZodType>(build: () => T): T {
  const lazy = z.lazy(build);
  for (const key of ['optin', 'optout'] as const) Object.defineProperty(lazy._zod, key, { value: undefined, writable: true, configurable: true });
  return lazy as unknown as T;
}
