// The estate format, version 1, exactly as SPEC.md "Estate format (version 1)" names it: every
// section is here, whether or not its rules are built yet, so a later rule only reads fields.
import { z } from 'zod';
import { CAPABILITIES, CAPABILITY_IDS, LICENSED_BY_QUOTA, UNIT_IDS, unitModel } from '../core/capabilities.js';
import { D } from '../core/decimal.js';
import { parsePeriod, PERIOD_HELP, type Period } from '../core/period.js';
import { choice, count, deferred, keyedBy, name, num, once, section, share, toDecimal } from './schema-kit.js';
import { groupThousands } from '../core/format.js';
import { looksSecret, quoteFound } from './excerpt.js';
import { didYouMean } from './suggest.js';
import { planKeys } from './plan-schema.js';
import type { Section } from './sections.js';

const hoursPerDay = once(() => num({ min: 'zero', max: 24 }).default(new D(24)));
const positive = () => num({ min: 'positive' });
/** Ten years of retention, in days, as the retention lists of the log and trace buckets say it ("10 years (3,657 days)", log-management-and-analytics.md). */
export const TEN_YEARS_DAYS = 3657;
const wholeAtLeast1 = () => num({ min: 'positive', integer: true });
const whole = () => num({ min: 'zero', integer: true });

/** A count of locations, or their names. */
const locations = once(() => z.union([wholeAtLeast1(), z.array(name()).min(1, { error: 'expected at least one location' })]).superRefine((v, ctx) => {
  if (!Array.isArray(v)) return;
  const seen = new Set<string>();
  v.forEach((loc, i) => {
    // A location is a name, shown as written, unless it looks like a secret (src/input/excerpt.ts).
    if (seen.has(loc)) ctx.addIssue({ code: 'custom', path: [i], message: 'a location listed twice', params: { expected: 'each location once', found: `${shownName(loc)} again` } });
    seen.add(loc);
  });
}));

export const periodSchema = z.string({ error: `expected a period: ${PERIOD_HELP}` }).meta({ pattern: '^(month|year|week|day|\\d+(\\.\\d+)?[dh])$', description: PERIOD_HELP }).transform((text, ctx): Period => {
  const period = parsePeriod(text.trim());
  if (!period) {
    ctx.addIssue({ code: 'custom', message: `expected a period`, params: { expected: `a period: ${PERIOD_HELP}` }, input: text });
    return z.NEVER;
  }
  return period;
});

const host = once(() => z
  .strictObject({
    name: name(),
    count: count(),
    memoryGiB: positive().optional(),
    /** DPS: fullstack (GiB-hours), infrastructure, discovery (host-hours), code (Code Monitoring of `processes`). */
    mode: choice(['fullstack', 'infrastructure', 'discovery', 'code']).default('fullstack'),
    /** mode code: the concurrent processes OneAgent monitors on the host (each one container-hour an hour). */
    processes: wholeAtLeast1().optional(),
    hoursPerDay: hoursPerDay(),
    appSecurity: z.array(choice(['rva', 'rap'])).default([]),
  })
  .superRefine((h, ctx) => {
    if (h.memoryGiB === undefined && h.mode !== 'code') {
      ctx.addIssue({ code: 'custom', path: ['memoryGiB'], message: 'missing memoryGiB', params: { expected: `memoryGiB (the host's memory) for a ${h.mode} host`, found: 'nothing' } });
    }
    if (h.processes !== undefined && h.mode !== 'code') {
      ctx.addIssue({ code: 'custom', path: ['processes'], message: 'processes without mode: code', params: { expected: 'processes only with mode: code', found: `mode: ${h.mode}` } });
    }
  }));

const container = once(() => z
  .strictObject({
    name: name(),
    count: count(),
    memoryLimitGiB: positive().optional(),
    nodeMemoryGiB: positive().optional(),
    /** DPS: the memory the container uses, which OneAgent 1.275+ bills on Kubernetes (the limit, or the node's memory, is the older basis). */
    memoryUsedGiB: positive().optional(),
    platform: choice(['kubernetes', 'ecs', 'fargate', 'azure-app-service-windows', 'azure-app-service-linux', 'solaris-zone', 'other']).default('kubernetes'),
    /** DPS: Full-Stack Monitoring by memory (default), or Code Monitoring by container-hour. */
    monitoring: choice(['fullstack', 'code']).default('fullstack'),
    hoursPerDay: hoursPerDay(),
    appSecurity: z.array(choice(['rva', 'rap'])).default([]),
  })
  .superRefine((c, ctx) => {
    if (c.memoryLimitGiB === undefined && c.nodeMemoryGiB === undefined && c.memoryUsedGiB === undefined) {
      ctx.addIssue({ code: 'custom', path: ['memoryLimitGiB'], message: 'missing memory', params: { expected: 'memoryUsedGiB, memoryLimitGiB, or nodeMemoryGiB when no limit is set', found: 'none of them' } });
    }
  }));

const pod = once(() => z.strictObject({
  name: name(),
  count: count(),
  hoursPerDay: hoursPerDay(),
  /** DPS: pods running on Full-Stack hosts (OneAgent 1.301+) are included in Full-Stack Monitoring; pending pods are not. */
  onFullStackHosts: z.boolean().default(false),
}));

const securityPosture = once(() => z.strictObject({ name: name(), count: count(), hoursPerDay: hoursPerDay() }));

const automation = once(() => z.strictObject({
  name: name(),
  count: count(),
  /** Hours a day the workflow exists (deployed); a deployed standard workflow bills every hour. */
  hoursPerDay: hoursPerDay(),
  executionsPerMonth: num().default(new D(0)),
  /** Tasks executed per execution; one task makes a simple workflow (no workflow-hours). */
  tasksPerExecution: wholeAtLeast1().default(new D(2)),
  /** Minutes a task runs: each started minute is an AppEngine invocation, at most 2 (a call times out at 120 s). */
  minutesPerTask: num({ min: 'positive', max: 2 }).default(new D(1)),
}));

const appFunction = once(() => z.strictObject({ name: name(), count: count(), invocationsPerMonth: num() }));

const activity = once(() => z.strictObject({
  name: name(),
  file: z.string().min(1),
  /** For rows without a memoryGiB or mode column. */
  memoryGiB: positive().optional(),
  mode: choice(['fullstack', 'infrastructure', 'discovery']).default('fullstack'),
}));

const visitMix = once(() => z
  .array(z.strictObject({ minutes: num(), share: share() }))
  .min(1)
  .superRefine((mix, ctx) => {
    const total = mix.reduce((t, m) => t.plus(m.share), new D(0));
    if (!total.equals(1)) {
      ctx.addIssue({ code: 'custom', message: 'shares do not add up to 1', params: { expected: 'shares that add up to 1', found: `shares adding up to ${total.toFixed()}` } });
    }
  }));

const property = once(() => z
  .strictObject({
    name: name(),
    type: choice(['string', 'long-string', 'number', 'date']).default('string'),
    maxLength: wholeAtLeast1().optional(),
  })
  .superRefine((p, ctx) => {
    // A long string weighs one property per 100 characters (classic-dem-units.txt): its length matters.
    if (p.type === 'long-string' && p.maxLength === undefined) {
      ctx.addIssue({ code: 'custom', path: ['maxLength'], message: 'missing maxLength', params: { expected: 'maxLength (characters) for a long-string property' } });
    }
  }));

const application = once(() => z.strictObject({
  name: name(),
  count: count(),
  type: choice(['web', 'mobile', 'hybrid']).default('web'),
  visitsPerMonth: num(),
  bounceRate: share().default(new D(0)),
  visitMinutes: z.union([num(), visitMix()]).optional(),
  replayRate: share().default(new D(0)),
  properties: z.union([whole(), section(property())]).default(new D(0)),
  propertyPresence: share().default(new D(1)),
  /** DPS: user actions an hour in the application; "Applications with fewer than 2 user actions per hour do not generate user session consumption." */
  userActionsPerHour: num().optional(),
}));

const step = once(() => z.strictObject({ name: name(), requests: whole() }));

const browserMonitor = once(() => z
  .strictObject({
    name: name(),
    count: count(),
    steps: section(step()).optional(),
    billableSteps: whole().optional(),
    /** Browser monitors run at most every 5 minutes. */
    frequencyMinutes: num({ min: 'positive', atLeast: 5 }),
    locations: locations(),
    enabled: z.boolean().default(true),
  })
  .superRefine((m, ctx) => {
    if (m.steps !== undefined && m.billableSteps !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['billableSteps'], message: 'both steps and billableSteps', params: { expected: 'either steps or billableSteps', found: 'both' } });
    }
  }));

const httpMonitor = once(() => z.strictObject({
  name: name(),
  count: count(),
  requests: wholeAtLeast1().default(new D(1)),
  frequencyMinutes: positive(),
  locations: locations(),
  enabled: z.boolean().default(true),
}));

const thirdParty = once(() => z.strictObject({ name: name(), count: count(), resultsPerMonth: num() }));

const namMonitor = once(() => z.strictObject({
  name: name(),
  count: count(),
  protocol: choice(['icmp', 'tcp', 'dns']),
  requests: wholeAtLeast1().default(new D(1)),
  frequencyMinutes: positive(),
  locations: locations(),
  enabled: z.boolean().default(true),
}));

const log = once(() => z
  .strictObject({
    name: name(),
    /** Log Management and Analytics (GiB ingested, retained, queried) or Log Monitoring Classic (log records). */
    model: choice(['log-management-analytics', 'log-monitoring-classic']).default('log-management-analytics'),
    ingestGiBPerDay: num().optional(),
    /** log-monitoring-classic: log records a month (each timestamp, each JSON object is one). */
    recordsPerMonth: num().optional(),
    enrichmentFactor: positive().default(new D(1)),
    /** Days kept: "For log buckets, the available retention period ranges from 1 day to 10 years" (log-analytics.md; 10 years is 3,657 days in the bucket list). */
    retentionDays: num({ min: 'positive', integer: true, atLeast: 1, max: TEN_YEARS_DAYS }).default(new D(35)),
    queryGiBPerDay: num().default(new D(0)),
    includedQueries: z.boolean().default(false),
    /** DPS Retain with Included Queries: GiB a day that queries read beyond the included-queries period (billed at Query). */
    queryBeyondIncludedGiBPerDay: num().default(new D(0)),
    /** DPS Retain with Included Queries: the included-queries period, 10 to 35 days (default: the retention, at most 35). */
    includedQueriesDays: num({ min: 'positive', integer: true, atLeast: 10, max: 35 }).optional(),
    /** Retain during the ramp-up (the first retentionDays fill the storage) instead of the steady state. */
    rampUp: z.boolean().default(false),
  })
  .superRefine((l, ctx) => {
    if (l.model === 'log-monitoring-classic') {
      // Without records, GiB a day is enough where the license is for log storage (classicChecks).
      if (l.recordsPerMonth === undefined && l.ingestGiBPerDay === undefined) ctx.addIssue({ code: 'custom', path: ['recordsPerMonth'], message: 'missing recordsPerMonth', params: { expected: 'recordsPerMonth (log records a month) for model log-monitoring-classic (or ingestGiBPerDay, under a license for log storage)', found: 'nothing' } });
      return;
    }
    if (l.ingestGiBPerDay === undefined) ctx.addIssue({ code: 'custom', path: ['ingestGiBPerDay'], message: 'missing ingestGiBPerDay', params: { expected: 'ingestGiBPerDay (raw GiB a day)', found: 'nothing' } });
    if (l.includedQueries && l.retentionDays.lessThan(10)) {
      ctx.addIssue({ code: 'custom', path: ['retentionDays'], message: 'retention under 10 days with includedQueries', params: { expected: 'at least 10 days with includedQueries (the included-queries period is 10 to 35 days)', found: `${l.retentionDays.toFixed()} days` } });
    }
    if (!l.includedQueries && l.queryBeyondIncludedGiBPerDay.greaterThan(0)) {
      ctx.addIssue({ code: 'custom', path: ['queryBeyondIncludedGiBPerDay'], message: 'without includedQueries', params: { expected: 'queryBeyondIncludedGiBPerDay only with includedQueries: true (otherwise every query is queryGiBPerDay)', found: 'includedQueries: false' } });
    }
    if (l.includedQueriesDays !== undefined) {
      if (!l.includedQueries) ctx.addIssue({ code: 'custom', path: ['includedQueriesDays'], message: 'includedQueriesDays without includedQueries', params: { expected: 'includedQueriesDays only with includedQueries: true', found: 'includedQueries: false' } });
      else if (l.includedQueriesDays.greaterThan(l.retentionDays)) ctx.addIssue({ code: 'custom', path: ['includedQueriesDays'], message: 'longer than the retention', params: { expected: `at most the retention (${l.retentionDays.toFixed()} days)`, found: `${l.includedQueriesDays.toFixed()} days` } });
    }
  }));

const metric = once(() => z.strictObject({
  name: name(),
  count: count(),
  series: whole(),
  intervalSeconds: positive().default(new D(60)),
  /** DPS: where the data points come from: a Full-Stack or Infrastructure host (its inclusion applies) or elsewhere (API, cloud, extensions: billed in full). */
  origin: choice(['fullstack', 'infrastructure', 'other']).default('other'),
  /** DPS Metrics Retain: days kept (462 days, 15 months, included) and the GiB a day they take. */
  retentionDays: wholeAtLeast1().default(new D(462)),
  retainedGiBPerDay: num().optional(),
}));

const trace = once(() => z.strictObject({
  name: name(),
  requestsPerMonth: num(),
  spansPerRequest: positive().default(new D(1)),
  averageSpanKiB: positive().optional(),
  /** DPS: spans from Full-Stack hosts or applications may use the trace volume Full-Stack includes; others are always charged. */
  fromFullStack: z.boolean().default(false),
  /** DPS: spans captured by OneAgent itself on Full-Stack hosts: they use the included trace volume first. */
  oneAgent: z.boolean().default(false),
  /** DPS Traces Retain: stored size / ingested size, and days kept (the first 10 are included). */
  enrichmentFactor: positive().default(new D(1)),
  /** "For trace data, the available retention period ranges from 10 days to 10 years" (traces.md). */
  retentionDays: num({ min: 'positive', integer: true, atLeast: 10, max: TEN_YEARS_DAYS }).default(new D(10)),
  queryGiBPerDay: num().default(new D(0)),
}));

const event = once(() => z.strictObject({
  name: name(),
  eventsPerMonth: num(),
  averageEventKiB: positive().optional(),
  /** DPS Events Retain and Query. */
  enrichmentFactor: positive().default(new D(1)),
  retentionDays: whole().optional(),
  queryGiBPerDay: num().default(new D(0)),
}));

const serverless = once(() => z.strictObject({ name: name(), invocationsPerMonth: num() }));

const mainframe = once(() => z.strictObject({ name: name(), msu: num() }));

const license = once(() => z.strictObject({
  hostUnits: num().optional(),
  hostUnitHours: num().optional(),
  demUnits: num().optional(),
  ddus: num().optional(),
  customMetrics: whole().optional(),
  /** Log Monitoring (classic): annual average log storage, and the days it is sized for. */
  logStorageGiB: num().optional(),
  logStorageDays: wholeAtLeast1().optional(),
  overages: z.boolean().default(true),
  /** Infrastructure host units capped at 1.0 per host (the current contracts); false: 0.3 per 16 GiB. */
  infrastructureCap: z.boolean().default(true),
  /** DPS: the subscription still has the platform extensions (Custom Metrics/Traces/Events, Log Monitoring, Serverless Functions Classic). */
  platformExtensions: z.boolean().default(false),
}));

// --- Classic licensing to the documents (SPEC "Classic licensing, to the documents") -------------
// Keys of classic contracts and their environments, added to the entries and the license above
// (safeExtend keeps each entry's own checks). Cross-references are checked with the estate.

/** Which environment of the account (`environments[].name`) an entry runs in. */
const environmentKey = once(() => ({ environment: name().optional() }));
const inEnvironment = <S extends z.core.$ZodShape, C extends z.core.$ZodObjectConfig>(entry: z.ZodObject<S, C>) =>
  (entry as z.ZodObject<z.core.$ZodShape, C>).safeExtend(environmentKey()) as z.ZodObject<z.core.util.Extend<S, ReturnType<typeof environmentKey>>, C>;

/** An environment of a classic account: its share of the host units, and whether it may exceed it. */
const environment = once(() => z.strictObject({
  name: name(),
  /** The host units assigned to the environment (its quota; the account's overages are summed). */
  hostUnits: num().optional(),
  /** false: the environment stops at its own host units; true (default): it may use the account's. */
  overages: z.boolean().default(true),
}));

/** Classic: the `hosts` entry a metric is booked on, whose included metrics it may use. */
const classicMetric = once(() => inEnvironment(metric()).safeExtend({ host: name().optional() }));

const quotaPeriod = () => choice(['year', 'month']);

const classicLicense = once(() => license().safeExtend({
  /** SaaS (default) or Managed: Managed has no Grail (no Log Management and Analytics), one DDU free tier per license. */
  deployment: choice(['saas', 'managed']).default('saas'),
  /** How long `demUnits`, `ddus` and `hostUnitHours` last: DEM units and DDUs are sold as annual volumes. */
  demUnitsPeriod: quotaPeriod().default('year'),
  ddusPeriod: quotaPeriod().default('year'),
  /** Without it, the pool is a volume for the period estimated (no page says it renews). */
  hostUnitHoursPeriod: quotaPeriod().optional(),
  /** Managed Log Monitoring (versions 1.207 and earlier): the daily log storage limit, GiB a day. */
  logStorageGiBPerDay: num().optional(),
  /**
   * The contract's prices (SPEC "Contracts over time": the committed cost is "license.prices or the
   * rate card's per-unit-per-year prices"), in the estate's currency, over the rate cards: by quota
   * (hostUnits: a host unit for a year; hostUnitHours, demUnits, ddus: one unit) or by a classic
   * capability or unit id (an overage's price, say).
   */
  prices: deferred(() => keyedBy(LICENSE_PRICE_KEYS(), num(), 'quota, classic capability or unit id')).optional(),
}));

/** What `license.prices` may price: the quotas by their license key, and classic capabilities and units. */
const LICENSE_PRICE_KEYS = once(() => [
  ...Object.keys(LICENSED_BY_QUOTA),
  ...CAPABILITIES.filter((c) => c.model === 'classic').map((c) => c.id),
  ...UNIT_IDS.filter((u) => unitModel(u) === 'classic'),
]);

type Ctx = z.core.$RefinementCtx<unknown>;
/** A mapping (not a list, not null): what an entry of a section is before it is validated. */
export const isEntry = (e: unknown): e is Record<string, unknown> => typeof e === 'object' && e !== null && !Array.isArray(e);
/** The names of a section's entries, as written, in order and as a set (a million entries may each name one). */
interface Names {
  list: string[];
  known: ReadonlySet<string>;
}
const namesOf = (list: unknown): Names => {
  const names = Array.isArray(list) ? list.filter(isEntry).map((e) => e.name).filter((n): n is string => typeof n === 'string') : [];
  return { list: names, known: new Set(names) };
};

/** Unknown names that references give, listed per estate; beyond, one error counts the rest (as duplicate names, schema-kit `section`). */
export const MAX_REFERENCES_LISTED = 1000;
/**
 * Names that did-you-mean may compare with the unknown names of one estate: each unknown name is
 * compared with every name of its section, and 1,000 among 50,000 hosts took minutes.
 */
const SUGGESTION_BUDGET = 2_000_000;

/**
 * References to named entries of other sections: an error at `path` unless `value` is one of
 * `names`, with a did-you-mean while the budget lasts; the first MAX_REFERENCES_LISTED are listed
 * (a million entries may each name an environment no entry has), and `done` counts the rest.
 */
class References {
  private listed = 0;
  private more = 0;
  private firstMore: (string | number)[] = [];
  private budget = SUGGESTION_BUDGET;
  constructor(private readonly ctx: Ctx) {}

  check(path: (string | number)[], value: unknown, { list: names, known }: Names, what: string): void {
    if (typeof value !== 'string' || known.has(value)) return;
    if (this.listed === MAX_REFERENCES_LISTED) {
      if (this.more++ === 0) this.firstMore = path;
      return;
    }
    this.listed++;
    let near: string | undefined;
    if (names.length <= this.budget) {
      this.budget -= names.length;
      near = didYouMean(value, names);
    }
    this.ctx.addIssue({
      code: 'custom',
      path,
      message: `unknown ${what}`,
      params: {
        expected: names.length === 0 ? `${what}, but the estate lists none` : `${what}: ${names.length > 8 ? `${names.slice(0, 8).join(', ')}, ...` : names.join(', ')}`,
        // A near miss is a misspelt name, shown; anything else that looks like a secret is not.
        found: near ? `"${value}"` : shownName(value),
        ...(near ? { hint: `did you mean "${near}"?` } : {}),
      },
    });
  }

  done(): void {
    if (this.more === 0) return;
    const grouped = (n: number) => groupThousands(String(n));
    this.ctx.addIssue({ code: 'custom', path: this.firstMore, message: 'more unknown names', params: { expected: 'names of the entries the estate lists', found: `${grouped(this.more)} more unknown names than the ${grouped(MAX_REFERENCES_LISTED)} listed` } });
  }
}

/** A name as written, in quotes, unless it looks like a key or a password (src/input/excerpt.ts). */
const shownName = (text: string): string => (looksSecret(text) ? quoteFound(text) : `"${text}"`);

/** The sections whose entries may say `environment`, by path. */
const ENVIRONMENT_SECTIONS: readonly (readonly string[])[] = [
  ['hosts'], ['containers'], ['pods'], ['activity'], ['applications'], ['synthetic', 'browser'], ['synthetic', 'http'], ['synthetic', 'thirdParty'], ['synthetic', 'nam'],
  ['logs'], ['metrics'], ['traces'], ['events'], ['serverless'], ['mainframe'], ['securityPosture'], ['automation'], ['functions'],
];

/**
 * Whether a validated estate's cross-references hold (classicChecks finds nothing): src/input/stream.ts
 * asks it of a large estate once its entries, validated one by one, are in their lists.
 */
export function crossReferencesHold(estate: Record<string, unknown>): boolean {
  let problems = 0;
  classicChecks(estate, { addIssue: () => void problems++ } as unknown as Ctx);
  return problems === 0;
}

/** Classic cross-references: environments and hosts named, the log model a Managed deployment can have, one log storage model. */
function classicChecks(estate: Record<string, unknown>, ctx: Ctx): void {
  const references = new References(ctx);
  const environments = namesOf(estate.environments);
  for (const path of ENVIRONMENT_SECTIONS) {
    const list = path.reduce<unknown>((v, k) => (isEntry(v) ? v[k] : undefined), estate);
    if (!Array.isArray(list)) continue;
    list.forEach((e, i) => {
      if (isEntry(e) && e.environment !== undefined) references.check([...path, i, 'environment'], e.environment, environments, 'the name of an environments entry');
    });
  }
  const hosts = namesOf(estate.hosts);
  if (Array.isArray(estate.metrics)) {
    estate.metrics.forEach((m, i) => {
      if (isEntry(m) && m.host !== undefined) references.check(['metrics', i, 'host'], m.host, hosts, 'the name of a hosts entry');
    });
  }
  references.done();
  const license = isEntry(estate.license) ? estate.license : undefined;
  if (license?.deployment === 'managed' && Array.isArray(estate.logs)) {
    // Log Management and Analytics "only affects Dynatrace SaaS environments that are activated for
    // Dynatrace Grail" (davis-data-units/log-management-and-analytics.md): Managed bills log records.
    estate.logs.forEach((l, i) => {
      if (isEntry(l) && l.model === 'log-management-analytics') {
        ctx.addIssue({
          code: 'custom',
          path: ['logs', i, 'model'],
          message: 'Log Management and Analytics under Managed',
          params: { expected: 'model: log-monitoring-classic with recordsPerMonth, or with ingestGiBPerDay under a license for log storage (license.deployment is managed: Log Management and Analytics needs Grail, which only SaaS has)', found: 'log-management-analytics' },
        });
      }
    });
  }
  // Log Monitoring Classic entries are DDUs by their records, except under a license for log storage
  // (log-monitoring-consumption-legacy.md), which counts GiB stored a day: records are not needed there.
  const storage = license !== undefined && (license.logStorageGiBPerDay !== undefined || (license.logStorageGiB !== undefined && license.logStorageDays !== undefined));
  if (!storage && Array.isArray(estate.logs)) {
    estate.logs.forEach((l, i) => {
      if (isEntry(l) && l.model === 'log-monitoring-classic' && l.recordsPerMonth === undefined && l.ingestGiBPerDay !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['logs', i, 'recordsPerMonth'],
          message: 'missing recordsPerMonth',
          params: { expected: 'recordsPerMonth (log records a month) for model log-monitoring-classic; ingestGiBPerDay alone only under a classic license for log storage (license.logStorageGiBPerDay, or logStorageGiB with logStorageDays)', found: 'nothing' },
        });
      }
    });
  }
  if (license?.logStorageGiBPerDay !== undefined && (license.logStorageGiB !== undefined || license.logStorageDays !== undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: ['license', 'logStorageGiBPerDay'],
      message: 'two log storage models',
      params: { expected: 'either logStorageGiBPerDay (Managed: a daily limit) or logStorageGiB with logStorageDays (SaaS: annual average storage)', found: 'both' },
    });
  }
}
// --- end of the classic block --------------------------------------------------------------------

const money = () => num();

const budget = once(() => z.strictObject({
  total: money().optional(),
  capabilities: keyedBy(CAPABILITY_IDS, money(), 'capability id').optional(),
  units: keyedBy(UNIT_IDS, num(), 'unit id').optional(),
}));

/**
 * The schema of one entry of each section, built when first asked for: the estate's lists are of
 * these, and src/input/stream.ts validates a large estate's entries with them one by one.
 */
export const ENTRY_SCHEMAS = {
  hosts: once(() => inEnvironment(host())),
  containers: once(() => inEnvironment(container())),
  pods: once(() => inEnvironment(pod())),
  activity: once(() => inEnvironment(activity())),
  applications: once(() => inEnvironment(application())),
  'synthetic.browser': once(() => inEnvironment(browserMonitor())),
  'synthetic.http': once(() => inEnvironment(httpMonitor())),
  'synthetic.thirdParty': once(() => inEnvironment(thirdParty())),
  'synthetic.nam': once(() => inEnvironment(namMonitor())),
  logs: once(() => inEnvironment(log())),
  metrics: classicMetric,
  traces: once(() => inEnvironment(trace())),
  events: once(() => inEnvironment(event())),
  serverless: once(() => inEnvironment(serverless())),
  mainframe: once(() => inEnvironment(mainframe())),
  securityPosture: once(() => inEnvironment(securityPosture())),
  automation: once(() => inEnvironment(automation())),
  functions: once(() => inEnvironment(appFunction())),
} satisfies Record<Section, () => z.ZodType>;


const synthetic = once(() => z.strictObject({
  browser: deferred(() => section(ENTRY_SCHEMAS['synthetic.browser']())).default([]),
  http: deferred(() => section(ENTRY_SCHEMAS['synthetic.http']())).default([]),
  thirdParty: deferred(() => section(ENTRY_SCHEMAS['synthetic.thirdParty']())).default([]),
  nam: deferred(() => section(ENTRY_SCHEMAS['synthetic.nam']())).default([]),
}));

export const estateSchema = z.strictObject({
  version: z.any().meta({ const: 1, description: 'the estate format version' }).transform((value, ctx): 1 => {
    const d = toDecimal(value);
    if (!d || !d.isFinite() || !d.equals(1)) {
      const expected = '1 (the estate format this dtcost reads)';
      ctx.addIssue({ code: 'custom', message: `expected ${expected}`, params: { expected }, input: value });
      return z.NEVER;
    }
    return 1;
  }),
  name: z.string().optional(),
  licensing: choice(['dps', 'classic']).default('dps'),
  period: periodSchema.optional(),
  currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/, { error: 'expected a three-letter currency code' })
    .transform((c) => c.toUpperCase())
    .optional(),
  rates: z.string().min(1).optional(),
  budget: deferred(budget).optional(),
  hosts: deferred(() => section(ENTRY_SCHEMAS.hosts())).default([]),
  containers: deferred(() => section(ENTRY_SCHEMAS.containers())).default([]),
  pods: deferred(() => section(ENTRY_SCHEMAS.pods())).default([]),
  activity: deferred(() => section(ENTRY_SCHEMAS.activity())).default([]),
  applications: deferred(() => section(ENTRY_SCHEMAS.applications())).default([]),
  synthetic: deferred(synthetic).default({ browser: [], http: [], thirdParty: [], nam: [] }),
  logs: deferred(() => section(ENTRY_SCHEMAS.logs())).default([]),
  metrics: deferred(() => section(ENTRY_SCHEMAS.metrics())).default([]),
  traces: deferred(() => section(ENTRY_SCHEMAS.traces())).default([]),
  events: deferred(() => section(ENTRY_SCHEMAS.events())).default([]),
  serverless: deferred(() => section(ENTRY_SCHEMAS.serverless())).default([]),
  mainframe: deferred(() => section(ENTRY_SCHEMAS.mainframe())).default([]),
  securityPosture: deferred(() => section(ENTRY_SCHEMAS.securityPosture())).default([]),
  automation: deferred(() => section(ENTRY_SCHEMAS.automation())).default([]),
  functions: deferred(() => section(ENTRY_SCHEMAS.functions())).default([]),
  license: deferred(classicLicense).optional(),
  /** Classic: the environments of the account, their host units and overages. */
  environments: deferred(() => section(environment())).default([]),
  // dtcost plan: contract, growth, seasonality, changes, scenarios (input/plan-schema.ts)
  ...planKeys,
}).superRefine((estate, ctx) => classicChecks(estate as Record<string, unknown>, ctx), { when: () => true });

export type EstateData = z.output<typeof estateSchema>;
export type Host = EstateData['hosts'][number];
export type Container = EstateData['containers'][number];
export type Application = EstateData['applications'][number];
export type BrowserMonitor = EstateData['synthetic']['browser'][number];
export type HttpMonitor = EstateData['synthetic']['http'][number];
export type ThirdPartySynthetic = EstateData['synthetic']['thirdParty'][number];
export type Budget = NonNullable<EstateData['budget']>;
export type Pod = EstateData['pods'][number];
export type Activity = EstateData['activity'][number];
export type License = NonNullable<EstateData['license']>;
export type Log = EstateData['logs'][number];
export type Metric = EstateData['metrics'][number];
export type NamMonitor = EstateData['synthetic']['nam'][number];

/** A host billed by its memory (every mode but code, whose memory the schema does not require). */
export type MemoryHost = Host & { mode: 'fullstack' | 'infrastructure' | 'discovery'; memoryGiB: D };
export const hasMemory = (h: Host): h is MemoryHost => h.mode !== 'code';

/** A log of Log Management and Analytics, in GiB (the schema requires ingestGiBPerDay for it). */
export type GiBLog = Log & { model: 'log-management-analytics'; ingestGiBPerDay: D };
export const isGiBLog = (l: Log): l is GiBLog => l.model === 'log-management-analytics';
