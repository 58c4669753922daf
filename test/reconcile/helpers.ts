// Reconciling fixture files as the CLI does, through the library: the estimate pipeline of the
// estate over the events' span, the usage read from the files.
import { join } from 'node:path';
import { toPlain, type D } from '../../src/core/decimal.js';
import { prepare, streamJob } from '../../src/cli/pipeline.js';
import { collectUsage, type CollectedUsage } from '../../src/reconcile/collect.js';
import { reconcile, type ReconcileRow, type Reconciliation } from '../../src/reconcile/compare.js';
import { spanPeriod } from '../../src/reconcile/span.js';
import { ROOT } from '../helpers.js';

export const FIX = join(ROOT, 'test/fixtures/reconcile');
export const fixture = (name: string) => join(FIX, name);

export function usageOf(...files: string[]): CollectedUsage {
  const r = collectUsage(files);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => `${d.file}:${d.position?.line ?? ''}: ${d.path ?? ''} ${d.message}`).join('\n'));
  return r.usage;
}

export async function reconcileFiles(estate: string, usage: readonly string[], maxVariancePercent?: D): Promise<Reconciliation> {
  const prepared = await prepare([estate], {});
  if (!prepared.ok) throw new Error(prepared.diagnostics.map((d) => d.message).join('\n'));
  const collected = usageOf(...usage);
  const span = collected.totals.span!;
  const job = prepared.jobs[0]!;
  return reconcile({
    usage: collected,
    estimate: streamJob(job, { period: spanPeriod(span[0], span[1]), model: 'dps' }),
    estate: job.estate.data,
    card: job.card,
    span: { start: span[0], end: span[1] },
    ...(maxVariancePercent ? { maxVariancePercent } : {}),
  });
}

/** capability id -> [actual, estimated, variance %] as exact strings. */
export function table(r: Reconciliation): Record<string, [string, string, string | null]> {
  return Object.fromEntries(r.rows.map((row: ReconcileRow) => [row.capabilityId, [toPlain(row.actual.quantity), toPlain(row.estimated.quantity), row.variancePercent === null ? null : toPlain(row.variancePercent)]]));
}

/** capability id -> actual quantity, exact. */
export function actual(u: CollectedUsage): Record<string, string> {
  return Object.fromEntries(u.totals.capabilities.map((c) => [c.key, toPlain(c.quantity)]));
}
