// The capability ids and units of SPEC.md ("Capability ids and units"): the names users, budgets
// and rate cards rely on. Every line item carries one of these ids.

export type Model = 'dps' | 'classic';

export interface Capability {
  id: string;
  name: string;
  unit: string;
  model: Model;
  /**
   * Overage lines are a part of what other lines already consume: they are priced only by their
   * own id (never by their unit, which would charge the same hours twice) and are left out of
   * the quantity totals by unit.
   */
  overage?: true;
  /**
   * Classic licensed quotas (the committed cost): the unit of the consumption the quota covers. They
   * are priced by their own id or unit, and the consumption they cover at nothing (its cost is the
   * quota's); they are left out of the quantity totals by unit (they are not consumption).
   */
  licensed?: string;
  /**
   * Classic consumption a quota without overages stops (negative, like a free tier): counted in the
   * quantity totals by unit, so that they say what is monitored; read by no rule.
   */
  notMonitored?: true;
}

const dps = (id: string, name: string, unit: string): Capability => ({ id, name, unit, model: 'dps' });
const classic = (id: string, name: string, unit: string): Capability => ({ id, name, unit, model: 'classic' });

export const CAPABILITIES: readonly Capability[] = [
  dps('full-stack-monitoring', 'Full-Stack Monitoring', 'GiB-hour'),
  dps('infrastructure-monitoring', 'Infrastructure Monitoring', 'host-hour'),
  dps('foundation-discovery', 'Foundation & Discovery', 'host-hour'),
  dps('kubernetes-platform-monitoring', 'Kubernetes Platform Monitoring', 'pod-hour'),
  dps('code-monitoring', 'Code Monitoring', 'container-hour'),
  dps('runtime-vulnerability-analytics', 'Runtime Vulnerability Analytics', 'GiB-hour'),
  dps('runtime-application-protection', 'Runtime Application Protection', 'GiB-hour'),
  dps('security-posture-management', 'Security Posture Management', 'host-hour'),
  dps('mainframe-monitoring', 'Mainframe Monitoring', 'MSU-hour'),
  dps('real-user-monitoring', 'Real User Monitoring', 'session'),
  dps('real-user-monitoring-session-replay', 'Real User Monitoring with Session Replay', 'session'),
  dps('real-user-monitoring-property', 'Real User Monitoring Property', 'property-session'),
  dps('browser-monitor', 'Browser Monitor or Clickpath', 'synthetic-action'),
  dps('http-monitor', 'HTTP Monitor', 'synthetic-request'),
  dps('third-party-synthetic', 'Third-party Synthetic API Ingestion', 'synthetic-result'),
  dps('log-ingest', 'Log Management & Analytics: Ingest & Process', 'GiB'),
  dps('log-retain', 'Log Management & Analytics: Retain', 'GiB-day'),
  dps('log-retain-included-queries', 'Log Management & Analytics: Retain with Included Queries', 'GiB-day'),
  dps('log-query', 'Log Management & Analytics: Query', 'GiB'),
  dps('metrics-ingest', 'Metrics: Ingest & Process', 'data-point'),
  dps('metrics-retain', 'Metrics: Retain', 'GiB-day'),
  dps('traces-ingest', 'Traces: Ingest & Process', 'GiB'),
  dps('traces-retain', 'Traces: Retain', 'GiB-day'),
  dps('traces-query', 'Traces: Query', 'GiB'),
  dps('events-ingest', 'Events: Ingest & Process', 'GiB'),
  dps('events-retain', 'Events: Retain', 'GiB-day'),
  dps('events-query', 'Events: Query', 'GiB'),
  dps('automation-workflow', 'Automation Workflow', 'workflow-hour'),
  dps('appengine-functions', 'AppEngine Functions', 'invocation'),
  dps('custom-metrics-classic', 'Custom Metrics Classic (platform extension)', 'data-point'),
  dps('log-monitoring-classic', 'Log Monitoring Classic (platform extension)', 'log-record'),
  dps('custom-traces-classic', 'Custom Traces Classic (platform extension)', 'span'),
  dps('custom-events-classic', 'Custom Events Classic (platform extension)', 'event'),
  dps('serverless-functions-classic', 'Serverless Functions Classic (platform extension)', 'invocation'),
  classic('host-unit-hours', 'Host unit hours', 'host-unit-hour'),
  classic('dem-rum-sessions', 'DEM: Real User Monitoring sessions', 'dem-unit'),
  classic('dem-session-replay', 'DEM: sessions with Session Replay', 'dem-unit'),
  classic('dem-properties', 'DEM: defined properties beyond 20', 'dem-unit'),
  classic('dem-browser-monitor', 'DEM: browser monitors and clickpaths', 'dem-unit'),
  classic('dem-http-monitor', 'DEM: HTTP monitors', 'dem-unit'),
  classic('dem-third-party', 'DEM: third-party synthetic results', 'dem-unit'),
  classic('ddu-log-ingest', 'DDU: Log Management & Analytics ingest', 'ddu'),
  classic('ddu-log-retain', 'DDU: Log Management & Analytics retain', 'ddu'),
  classic('ddu-log-query', 'DDU: Log Management & Analytics query', 'ddu'),
  classic('ddu-metrics', 'DDU: metric data points', 'ddu'),
  classic('ddu-custom-traces', 'DDU: custom traces', 'ddu'),
  classic('ddu-custom-events', 'DDU: custom events', 'ddu'),
  classic('ddu-serverless', 'DDU: serverless functions', 'ddu'),
  classic('ddu-free-tier', 'DDU: free tier (200,000 a year)', 'ddu'),
  classic('mainframe-msu', 'Mainframe MSUs', 'msu'),
  { ...classic('overage-host-unit-hours', 'Overage: host unit hours', 'host-unit-hour'), overage: true },
  { ...classic('overage-dem-units', 'Overage: DEM units', 'dem-unit'), overage: true },
  { ...classic('overage-ddus', 'Overage: DDUs', 'ddu'), overage: true },
  { ...classic('overage-custom-metrics', 'Overage: custom metrics', 'metric'), overage: true },
  { ...classic('overage-log-storage', 'Overage: Log Monitoring storage', 'GiB'), overage: true },
  // Classic licensing to the documents (issue 14).
  classic('ddu-log-monitoring-classic', 'DDU: Log Monitoring Classic (log records)', 'ddu'),
  classic('application-security-units', 'Application Security units', 'asu'),
  { ...classic('licensed-host-units', 'Licensed: host units', 'host-unit-year'), licensed: 'host-unit-hour' },
  { ...classic('licensed-host-unit-hours', 'Licensed: host unit hours (pool)', 'host-unit-hour'), licensed: 'host-unit-hour' },
  { ...classic('licensed-dem-units', 'Licensed: DEM units', 'dem-unit'), licensed: 'dem-unit' },
  { ...classic('licensed-ddus', 'Licensed: DDUs', 'ddu'), licensed: 'ddu' },
  { ...classic('not-monitored-host-unit-hours', 'Not monitored: host unit hours beyond the quota (no overages)', 'host-unit-hour'), notMonitored: true },
  { ...classic('not-monitored-dem-units', 'Not monitored: DEM units beyond the quota (no overages)', 'dem-unit'), notMonitored: true },
  { ...classic('not-monitored-ddus', 'Not monitored: DDUs beyond the quota (no overages)', 'ddu'), notMonitored: true },
];

const byId = new Map(CAPABILITIES.map((c) => [c.id, c]));

export function capability(id: string): Capability {
  const found = byId.get(id);
  if (!found) throw new Error(`unknown capability id ${id}`);
  return found;
}

export const CAPABILITY_IDS: readonly string[] = CAPABILITIES.map((c) => c.id);
export const UNIT_IDS: readonly string[] = [...new Set(CAPABILITIES.map((c) => c.unit))];

/** Families group the capabilities of both models for `dtcost compare`. */
export const FAMILIES = ['Hosts and containers', 'Application security', 'Mainframe', 'Digital experience', 'Logs', 'Metrics', 'Traces', 'Events', 'Serverless', 'Automation', 'Free tier and overages', 'Licensed DDUs'] as const;
export type Family = (typeof FAMILIES)[number];

const FAMILY_OF: Record<string, Family> = {
  'full-stack-monitoring': 'Hosts and containers',
  'infrastructure-monitoring': 'Hosts and containers',
  'foundation-discovery': 'Hosts and containers',
  'kubernetes-platform-monitoring': 'Hosts and containers',
  'code-monitoring': 'Hosts and containers',
  'host-unit-hours': 'Hosts and containers',
  'overage-host-unit-hours': 'Free tier and overages',
  'runtime-vulnerability-analytics': 'Application security',
  'runtime-application-protection': 'Application security',
  'security-posture-management': 'Application security',
  'automation-workflow': 'Automation',
  'appengine-functions': 'Automation',
  'serverless-functions-classic': 'Serverless',
  'custom-metrics-classic': 'Metrics',
  'log-monitoring-classic': 'Logs',
  'custom-traces-classic': 'Traces',
  'custom-events-classic': 'Events',
  'mainframe-monitoring': 'Mainframe',
  'mainframe-msu': 'Mainframe',
  'ddu-serverless': 'Serverless',
  'ddu-free-tier': 'Free tier and overages',
  'overage-dem-units': 'Free tier and overages',
  'overage-ddus': 'Free tier and overages',
  'overage-custom-metrics': 'Free tier and overages',
  'overage-log-storage': 'Free tier and overages',
  'ddu-custom-traces': 'Traces',
  'ddu-custom-events': 'Events',
  'ddu-log-monitoring-classic': 'Logs',
  'application-security-units': 'Application security',
  // A licensed quota is the committed cost of what it licenses; DDUs license every data family at once.
  'licensed-host-units': 'Hosts and containers',
  'licensed-host-unit-hours': 'Hosts and containers',
  'licensed-dem-units': 'Digital experience',
  'licensed-ddus': 'Licensed DDUs',
  // What a quota without overages stops is less of what the family consumes; DDUs, like their free
  // tier, are offset where the overages are.
  'not-monitored-host-unit-hours': 'Hosts and containers',
  'not-monitored-dem-units': 'Digital experience',
  'not-monitored-ddus': 'Free tier and overages',
};

export function familyOf(id: string): Family {
  if (FAMILY_OF[id]) return FAMILY_OF[id]!;
  if (/^(real-user|browser|http|third-party|dem-)/.test(id)) return 'Digital experience';
  if (/log/.test(id)) return 'Logs';
  if (/metric/.test(id)) return 'Metrics';
  if (/trace/.test(id)) return 'Traces';
  if (/event/.test(id)) return 'Events';
  throw new Error(`no family for capability ${id}`);
}

/** The line of each classic licensed quota, by its `license` key: what the quota's price (per unit, a host unit for a year) prices. */
export const LICENSED_BY_QUOTA: Readonly<Record<'hostUnits' | 'hostUnitHours' | 'demUnits' | 'ddus', string>> = {
  hostUnits: 'licensed-host-units',
  hostUnitHours: 'licensed-host-unit-hours',
  demUnits: 'licensed-dem-units',
  ddus: 'licensed-ddus',
};

/** The model whose capabilities use `unit`, or undefined when both do. */
export function unitModel(unit: string): Model | undefined {
  const models = new Set(CAPABILITIES.filter((c) => c.unit === unit).map((c) => c.model));
  return models.size === 1 ? [...models][0] : undefined;
}
