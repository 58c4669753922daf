// What in the estate would explain a difference between actual usage and the estimate, in words:
// "observed 12 h/day per host, the estate says 24", "sessions 20% below the estimate". Each line
// sets a figure read off the events against the estate's own key for it, so that the user knows
// which key to change. Only differences are said; a capability that matches gets no line.
import { D, ZERO } from '../core/decimal.js';
import type { Period } from '../core/period.js';
import type { EstateData } from '../input/schema.js';
import { billedHostMemory, billedHoursPerDay } from '../metering/memory.js';
import { beyondIncluded, propertyCount } from '../metering/properties.js';
import { groupThousands } from '../core/digits.js';
import type { ReconcileRow } from './compare.js';
import type { CapabilityUsage } from './usage.js';

export interface ExplainContext {
  estate: EstateData;
  period: Period;
  actual: ReadonlyMap<string, CapabilityUsage>;
  rows: readonly ReconcileRow[];
}

/** A figure for people: at most `places` decimals (half up), thousands grouped. */
export function fmt(value: D, places = 2): string {
  const fixed = value.toDecimalPlaces(places, D.ROUND_HALF_UP).toFixed();
  const [int, frac] = fixed.split('.');
  const negative = int!.startsWith('-');
  const digits = negative ? int!.slice(1) : int!;
  return `${negative ? '-' : ''}${digits.length > 3 ? groupThousands(digits) : digits}${frac ? `.${frac}` : ''}`;
}

const NOUNS: Record<string, string> = {
  'GiB-hour': 'GiB-hours',
  'host-hour': 'host-hours',
  'MSU-hour': 'MSU-hours',
  'container-hour': 'container-hours',
  'pod-hour': 'pod-hours',
  session: 'sessions',
  'property-session': 'property-sessions',
  'synthetic-action': 'synthetic actions',
  'synthetic-request': 'synthetic requests',
  'synthetic-result': 'synthetic results',
  GiB: 'GiB',
  'GiB-day': 'GiB-days',
  'data-point': 'data points',
  'workflow-hour': 'workflow-hours',
  invocation: 'invocations',
  'log-record': 'log records',
  span: 'spans',
  event: 'events',
};

/** "sessions 20% below the estimate", "GiB 3.5% above the estimate". */
function overall(row: ReconcileRow): string | undefined {
  if (row.variancePercent === null || row.difference.isZero()) return undefined;
  const pct = row.variancePercent.abs();
  const shown = pct.lessThan('0.01') ? '<0.01' : fmt(pct);
  return `${NOUNS[row.unit] ?? row.unit} ${shown}% ${row.difference.isNegative() ? 'below' : 'above'} the estimate (${fmt(row.actual.quantity)} against ${fmt(row.estimated.quantity)})`;
}

/** Where in the estate a capability's usage is described. */
const WHERE: Record<string, string> = {
  'full-stack-monitoring': 'hosts (mode fullstack) or containers (monitoring fullstack)',
  'infrastructure-monitoring': 'hosts (mode infrastructure)',
  'foundation-discovery': 'hosts (mode discovery)',
  'kubernetes-platform-monitoring': 'pods',
  'code-monitoring': 'containers (monitoring code) or hosts (mode code)',
  'runtime-vulnerability-analytics': 'hosts or containers with appSecurity: [rva]',
  'runtime-application-protection': 'hosts or containers with appSecurity: [rap]',
  'security-posture-management': 'securityPosture',
  'mainframe-monitoring': 'mainframe',
  'real-user-monitoring': 'applications',
  'real-user-monitoring-session-replay': 'applications (replayRate)',
  'real-user-monitoring-property': 'applications (properties beyond 20)',
  'browser-monitor': 'synthetic.browser',
  'http-monitor': 'synthetic.http',
  'third-party-synthetic': 'synthetic.thirdParty',
  'log-ingest': 'logs (ingestGiBPerDay)',
  'log-retain': 'logs (retentionDays)',
  'log-retain-included-queries': 'logs (includedQueries)',
  'log-query': 'logs (queryGiBPerDay)',
  'metrics-ingest': 'metrics or synthetic.nam',
  'metrics-retain': 'metrics (retentionDays, retainedGiBPerDay)',
  'traces-ingest': 'traces',
  'traces-retain': 'traces (retentionDays)',
  'traces-query': 'traces (queryGiBPerDay)',
  'events-ingest': 'events',
  'events-retain': 'events (retentionDays)',
  'events-query': 'events (queryGiBPerDay)',
  'automation-workflow': 'automation',
  'appengine-functions': 'functions or automation',
};
const NOT_IN_EVENTS = new Set(['custom-metrics-classic', 'log-monitoring-classic', 'custom-traces-classic', 'custom-events-classic', 'serverless-functions-classic']);

/** "1 host", "3 hosts". */
function countOf(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}

const differs = (a: D, b: D, tolerance = '0.005') => (b.isZero() ? !a.isZero() : a.minus(b).abs().div(b).greaterThan(tolerance));

interface Fleet {
  count: D;
  /** Σ count × billed hours a day. */
  hourWeight: D;
  /** Σ count × billed hours a day × billed memory. */
  memoryWeight: D;
}

function hostFleet(estate: EstateData, mode: string): Fleet {
  const f: Fleet = { count: ZERO, hourWeight: ZERO, memoryWeight: ZERO };
  for (const h of estate.hosts) {
    if (h.mode !== mode) continue;
    const hours = billedHoursPerDay(h.hoursPerDay);
    f.count = f.count.plus(h.count);
    f.hourWeight = f.hourWeight.plus(h.count.times(hours));
    if (h.memoryGiB) f.memoryWeight = f.memoryWeight.plus(h.count.times(hours).times(billedHostMemory(h.memoryGiB)));
  }
  return f;
}

/** Entities of the events named by `field` (hosts, nodes, monitors...), with their hours. */
function seen(usage: CapabilityUsage | undefined, field?: string): { count: number; hours: D } {
  const list = (usage?.entities ?? []).filter((e) => field === undefined || e.field === field);
  return { count: list.length, hours: list.reduce((t, e) => t.plus(e.hours), ZERO) };
}

function hostLines(row: ReconcileRow, ctx: ExplainContext, mode: string, noun: string): string[] {
  const lines: string[] = [];
  const usage = ctx.actual.get(row.capabilityId);
  const days = ctx.period.days;
  const fleet = hostFleet(ctx.estate, mode);
  const hosts = seen(usage, 'dt.entity.host');
  if (hosts.count > 0 && fleet.count.greaterThan(0) && !fleet.count.equals(hosts.count)) lines.push(`${countOf(hosts.count, noun)} seen in the events, the estate has ${fmt(fleet.count)}`);
  if (hosts.count > 0 && fleet.count.greaterThan(0)) {
    const observed = hosts.hours.div(days).div(hosts.count);
    const estate = fleet.hourWeight.div(fleet.count);
    if (differs(observed, estate)) lines.push(`observed ${fmt(observed)} h/day per ${noun} on average, the estate says ${fmt(estate)}`);
    if (mode === 'fullstack' && hosts.hours.greaterThan(0) && fleet.hourWeight.greaterThan(0)) {
      const hostGiBHours = (usage?.entities ?? []).filter((e) => e.field === 'dt.entity.host').reduce((t, e) => t.plus(e.quantity), ZERO);
      const gib = hostGiBHours.div(hosts.hours);
      const estateGib = fleet.memoryWeight.div(fleet.hourWeight);
      if (differs(gib, estateGib)) lines.push(`${fmt(gib)} GiB billed per host on average, the estate's hosts bill ${fmt(estateGib)} GiB (memoryGiB, rounded up to 0.25 GiB, at least 4)`);
    }
  }
  return lines;
}

function containerLine(row: ReconcileRow, ctx: ExplainContext): string[] {
  const hours = ctx.period.hours;
  const observed = row.actual.quantity.div(hours);
  let estate = ZERO;
  for (const c of ctx.estate.containers) if (c.monitoring === 'code') estate = estate.plus(c.count.times(billedHoursPerDay(c.hoursPerDay)).div(24));
  for (const h of ctx.estate.hosts) if (h.mode === 'code') estate = estate.plus(h.count.times(h.processes ?? 1).times(billedHoursPerDay(h.hoursPerDay)).div(24));
  return differs(observed, estate) ? [`${fmt(observed)} containers monitored at a time on average (container-hours ÷ ${fmt(hours)} h), the estate ${fmt(estate)}`] : [];
}

function podLine(row: ReconcileRow, ctx: ExplainContext): string[] {
  const observed = row.actual.quantity.div(ctx.period.hours);
  let estate = ZERO;
  for (const p of ctx.estate.pods) if (!p.onFullStackHosts) estate = estate.plus(p.count.times(billedHoursPerDay(p.hoursPerDay)).div(24));
  return differs(observed, estate) ? [`${fmt(observed)} pods at a time on average (pod-hours ÷ ${fmt(ctx.period.hours)} h), the estate's pods ${fmt(estate)}`] : [];
}

function countedPerHour(row: ReconcileRow, ctx: ExplainContext, entries: readonly { count: D; hoursPerDay: D }[], noun: string, field: string): string[] {
  const usage = ctx.actual.get(row.capabilityId);
  const s = seen(usage, field);
  const count = entries.reduce((t, e) => t.plus(e.count), ZERO);
  const weight = entries.reduce((t, e) => t.plus(e.count.times(e.hoursPerDay)), ZERO);
  const lines: string[] = [];
  if (s.count > 0 && count.greaterThan(0) && !count.equals(s.count)) lines.push(`${countOf(s.count, noun)} seen in the events, the estate has ${fmt(count)}`);
  if (s.count > 0 && count.greaterThan(0)) {
    const observed = s.hours.div(ctx.period.days).div(s.count);
    const estate = weight.div(count);
    if (differs(observed, estate)) lines.push(`observed in ${fmt(observed)} hours a day per ${noun} on average, the estate says ${fmt(estate)}`);
  }
  return lines;
}

function perDay(row: ReconcileRow, ctx: ExplainContext, estatePerDay: D, what: string, key: string): string[] {
  const observed = row.actual.gross.div(ctx.period.days);
  return differs(observed, estatePerDay) ? [`${fmt(observed, 3)} ${what} a day observed (gross), the estate's ${key} add up to ${fmt(estatePerDay, 3)}`] : [];
}

function sessionsLines(row: ReconcileRow, ctx: ExplainContext): string[] {
  const rum = ctx.actual.get('real-user-monitoring')?.quantity ?? ZERO;
  const replay = ctx.actual.get('real-user-monitoring-session-replay')?.quantity ?? ZERO;
  const sessions = rum.plus(replay);
  const apps = ctx.estate.applications;
  const visits = apps.reduce((t, a) => t.plus(a.count.times(a.visitsPerMonth)), ZERO);
  const lines: string[] = [];
  if (row.capabilityId === 'real-user-monitoring-session-replay' && sessions.greaterThan(0) && visits.greaterThan(0)) {
    const share = replay.div(sessions);
    const estate = apps.reduce((t, a) => t.plus(a.count.times(a.visitsPerMonth).times(a.replayRate)), ZERO).div(visits);
    if (differs(share, estate, '0.001')) lines.push(`${fmt(share.times(100))}% of the sessions were replayed, the estate's replayRate says ${fmt(estate.times(100))}%`);
  }
  if (row.capabilityId === 'real-user-monitoring-property' && sessions.greaterThan(0)) {
    const perSession = row.actual.quantity.div(sessions);
    const weights = apps.reduce((t, a) => t.plus(a.count.times(a.visitsPerMonth)), ZERO);
    const estate = weights.isZero() ? ZERO : apps.reduce((t, a) => t.plus(a.count.times(a.visitsPerMonth).times(beyondIncluded(propertyCount(a))).times(a.propertyPresence)), ZERO).div(weights);
    if (differs(perSession, estate, '0.001')) lines.push(`${fmt(perSession)} billed properties per session, the estate's properties beyond the 20 included (× propertyPresence) give ${fmt(estate)}`);
  }
  if (row.capabilityId === 'real-user-monitoring' || row.capabilityId === 'real-user-monitoring-session-replay') {
    const seenApps = seen(ctx.actual.get(row.capabilityId), 'dt.entity.application').count;
    const count = apps.reduce((t, a) => t.plus(a.count), ZERO);
    if (seenApps > 0 && count.greaterThan(0) && !count.equals(seenApps)) lines.push(`${countOf(seenApps, 'application')} seen in the events, the estate has ${fmt(count)}`);
  }
  return lines;
}

function monitorsLine(row: ReconcileRow, ctx: ExplainContext, entries: readonly { count: D; enabled?: boolean }[], field: string): string[] {
  const s = seen(ctx.actual.get(row.capabilityId), field);
  const count = entries.filter((m) => m.enabled !== false).reduce((t, m) => t.plus(m.count), ZERO);
  return s.count > 0 && count.greaterThan(0) && !count.equals(s.count) ? [`${countOf(s.count, 'monitor')} seen in the events, the estate has ${fmt(count)} enabled`] : [];
}

function metricsLines(row: ReconcileRow): string[] {
  const lines: string[] = [];
  if (differs(row.actual.gross, row.estimated.gross)) lines.push(`data points ingested (gross): ${fmt(row.actual.gross)} observed, ${fmt(row.estimated.gross)} estimated (metrics series × 60 / intervalSeconds, NAM monitors)`);
  if (differs(row.actual.included, row.estimated.included)) {
    lines.push(`included with host monitoring: ${fmt(row.actual.included)} observed (per 15-minute interval, only points from Full-Stack and Infrastructure hosts), ${fmt(row.estimated.included)} estimated`);
  }
  return lines;
}

function tracesLines(row: ReconcileRow, ctx: ExplainContext): string[] {
  const lines: string[] = [];
  const usage = ctx.actual.get('traces-ingest');
  const byType = (usage?.entities ?? []).filter((e) => e.field === 'licensing_type');
  if (differs(row.actual.gross, row.estimated.gross)) {
    const split = byType.map((e) => `${e.key} ${fmt(e.quantity, 3)}`).join(', ');
    lines.push(`GiB ingested (gross): ${fmt(row.actual.gross, 3)} observed${split ? ` (${split})` : ''}, ${fmt(row.estimated.gross, 3)} estimated (traces requestsPerMonth × spansPerRequest × averageSpanKiB)`);
  }
  if (differs(row.actual.included, row.estimated.included)) lines.push(`included with Full-Stack: ${fmt(row.actual.included, 3)} GiB observed (per 15-minute interval, fullstack licensing types only), ${fmt(row.estimated.included, 3)} GiB estimated`);
  return lines;
}

export function explain(row: ReconcileRow, ctx: ExplainContext): string[] {
  const a = row.actual.quantity;
  const e = row.estimated.quantity;
  if (a.equals(e) && row.actual.gross.equals(row.estimated.gross)) return [];
  const lines: string[] = [];
  if (row.estimated.items === 0) {
    lines.push(`not in the estimate: the estate has nothing billed as ${row.capabilityId}; add ${WHERE[row.capabilityId] ?? 'entries for it'}`);
  } else if (a.isZero() && row.actual.events === 0 && row.actual.apiRows === 0) {
    lines.push(NOT_IN_EVENTS.has(row.capabilityId) ? 'not in billing usage events: platform extensions are reported only by the DPS API usage' : `no usage in the files: the estate's ${WHERE[row.capabilityId] ?? 'entries'} were not used in this span, or their events are not in the export`);
    return lines;
  }
  const d = ctx.estate;
  switch (row.capabilityId) {
    case 'full-stack-monitoring':
      lines.push(...hostLines(row, ctx, 'fullstack', 'host'));
      break;
    case 'infrastructure-monitoring':
      lines.push(...hostLines(row, ctx, 'infrastructure', 'host'));
      break;
    case 'foundation-discovery':
      lines.push(...hostLines(row, ctx, 'discovery', 'host'));
      break;
    case 'code-monitoring':
      lines.push(...containerLine(row, ctx));
      break;
    case 'kubernetes-platform-monitoring':
      lines.push(...podLine(row, ctx));
      break;
    case 'security-posture-management':
      lines.push(...countedPerHour(row, ctx, d.securityPosture, 'node', 'dt.entity.kubernetes_node'));
      break;
    case 'automation-workflow':
      lines.push(...countedPerHour(row, ctx, d.automation, 'workflow', 'workflow.id'));
      if (a.lessThan(e)) lines.push('the events count a workflow-hour only in hours with an execution; the estate counts every hour a workflow is deployed (automation hoursPerDay)');
      break;
    case 'mainframe-monitoring': {
      const observed = a.div(ctx.period.hours);
      const estate = d.mainframe.reduce((t, m) => t.plus(m.msu), ZERO);
      if (differs(observed, estate)) lines.push(`${fmt(observed)} MSU consumed on average (MSU-hours ÷ ${fmt(ctx.period.hours)} h), the estate's mainframe msu add up to ${fmt(estate)}`);
      break;
    }
    case 'real-user-monitoring':
    case 'real-user-monitoring-session-replay':
    case 'real-user-monitoring-property':
      lines.push(...sessionsLines(row, ctx));
      break;
    case 'browser-monitor':
      lines.push(...monitorsLine(row, ctx, d.synthetic.browser, 'dt.entity.synthetic_test'));
      break;
    case 'http-monitor':
      lines.push(...monitorsLine(row, ctx, d.synthetic.http, 'dt.entity.http_check'));
      break;
    case 'third-party-synthetic':
      lines.push(...monitorsLine(row, ctx, d.synthetic.thirdParty, 'dt.entity.external_synthetic_test'));
      break;
    case 'log-ingest':
      lines.push(...perDay(row, ctx, d.logs.reduce((t, l) => t.plus(l.ingestGiBPerDay ?? ZERO), ZERO), 'GiB ingested', 'logs ingestGiBPerDay'));
      break;
    case 'log-query':
      lines.push(...perDay(row, ctx, d.logs.reduce((t, l) => t.plus(l.queryGiBPerDay), ZERO), 'GiB scanned', 'logs queryGiBPerDay'));
      break;
    case 'log-retain':
    case 'log-retain-included-queries':
    case 'metrics-retain':
    case 'traces-retain':
    case 'events-retain': {
      const stored = a.div(ctx.period.days);
      lines.push(`${fmt(stored, 3)} GiB stored on average (GiB-days ÷ ${fmt(ctx.period.days)} days)`);
      break;
    }
    case 'metrics-ingest':
      lines.push(...metricsLines(row));
      break;
    case 'traces-ingest':
      lines.push(...tracesLines(row, ctx));
      break;
    case 'traces-query':
      lines.push(...perDay(row, ctx, d.traces.reduce((t, x) => t.plus(x.queryGiBPerDay), ZERO), 'GiB scanned', 'traces queryGiBPerDay'));
      break;
    case 'events-query':
      lines.push(...perDay(row, ctx, d.events.reduce((t, x) => t.plus(x.queryGiBPerDay), ZERO), 'GiB scanned', 'events queryGiBPerDay'));
      break;
    case 'runtime-vulnerability-analytics':
    case 'runtime-application-protection': {
      const fs = ctx.actual.get('full-stack-monitoring')?.quantity;
      if (fs && fs.greaterThan(0) && differs(a, fs, '0')) lines.push(`${fmt(a.div(fs).times(100))}% of the Full-Stack GiB-hours are protected (${fmt(a)} of ${fmt(fs)}); the estate's appSecurity says which hosts and containers are`);
      break;
    }
    default:
  }
  const general = overall(row);
  if (general) lines.push(general);
  return lines;
}

