// Every note and warning an estimate can give, by a stable id, with its kind (`code`) and its text:
// one table (as ESLint's rule messages, attw's problem kinds), so that JSON readers can rely on
// the id while the words stay free to improve. Rules and the orchestrator say `id` and params;
// the text is made here.

export type WarningCode = 'not-estimated' | 'note' | 'ignored' | 'unpriced' | 'provisional-price' | 'currency' | 'budget-incomplete' | 'budget-scaled';

export interface Warning {
  /** What kind of caveat it is. */
  code: WarningCode;
  /** Which caveat exactly: a key of MESSAGES, stable across versions. */
  id: MessageId;
  message: string;
}

const list = (names: readonly string[], most = Infinity) => (names.length > most ? `${names.slice(0, most).join(', ')} and others` : names.join(', '));

function message<P>(code: WarningCode, text: (p: P) => string) {
  return { code, text };
}

export const MESSAGES = {
  // What the estimate leaves out, or what has no equivalent in the model.
  'section-not-estimated': message('not-estimated', (p: { section: string; entries: number; model: string }) =>
    `${p.section} (${p.entries} ${p.entries === 1 ? 'entry' : 'entries'}) not estimated: this version of dtcost has no ${p.model} rule for it yet`),
  'license-not-evaluated': message('not-estimated', (p: { keys: readonly string[] }) => `${p.keys.map((k) => `license.${k}`).join(', ')}: not evaluated yet by this version of dtcost`),
  'license-ignored-under-dps': message('ignored', () => 'license: classic contract quotas do not apply under DPS; ignored'),
  'budget-cap-other-model': message('ignored', (p: { kind: 'capabilities' | 'units'; key: string; of: string; model: string }) =>
    `budget.${p.kind}.${p.key}: a ${p.of} ${p.kind === 'units' ? 'unit' : 'capability'}; not checked under ${p.model}`),
  // Plans.
  'plan-commitments-classic': message('ignored', () => 'contract.commitments: DPS commitments; under classic licensing the licensed quotas (license) are what is committed'),
  // Prices.
  'unpriced-classic-unit': message('unpriced', (p: { unit: string; ids: readonly string[]; items: number }) =>
    `no price for ${p.unit} (${p.ids.join(', ')}): ${items(p.items)}; classic unit prices come only from your own rate card (--rates)`),
  'unpriced-overage': message('unpriced', (p: { id: string; items: number }) =>
    `no price for ${p.id}: ${items(p.items)}; an overage is priced by its own id, or at its unit's price when the card prices the licensed quota: add ${p.id} to your rate card`),
  'unpriced-capability': message('unpriced', (p: { id: string; items: number }) => `no price for ${p.id}: ${items(p.items)}; no public list price is known, add one to a rate card (--rates)`),
  'provisional-prices': message('provisional-price', (p: { ids: readonly string[] }) =>
    `provisional prices (grade S: secondary sources, not verified) for ${p.ids.join(', ')}; confirm them or pass your rate card (--rates)`),
  'currency-label': message('currency', (p: { prices: string; label: string }) => `prices are in ${p.prices} but amounts are labelled ${p.label}: nothing is converted`),
  // Budgets.
  'budget-scaled': message('budget-scaled', (p: { per: string; days: string; estateDays: string; period: string }) =>
    `the estate's budget is per ${p.per}; scaled × ${p.days} d / ${p.estateDays} d to the ${p.period} estimated`),
  'budget-incomplete': message('budget-incomplete', (p: { items: number }) =>
    `the budget is checked against priced line items only: ${p.items} line ${p.items === 1 ? 'item has' : 'items have'} no price`),
  // Notes of the rules.
  'activity-window': message('note', (p: { name: string; hours: string; periodHours: string }) =>
    `activity ${p.name} covers ${p.hours} h, the period ${p.periodHours} h: its runs are counted as observed, not scaled`),
  'discovery-no-classic': message('note', (p: { names: readonly string[] }) => `hosts in discovery mode (${list(p.names)}) have no classic licensing equivalent: no host units`),
  'dps-only-capabilities': message('note', (p: { sections: readonly string[] }) =>
    `${list(p.sections)}: DPS capabilities (Security Posture Management, Automation Workflow, AppEngine Functions) with no classic licensing equivalent: nothing consumed`),
  'code-hosts-no-memory-classic': message('note', (p: { names: readonly string[] }) =>
    `hosts in mode code without memoryGiB (${list(p.names)}): classic application-only monitoring counts host units by the memory of the host or container the code modules run in; give memoryGiB to estimate them (none counted)`),
  'log-classic-no-records': message('note', (p: { name: string }) =>
    `logs ${p.name}: Log Monitoring Classic without recordsPerMonth (it is licensed by log storage under classic): DPS bills its records, which the estate does not say; not estimated`),
  'pods-no-classic': message('note', () => 'pods: Kubernetes Platform Monitoring is a DPS capability; under classic licensing only the hosts and containers the pods run on consume host units'),
  'classic-trace-volume': message('note', (p: { calls: string; hostUnits: string }) =>
    `included trace volume: ${p.calls} full-service calls/min (max(5,000, 250 × ${p.hostUnits} Full-Stack host units at peak))`),
  'quota-no-overages': message('note', (p: { quota: string; excess: string }) =>
    `the ${p.quota} quota would be exceeded by ${p.excess}, and the license allows no overages: monitoring beyond the quota would stop`),
  'log-storage-allowance': message('note', (p: { limit: string; days: string; daily: string; annual: string }) =>
    `log storage: ${p.limit} GiB of annual average storage over ${p.days} days allows ${p.daily} GiB a day (${p.annual} GiB a year)`),
  'log-storage-no-overages': message('note', (p: { excess: string }) => `the log storage quota would be exceeded by ${p.excess} GiB, and the license allows no overages`),
  'custom-metrics-free-tier': message('note', (p: { hostUnits: string; free: string; series: string }) =>
    `custom metrics free tier: 100 + 10 × ${p.hostUnits} host units = ${p.free} (at most 10,000); the estate reports ${p.series}`),
  'classic-included-queries': message('note', (p: { name: string }) => `logs ${p.name}: includedQueries is a DPS retention model; classic DDUs bill queries as read`),
  'serverless-extension': message('note', (p: { names: readonly string[] }) =>
    `serverless (${list(p.names)}): billed as Serverless Functions Classic, a platform extension that subscriptions signed since January 12, 2026 no longer have; there, function traces are Traces - Ingest & Process: list them under traces with averageSpanKiB (and set license.platformExtensions: true to silence this note)`),
  'included-queries-quota': message('note', (p: { name: string; read: string; quota: string; days: string }) =>
    `logs ${p.name}: ${p.read} GiB read a day within the included-queries period is more than its fair-use quota of ${p.quota} GiB a day (the ${p.days} days of logs × 15); Dynatrace reaches out beyond it, no charge`),
  'traces-no-span-size': message('note', (p: { name: string }) => `traces ${p.name}: no averageSpanKiB, so no GiB to bill under DPS; not estimated`),
  'events-no-event-size': message('note', (p: { name: string }) => `events ${p.name}: no averageEventKiB, so no GiB to bill under DPS; not estimated`),
  // Classic licensing to the documents (issue 14).
  'custom-metrics-legacy': message('note', (p: { series: string }) =>
    `metrics: ${p.series} custom metrics counted against license.customMetrics (custom-metric licensing, before Davis data units), not billed as DDUs; without customMetrics they are DDUs`),
  'custom-metrics-converted': message('note', () =>
    'license.customMetrics: not evaluated, the license has DDUs (license.ddus), into which custom-metric quotas were converted; metrics are billed as DDUs'),
  'log-storage-legacy': message('note', (p: { key: string }) =>
    `logs: counted against the Log Monitoring storage quota (license.${p.key}, Dynatrace 1.207 and earlier), not billed as DDUs; without it they are DDUs`),
  'log-storage-no-gib': message('note', (p: { names: readonly string[] }) =>
    `logs ${list(p.names)}: no ingestGiBPerDay, so nothing to count against the log storage quota; not estimated`),
  'classic-metric-origin': message('note', (p: { names: readonly string[] }) =>
    `metrics ${list(p.names, 5)}: origin is a DPS key; under classic licensing a metric uses a host's included metrics only when booked on it with host: <hosts name>, so these consume DDUs in full`),
  'metric-host-no-inclusion': message('note', (p: { host: string; mode: string }) =>
    `hosts ${p.host} (mode ${p.mode}) consumes no host units, so it includes no metrics: the metrics booked on it consume DDUs in full`),
  'asu-not-applicable': message('note', (p: { names: readonly string[] }) =>
    `appSecurity (${list(p.names)}): no Application Security units without host units (discovery mode, or no memory)`),
  'environment-quota-stop': message('note', (p: { environment: string; hostUnits: string; excess: string }) =>
    `environment ${p.environment} would exceed its ${p.hostUnits} host units by ${p.excess}, and it allows no overages: monitoring there would stop`),
} as const;

function items(n: number): string {
  return `${n} line ${n === 1 ? 'item has' : 'items have'} no cost`;
}

export type MessageId = keyof typeof MESSAGES;
export type MessageParams<K extends MessageId> = Parameters<(typeof MESSAGES)[K]['text']>[0];

/** The warning of message `id` with its params. */
export function warning<K extends MessageId>(id: K, params: MessageParams<K>): Warning {
  const m = MESSAGES[id];
  return { code: m.code, id, message: (m.text as (p: MessageParams<K>) => string)(params) };
}
