// Streamed estimates (each line item rendered as it is made, the totals, budget and warnings
// gathered on the way) must say exactly what a collected estimate says, in every format.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { D, toPlain } from '../src/core/decimal.js';
import { prepare, streamJob, type Job } from '../src/cli/pipeline.js';
import type { EstimateOptions } from '../src/estimate/run.js';
import { runEstimate, streamEstimate } from '../src/estimate/run.js';
import { csvChunks, renderCsv } from '../src/render/csv.js';
import { textOf } from '../src/render/chunk.js';
import { jsonChunks, renderJson } from '../src/render/json.js';
import { markdownChunks, renderMarkdown } from '../src/render/markdown.js';
import { PLAIN } from '../src/render/style.js';
import { renderTable, tableChunks } from '../src/render/table.js';
import { card, estate, ROOT } from './helpers.js';

const EXAMPLES = readdirSync(join(ROOT, 'examples'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => join('examples', f));

async function jobsOf(files: string[], merge = false): Promise<Job[]> {
  const prepared = await prepare(
    files.map((f) => join(ROOT, f)),
    { merge },
  );
  if (!prepared.ok) throw new Error(prepared.diagnostics.map((d) => d.message).join('\n'));
  return prepared.jobs;
}

/** Every format of the jobs, streamed (as the CLI writes them) and from collected estimates. */
function both(jobs: Job[], options: EstimateOptions) {
  const collected = jobs.map((j) => runEstimate(j.estate.data, j.card, j.estate.file, { ...options, activity: j.activity, ...(j.origin ? { origin: j.origin } : {}) }));
  const streams = () => jobs.map((j) => streamJob(j, options));
  return {
    streamed: {
      json: textOf(jsonChunks(streams(), '1')),
      csv: textOf(csvChunks(streams())),
      table: textOf(tableChunks(streams(), PLAIN)),
      markdown: textOf(markdownChunks(streams())),
    },
    collected: { json: renderJson(collected, '1'), csv: renderCsv(collected), table: renderTable(collected, PLAIN), markdown: renderMarkdown(collected) },
  };
}

describe('streamed and collected estimates agree byte for byte', () => {
  const cases: [string, EstimateOptions][] = [
    ['as the estate says', {}],
    ['DPS, over a tiny budget', { model: 'dps', budgetTotal: new D('10') }],
    ['classic, a year', { model: 'classic', period: { label: 'year', days: new D(365), hours: new D(8760) } }],
  ];
  for (const file of EXAMPLES) {
    it.each(cases)(`${file}: %s`, async (_, options) => {
      const { streamed, collected } = both(await jobsOf([file]), options);
      expect(streamed).toEqual(collected);
    });
  }

  it('every example at once; two merged', async () => {
    for (const jobs of [await jobsOf(EXAMPLES), await jobsOf(['examples/retail-web-shop.yaml', 'examples/saas-api-synthetics.yaml'], true)]) {
      const { streamed, collected } = both(jobs, { budgetTotal: new D('1') });
      expect(streamed).toEqual(collected);
    }
  });

  it('the budget drivers are the same as from the items: caps by capability and unit, over many items', () => {
    const monitors = Array.from({ length: 50 }, (_, i) => `{ name: m${i}, billableSteps: ${1 + (i % 7)}, frequencyMinutes: 15, locations: ${1 + (i % 3)} }`).join(', ');
    const text = `version: 1\nsynthetic: { browser: [${monitors}], http: [{ name: h, frequencyMinutes: 5, locations: 2 }] }\nbudget: { total: 50, capabilities: { browser-monitor: 20, http-monitor: 0.5 }, units: { synthetic-action: 1000 } }\n`;
    const e = streamEstimate(estate(text), card(), 'test.yaml');
    const ids: string[] = [];
    const costs = new Map<string, D>();
    for (const item of e.lineItems) {
      ids.push(item.id);
      if (item.capabilityId === 'browser-monitor') costs.set(item.id, item.cost!);
    }
    const budget = e.tail().budget!;
    const check = budget.checks.find((c) => c.kind === 'capability' && c.key === 'browser-monitor')!;
    // The three costliest monitors, worked out here from the items themselves.
    const top = [...costs].sort(([a, x], [b, y]) => y.comparedTo(x) || a.localeCompare(b)).slice(0, 3);
    expect(check.drivers.map((d) => [d.id, toPlain(d.amount)])).toEqual(top.map(([id, c]) => [id, toPlain(c)]));
    expect(budget.checks.map((c) => [c.kind, c.key, c.exceeded])).toEqual([
      ['total', null, true],
      ['capability', 'browser-monitor', true],
      ['capability', 'http-monitor', true],
      ['unit', 'synthetic-action', true],
    ]);
    expect(budget.checks[0]!.drivers.map((d) => d.id)).toEqual(['browser-monitor', 'http-monitor']);
    expect(budget.checks[3]!.drivers.map((d) => d.id)).toEqual(['browser-monitor']);
  });
});

describe('a streamed estimate', () => {
  it('has no tail until its line items are all read', () => {
    const e = streamEstimate(estate('version: 1\nsynthetic: { http: [{ name: a, frequencyMinutes: 5, locations: 1 }, { name: b, frequencyMinutes: 5, locations: 1 }] }'), card(), 'test.yaml');
    const items = e.lineItems[Symbol.iterator]();
    items.next();
    expect(() => e.tail()).toThrow(/before its line items were all read/);
    items.next();
    expect(items.next().done).toBe(true);
    expect(toPlain(e.tail().totals.quantityByUnit.get('synthetic-request')!)).toBe('17280');
  });
});
