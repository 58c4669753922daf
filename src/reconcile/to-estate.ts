// `dtcost reconcile --to-estate`: a starting estate from actual usage (for a renewal: what the
// customer used, as estate entries to edit), written as commented YAML whose every entry names
// the events it comes from, checked against the estate schema before it is written.
//
// Each entry reproduces the usage it comes from over the events' span, exactly where the estate's
// keys allow it and rounded (and said so) where a key must be whole or a repeating fraction:
// - Full-Stack hosts: one per dt.entity.host (identical ones grouped with a count), memoryGiB =
//   its GiB-hours ÷ its hours observed, hoursPerDay = its hours observed ÷ the days of the span;
//   appSecurity from its Runtime Vulnerability Analytics / Application Protection events;
// - Infrastructure and Foundation & Discovery hosts: the same by host-hours (their memory is not
//   in the events: a placeholder, said in a comment, used only by classic licensing);
// - Code Monitoring: hosts of mode code, processes = the containers monitored at a time on
//   average, rounded up; Kubernetes pods, Security Posture Management nodes, mainframe MSU alike;
// - RUM applications (sessions a month, replayRate, properties beyond 20), browser, HTTP and
//   third-party monitors (their actions, requests and results a month), logs per bucket (ingest,
//   retention from the average stored, queries), metrics per monitoring_source, traces per
//   licensing_type, events per category, automation workflows, AppEngine functions.
import { D, ONE, ZERO } from '../core/decimal.js';
import type { Diagnostic } from '../input/diagnostics.js';
import { loadText } from '../input/load.js';
import { estateSchema, TEN_YEARS_DAYS } from '../input/schema.js';
import { n } from '../core/text.js';
import { cleanName, commentLines, yamlString } from '../import/write.js';
import type { CollectedUsage } from './collect.js';
import type { CapabilityUsage, EntityUsage } from './usage.js';

export type MadeEstate = { ok: true; text: string; entries: number; notes: string[] } | { ok: false; diagnostics: Diagnostic[] };

type Value = D | string | boolean | readonly string[];

interface Entry {
  name: string;
  fields: [string, Value][];
  comments: string[];
}

const THIRTY = new D(30);
/** The capabilities whose usage becomes estate entries (the rest is said in a note). */
const COVERED = new Set(['full-stack-monitoring', 'infrastructure-monitoring', 'foundation-discovery', 'code-monitoring', 'kubernetes-platform-monitoring', 'security-posture-management', 'mainframe-monitoring', 'runtime-vulnerability-analytics', 'runtime-application-protection', 'real-user-monitoring', 'real-user-monitoring-session-replay', 'real-user-monitoring-property', 'browser-monitor', 'http-monitor', 'third-party-synthetic', 'log-ingest', 'log-retain', 'log-retain-included-queries', 'log-query', 'metrics-ingest', 'traces-ingest', 'events-ingest', 'automation-workflow', 'appengine-functions']);
const INFRA_MEMORY_PLACEHOLDER = new D(16);

/** A value with at most `places` decimals: exact when it has no more, else rounded half up (`rounded` is told). */
function fixed(value: D, places: number, rounded: { any: boolean }): D {
  if (value.decimalPlaces() <= places) return value;
  rounded.any = true;
  return value.toDecimalPlaces(places, D.ROUND_HALF_UP);
}

function scalar(value: Value): string {
  if (value instanceof D) return value.isZero() ? '0' : value.toFixed();
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return yamlString(value);
  return `[${value.map(yamlString).join(', ')}]`;
}

const events = (k: number) => `${k.toLocaleString('en-US')} ${k === 1 ? 'event' : 'events'}`;

function listNames(names: readonly string[], most = 10): string {
  return names.length > most ? `${names.slice(0, most).join(', ')} and ${(names.length - most).toLocaleString('en-US')} more` : names.join(', ');
}

class Builder {
  readonly sections = new Map<string, Entry[]>();
  readonly notes: string[] = [];
  private readonly names = new Map<string, Set<string>>();

  constructor(
    readonly hours: D,
    readonly days: D,
  ) {}

  add(section: string, name: string, fields: [string, Value][], comments: string[]): void {
    let used = this.names.get(section);
    if (!used) this.names.set(section, (used = new Set()));
    const base = cleanName(name, 'usage');
    let unique = base;
    for (let i = 2; used.has(unique); i++) unique = `${base}-${i}`;
    used.add(unique);
    let list = this.sections.get(section);
    if (!list) this.sections.set(section, (list = []));
    list.push({ name: unique, fields, comments });
  }

  perMonth(quantity: D): D {
    return quantity.times(THIRTY).div(this.days);
  }
}

const byField = (c: CapabilityUsage | undefined, field: string) => (c?.entities ?? []).filter((e) => e.field === field);

function hostEntries(b: Builder, usage: Map<string, CapabilityUsage>, id: string, mode: string, label: string): void {
  const cap = usage.get(id);
  if (!cap) return;
  const rva = new Set(byField(usage.get('runtime-vulnerability-analytics'), 'dt.entity.host').map((e) => e.key));
  const rap = new Set(byField(usage.get('runtime-application-protection'), 'dt.entity.host').map((e) => e.key));
  // Hosts alike (memory, hours, protection) are one entry with a count.
  const groups = new Map<string, { hosts: EntityUsage[]; fields: [string, Value][]; rounded: boolean }>();
  for (const e of byField(cap, 'dt.entity.host')) {
    if (e.hours.isZero()) continue;
    const rounded = { any: false };
    const hoursPerDay = D.min(24, fixed(e.hours.div(b.days), 4, rounded));
    const fields: [string, Value][] = [];
    if (mode === 'fullstack') fields.push(['memoryGiB', fixed(e.quantity.div(e.hours), 4, rounded)]);
    else fields.push(['memoryGiB', INFRA_MEMORY_PLACEHOLDER]);
    if (mode !== 'fullstack') fields.push(['mode', mode]);
    fields.push(['hoursPerDay', hoursPerDay]);
    const security = [...(rva.has(e.key) ? ['rva'] : []), ...(rap.has(e.key) ? ['rap'] : [])];
    if (security.length > 0) fields.push(['appSecurity', security]);
    const key = fields.map(([k, v]) => `${k}=${scalar(v)}`).join(' ');
    const g = groups.get(key);
    if (g) g.hosts.push(e);
    else groups.set(key, { hosts: [e], fields, rounded: rounded.any });
  }
  for (const g of groups.values()) {
    const count = g.hosts.length;
    const total = g.hosts.reduce((t, e) => t.plus(e.quantity), ZERO);
    const comments = [`from ${events(g.hosts.reduce((t, e) => t + e.events, 0))} "${label}" of ${listNames(g.hosts.map((e) => e.key))}: ${n(total)} ${cap.unit}s`];
    if (mode !== 'fullstack') comments.push(`memoryGiB: not in the events (${label} is billed per host-hour, whatever the memory): ${INFRA_MEMORY_PLACEHOLDER.toFixed()} is a placeholder, used only under classic licensing`);
    if (g.rounded) comments.push('memoryGiB and hoursPerDay rounded to 4 decimals');
    b.add('hosts', count === 1 ? g.hosts[0]!.key : `${mode} ${g.fields.map(([k, v]) => (k === 'memoryGiB' && mode === 'fullstack' ? `${scalar(v)} GiB` : k === 'hoursPerDay' ? `${scalar(v)} h` : '')).filter(Boolean).join(' ')}`, [...(count > 1 ? [['count', new D(count)] as [string, Value]] : []), ...g.fields], comments);
  }
  // Events without a host entity: one entry, as if steady over the span.
  const named = byField(cap, 'dt.entity.host').reduce((t, e) => t.plus(e.quantity), ZERO);
  const rest = cap.gross.minus(named);
  if (rest.greaterThan(0)) {
    const rounded = { any: false };
    const fields: [string, Value][] = mode === 'fullstack' ? [['memoryGiB', fixed(rest.div(b.hours), 4, rounded)]] : [['memoryGiB', INFRA_MEMORY_PLACEHOLDER], ['mode', mode], ['hoursPerDay', D.min(24, fixed(rest.div(b.days), 4, rounded))]];
    b.add('hosts', `${mode} without a host entity`, fields, [`from the "${label}" events without dt.entity.host: ${n(rest)} ${cap.unit}s, as one host all the time${rounded.any ? ' (rounded to 4 decimals)' : ''}`]);
  }
}

/** Entries counted per hour (pods, containers, nodes): count = the average at a time, rounded up; hoursPerDay makes the total exact. */
function concurrent(b: Builder, quantity: D): { count: D; hoursPerDay: D; rounded: boolean } {
  const count = D.max(ONE, quantity.div(b.hours).ceil());
  const rounded = { any: false };
  return { count, hoursPerDay: D.min(24, fixed(quantity.div(count).div(b.days), 4, rounded)), rounded: rounded.any };
}

export function usageEstate(collected: CollectedUsage, command: string): MadeEstate {
  const span = collected.totals.span;
  if (span === null || span[1] <= span[0]) return { ok: false, diagnostics: [{ file: collected.files[0]?.file ?? '', message: 'no usage with a time span: nothing to make an estate from' }] };
  const hours = new D(span[1] - span[0]).div(3_600_000);
  const b = new Builder(hours, hours.div(24));
  const usage = new Map(collected.totals.capabilities.filter((c) => c.capabilityId).map((c) => [c.capabilityId!, c]));
  const rounded = { any: false };
  const mo = (q: D) => fixed(b.perMonth(q), 4, rounded);

  hostEntries(b, usage, 'full-stack-monitoring', 'fullstack', 'Full-Stack Monitoring');
  hostEntries(b, usage, 'infrastructure-monitoring', 'infrastructure', 'Infrastructure Monitoring');
  hostEntries(b, usage, 'foundation-discovery', 'discovery', 'Foundation & Discovery');

  const code = usage.get('code-monitoring');
  if (code) {
    const groups = code.entities.length > 0 ? code.entities.map((e) => ({ name: e.key, quantity: e.quantity, events: e.events })) : [{ name: 'code monitoring', quantity: code.quantity, events: code.events }];
    for (const g of groups) {
      const c = concurrent(b, g.quantity);
      b.add('hosts', g.name, [['mode', 'code'], ['processes', c.count], ['hoursPerDay', c.hoursPerDay]], [`from ${events(g.events)} "Code Monitoring": ${n(g.quantity)} container-hours; processes = the containers monitored at a time on average, rounded up${c.rounded ? '; hoursPerDay rounded to 4 decimals' : ''}`]);
    }
  }
  const pods = usage.get('kubernetes-platform-monitoring');
  if (pods) {
    const groups = pods.entities.length > 0 ? pods.entities.map((e) => ({ name: e.key, quantity: e.quantity, events: e.events })) : [{ name: 'pods', quantity: pods.quantity, events: pods.events }];
    for (const g of groups) {
      const c = concurrent(b, g.quantity);
      b.add('pods', g.name, [['count', c.count], ['hoursPerDay', c.hoursPerDay]], [`from ${events(g.events)} "Kubernetes Platform Monitoring": ${n(g.quantity)} pod-hours; count = pods at a time on average, rounded up${c.rounded ? '; hoursPerDay rounded to 4 decimals' : ''}`]);
    }
  }
  const spm = usage.get('security-posture-management');
  if (spm) {
    const nodes = spm.entities.length;
    const c = { count: new D(Math.max(1, nodes)), hoursPerDay: D.min(24, fixed(spm.quantity.div(Math.max(1, nodes)).div(b.days), 4, rounded)) };
    b.add('securityPosture', 'kubernetes nodes', [['count', c.count], ['hoursPerDay', c.hoursPerDay]], [`from ${events(spm.events)} "Security Posture Management": ${n(spm.quantity)} node-hours of ${listNames(spm.entities.map((e) => e.key))}`]);
  }
  const mainframe = usage.get('mainframe-monitoring');
  if (mainframe) b.add('mainframe', 'mainframe', [['msu', fixed(mainframe.quantity.div(b.hours), 4, rounded)]], [`from ${events(mainframe.events)} "Mainframe Monitoring": ${n(mainframe.quantity)} MSU-hours ÷ ${n(b.hours)} h`]);

  // RUM: per application, sessions (replayed or not) and properties.
  const rum = usage.get('real-user-monitoring');
  const replay = usage.get('real-user-monitoring-session-replay');
  const property = usage.get('real-user-monitoring-property');
  if (rum || replay) {
    const apps = new Map<string, { plain: D; replayed: D; properties: D; events: number }>();
    const into = (c: CapabilityUsage | undefined, pick: 'plain' | 'replayed' | 'properties') => {
      if (!c) return;
      const named = c.entities.filter((e) => e.field === 'dt.entity.application' || e.field === 'dt.entity.device_application');
      const rest = c.quantity.minus(named.reduce((t, e) => t.plus(e.quantity), ZERO));
      for (const e of [...named, ...(rest.greaterThan(0) ? [{ key: 'applications', quantity: rest, events: 0 } as EntityUsage] : [])]) {
        let a = apps.get(e.key);
        if (!a) apps.set(e.key, (a = { plain: ZERO, replayed: ZERO, properties: ZERO, events: 0 }));
        a[pick] = a[pick].plus(e.quantity);
        a.events += e.events;
      }
    };
    into(rum, 'plain');
    into(replay, 'replayed');
    into(property, 'properties');
    for (const [name, a] of apps) {
      const sessions = a.plain.plus(a.replayed);
      if (sessions.isZero()) continue;
      const fields: [string, Value][] = [['visitsPerMonth', mo(sessions)]];
      if (!a.replayed.isZero()) fields.push(['replayRate', fixed(a.replayed.div(sessions), 6, rounded)]);
      const comments = [`from ${events(a.events)} of Real User Monitoring for ${name}: ${n(sessions)} sessions (${n(a.replayed)} replayed) in ${n(b.days)} days; visitsPerMonth is the billed sessions a month (no bounces, one session per visit)`];
      if (!a.properties.isZero()) {
        const perSession = a.properties.div(sessions);
        const beyond = perSession.ceil();
        fields.push(['properties', beyond.plus(20)]);
        if (!perSession.equals(beyond)) fields.push(['propertyPresence', fixed(perSession.div(beyond), 6, rounded)]);
        comments.push(`${n(a.properties)} property-sessions: ${n(perSession)} billed properties per session beyond the 20 included`);
      }
      b.add('applications', name, fields, comments);
    }
  }

  const minutes = b.hours.times(60);
  const browser = usage.get('browser-monitor');
  for (const e of browser?.entities ?? []) {
    // Steps and frequency that give its actions exactly: browser monitors run at most every 5 minutes.
    const steps = D.max(ONE, e.quantity.times(5).div(minutes).ceil());
    b.add('synthetic.browser', e.key, [['billableSteps', steps], ['frequencyMinutes', fixed(steps.times(minutes).div(e.quantity), 6, rounded)], ['locations', ONE]], [`from ${events(e.events)} "Browser Monitor or Clickpath": ${n(e.quantity)} synthetic actions in ${n(b.days)} days (steps × executions × locations: one location assumed)`]);
  }
  const http = usage.get('http-monitor');
  for (const e of http?.entities ?? []) {
    // Requests per execution such that it runs at most every 5 minutes, as the browser monitors.
    const requests = D.max(ONE, e.quantity.times(5).div(minutes).ceil());
    b.add('synthetic.http', e.key, [['requests', requests], ['frequencyMinutes', fixed(requests.times(minutes).div(e.quantity), 6, rounded)], ['locations', ONE]], [`from ${events(e.events)} "HTTP Monitor": ${n(e.quantity)} synthetic requests in ${n(b.days)} days (requests × executions × locations: one location assumed)`]);
  }
  const third = usage.get('third-party-synthetic');
  for (const e of third?.entities ?? []) {
    b.add('synthetic.thirdParty', e.key, [['resultsPerMonth', mo(e.quantity)]], [`from ${events(e.events)} "Third-Party Synthetic API Ingestion": ${n(e.quantity)} results in ${n(b.days)} days`]);
  }

  // Logs per bucket.
  const logIngest = usage.get('log-ingest');
  if (logIngest) {
    const retain = usage.get('log-retain');
    const iq = usage.get('log-retain-included-queries');
    const query = usage.get('log-query');
    const of = (c: CapabilityUsage | undefined, bucket: string) => (c?.entities ?? []).filter((e) => e.field === 'usage.bucket' && e.key === bucket).reduce((t, e) => t.plus(e.quantity), ZERO);
    const buckets = logIngest.entities.filter((e) => e.field === 'usage.bucket');
    const list = buckets.length > 0 ? buckets : [{ key: 'logs', quantity: logIngest.quantity, events: logIngest.events } as EntityUsage];
    for (const e of list) {
      const perDay = fixed(e.quantity.div(b.days), 6, rounded);
      const fields: [string, Value][] = [['ingestGiBPerDay', perDay]];
      const comments = [`from ${events(e.events)} "Log Management & Analytics - Ingest & Process" of bucket ${e.key}: ${n(e.quantity)} GiB in ${n(b.days)} days`];
      const stored = (buckets.length > 0 ? of(retain, e.key).plus(of(iq, e.key)) : (retain?.quantity ?? ZERO).plus(iq?.quantity ?? ZERO)).div(b.days);
      const included = (buckets.length > 0 ? of(iq, e.key) : (iq?.quantity ?? ZERO)).greaterThan(0);
      if (stored.greaterThan(0) && perDay.greaterThan(0)) {
        // Within what a log bucket can keep (1 day to 10 years; 10 days at least with included queries).
        const steady = stored.div(perDay).round();
        const days = D.min(TEN_YEARS_DAYS, D.max(included ? 10 : 1, steady));
        fields.push(['retentionDays', days]);
        comments.push(`retentionDays: ${n(stored)} GiB stored on average ÷ ${n(perDay)} GiB a day, rounded (steady state)${days.equals(steady) ? '' : `: ${n(steady)}, held to ${n(days)} (a log bucket keeps ${included ? '10 days, with included queries,' : '1 day'} to 10 years)`}`);
      } else if (perDay.greaterThan(0)) {
        // Nothing retained in the events: the estate's default retention would estimate some.
        comments.push('no Retain events for this bucket: retentionDays is left at its default (35 days), which estimates Retain; set it to what the bucket keeps');
      }
      if (included) fields.push(['includedQueries', true]);
      const scanned = buckets.length > 0 ? of(query, e.key) : (query?.quantity ?? ZERO);
      if (scanned.greaterThan(0)) fields.push(['queryGiBPerDay', fixed(scanned.div(b.days), 6, rounded)]);
      b.add('logs', e.key, fields, comments);
    }
  }
  const metrics = usage.get('metrics-ingest');
  for (const e of metrics?.entities.filter((x) => x.field === 'monitoring_source') ?? []) {
    const series = D.max(ONE, e.quantity.div(minutes).ceil());
    const origin = e.key === 'fullstack' || e.key === 'infrastructure' ? e.key : 'other';
    b.add('metrics', `metrics from ${e.key}`, [['series', series], ['intervalSeconds', fixed(series.times(minutes).times(60).div(e.quantity), 6, rounded)], ['origin', origin]], [`from ${events(e.events)} "Metrics - Ingest & Process" of monitoring_source ${e.key}: ${n(e.quantity)} data points (gross) in ${n(b.days)} days`]);
  }
  const traces = usage.get('traces-ingest');
  for (const e of traces?.entities.filter((x) => x.field === 'licensing_type') ?? []) {
    const kib = e.quantity.times(1_048_576);
    b.add('traces', `traces ${e.key}`, [['requestsPerMonth', mo(kib)], ['averageSpanKiB', ONE], ['fromFullStack', e.key.startsWith('fullstack')]], [`from ${events(e.events)} "Traces - Ingest & Process" of licensing_type ${e.key}: ${n(e.quantity)} GiB in ${n(b.days)} days; the events give bytes, so one span of 1 KiB per KiB`]);
  }
  const ev = usage.get('events-ingest');
  for (const e of ev?.entities ?? []) {
    b.add('events', e.key, [['eventsPerMonth', mo(e.quantity.times(1_048_576))], ['averageEventKiB', ONE]], [`from ${events(e.events)} "Events - Ingest & Process" of ${e.field} ${e.key}: ${n(e.quantity)} GiB in ${n(b.days)} days; the events give bytes, so one event of 1 KiB per KiB`]);
  }
  const workflows = usage.get('automation-workflow');
  for (const e of workflows?.entities ?? []) {
    b.add('automation', e.label ?? e.key, [['hoursPerDay', D.min(24, fixed(e.quantity.div(b.days), 4, rounded))]], [`from ${events(e.events)} "Automation Workflow" of workflow.id ${e.key}: ${n(e.quantity)} workflow-hours (hours with an execution) in ${n(b.days)} days`]);
  }
  const functions = usage.get('appengine-functions');
  for (const e of functions?.entities ?? []) {
    b.add('functions', e.key, [['invocationsPerMonth', mo(e.quantity)]], [`from ${events(e.events)} "AppEngine Functions - Small" of ${e.field} ${e.key}: ${n(e.quantity)} invocations`]);
  }

  // The text, sections in the estate's order.
  const order = ['hosts', 'pods', 'applications', 'synthetic.browser', 'synthetic.http', 'synthetic.thirdParty', 'logs', 'metrics', 'traces', 'events', 'mainframe', 'securityPosture', 'automation', 'functions'];
  const start = new Date(span[0]).toISOString().replace('.000Z', 'Z');
  const end = new Date(span[1]).toISOString().replace('.000Z', 'Z');
  const header = [
    ...commentLines(`Made by: ${command}`, ''),
    ...commentLines(`From ${collected.totals.events.toLocaleString('en-US')} billing usage events (${collected.duplicates.toLocaleString('en-US')} refreshed ${collected.duplicates === 1 ? 'copy' : 'copies'} dropped) of ${start} to ${end} (${n(b.days)} days): what was used, as a starting estate. Per-month keys are scaled × 30 / ${n(b.days)} days.`, ''),
    '# Check every entry (counts, hoursPerDay, memory, retention) before estimating: dtcost estimate <this file>',
  ];
  if (rounded.any) header.push(...commentLines('Some values are rounded (to 4 or 6 decimals, or up to whole numbers where a key must be whole): the estimate of this file can differ from the usage in the last digits.', ''));
  let text = `${header.join('\n')}\nversion: 1\nname: ${yamlString(`from usage ${start.slice(0, 10)} to ${end.slice(0, 10)}`)}\n`;
  let entries = 0;
  let synthetic = false;
  for (const section of order) {
    const list = b.sections.get(section);
    if (!list) continue;
    const nested = section.startsWith('synthetic.');
    if (nested && !synthetic) {
      text += '\nsynthetic:\n';
      synthetic = true;
    }
    const indent = nested ? '    ' : '  ';
    text += nested ? `  ${section.slice('synthetic.'.length)}:\n` : `\n${section}:\n`;
    for (const e of list) {
      entries++;
      for (const c of e.comments) text += `${commentLines(c, indent).join('\n')}\n`;
      text += `${indent}- name: ${yamlString(e.name)}\n`;
      for (const [k, v] of e.fields) text += `${indent}  ${k}: ${scalar(v)}\n`;
    }
  }
  if (entries === 0) return { ok: false, diagnostics: [{ file: collected.files[0]?.file ?? '', message: 'the usage has nothing an estate can hold' }] };
  const checked = loadText({ file: '<the estate made>', dir: process.cwd(), text }, estateSchema, 'an estate');
  if (!checked.ok) throw new Error(`the estate made from usage does not validate: ${checked.diagnostics.map((d) => `${d.path ?? ''} ${d.message}`).join('; ')}`);
  const left = collected.totals.capabilities.filter((c) => c.capabilityId === null || !COVERED.has(c.capabilityId));
  if (left.length > 0) b.notes.push(`not made into estate entries (edit them in by hand): ${left.map((c) => c.eventTypes.join(', ') || c.key).join('; ')}`);
  return { ok: true, text, entries, notes: b.notes };
}
