// Billing usage events for the benchmark, in the documented format (SPEC reference
// dynatrace-rate-card-2026.md "Billing usage events"): a month of 15-minute windows, 5,000
// Full-Stack hosts, Infrastructure hosts, log ingest, RUM sessions, browser monitors, metrics from
// Full-Stack hosts and Security Posture Management nodes, with one event in 100 a refreshed copy
// of an earlier one (the same event.id, a later timestamp). As JSON lines or CSV.
//   node bench/reconcile-events.mjs <count> <file> jsonl|csv
import { closeSync, openSync, writeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BASE = Date.UTC(2026, 2, 1);
const WINDOWS = 2880;
const iso = (ms) => new Date(ms).toISOString().replace('Z', '000000Z');
const windowText = Array.from({ length: WINDOWS + 1 }, (_, w) => iso(BASE + w * 900_000));

const COLUMNS = ['timestamp', 'event.kind', 'event.type', 'event.id', 'event.version', 'event.provider', 'usage.start', 'usage.end', 'dt.entity.host', 'dt.cost.costcenter', 'billed_gibibyte_hours', 'billed_host_hours', 'billed_bytes', 'billed_sessions', 'billed_synthetic_action_count', 'data_points', 'monitoring_source', 'usage.bucket', 'dt.entity.application', 'dt.entity.synthetic_test', 'dt.entity.kubernetes_node'];

/** The i-th event as a record (field -> value). */
export function event(i, n) {
  // One in 100 is a refreshed copy of the event 50 before it.
  const copy = i % 100 === 99;
  const j = copy ? i - 50 : i;
  const w = Math.floor((j / n) * WINDOWS);
  const r = {
    timestamp: iso(BASE + w * 900_000 + 61_000 + (copy ? 3_600_000 : (j % 997) * 7)),
    'event.kind': 'BILLING_USAGE_EVENT',
    'event.id': `e-${j.toString(36)}`,
    'event.version': '1.0',
    'event.provider': 'LIMA_CLIENT',
    'usage.start': windowText[w],
    'usage.end': windowText[w + 1],
  };
  switch (j % 10) {
    case 0:
    case 1:
    case 2:
    case 3:
      r['event.type'] = 'Full-Stack Monitoring';
      r['dt.entity.host'] = `HOST-${(j % 5000).toString(16).padStart(16, '0').toUpperCase()}`;
      r['dt.cost.costcenter'] = `cc-${j % 7}`;
      r.billed_gibibyte_hours = [1, 2, 4, 8, 2.125, 16][j % 6];
      break;
    case 4:
      r['event.type'] = 'Infrastructure Monitoring';
      r['dt.entity.host'] = `HOST-${(100000 + (j % 2000)).toString(16).padStart(16, '0').toUpperCase()}`;
      r.billed_host_hours = 0.25;
      break;
    case 5:
      r['event.type'] = 'Log Management & Analytics - Ingest & Process';
      r['usage.bucket'] = 'default_logs';
      r['dt.cost.costcenter'] = `cc-${j % 7}`;
      r.billed_bytes = 1_000_000 + (j % 100_000) * 1_013;
      break;
    case 6:
      r['event.type'] = 'Real User Monitoring';
      r['dt.entity.application'] = `APPLICATION-${(j % 200).toString(16).padStart(16, '0').toUpperCase()}`;
      r.billed_sessions = 10 + (j % 90);
      break;
    case 7:
      r['event.type'] = 'Browser Monitor or Clickpath';
      r['dt.entity.synthetic_test'] = `SYNTHETIC_TEST-${(j % 300).toString(16).padStart(16, '0').toUpperCase()}`;
      r.billed_synthetic_action_count = 3 + (j % 5);
      break;
    case 8:
      r['event.type'] = 'Metrics - Ingest & Process';
      r.monitoring_source = 'fullstack';
      r.data_points = 5_000 + (j % 20_000);
      break;
    default:
      r['event.type'] = 'Security Posture Management';
      r['event.provider'] = 'LIMA_USAGE_STREAM';
      delete r['usage.start'];
      delete r['usage.end'];
      r['dt.entity.kubernetes_node'] = `KUBERNETES_NODE-${(j % 1000).toString(16).padStart(16, '0').toUpperCase()}`;
  }
  if (copy && r.billed_gibibyte_hours !== undefined) r.billed_gibibyte_hours = r.billed_gibibyte_hours * 2;
  return r;
}

/** Writes `n` events to `file` as JSON lines or CSV. */
export function writeEvents(n, file, format) {
  const fd = openSync(file, 'w');
  try {
    let batch = format === 'csv' ? [COLUMNS.join(',')] : [];
    for (let i = 0; i < n; i++) {
      const r = event(i, n);
      batch.push(format === 'csv' ? COLUMNS.map((c) => (r[c] === undefined ? '' : String(r[c]))).join(',') : JSON.stringify(r));
      if (batch.length >= 20000) {
        writeSync(fd, `${batch.join('\n')}\n`);
        batch = [];
      }
    }
    if (batch.length > 0) writeSync(fd, `${batch.join('\n')}\n`);
  } finally {
    closeSync(fd);
  }
}

/** A DPS estate of the same shape (the numbers need not match: the benchmark times the reading). */
export const ESTATE = `version: 1
name: reconcile benchmark
hosts:
  - { name: web, count: 5000, memoryGiB: 8 }
  - { name: infra, count: 2000, memoryGiB: 16, mode: infrastructure }
applications:
  - { name: shop, count: 200, visitsPerMonth: 50000 }
synthetic:
  browser:
    - { name: checkout, count: 300, billableSteps: 5, frequencyMinutes: 15, locations: 1 }
logs:
  - { name: app, ingestGiBPerDay: 50 }
securityPosture:
  - { name: nodes, count: 1000 }
`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [n, file, format] = process.argv.slice(2);
  writeEvents(Number(n), file, format ?? 'jsonl');
}
