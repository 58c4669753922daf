// The estate format, version 1, exactly as SPEC.md "Estate format (version 1)" names it: every
// section is here, whether or not its rules are built yet, so a later rule only reads fields.
import { z } from 'zod';
import { CAPABILITY_IDS, UNIT_IDS } from '../core/capabilities.js';
import { D } from '../core/decimal.js';
import { parsePeriod, PERIOD_HELP, type Period } from '../core/period.js';
import { choice, count, keyedBy, name, num, section, share, toDecimal } from './schema-kit.js';

const hoursPerDay = () => num({ min: 'zero', max: 24 }).default(new D(24));
const positive = () => num({ min: 'positive' });
const wholeAtLeast1 = () => num({ min: 'positive', integer: true });
const whole = () => num({ min: 'zero', integer: true });

/** A count of locations, or their names. */
const locations = z.union([wholeAtLeast1(), z.array(name()).min(1, { error: 'expected at least one location' })]).superRefine((v, ctx) => {
  if (!Array.isArray(v)) return;
  const seen = new Set<string>();
  v.forEach((loc, i) => {
    if (seen.has(loc)) ctx.addIssue({ code: 'custom', path: [i], message: `location "${loc}" is listed twice`, params: { expected: 'each location once', found: `"${loc}" again` } });
    seen.add(loc);
  });
});

export const periodSchema = z.string({ error: `expected a period: ${PERIOD_HELP}` }).meta({ pattern: '^(month|year|week|day|\\d+(\\.\\d+)?[dh])$', description: PERIOD_HELP }).transform((text, ctx): Period => {
  const period = parsePeriod(text.trim());
  if (!period) {
    ctx.addIssue({ code: 'custom', message: `expected a period`, params: { expected: `a period: ${PERIOD_HELP}` }, input: text });
    return z.NEVER;
  }
  return period;
});

const host = z.strictObject({
  name: name(),
  count: count(),
  memoryGiB: positive(),
  mode: choice(['fullstack', 'infrastructure', 'discovery']).default('fullstack'),
  hoursPerDay: hoursPerDay(),
  appSecurity: z.array(choice(['rva', 'rap'])).default([]),
});

const container = z
  .strictObject({
    name: name(),
    count: count(),
    memoryLimitGiB: positive().optional(),
    nodeMemoryGiB: positive().optional(),
    platform: choice(['kubernetes', 'ecs', 'fargate', 'azure-app-service-windows', 'azure-app-service-linux', 'solaris-zone', 'other']).default('kubernetes'),
    /** DPS: Full-Stack Monitoring by memory (default), or Code Monitoring by container-hour. */
    monitoring: choice(['fullstack', 'code']).default('fullstack'),
    hoursPerDay: hoursPerDay(),
    appSecurity: z.array(choice(['rva', 'rap'])).default([]),
  })
  .superRefine((c, ctx) => {
    if (c.memoryLimitGiB === undefined && c.nodeMemoryGiB === undefined) {
      ctx.addIssue({ code: 'custom', path: ['memoryLimitGiB'], message: 'missing memory', params: { expected: 'memoryLimitGiB, or nodeMemoryGiB when no limit is set', found: 'neither' } });
    }
  });

const pod = z.strictObject({ name: name(), count: count(), hoursPerDay: hoursPerDay() });

const activity = z.strictObject({
  name: name(),
  file: z.string().min(1),
  /** For rows without a memoryGiB or mode column. */
  memoryGiB: positive().optional(),
  mode: choice(['fullstack', 'infrastructure', 'discovery']).default('fullstack'),
});

const visitMix = z
  .array(z.strictObject({ minutes: num(), share: share() }))
  .min(1)
  .superRefine((mix, ctx) => {
    const total = mix.reduce((t, m) => t.plus(m.share), new D(0));
    if (!total.equals(1)) {
      ctx.addIssue({ code: 'custom', message: 'shares do not add up to 1', params: { expected: 'shares that add up to 1', found: `shares adding up to ${total.toFixed()}` } });
    }
  });

const property = z
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
  });

const application = z.strictObject({
  name: name(),
  count: count(),
  type: choice(['web', 'mobile', 'hybrid']).default('web'),
  visitsPerMonth: num(),
  bounceRate: share().default(new D(0)),
  visitMinutes: z.union([num(), visitMix]).optional(),
  replayRate: share().default(new D(0)),
  properties: z.union([whole(), section(property)]).default(new D(0)),
  propertyPresence: share().default(new D(1)),
});

const step = z.strictObject({ name: name(), requests: whole() });

const browserMonitor = z
  .strictObject({
    name: name(),
    count: count(),
    steps: section(step).optional(),
    billableSteps: whole().optional(),
    frequencyMinutes: positive(),
    locations,
    enabled: z.boolean().default(true),
  })
  .superRefine((m, ctx) => {
    if (m.steps !== undefined && m.billableSteps !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['billableSteps'], message: 'both steps and billableSteps', params: { expected: 'either steps or billableSteps', found: 'both' } });
    }
  });

const httpMonitor = z.strictObject({
  name: name(),
  count: count(),
  requests: wholeAtLeast1().default(new D(1)),
  frequencyMinutes: positive(),
  locations,
  enabled: z.boolean().default(true),
});

const thirdParty = z.strictObject({ name: name(), count: count(), resultsPerMonth: num() });

const namMonitor = z.strictObject({
  name: name(),
  count: count(),
  protocol: choice(['icmp', 'tcp', 'dns']),
  requests: wholeAtLeast1().default(new D(1)),
  frequencyMinutes: positive(),
  locations,
  enabled: z.boolean().default(true),
});

const log = z.strictObject({
  name: name(),
  ingestGiBPerDay: num(),
  enrichmentFactor: positive().default(new D(1)),
  retentionDays: wholeAtLeast1().default(new D(35)),
  queryGiBPerDay: num().default(new D(0)),
  includedQueries: z.boolean().default(false),
  /** Retain during the ramp-up (the first retentionDays fill the storage) instead of the steady state. */
  rampUp: z.boolean().default(false),
});

const metric = z.strictObject({ name: name(), count: count(), series: whole(), intervalSeconds: positive().default(new D(60)) });

const trace = z.strictObject({
  name: name(),
  requestsPerMonth: num(),
  spansPerRequest: positive().default(new D(1)),
  averageSpanKiB: positive().optional(),
});

const event = z.strictObject({ name: name(), eventsPerMonth: num(), averageEventKiB: positive().optional() });

const serverless = z.strictObject({ name: name(), invocationsPerMonth: num() });

const mainframe = z.strictObject({ name: name(), msu: num() });

const license = z.strictObject({
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
});

const money = () => num();

const budget = z.strictObject({
  total: money().optional(),
  capabilities: keyedBy(CAPABILITY_IDS, money(), 'capability id').optional(),
  units: keyedBy(UNIT_IDS, num(), 'unit id').optional(),
});

const synthetic = z.strictObject({
  browser: section(browserMonitor).default([]),
  http: section(httpMonitor).default([]),
  thirdParty: section(thirdParty).default([]),
  nam: section(namMonitor).default([]),
});

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
  budget: budget.optional(),
  hosts: section(host).default([]),
  containers: section(container).default([]),
  pods: section(pod).default([]),
  activity: section(activity).default([]),
  applications: section(application).default([]),
  synthetic: synthetic.default({ browser: [], http: [], thirdParty: [], nam: [] }),
  logs: section(log).default([]),
  metrics: section(metric).default([]),
  traces: section(trace).default([]),
  events: section(event).default([]),
  serverless: section(serverless).default([]),
  mainframe: section(mainframe).default([]),
  license: license.optional(),
});

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
