// The estate format as JSON Schema (draft 2020-12), generated from the zod schema, for editors:
// `# yaml-language-server: $schema=<path or URL of this schema>` gives completion, hover text and
// validation. It describes the input: numbers may be written as numbers or as decimal strings.
//
// Three things are added to what zod generates:
// - a description of every key (DESCRIPTIONS, by path; a `.meta({ description })` in schema.ts
//   serves too), with the bounds of a number after it;
// - numbers written as text checked against the same bounds as numbers (number-pattern.ts), and
//   numbers kept zero or from 1e-15 to below 1e15 in size, as dtcost reads them;
// - the checks the zod schema makes in code (REFINEMENTS: a host's memory unless it runs in code
//   mode, a browser monitor's steps or billableSteps but not both, ...), as JSON Schema where
//   JSON Schema can say them. What it cannot say (names unique in their section, the shares of a
//   visit mix adding up to 1, includedQueriesDays at most the retention) only dtcost checks.
import { z } from 'zod';
import { isDecimal } from '../core/decimal.js';
import { decimalTextPattern, type Bounds } from './number-pattern.js';
import { MAX_NAME_CHARS } from './schema-kit.js';
import { estateSchema, periodSchema } from './schema.js';

type Schema = Record<string, unknown>;

/** What each key means, by its path (`hosts[].memoryGiB`: a key of each entry of `hosts`). */
export const DESCRIPTIONS: Record<string, string> = {
  version: 'The estate format version: 1.',
  name: "The estate's name, shown as the title of every output.",
  licensing: 'The licensing model to estimate: dps (Dynatrace Platform Subscription, the default) or classic (host units, DEM units, DDUs). --model overrides it.',
  period: 'The period the estimate is for: month (30 days, 720 h, the default), year (365 days), week, day, <n>d or <n>h. Quantities per month scale by days / 30. --period overrides it.',
  currency: 'A three-letter label for every amount (default: the rate card’s, USD). Nothing is converted.',
  rates: 'A rate card (YAML or JSON) with your prices, relative to this file; merged over the built-in list prices. --rates adds another over it.',
  budget: "Caps on the estimate, per this estate's period (scaled when another period is estimated); dtcost exits 1 when one is exceeded.",
  'budget.total': 'The most the whole estimate may cost in the period, in the currency.',
  'budget.capabilities': 'The most a capability may cost in the period, by capability id (browser-monitor: 1200).',
  'budget.units': 'The most of a unit the estimate may consume in the period, by unit id (classic quotas: dem-unit: 2000000).',
  hosts: 'OneAgent on hosts: VMs, bare metal, cloud instances.',
  'hosts[].memoryGiB': "The host's memory in GiB: Full-Stack Monitoring bills GiB-hours of it, classic licensing sizes host units by it. Required unless mode is code.",
  'hosts[].mode': 'How OneAgent monitors the host: fullstack (the default; GiB-hours), infrastructure or discovery (host-hours), code (Code Monitoring of its processes, DPS).',
  'hosts[].processes': 'mode code only: the processes OneAgent monitors on the host at a time (each one container-hour an hour).',
  'hosts[].appSecurity': 'Application Security on the host: rva (Runtime Vulnerability Analytics), rap (Runtime Application Protection, which always consumes RVA too). Classic: Application Security units, 1 an hour × the host-unit RAM weight, × 2 with RAP.',
  containers: 'Application-only monitoring of containers (OneAgent in the container, not on its host).',
  'containers[].memoryLimitGiB': "The container's memory limit in GiB: what is billed when it is set and OneAgent is older than 1.275. Without a limit, give nodeMemoryGiB.",
  'containers[].nodeMemoryGiB': "The memory in GiB of the node the container runs on: billed when the container has no limit (and, on Azure App Service, the plan instance's memory).",
  'containers[].memoryUsedGiB': 'DPS: the memory in GiB the container uses, which OneAgent 1.275+ bills on Kubernetes instead of the limit.',
  'containers[].platform': 'Where the containers run: kubernetes (default), ecs, fargate, azure-app-service-windows (count = plan instances), azure-app-service-linux, solaris-zone (counted as a host), other.',
  'containers[].monitoring': 'DPS: fullstack (Full-Stack Monitoring by memory GiB-hours, the default) or code (Code Monitoring by container-hours).',
  pods: 'Kubernetes Platform Monitoring (DPS): pods, billed per pod-hour unless they run on Full-Stack hosts.',
  'pods[].onFullStackHosts': 'DPS: the pods run on Full-Stack hosts (OneAgent 1.301+), where Full-Stack Monitoring includes them: no pod-hours.',
  activity: 'Observed host runs from a CSV file (host,start,end[,memoryGiB][,mode]), counted exactly as metering does instead of steady hosts.',
  'activity[].file': 'The CSV file of runs, relative to this estate: one run per line, host,start,end[,memoryGiB][,mode], ISO 8601 times.',
  'activity[].memoryGiB': 'The memory in GiB of hosts whose rows have no memoryGiB column.',
  'activity[].mode': 'The mode of hosts whose rows have no mode column: fullstack (default), infrastructure or discovery.',
  applications: 'Real User Monitoring: web, mobile and hybrid applications.',
  'applications[].type': 'web (default), mobile, or hybrid (a hybrid app counts one session for its web and mobile parts).',
  'applications[].visitsPerMonth': 'User visits a month, bounced ones included.',
  'applications[].bounceRate': 'The share of visits with one user action, which are not billed (default 0).',
  'applications[].visitMinutes': 'The average visit length in minutes, or a mix of lengths whose shares add up to 1 ([{ minutes: 10, share: 0.8 }, ...]). Absent: visits under an hour, one session each.',
  'applications[].visitMinutes[].minutes': 'The length of these visits in minutes.',
  'applications[].visitMinutes[].share': 'The share of visits this long; the shares add up to 1.',
  'applications[].replayRate': 'The share of billed sessions recorded with Session Replay (default 0).',
  'applications[].properties': 'The session and user-action properties defined: a count, or a list of them (the first 20 are included under DPS).',
  'applications[].properties[].name': 'The property’s name.',
  'applications[].properties[].type': 'string (default), long-string (counted per 100 characters: give maxLength), number or date.',
  'applications[].properties[].maxLength': 'long-string only: its longest value in characters.',
  'applications[].propertyPresence': 'DPS: the share of sessions in which each property beyond the included 20 appears (default 1).',
  'applications[].userActionsPerHour': 'DPS: user actions an hour in the application; under 2, it generates no session consumption.',
  synthetic: 'Synthetic monitors: browser monitors and clickpaths, HTTP monitors, third-party results, network availability monitors.',
  'synthetic.browser': 'Browser monitors and clickpaths: billed per synthetic action (a step that triggers requests).',
  'synthetic.browser[].steps': 'The clickpath’s steps, each with the requests it explicitly triggers (0: not billable). Or give billableSteps, not both; neither: a single-URL monitor, one action per execution.',
  'synthetic.browser[].steps[].name': 'The step’s name.',
  'synthetic.browser[].steps[].requests': 'The requests the step explicitly triggers; a step with none is not billed.',
  'synthetic.browser[].billableSteps': 'The billable steps of each execution, instead of listing steps (not both).',
  'synthetic.browser[].frequencyMinutes': 'Minutes between executions from each location (browser monitors run at most every 5 minutes).',
  'synthetic.http': 'HTTP monitors: billed per request.',
  'synthetic.http[].requests': 'Requests in each execution (default 1).',
  'synthetic.thirdParty': 'Third-party synthetic results sent to Dynatrace (API ingestion).',
  'synthetic.thirdParty[].resultsPerMonth': 'Results a month.',
  'synthetic.nam': 'Network availability monitors (ICMP, TCP, DNS), billed as metric data points.',
  'synthetic.nam[].protocol': 'icmp (6 data points a request), tcp or dns (3 a request).',
  'synthetic.nam[].requests': 'Requests in each execution (default 1).',
  logs: 'Logs ingested, retained and queried.',
  'logs[].model': 'log-management-analytics (default: GiB ingested, retained and queried) or log-monitoring-classic (the platform extension: log records; give recordsPerMonth).',
  'logs[].ingestGiBPerDay': 'Raw log volume ingested a day in GiB, before enrichment.',
  'logs[].recordsPerMonth': 'log-monitoring-classic: log records a month (each timestamp, each JSON object is one); under a classic license for log storage (license.logStorageGiBPerDay, or logStorageGiB with logStorageDays) ingestGiBPerDay is enough.',
  'logs[].enrichmentFactor': 'Retained (processed) volume / raw volume (default 1).',
  'logs[].retentionDays': 'Days logs are kept (default 35).',
  'logs[].queryGiBPerDay': 'GiB scanned by queries a day (default 0).',
  'logs[].includedQueries': 'DPS Retain with Included Queries: queries within the included-queries period cost nothing (retention at least 10 days).',
  'logs[].queryBeyondIncludedGiBPerDay': 'With includedQueries: GiB a day queries read beyond the included-queries period (billed at Query).',
  'logs[].includedQueriesDays': 'With includedQueries: the included-queries period, 10 to 35 days, at most the retention (default: the retention, at most 35).',
  'logs[].rampUp': 'Retain during the ramp-up (the first retentionDays fill the storage) instead of the steady state (default false).',
  metrics: 'Custom metrics: ingested beyond what OneAgent collects built in.',
  'metrics[].series': 'Metric series (metric × dimension combinations) of each entry.',
  'metrics[].intervalSeconds': 'Seconds between data points of each series (default 60).',
  'metrics[].origin': 'DPS: where the data points come from: fullstack or infrastructure hosts (their inclusion applies) or other (API, cloud, extensions: billed in full; the default).',
  'metrics[].retentionDays': 'DPS Metrics Retain: days kept (default 462, 15 months, which is included).',
  'metrics[].retainedGiBPerDay': 'DPS Metrics Retain: the GiB a day the metrics take when kept beyond the included period.',
  traces: 'Spans ingested through the Trace API or OpenTelemetry (or OneAgent beyond its included volume).',
  'traces[].requestsPerMonth': 'Traced requests a month.',
  'traces[].spansPerRequest': 'Spans of each request (default 1).',
  'traces[].averageSpanKiB': 'The average span size in KiB: needed for the DPS volumes (GiB).',
  'traces[].fromFullStack': 'DPS: the spans come from Full-Stack hosts or applications and may use the trace volume Full-Stack includes.',
  'traces[].oneAgent': 'DPS: the spans are captured by OneAgent itself on Full-Stack hosts: they use the included volume first.',
  'traces[].enrichmentFactor': 'DPS Traces Retain: stored size / ingested size (default 1).',
  'traces[].retentionDays': 'DPS Traces Retain: days kept (default 10, which are included).',
  'traces[].queryGiBPerDay': 'DPS Traces Query: GiB scanned a day (default 0).',
  events: 'Custom events (Events API, log-derived events).',
  'events[].eventsPerMonth': 'Events a month.',
  'events[].averageEventKiB': 'The average event size in KiB: needed for the DPS volumes (GiB).',
  'events[].enrichmentFactor': 'DPS Events Retain: stored size / ingested size (default 1).',
  'events[].retentionDays': 'DPS Events Retain: days kept.',
  'events[].queryGiBPerDay': 'DPS Events Query: GiB scanned a day (default 0).',
  serverless: 'Serverless functions (AWS Lambda, Azure Functions, Google Cloud Functions), by invocation.',
  'serverless[].invocationsPerMonth': 'Invocations a month.',
  mainframe: 'Mainframe monitoring, by MSU.',
  'mainframe[].msu': 'MSUs consumed: the average (DPS MSU-hours), the peak rolling 4-hour average (classic).',
  securityPosture: 'DPS Security Posture Management: the hosts or nodes assessed, by the hour.',
  automation: 'DPS Automation Workflow: deployed workflows, their executions and tasks (AppEngine invocations).',
  'automation[].hoursPerDay': 'Hours a day the workflow is deployed; a deployed standard workflow bills every hour (default 24).',
  'automation[].executionsPerMonth': 'Executions a month (default 0).',
  'automation[].tasksPerExecution': 'Tasks executed in each execution; one task makes a simple workflow, with no workflow-hours (default 2).',
  'automation[].minutesPerTask': 'Minutes a task runs: each started minute is an AppEngine invocation, at most 2 (a call times out at 120 s; default 1).',
  functions: 'DPS AppEngine Functions: invocations of app and ad-hoc functions.',
  'functions[].invocationsPerMonth': 'Invocations a month.',
  license: 'A classic licensing contract: its quotas (per period unless noted) and whether overages are billed. Ignored under DPS, except platformExtensions.',
  'license.hostUnits': 'Concurrent host units licensed.',
  'license.hostUnitHours': 'A pool of host-unit hours for spikes.',
  'license.demUnits': 'DEM units licensed: a volume per demUnitsPeriod (a year by default), scaled to the period estimated.',
  'license.ddus': 'Davis data units licensed: a volume per ddusPeriod (a year by default), scaled to the period estimated.',
  'license.deployment': 'saas (default) or managed. Managed has no Grail, so its logs are Log Monitoring Classic (logs[].model: log-monitoring-classic), and one DDU free tier per license.',
  'license.demUnitsPeriod': 'How long license.demUnits lasts: year (default; DEM units are sold as annual volumes) or month.',
  'license.ddusPeriod': 'How long license.ddus lasts: year (default; DDUs are sold as annual volumes) or month.',
  'license.hostUnitHoursPeriod': 'How long license.hostUnitHours lasts: year or month; without it, the pool is a volume for the period estimated.',
  'license.logStorageGiBPerDay': 'Managed Log Monitoring (1.207 and earlier): the daily log storage limit in GiB; storage beyond it each day is overage. Not with logStorageGiB.',
  'license.prices': "The contract's own prices, in the estate's currency, over the rate cards: by quota (hostUnits: one host unit for a year; hostUnitHours, demUnits, ddus: one unit), or by a classic capability or unit id (an overage's price). The committed cost of each licensed quota is its quantity times its price.",
  environments: 'Classic: the environments of the account. Each has its share of the host units; overages are summed over the account (70 + 30 of 100 is no overage).',
  'environments[].hostUnits': 'The host units assigned to the environment (its quota).',
  'environments[].overages': 'true (default): the environment may go beyond its host units into the account’s; false: monitoring there stops at its quota.',
  // dtcost plan (input/plan-schema.ts)
  contract: 'dtcost plan: the contract the estate is projected over, calendar month by calendar month (UTC).',
  'contract.years': 'Contract years of 12 months each (1 to 10).',
  'contract.commitments': 'DPS: the annual commitment of each contract year, in the currency: one number for every year, or a list (the last repeats). Ignored under classic.',
  'contract.rates': 'A rate card per contract year (relative to this file), over the estate\u2019s: one file, or a list (the last repeats).',
  growth: 'dtcost plan: growth rules. Of several, the most specific applies to an entry (entry, then section, then the whole estate).',
  'growth[].section': 'The section the rule applies to (without section or entry: the whole estate).',
  'growth[].entry': 'The name of the entry the rule applies to (with section: in that section only).',
  'growth[].percentPerMonth': 'Percent a calendar month, compounding from the contract\u2019s first month (or the entry\u2019s): \u00d7 (1 + p/100)^months. Negative shrinks.',
  'growth[].percentPerYear': 'Percent a contract year, compounding from the second year: \u00d7 (1 + p/100)^years.',
  'growth[].linear': 'true: the same percentage of the first month\u2019s quantity is added each month (or year), not compounded (default false).',
  seasonality: 'dtcost plan: month multipliers (jan to dec, default 1) for the whole estate, or a list of them each with a section or entry.',
  'seasonality.section': 'The section the multipliers apply to.',
  'seasonality.entry': 'The name of the entry the multipliers apply to.',
  'seasonality[].section': 'The section the multipliers apply to.',
  'seasonality[].entry': 'The name of the entry the multipliers apply to.',
  changes: 'dtcost plan: dated additions and retirements inside the contract.',
  'changes[].add': 'An estate file (relative to this file) whose entries are added from `from` (until `until`, when given).',
  'changes[].remove': 'Entries retired from `from`, by section and name: { hosts: [legacy-db] }.',
  scenarios: 'dtcost plan: scenarios by name, each a multiplier of everything the estate consumes around the base (base is always 1): { low: 0.85, high: 1.25 }.',
  'seasonality.jan': 'The multiplier of January (default 1).',
  'seasonality[].jan': 'The multiplier of January (default 1).',
  'seasonality.feb': 'The multiplier of February (default 1).',
  'seasonality[].feb': 'The multiplier of February (default 1).',
  'seasonality.mar': 'The multiplier of March (default 1).',
  'seasonality[].mar': 'The multiplier of March (default 1).',
  'seasonality.apr': 'The multiplier of April (default 1).',
  'seasonality[].apr': 'The multiplier of April (default 1).',
  'seasonality.may': 'The multiplier of May (default 1).',
  'seasonality[].may': 'The multiplier of May (default 1).',
  'seasonality.jun': 'The multiplier of June (default 1).',
  'seasonality[].jun': 'The multiplier of June (default 1).',
  'seasonality.jul': 'The multiplier of July (default 1).',
  'seasonality[].jul': 'The multiplier of July (default 1).',
  'seasonality.aug': 'The multiplier of August (default 1).',
  'seasonality[].aug': 'The multiplier of August (default 1).',
  'seasonality.sep': 'The multiplier of September (default 1).',
  'seasonality[].sep': 'The multiplier of September (default 1).',
  'seasonality.oct': 'The multiplier of October (default 1).',
  'seasonality[].oct': 'The multiplier of October (default 1).',
  'seasonality.nov': 'The multiplier of November (default 1).',
  'seasonality[].nov': 'The multiplier of November (default 1).',
  'seasonality.dec': 'The multiplier of December (default 1).',
  'seasonality[].dec': 'The multiplier of December (default 1).',
  'metrics[].host': 'Classic: the name of the hosts entry the metric is booked on; it uses that host’s included metrics (per host, per hour). Without it, a metric consumes DDUs in full.',
  'license.customMetrics': 'Custom metrics licensed (beyond the free tier of 100 + 10 per host unit).',
  'license.logStorageGiB': 'Log Monitoring (classic): annual average log storage in GiB.',
  'license.logStorageDays': 'Log Monitoring (classic): the days logStorageGiB is sized for.',
  'license.overages': 'Whether use beyond a quota is billed as overage (default true); false: the excess is noted, and monitoring beyond it would stop.',
  'license.infrastructureCap': 'Infrastructure host units capped at 1.0 a host, as current contracts have (default true); false: 0.3 per 16 GiB without a cap.',
  'license.platformExtensions': 'DPS: the subscription still has the platform extensions (Custom Metrics, Traces and Events, Log Monitoring, Serverless Functions Classic), billed instead of their DPS counterparts.',
};

/** Keys every entry of a section has, meaning the same everywhere: described once. */
const ENTRY_KEYS: Record<string, string> = {
  name: 'The entry’s name, unique in its section: shown in every output and in line item ids.',
  count: 'How many identical ones this entry stands for (default 1): it multiplies the entry.',
  hoursPerDay: 'Hours a day it runs (default 24).',
  frequencyMinutes: 'Minutes between executions from each location.',
  locations: 'The locations it runs from: a count, or their names (each once).',
  enabled: 'A disabled monitor consumes nothing (default true).',
  environment: 'Classic: the name of the environments entry it runs in (its host-unit quota and overages).',
  appSecurity: 'DPS Application Security: rva (Runtime Vulnerability Analytics), rap (Runtime Application Protection, which always consumes RVA too).',
};

/** The description of the key at `path`, or undefined when it has none. */
export function describeKey(path: string): string | undefined {
  const known = DESCRIPTIONS[path];
  if (known !== undefined) return known;
  const dot = path.lastIndexOf('.');
  return path.slice(dot + 1) in ENTRY_KEYS && path.slice(0, dot).endsWith('[]') ? ENTRY_KEYS[path.slice(dot + 1)] : undefined;
}

/** What JSON Schema can say of the checks the zod schema makes in code, by the path of the object they apply to. */
const REFINEMENTS: Record<string, Schema> = {
  // A host's memory unless it runs in code mode; processes only in code mode.
  'hosts[]': { if: { required: ['mode'], properties: { mode: { const: 'code' } } }, else: { required: ['memoryGiB'], not: { required: ['processes'] } } },
  // A container's memory: used, its limit, or its node's.
  'containers[]': { anyOf: [{ required: ['memoryUsedGiB'] }, { required: ['memoryLimitGiB'] }, { required: ['nodeMemoryGiB'] }] },
  // A long-string property's length.
  'applications[].properties[]': { if: { required: ['type'], properties: { type: { const: 'long-string' } } }, then: { required: ['maxLength'] } },
  // Steps or billableSteps, not both.
  'synthetic.browser[]': { not: { required: ['steps', 'billableSteps'] } },
  // Log records for Log Monitoring Classic, GiB for the rest; the included-queries keys only with includedQueries.
  'logs[]': {
    allOf: [
      { if: { required: ['model'], properties: { model: { const: 'log-monitoring-classic' } } }, then: { anyOf: [{ required: ['recordsPerMonth'] }, { required: ['ingestGiBPerDay'] }] }, else: { required: ['ingestGiBPerDay'] } },
      { if: { not: { required: ['includedQueries'], properties: { includedQueries: { const: true } } } }, then: { not: { required: ['includedQueriesDays'] } } },
      {
        if: { required: ['includedQueries'], properties: { includedQueries: { const: true } } },
        then: { properties: { retentionDays: { not: { anyOf: [{ type: 'number', exclusiveMaximum: 10 }, { type: 'string', pattern: '^\\s*\\+?0*\\d(?:\\.0*)?\\s*$' }] } } } },
        else: { properties: { queryBeyondIncludedGiBPerDay: { anyOf: [{ const: 0 }, { type: 'string', pattern: '^\\s*[-+]?(?:0+(?:\\.0*)?|\\.0+)\\s*$' }] } } },
      },
    ],
  },
};

/** A period as parsePeriod reads it (after trimming), never of length zero. */
const PERIOD_PATTERN = '^\\s*(?:month|year|week|day|(?:\\d*[1-9]\\d*(?:\\.\\d+)?|0+\\.\\d*[1-9]\\d*)[dh])\\s*$';

function plain(value: unknown): unknown {
  // Defaults such as `hoursPerDay: 24` are Decimals in the zod schema; a schema shows numbers.
  if (isDecimal(value)) return value.toNumber();
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

/** A number's schema as num() writes it (schema-kit.ts): a number or a decimal string, with bounds. */
function isNumberNode(node: Schema): boolean {
  return Array.isArray(node.type) && node.type.length === 2 && node.type.includes('number') && node.type.includes('string') && typeof node.pattern === 'string';
}

/** The number schemas made by exactNumber, whose description is their bounds. */
const numberNodes = new WeakSet<object>();

/**
 * A number's schema made exact: as a number, its bounds and zero or from 1e-15 to below 1e15 in
 * size; as text, a pattern of the same values (number-pattern.ts).
 */
function exactNumber(node: Schema): Schema {
  const { type: _type, pattern, minimum, exclusiveMinimum, maximum, multipleOf, ...rest } = node as Schema & { minimum?: number; exclusiveMinimum?: number; maximum?: number; multipleOf?: number };
  const bounds: Bounds = {
    integer: multipleOf === 1,
    ...(minimum !== undefined ? { min: { value: minimum, exclusive: false } } : exclusiveMinimum !== undefined ? { min: { value: exclusiveMinimum, exclusive: true } } : {}),
    ...(maximum !== undefined ? { max: maximum } : {}),
  };
  const asNumber: Schema = {
    type: bounds.integer ? 'integer' : 'number',
    ...(minimum !== undefined ? { minimum } : {}),
    ...(exclusiveMinimum !== undefined ? { exclusiveMinimum } : {}),
    ...(maximum !== undefined ? { maximum } : { exclusiveMaximum: 1e15 }),
    ...(minimum === undefined && exclusiveMinimum === undefined ? { exclusiveMinimum: -1e15 } : {}),
    // Not a number too small to be read (0 < |x| < 1e-15).
    ...(bounds.integer ? {} : { not: { anyOf: [{ exclusiveMinimum: 0, exclusiveMaximum: 1e-15 }, { exclusiveMinimum: -1e-15, exclusiveMaximum: 0 }] } }),
  };
  const asText: Schema = { type: 'string', pattern: decimalTextPattern(bounds) ?? pattern };
  const exact = { ...rest, anyOf: [asNumber, asText] };
  numberNodes.add(exact);
  return exact;
}

/** Descriptions, exact numbers and refinements, at every key; `missing` collects the keys without a description. */
function complete(node: unknown, path: string, missing: string[], applied: Set<string>): unknown {
  if (Array.isArray(node)) return node.map((n) => complete(n, path, missing, applied));
  if (!node || typeof node !== 'object') return node;
  let out: Schema = { ...(node as Schema) };
  if (isNumberNode(out)) out = exactNumber(out);
  for (const key of ['anyOf', 'oneOf', 'allOf']) if (Array.isArray(out[key])) out[key] = (out[key] as unknown[]).map((n) => complete(n, path, missing, applied));
  if (out.items && typeof out.items === 'object') out.items = complete(out.items, `${path}[]`, missing, applied);
  if (out.properties && typeof out.properties === 'object') {
    const properties: Schema = {};
    for (const [key, value] of Object.entries(out.properties as Schema)) {
      const at = path === '' ? key : `${path}.${key}`;
      let child = complete(value, at, missing, applied) as Schema;
      const text = describeKey(at);
      // A number's own description is its bounds ("a number > 0"): said after what it means.
      const bounds = numberNodes.has(child) && typeof child.description === 'string' ? child.description : undefined;
      if (text !== undefined) child = { ...child, description: bounds ? `${text} ${bounds[0]!.toUpperCase()}${bounds.slice(1)}.` : text };
      else if (typeof child.description !== 'string' || bounds !== undefined) missing.push(at);
      properties[key] = child;
    }
    out.properties = properties;
    const refinement = REFINEMENTS[path];
    if (refinement !== undefined && out.type === 'object') {
      out = { ...out, ...refinement };
      applied.add(path);
    }
  }
  // A name (name() in schema-kit.ts) is trimmed before it is checked: spaces only are empty.
  if (out.type === 'string' && out.minLength === 1 && out.maxLength === MAX_NAME_CHARS) out.pattern = '\\S';
  // Location names, each once.
  if (out.type === 'array' && path.endsWith('.locations')) out.uniqueItems = true;
  return out;
}

export interface EstateJsonSchemaReport {
  schema: Record<string, unknown>;
  /** Keys without a description (a test keeps this empty). */
  undescribed: string[];
}

/** The schema, and the keys it has no description for. */
export function estateJsonSchemaReport(): EstateJsonSchemaReport {
  const generated = z.toJSONSchema(estateSchema, {
    io: 'input',
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      // A default such as `hoursPerDay: 24` is a Decimal, which zod would write as the string "24".
      const def = zodSchema._zod.def as { type: string; defaultValue?: unknown };
      if (def.type === 'default' && isDecimal(def.defaultValue)) jsonSchema.default = def.defaultValue.toNumber();
      // The period's pattern as parsePeriod reads it: never of length zero (`0d`).
      if ((zodSchema as unknown) === periodSchema) jsonSchema.pattern = PERIOD_PATTERN;
    },
  }) as Record<string, unknown>;
  const undescribed: string[] = [];
  const applied = new Set<string>();
  const schema = complete(plain(generated), '', undescribed, applied) as Schema;
  const unapplied = Object.keys(REFINEMENTS).filter((p) => !applied.has(p));
  // A refinement whose object is gone (a section renamed) must not be dropped silently.
  if (unapplied.length > 0) throw new Error(`estate JSON Schema: no object at ${unapplied.join(', ')} for its refinement`);
  return {
    schema: {
      $schema: generated.$schema,
      title: 'dtcost estate (version 1)',
      description: 'A Dynatrace estate to estimate with dtcost: hosts, containers, applications, synthetic monitors, logs, metrics, traces, events.',
      ...schema,
    },
    undescribed,
  };
}

export function estateJsonSchema(): Record<string, unknown> {
  return estateJsonSchemaReport().schema;
}
