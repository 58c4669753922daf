// Property-based tests over generated estates (every section). CI runs a bounded number of cases;
// `npm run fuzz` runs FUZZ_RUNS (10,000 by default there) of each and reports the count.
import fc from 'fast-check';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { capability, CAPABILITY_IDS, UNIT_IDS } from '../src/core/capabilities.js';
import { D, sum, toPlain } from '../src/core/decimal.js';
import { loadText } from '../src/input/load.js';
import { estateSchema } from '../src/input/schema.js';
import { runEstimate, streamEstimate, type Estimate } from '../src/estimate/run.js';
import { textOf } from '../src/render/chunk.js';
import { builtinRateCard, mergeRateCard } from '../src/pricing/rate-card.js';
import { csvChunks, renderCsv } from '../src/render/csv.js';
import { jsonChunks, renderJson } from '../src/render/json.js';
import { markdownChunks, renderMarkdown } from '../src/render/markdown.js';
import { PLAIN } from '../src/render/style.js';
import { renderTable, tableChunks } from '../src/render/table.js';
import { ROOT } from './helpers.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const params = { numRuns: RUNS };
/** Synchronous properties cannot be interrupted: the limit only has to exceed the run. */
const TIMEOUT = Math.max(30_000, RUNS * 60);
let cases = 0;

// --- generators --------------------------------------------------------------------------------

const dec = (max: number, places = 2) => fc.integer({ min: 0, max: max * 10 ** places }).map((n) => n / 10 ** places);
const share = dec(1, 2);
const count = fc.integer({ min: 0, max: 40 });
const freq = fc.constantFrom(1, 5, 10, 15, 30, 60, 7);
/** Browser monitors run at most every 5 minutes. */
const browserFreq = fc.constantFrom(5, 10, 15, 30, 60, 7);
const locations = fc.oneof(fc.integer({ min: 1, max: 6 }), fc.uniqueArray(fc.constantFrom('eu', 'us', 'ap', 'sa', 'af'), { minLength: 1, maxLength: 5 }));
const named = <T>(prefix: string, entry: fc.Arbitrary<T>, max = 4) =>
  fc.array(entry, { maxLength: max }).map((entries) => entries.map((e, i) => ({ name: `${prefix}-${i}`, ...(e as object) })));

const host = fc.record({
  count,
  memoryGiB: dec(512, 1).map((m) => m + 0.5),
  mode: fc.constantFrom('fullstack', 'infrastructure', 'discovery'),
  hoursPerDay: dec(24, 1),
  appSecurity: fc.subarray(['rva', 'rap']),
});
const container = fc.record(
  {
    count,
    memoryLimitGiB: dec(16, 2).map((m) => m + 0.1),
    nodeMemoryGiB: dec(128, 0).map((m) => m + 1),
    platform: fc.constantFrom('kubernetes', 'ecs', 'fargate', 'azure-app-service-windows', 'azure-app-service-linux', 'solaris-zone', 'other'),
    monitoring: fc.constantFrom('fullstack', 'code'),
    hoursPerDay: dec(24, 1),
  },
  { requiredKeys: ['count', 'nodeMemoryGiB', 'platform', 'monitoring', 'hoursPerDay'] },
);
const application = fc.record({
  count: fc.integer({ min: 0, max: 3 }),
  type: fc.constantFrom('web', 'mobile', 'hybrid'),
  visitsPerMonth: fc.integer({ min: 0, max: 10_000_000 }),
  bounceRate: share,
  visitMinutes: fc.oneof(dec(300, 0), share.map((a) => [{ minutes: 10, share: a }, { minutes: 150, share: Math.round((1 - a) * 100) / 100 }])),
  replayRate: share,
  properties: fc.integer({ min: 0, max: 40 }),
  propertyPresence: share,
});
const browser = fc.record(
  {
    count,
    steps: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 5 }).map((r) => r.map((requests, i) => ({ name: `s${i}`, requests }))),
    frequencyMinutes: browserFreq,
    locations,
    enabled: fc.boolean(),
  },
  { requiredKeys: ['count', 'frequencyMinutes', 'locations', 'enabled'] },
);
const http = fc.record({ count, requests: fc.integer({ min: 1, max: 5 }), frequencyMinutes: freq, locations, enabled: fc.boolean() });
const nam = fc.record({ count, protocol: fc.constantFrom('icmp', 'tcp', 'dns'), requests: fc.integer({ min: 1, max: 5 }), frequencyMinutes: freq, locations });
// Retain with Included Queries needs at least 10 days of retention (its included period is 10 to 35 days).
const log = fc
  .record({ ingestGiBPerDay: dec(1000, 1), enrichmentFactor: dec(3, 1).map((f) => f + 0.5), retentionDays: fc.integer({ min: 1, max: 400 }), queryGiBPerDay: dec(5000, 0), includedQueries: fc.boolean(), rampUp: fc.boolean() })
  .map((l) => (l.includedQueries && l.retentionDays < 10 ? { ...l, retentionDays: l.retentionDays + 9 } : l));
const metric = fc.record({ count, series: fc.integer({ min: 0, max: 5000 }), intervalSeconds: fc.constantFrom(10, 60, 300) });
const trace = fc.record({ requestsPerMonth: fc.integer({ min: 0, max: 1e9 }), spansPerRequest: fc.integer({ min: 1, max: 20 }), averageSpanKiB: dec(4, 1).map((k) => k + 0.1) });
const event = fc.record({ eventsPerMonth: fc.integer({ min: 0, max: 1e7 }), averageEventKiB: dec(4, 1).map((k) => k + 0.1) });

const estateArb = fc.record({
  version: fc.constant(1),
  licensing: fc.constantFrom('dps', 'classic'),
  period: fc.constantFrom('month', 'year', 'day', '7d', '36h'),
  hosts: named('host', host),
  containers: named('ctr', container),
  pods: named('pod', fc.record({ count, hoursPerDay: dec(24, 1) })),
  applications: named('app', application),
  synthetic: fc.record({ browser: named('br', browser), http: named('http', http), thirdParty: named('tp', fc.record({ count, resultsPerMonth: fc.integer({ min: 0, max: 1e6 }) })), nam: named('nam', nam) }),
  logs: named('log', log),
  metrics: named('metric', metric),
  traces: named('trace', trace),
  events: named('event', event),
  serverless: named('fn', fc.record({ invocationsPerMonth: fc.integer({ min: 0, max: 1e8 }) })),
  mainframe: named('lpar', fc.record({ msu: dec(500, 1) })),
  license: fc.option(fc.record({ hostUnits: fc.integer({ min: 0, max: 200 }), hostUnitHours: fc.integer({ min: 0, max: 10000 }), demUnits: fc.integer({ min: 0, max: 1e6 }), ddus: fc.integer({ min: 0, max: 1e6 }), customMetrics: fc.integer({ min: 0, max: 10000 }), overages: fc.boolean() }), { nil: undefined }),
});

const CARD = mergeRateCard(builtinRateCard(), { prices: { 'host-unit-hour': new D('0.01'), 'dem-unit': new D('0.005'), ddu: new D('0.001') } } as never, 'test');

function load(text: string, file: string) {
  return loadText({ file, dir: ROOT, text }, estateSchema, 'an estate');
}

function estimate(value: unknown): Estimate {
  const loaded = load(JSON.stringify(value), 'e.json');
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => `${d.path}: ${d.message}`).join('\n'));
  return runEstimate(loaded.data, CARD, 'e.json');
}

// --- properties --------------------------------------------------------------------------------

/** Random damage at a random place: wrong types, negatives, unknown keys, huge numbers, nulls. */
const damage = fc.constantFrom<unknown>(-1, '12 GiB', null, [], {}, true, 1e308, '1e999999999', 0, 1.5, 'NaN', { extra: 1 }, '-0');

function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([k, v]) => paths(v, [...prefix, k]))];
}

function setAt(value: unknown, path: (string | number)[], to: unknown): unknown {
  if (path.length === 0) return to;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[path[0]!] = setAt(copy[path[0]!], path.slice(1), to);
  return copy;
}

describe(`properties (${RUNS} cases each; FUZZ_RUNS sets more)`, () => {
  it('any input estimates, or is refused with located problems; never an exception', () => {
    fc.assert(
      fc.property(estateArb, fc.nat(), damage, fc.boolean(), (estate, pick, to, asYaml) => {
        cases++;
        const all = paths(estate);
        const broken = setAt(estate, all[pick % all.length]!, to);
        const text = asYaml ? YAML.stringify(broken) : JSON.stringify(broken);
        const loaded = load(text, asYaml ? 'e.yaml' : 'e.json');
        if (!loaded.ok) {
          expect(loaded.diagnostics.length).toBeGreaterThan(0);
          for (const d of loaded.diagnostics) {
            expect(d.message.length).toBeGreaterThan(5);
            expect(d.position?.line ?? 1).toBeGreaterThanOrEqual(1);
          }
          return;
        }
        const e = runEstimate(loaded.data, CARD, 'e');
        for (const i of e.lineItems) expect(i.quantity.isFinite()).toBe(true);
        renderJson([e], '1');
        renderCsv([e]);
        renderMarkdown([e]);
        renderTable([e], PLAIN);
      }),
      params,
    );
  }, TIMEOUT);

  it('raising a count or adding an entry never lowers a capability\'s gross quantity or cost', () => {
    // Gross: every line but the offsets (inclusions, the free tier) and the overages, which by
    // design go down when what offsets them grows.
    const offset = (i: Estimate['lineItems'][number]) => i.quantity.isNegative() || capability(i.capabilityId).overage === true || i.capabilityId === 'ddu-free-tier';
    const gross = (e: Estimate) => {
      const out = new Map<string, { q: D; c: D }>();
      for (const i of e.lineItems.filter((x) => !offset(x))) {
        const g = out.get(i.capabilityId) ?? { q: new D(0), c: new D(0) };
        out.set(i.capabilityId, { q: g.q.plus(i.quantity), c: g.c.plus(i.cost ?? 0) });
      }
      return out;
    };
    const sections = ['hosts', 'containers', 'pods', 'applications', 'logs', 'metrics'] as const;
    fc.assert(
      fc.property(estateArb, fc.constantFrom(...sections), fc.nat(), fc.boolean(), (estate, section, pick, add) => {
        cases++;
        const list = estate[section] as Record<string, unknown>[];
        if (list.length === 0) return;
        const k = pick % list.length;
        const grown = add
          ? [...list, { ...list[k]!, name: `${String(list[k]!.name)}-copy` }]
          : list.map((e, i) => (i === k && 'count' in e ? { ...e, count: (e.count as number) + 1 } : e));
        const before = gross(estimate(estate));
        const after = gross(estimate({ ...estate, [section]: grown }));
        for (const [id, g] of before) {
          const a = after.get(id) ?? { q: new D(0), c: new D(0) };
          expect({ id, lower: a.q.lessThan(g.q) || a.c.lessThan(g.c) }).toEqual({ id, lower: false });
        }
      }),
      params,
    );
  }, TIMEOUT);

  it('where rules are additive, estimating two estates equals estimating their union', () => {
    const additive = ['pods', 'applications', 'logs', 'metrics', 'traces', 'events', 'serverless', 'mainframe'] as const;
    const strip = (e: Record<string, unknown>, tag: string): Record<string, unknown> => {
      const out: Record<string, unknown> = { version: 1, licensing: e.licensing, period: e.period };
      for (const s of additive) out[s] = (e[s] as { name: string }[]).map((x) => ({ ...x, name: `${tag}${x.name}` }));
      const syn = e.synthetic as Record<string, { name: string }[]>;
      out.synthetic = Object.fromEntries(Object.entries(syn).map(([k, v]) => [k, v.map((x) => ({ ...x, name: `${tag}${x.name}` }))]));
      return out;
    };
    const quantities = (e: Estimate) => new Map(e.lineItems.filter((i) => i.capabilityId !== 'ddu-free-tier').map((i) => [`${i.id}|${i.path.replace(/\[\d+\]/, '')}`, toPlain(i.quantity)]));
    fc.assert(
      fc.property(estateArb, estateArb, (a, b) => {
        cases++;
        const A = strip(a as unknown as Record<string, unknown>, 'a.');
        const B: Record<string, unknown> = { ...strip(b as unknown as Record<string, unknown>, 'b.'), licensing: A.licensing, period: A.period };
        const union: Record<string, unknown> = { ...A };
        for (const s of additive) union[s] = [...(A[s] as unknown[]), ...(B[s] as unknown[])];
        const sa = A.synthetic as Record<string, unknown[]>;
        const sb = B.synthetic as Record<string, unknown[]>;
        union.synthetic = Object.fromEntries(Object.keys(sa).map((k) => [k, [...sa[k]!, ...sb[k]!]]));
        const separate = new Map([...quantities(estimate(A)), ...quantities(estimate(B))]);
        expect(quantities(estimate(union))).toEqual(separate);
      }),
      params,
    );
  }, TIMEOUT);

  it('output is byte-identical across runs and whatever the order of keys', () => {
    const reversed = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reversed) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reversed(x)])) : v;
    fc.assert(
      fc.property(estateArb, (estate) => {
        cases++;
        const one = renderJson([estimate(estate)], '1');
        expect(renderJson([estimate(estate)], '1')).toBe(one);
        expect(renderJson([estimate(reversed(estate))], '1')).toBe(one);
        expect(renderCsv([estimate(reversed(estate))])).toBe(renderCsv([estimate(estate)]));
      }),
      params,
    );
  }, TIMEOUT);

  /** A budget or none: a total, caps on capabilities and units of either model (the other model's are skipped with a warning). */
  const budgetArb = fc.option(
    fc.record(
      {
        total: dec(5000),
        capabilities: fc.dictionary(fc.constantFrom(...CAPABILITY_IDS), dec(500), { maxKeys: 4 }),
        units: fc.dictionary(fc.constantFrom(...UNIT_IDS), dec(1e6), { maxKeys: 3 }),
      },
      { requiredKeys: [] },
    ),
    { nil: undefined },
  );

  it('a streamed estimate (as the CLI writes it) says what the collected one says, in every format, under both models', () => {
    fc.assert(
      fc.property(estateArb, fc.constantFrom('dps' as const, 'classic' as const), budgetArb, (estate, model, budget) => {
        cases++;
        const loaded = load(JSON.stringify(budget ? { ...estate, budget } : estate), 'e.json');
        if (!loaded.ok) throw new Error('invalid');
        const collected = [runEstimate(loaded.data, CARD, 'e.json', { model })];
        const streamed = () => [streamEstimate(loaded.data, CARD, 'e.json', { model })];
        expect(textOf(jsonChunks(streamed(), '1'))).toBe(renderJson(collected, '1'));
        expect(textOf(csvChunks(streamed()))).toBe(renderCsv(collected));
        expect(textOf(tableChunks(streamed(), PLAIN))).toBe(renderTable(collected, PLAIN));
        expect(textOf(markdownChunks(streamed()))).toBe(renderMarkdown(collected));
      }),
      params,
    );
  }, TIMEOUT);

  it('reports how many cases ran', () => {
    expect(cases).toBeGreaterThanOrEqual(5 * RUNS);
    if (process.env.FUZZ_RUNS) process.stdout.write(`\nfuzz: ${cases} generated estates checked (${RUNS} per property, 5 properties)\n`);
  });

  it('sum is exact over generated amounts', () => {
    fc.assert(
      fc.property(fc.array(dec(1000, 4)), (xs) => {
        expect(toPlain(sum(xs.map((x) => new D(String(x)))))).toBe(toPlain(xs.reduce((t, x) => t.plus(String(x)), new D(0))));
      }),
      params,
    );
  }, TIMEOUT);
});
