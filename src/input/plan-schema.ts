// The estate keys of `dtcost plan` (SPEC "Contracts over time"): the contract, growth, seasonality,
// dated changes and scenarios. What can be checked on one key alone is checked here (impossible
// dates, an end before its start, a multiplier ≤ 0); what needs the contract and the other files
// (a change outside the contract, a name no entry has) is checked by src/plan/check.ts.
import { z } from 'zod';
import { DATE_HELP, DAY_MS, INSTANT_HELP, MONTH_NAMES, parseDate, parseInstant } from '../core/calendar.js';
import { D, isDecimal } from '../core/decimal.js';
import { groupThousands } from '../core/format.js';
import { SECTIONS } from './sections.js';
import { deferred, keyedBy, name, num, once } from './schema-kit.js';
import { looksSecret, quotedName } from './excerpt.js';

/** A date, as ms at 00:00 UTC: `2027-01-01`. An impossible day (2027-02-30) is an error. */
export const dateSchema = () =>
  z
    .string({ error: `expected ${DATE_HELP}` })
    .meta({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: DATE_HELP })
    .transform((text, ctx): number => {
      const ms = parseDate(text.trim());
      if (ms === undefined) {
        ctx.addIssue({ code: 'custom', message: `expected ${DATE_HELP}`, params: { expected: `${DATE_HELP}, a day the calendar has` }, input: text });
        return z.NEVER;
      }
      return ms;
    });

/**
 * A date or a UTC time, as ms: `2027-09-15` (its 00:00), `2027-09-15T12:00Z`. With `inclusive`, a
 * date means the end of that day (an `until` date: the entries run through 23:59:59 UTC).
 */
const instantSchema = (inclusive = false) =>
  z
    .string({ error: `expected ${INSTANT_HELP}` })
    .meta({ pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2})?Z)?$', description: INSTANT_HELP })
    .transform((text, ctx): number => {
      const ms = parseInstant(text.trim());
      if (ms === undefined) {
        ctx.addIssue({ code: 'custom', message: `expected ${INSTANT_HELP}`, params: { expected: `${INSTANT_HELP}, a day the calendar has` }, input: text });
        return z.NEVER;
      }
      return inclusive && parseDate(text.trim()) !== undefined ? ms + DAY_MS : ms;
    });

const sectionName = () => z.enum(SECTIONS);
const money = () => num();

const contract = once(() => z.strictObject({
  /** The first day of the contract (UTC). */
  start: dateSchema(),
  /** Contract years of 12 months each. */
  years: num({ min: 'positive', integer: true, max: 10 }).transform((d) => d.toNumber()),
  /** DPS: the annual commitment of each contract year, in the currency; the last repeats. */
  commitments: z.union([money(), z.array(money()).min(1, { error: 'expected at least one commitment' })]).optional(),
  /** A rate card per contract year (relative to this file); the last repeats. */
  rates: z.union([z.string().min(1), z.array(z.string().min(1)).min(1, { error: 'expected at least one rate card' })]).optional(),
}));

/** What a growth or seasonality rule applies to: the whole estate, a section, or an entry. */
const target = once(() => ({
  section: sectionName().optional(),
  entry: name().optional(),
}));

const growthRule = once(() => z
  .strictObject({
    ...target(),
    /** Compounding each calendar month from the contract's first month: × (1 + p/100)^months. */
    percentPerMonth: num({}).optional(),
    /** Compounding each contract year, from the second: × (1 + p/100)^years. */
    percentPerYear: num({}).optional(),
    /** The same percentage of the first month's quantity each month (or year), added, not compounded. */
    linear: z.boolean().default(false),
  })
  .superRefine((g, ctx) => {
    // `when`: run with the entry's other problems (a value may then still be its raw input).
    if (g === null || typeof g !== 'object') return;
    const given = [g.percentPerMonth, g.percentPerYear].filter((p) => p !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({ code: 'custom', path: [], message: 'expected one rate', params: { expected: 'one of percentPerMonth or percentPerYear', found: given.length === 0 ? 'neither' : 'both' } });
      return;
    }
    const p = given[0]!;
    if (isDecimal(p) && !p.greaterThan(-100)) {
      const key = g.percentPerMonth !== undefined ? 'percentPerMonth' : 'percentPerYear';
      ctx.addIssue({ code: 'custom', path: [key], message: 'expected more than -100', params: { expected: 'a percentage above -100 (-100 would leave nothing)', found: p.toString() } });
    }
  }, { when: () => true }));

const multiplier = () => num({ min: 'zero' });

const months = once(() => Object.fromEntries(MONTH_NAMES.map((m) => [m, multiplier().optional()])) as unknown as Record<(typeof MONTH_NAMES)[number], z.ZodOptional<ReturnType<typeof multiplier>>>);

const seasonalRule = once(() => z.strictObject({ ...target(), ...months() }));

const change = once(() => z
  .strictObject({
    /** When the change takes effect (UTC): a date (its 00:00) or a time. */
    from: instantSchema(),
    /** add: the last day the added entries run (inclusive), or the time they stop; kept as the instant they stop. */
    until: instantSchema(true).optional(),
    /** An estate file (relative to this file) whose entries are added from `from`. */
    add: z.string().min(1).optional(),
    /** Entries retired from `from`, by section and name: `{ hosts: [legacy-db] }`. */
    remove: keyedBy(SECTIONS, z.array(name()).min(1, { error: 'expected at least one name' }), 'section').optional(),
  })
  .superRefine((c, ctx) => {
    if (c === null || typeof c !== 'object') return;
    if (typeof c.until === 'number' && typeof c.from === 'number' && c.until <= c.from) {
      ctx.addIssue({ code: 'custom', path: ['until'], message: 'until before from', params: { expected: 'an until after from (an until date is inclusive)', found: 'an end before the start' } });
    }
    if ((c.add === undefined) === (c.remove === undefined)) {
      ctx.addIssue({ code: 'custom', path: [], message: 'expected add or remove', params: { expected: 'one of add (an estate file) or remove (names by section)', found: c.add === undefined ? 'neither' : 'both' } });
    }
    if (c.until !== undefined && c.remove !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['until'], message: 'until with remove', params: { expected: 'until only with add (a retirement is for good)', found: 'until with remove' } });
    }
  }, { when: () => true }));

const SCENARIO_NAME = /^[a-z][a-z0-9-]*$/;

const scenarios = once(() => z.record(z.string(), multiplier()).superRefine((record, ctx) => {
  if (record === null || typeof record !== 'object') return;
  for (const [key, value] of Object.entries(record)) {
    if (!SCENARIO_NAME.test(key)) {
      // A name that looks like a key or a password is neither printed nor put in the path (as unknown keys, diagnostics.ts).
      const secret = looksSecret(key);
      ctx.addIssue({ code: 'custom', path: secret ? [] : [key], message: 'expected a scenario name', params: { expected: 'a scenario name of lower-case letters, digits and dashes (low, high, stretch-2)', found: secret ? quotedName(key) : JSON.stringify(key) } });
    }
    else if (key === 'base' && value instanceof D && !value.equals(1)) ctx.addIssue({ code: 'custom', path: [key], message: 'base is 1', params: { expected: 'base: 1 (the estate as written) or no base key', found: value.toString() } });
    else if (value instanceof D && value.isZero()) ctx.addIssue({ code: 'custom', path: [key], message: 'expected a multiplier > 0', params: { expected: 'a multiplier > 0', found: '0' } });
  }
}));

/** At most this many growth or seasonality rules, changes, scenarios: a plan's work grows with each. */
export const MAX_PLAN_RULES = 1000;
export const MAX_SCENARIOS = 10;
// groupThousands, not toLocaleString: the first toLocaleString of a process loads ICU's number
// formats (~40 ms), and this runs as the schema is built, at every start.
const atMost = (n: number, what: string) => ({ error: `expected at most ${groupThousands(String(n))} ${what}` });

/** The keys of `dtcost plan`, added to the estate schema as one block. */
export const planKeys = {
  contract: deferred(contract).optional(),
  growth: deferred(() => z.array(growthRule()).max(MAX_PLAN_RULES, atMost(MAX_PLAN_RULES, 'growth rules'))).optional(),
  seasonality: deferred(() => z.union([seasonalRule(), z.array(seasonalRule()).max(MAX_PLAN_RULES, atMost(MAX_PLAN_RULES, 'seasonality rules'))])).optional(),
  changes: deferred(() => z.array(change()).max(MAX_PLAN_RULES, atMost(MAX_PLAN_RULES, 'changes'))).optional(),
  scenarios: deferred(() =>
    scenarios().refine((r) => r === null || typeof r !== 'object' || Object.keys(r).length <= MAX_SCENARIOS, { message: `expected at most ${MAX_SCENARIOS} scenarios`, params: { expected: `at most ${MAX_SCENARIOS} scenarios` } }),
  ).optional(),
};
