// The billing usage event (BUE) types Dynatrace records in `dt.system.events` with
// `event.kind == "BILLING_USAGE_EVENT"`: for each `event.type`, the dtcost capability it bills, the
// field that holds the quantity, how that field converts to the rate card's unit, and the fields
// that name what was used (the entity) for the per-entity view.
//
// Source: Dynatrace's public repository Dynatrace/dynatrace-for-ai @ 96ea62b9,
// skills/dt-platform/references/billing-event-types.md (the digest in SPEC's reference
// dynatrace-rate-card-2026.md "Billing usage events"). Conversions:
// - `bytes-gib`: bytes ÷ 2^30 -> GiB (ingest, query);
// - `bytes-gib-day`: retain types are emitted hourly, each with the bytes stored then, "1/24th of a
//   GiB-day": bytes ÷ (2^30 × 24) -> GiB-days;
// - `count`: the field is already in the rate card's unit (GiB-hours, host-hours, sessions...);
// - `distinct-hour`: no billed field; each distinct value of `distinct` seen in a calendar hour
//   (UTC) is one unit (Security Posture Management: nodes -> host-hours; Automation Workflow:
//   workflow.id -> workflow-hours).
// Files are billed at the Events prices (no files-* capability exists); Digital Experience
// Monitoring Query/Retain and Data Egress are in preview with no rate-card line: known, read,
// reported as unmapped, never compared.

export type Conversion = 'count' | 'bytes-gib' | 'bytes-gib-day' | 'distinct-hour';

/** How often events of a type are emitted (the span of an event without usage.start/usage.end). */
export type Interval = 'quarter-hour' | 'hour' | 'execution';

export interface EventType {
  /** `event.type`, exactly as Dynatrace writes it. */
  type: string;
  /** The dtcost capability id, or null for types in preview with no rate-card line. */
  capabilityId: string | null;
  /** The unit of an unmapped type's quantity (mapped types: the capability's). */
  unit: string;
  /** The billed field (null for distinct-hour types). */
  field: string | null;
  conversion: Conversion;
  /** distinct-hour types: the field whose distinct values per hour are counted. */
  distinct?: string;
  /** Fields naming what used the capability, in order of preference: the first present is the entity. */
  entities: readonly string[];
  interval: Interval;
  /** Files types: billed as Events, shown with this note. */
  billedAs?: string;
}

const t = (type: string, capabilityId: string | null, unit: string, field: string | null, conversion: Conversion, entities: readonly string[], interval: Interval, extra: Partial<EventType> = {}): EventType => ({
  type,
  capabilityId,
  unit,
  field,
  conversion,
  entities,
  interval,
  ...extra,
});

const HOST = ['dt.entity.host'];
const BUCKET = ['usage.bucket'];

export const EVENT_TYPES: readonly EventType[] = [
  t('Full-Stack Monitoring', 'full-stack-monitoring', 'GiB-hour', 'billed_gibibyte_hours', 'count', HOST, 'quarter-hour'),
  t('Infrastructure Monitoring', 'infrastructure-monitoring', 'host-hour', 'billed_host_hours', 'count', HOST, 'quarter-hour'),
  t('Foundation & Discovery', 'foundation-discovery', 'host-hour', 'billed_host_hours', 'count', HOST, 'quarter-hour'),
  t('Mainframe Monitoring', 'mainframe-monitoring', 'MSU-hour', 'billed_msu_hours', 'count', HOST, 'quarter-hour'),
  t('Code Monitoring', 'code-monitoring', 'container-hour', 'billed_container_hours', 'count', ['k8s.namespace.name', 'k8s.cluster.uid', 'aws.account.id', 'azure.subscription', 'gcp.project.id', 'application_only_type'], 'quarter-hour'),
  t('Kubernetes Platform Monitoring', 'kubernetes-platform-monitoring', 'pod-hour', 'billed_pod_hours', 'count', ['dt.entity.cloud_application_namespace', 'dt.entity.kubernetes_cluster'], 'quarter-hour'),
  t('Runtime Vulnerability Analytics', 'runtime-vulnerability-analytics', 'GiB-hour', 'billed_gibibyte_hours', 'count', HOST, 'quarter-hour'),
  t('Runtime Application Protection', 'runtime-application-protection', 'GiB-hour', 'billed_gibibyte_hours', 'count', HOST, 'quarter-hour'),
  t('Security Posture Management', 'security-posture-management', 'host-hour', null, 'distinct-hour', ['dt.entity.kubernetes_node'], 'hour', { distinct: 'dt.entity.kubernetes_node' }),
  t('Real User Monitoring', 'real-user-monitoring', 'session', 'billed_sessions', 'count', ['dt.entity.application', 'dt.entity.device_application'], 'quarter-hour'),
  t('Real User Monitoring with Session Replay', 'real-user-monitoring-session-replay', 'session', 'billed_replay_sessions', 'count', ['dt.entity.application', 'dt.entity.device_application'], 'quarter-hour'),
  t('Real User Monitoring Property', 'real-user-monitoring-property', 'property-session', 'billed_property_sessions', 'count', ['dt.entity.application', 'dt.entity.device_application'], 'hour'),
  t('Browser Monitor or Clickpath', 'browser-monitor', 'synthetic-action', 'billed_synthetic_action_count', 'count', ['dt.entity.synthetic_test'], 'quarter-hour'),
  t('HTTP Monitor', 'http-monitor', 'synthetic-request', 'billed_http_request_count', 'count', ['dt.entity.http_check'], 'quarter-hour'),
  t('Third-Party Synthetic API Ingestion', 'third-party-synthetic', 'synthetic-result', 'billed_test_result_ingestion_count', 'count', ['dt.entity.external_synthetic_test'], 'quarter-hour'),
  t('Log Management & Analytics - Ingest & Process', 'log-ingest', 'GiB', 'billed_bytes', 'bytes-gib', BUCKET, 'quarter-hour'),
  t('Log Management & Analytics - Query', 'log-query', 'GiB', 'billed_bytes', 'bytes-gib', BUCKET, 'execution'),
  t('Log Management & Analytics - Retain', 'log-retain', 'GiB-day', 'billed_bytes', 'bytes-gib-day', BUCKET, 'hour'),
  t('Log Management & Analytics - Retain with Included Queries', 'log-retain-included-queries', 'GiB-day', 'billed_bytes', 'bytes-gib-day', BUCKET, 'hour'),
  t('Metrics - Ingest & Process', 'metrics-ingest', 'data-point', 'data_points', 'count', ['monitoring_source'], 'quarter-hour'),
  t('Metrics - Retain', 'metrics-retain', 'GiB-day', 'billed_bytes', 'bytes-gib-day', BUCKET, 'hour'),
  t('Traces - Ingest & Process', 'traces-ingest', 'GiB', 'ingested_bytes', 'bytes-gib', ['licensing_type'], 'quarter-hour'),
  t('Traces - Query', 'traces-query', 'GiB', 'billed_bytes', 'bytes-gib', BUCKET, 'execution'),
  t('Traces - Retain', 'traces-retain', 'GiB-day', 'billed_bytes', 'bytes-gib-day', BUCKET, 'hour'),
  t('Events - Ingest & Process', 'events-ingest', 'GiB', 'billed_bytes', 'bytes-gib', ['event.billing.category', 'usage.bucket'], 'quarter-hour'),
  t('Events - Query', 'events-query', 'GiB', 'billed_bytes', 'bytes-gib', ['event.billing.category', 'usage.bucket'], 'execution'),
  t('Events - Retain', 'events-retain', 'GiB-day', 'billed_bytes', 'bytes-gib-day', ['event.billing.category', 'usage.bucket'], 'hour'),
  t('Files - Ingest & Process', 'events-ingest', 'GiB', 'billed_bytes', 'bytes-gib', BUCKET, 'quarter-hour', { billedAs: 'Events - Ingest & Process' }),
  t('Files - Query', 'events-query', 'GiB', 'billed_bytes', 'bytes-gib', BUCKET, 'execution', { billedAs: 'Events - Query' }),
  t('Files - Retain', 'events-retain', 'GiB-day', 'billed_bytes', 'bytes-gib-day', BUCKET, 'hour', { billedAs: 'Events - Retain' }),
  t('Automation Workflow', 'automation-workflow', 'workflow-hour', null, 'distinct-hour', ['workflow.id'], 'hour', { distinct: 'workflow.id' }),
  t('AppEngine Functions - Small', 'appengine-functions', 'invocation', 'billed_invocations', 'count', ['function.id', 'dt.app.id'], 'execution'),
  t('Digital Experience Monitoring - Query', null, 'GiB', 'billed_bytes', 'bytes-gib', ['event.billing.category'], 'execution'),
  t('Digital Experience Monitoring - Retain', null, 'GiB-day', 'billed_bytes', 'bytes-gib-day', ['event.billing.category'], 'hour'),
  t('Data Egress', null, 'GiB', 'billed_bytes', 'bytes-gib', ['dt.openpipeline.forwarding.datatype'], 'quarter-hour'),
];

export const EVENT_TYPE_NAMES: readonly string[] = EVENT_TYPES.map((e) => e.type);

const byType = new Map(EVENT_TYPES.map((e, i) => [e.type, i]));

/** The index of an event type in EVENT_TYPES, or -1. */
export function eventTypeIndex(type: string): number {
  return byType.get(type) ?? -1;
}

/**
 * Rate-card names as the DPS Account Management API may give them in `capabilityName`: the BUE
 * types (the 2026 card's names), the catalogue's own names, and the platform extensions (no BUE).
 * Compared normalised: case, spaces and the separators "-", ":" and "–" do not matter.
 */
export function normaliseName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[\s\-–:_]+/g, ' ')
    .replace(/\(.*?\)/g, '')
    .trim();
}
