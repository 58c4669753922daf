// One source of what a fleet runs: the same fleet given as steady entries and as observed runs
// (an activity file) gives the same host lines and the same inclusions.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toPlain } from '../../src/core/decimal.js';
import { optionsFrom, prepare, streamJob } from '../../src/cli/pipeline.js';

async function estimate(yaml: string, csv?: string, model = 'dps') {
  const dir = mkdtempSync(join(tmpdir(), 'dtcost-fleet-'));
  if (csv) writeFileSync(join(dir, 'runs.csv'), csv);
  writeFileSync(join(dir, 'estate.yaml'), yaml);
  const prepared = await prepare([join(dir, 'estate.yaml')], { model: model as 'dps' });
  if (!prepared.ok) throw new Error(prepared.diagnostics.map((d) => d.message).join('\n'));
  const stream = streamJob(prepared.jobs[0]!, optionsFrom({ model: model as 'dps' }));
  const items = [...stream.lineItems];
  const by = (pred: (id: string) => boolean) => toPlain(items.filter((i) => pred(i.id)).reduce((t, i) => t.plus(i.quantity), items[0]!.quantity.minus(items[0]!.quantity)));
  return { items, by };
}

// Two 16 GiB Full-Stack hosts and one Infrastructure host running a whole week (UTC midnight to midnight).
const WEEK = ['a', 'b'].map((h) => `${h},2026-03-02T00:00:00Z,2026-03-09T00:00:00Z,16,fullstack`).concat('i,2026-03-02T00:00:00Z,2026-03-09T00:00:00Z,16,infrastructure');
const METRICS = 'metrics: [{ name: fs, series: 2000, intervalSeconds: 60, origin: fullstack }, { name: inf, series: 2000, intervalSeconds: 60, origin: infrastructure }]\ntraces: [{ name: t, requestsPerMonth: 4000000000, averageSpanKiB: 1, fromFullStack: true }]';

describe('the same fleet, steady and observed', () => {
  it('DPS: the same GiB-hours, host-hours, metric and trace inclusions', async () => {
    const steady = await estimate(`version: 1\nperiod: 7d\nhosts: [{ name: a, count: 2, memoryGiB: 16 }, { name: i, memoryGiB: 16, mode: infrastructure }]\n${METRICS}`);
    const runs = await estimate(`version: 1\nperiod: 7d\nactivity: [{ name: a, file: runs.csv }]\n${METRICS}`, `host,start,end,memoryGiB,mode\n${WEEK.join('\n')}\n`);
    for (const id of ['full-stack-monitoring', 'infrastructure-monitoring', 'metrics-ingest/included with Full-Stack hosts', 'metrics-ingest/included with Infrastructure hosts', 'traces-ingest/included with Full-Stack']) {
      expect(runs.by((x) => x.startsWith(id)), id).toBe(steady.by((x) => x.startsWith(id)));
    }
    expect(steady.by((x) => x.startsWith('metrics-ingest/included with Full-Stack'))).not.toBe('0');
  });
});
