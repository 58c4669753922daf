// Estates at scale (issue 17): an estate too large for Node's heap ends in a dtcost error (exit 2,
// the sizes said), never Node's "JavaScript heap out of memory" (SIGABRT); and generated estates
// of both models, with budgets and with errors, say the same streamed and collected.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { D } from '../src/core/decimal.js';
import { prepare, streamJob, type Job } from '../src/cli/pipeline.js';
import { runEstimate, type EstimateOptions } from '../src/estimate/run.js';
import { csvChunks, renderCsv } from '../src/render/csv.js';
import { textOf } from '../src/render/chunk.js';
import { jsonChunks, renderJson } from '../src/render/json.js';
import { markdownChunks, renderMarkdown } from '../src/render/markdown.js';
import { PLAIN } from '../src/render/style.js';
import { renderTable, tableChunks } from '../src/render/table.js';
import { ROOT } from './helpers.js';

const BIN = join(ROOT, 'bin/dtcost');
const TMP = mkdtempSync(join(tmpdir(), 'dtcost-scale-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

/** An estate of `n` entries over hosts, applications and the synthetic monitors (both models read them). */
function generated(n: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const hosts = [];
  const applications = [];
  const browser = [];
  const http = [];
  const thirdParty = [];
  for (let i = 0; i < n; i++) {
    switch (i % 5) {
      case 0:
        hosts.push({ name: `host-${i}`, memoryGiB: [4, 8, 16, 32, 64][i % 5 === 0 ? (i / 5) % 5 : 0], ...(i % 3 === 0 ? { mode: 'infrastructure' } : {}) });
        break;
      case 1:
        applications.push({ name: `app-${i}`, visitsPerMonth: 100000 + i, bounceRate: 0.3, visitMinutes: [{ minutes: 10, share: 0.8 }, { minutes: 90, share: 0.2 }], replayRate: 0.05, properties: 24 });
        break;
      case 2:
        browser.push({ name: `browser-${i}`, steps: [{ name: 'home', requests: 1 }, { name: 'login', requests: 2 }], frequencyMinutes: 15, locations: ['eu', 'us'] });
        break;
      case 3:
        http.push({ name: `http-${i}`, requests: 2, frequencyMinutes: 5, locations: 3 });
        break;
      default:
        thirdParty.push({ name: `third-${i}`, resultsPerMonth: 1000 + i });
    }
  }
  return { version: 1, name: `generated ${n}`, hosts, applications, synthetic: { browser, http, thirdParty }, ...extra };
}

function write(name: string, data: unknown): string {
  const path = join(TMP, name);
  writeFileSync(path, JSON.stringify(data, null, 1));
  return path;
}

describe('an estate too large for the heap', () => {
  // 60,000 entries (~9 MB of JSON, ~150 MB of heap to estimate) on heaps of 100 and 160 MB (dtcost
  // itself takes ~40 MB): each run ends in a result or in exit 2 with the sizes; none is killed by
  // V8. (Within a few MB of what a command needs, a heap can still fill between two checks: README
  // "Limits".)
  const big = write('big.json', generated(60_000));
  const dtcost = (heapMB: number, args: string[]) =>
    spawnSync(process.execPath, [`--max-old-space-size=${heapMB}`, BIN, ...args], { cwd: TMP, encoding: 'utf8', timeout: 120_000, maxBuffer: 1 << 30 });

  it.each([100, 160])('a heap of %i MB: estimate and diff (JSON) end in a result or exit 2, never a SIGABRT', (heapMB) => {
    for (const args of [['estimate', big, '--format', 'json'], ['diff', big, big, '--format', 'json']]) {
      const r = dtcost(heapMB, args);
      expect(r.signal, `${args[0]} on ${heapMB} MB: ${r.stderr.slice(0, 400)}`).toBeNull();
      expect([0, 1, 2]).toContain(r.status);
      expect(r.stderr).not.toMatch(/heap out of memory|\n\s+at /);
      // Refused before reading (src/cli/memory.ts), as it is read, or as its items are made (src/input/memory.ts).
      if (r.status === 2) expect(r.stderr).toMatch(/too large for the memory of this Node\.js process|too large for the memory Node may use here \(a heap of [\d,]+ MB\)|the heap filled up after [\d,]+ line items of .*big\.json/);
    }
  }, 600_000);

  it('an estate on standard input (not sized before it is read) is refused as it is read, with its size', () => {
    const r = spawnSync(process.execPath, ['--max-old-space-size=60', BIN, 'estimate', '-', '--format', 'json'], { cwd: TMP, input: readFileSync(big), encoding: 'utf8', timeout: 120_000, maxBuffer: 1 << 30 });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^<stdin>(:\d+:\d+)?: error: the file \(9 MB\) is too large for the memory Node may use here \(a heap of 60 MB\).*NODE_OPTIONS=--max-old-space-size=<MB>/);
  }, 120_000);
});

async function jobsOf(files: string[]): Promise<Job[]> {
  const prepared = await prepare(files, {});
  if (!prepared.ok) throw new Error(prepared.diagnostics.map((d) => d.message).join('\n'));
  return prepared.jobs;
}

describe('generated estates: streamed and collected agree byte for byte', () => {
  const budget = { total: 1000, capabilities: { 'real-user-monitoring': 50, 'full-stack-monitoring': 20, 'dem-rum-sessions': 30 }, units: { 'host-unit-hour': 1000, 'dem-unit': 10 } };
  const cases: [string, Record<string, unknown>, EstimateOptions][] = [
    ['DPS, as written', {}, { model: 'dps' }],
    ['classic, as written', {}, { model: 'classic' }],
    ['DPS, over the estate budget', { budget }, { model: 'dps' }],
    ['classic, over --budget, a year', { budget }, { model: 'classic', budgetTotal: new D(5), period: { label: 'year', days: new D(365), hours: new D(8760) } }],
  ];
  it.each(cases)('%s', async (name, extra, options) => {
    const jobs = await jobsOf([write(`agree-${name.replace(/\W+/g, '-')}.json`, generated(2_000, extra))]);
    const collected = jobs.map((j) => runEstimate(j.estate.data, j.card, j.estate.file, { ...options, activity: j.activity }));
    const streams = () => jobs.map((j) => streamJob(j, options));
    expect(collected[0]!.lineItems.length).toBeGreaterThan(2_000);
    expect({
      json: textOf(jsonChunks(streams(), '1')),
      csv: textOf(csvChunks(streams())),
      table: textOf(tableChunks(streams(), PLAIN)),
      markdown: textOf(markdownChunks(streams())),
    }).toEqual({ json: renderJson(collected, '1'), csv: renderCsv(collected), table: renderTable(collected, PLAIN), markdown: renderMarkdown(collected) });
  }, 60_000);

  it('errors of a generated estate: all at once, each located', async () => {
    const data = generated(2_000) as { hosts: Record<string, unknown>[]; applications: Record<string, unknown>[] };
    data.hosts[7]!.memoryGiB = -1;
    data.hosts[300]!.mode = 'fulstack';
    data.applications[399]!.bounceRate = 2;
    const file = write('errors.json', data);
    const prepared = await prepare([file], {});
    expect(prepared.ok).toBe(false);
    if (prepared.ok) return;
    const shown = prepared.diagnostics.map((d) => `${d.position?.line}:${d.position?.col} ${d.path} ${d.message.split(',')[0]}`);
    expect(shown).toHaveLength(3);
    expect(shown.map((s) => s.split(' ')[1])).toEqual(['hosts[7].memoryGiB', 'hosts[300].mode', 'applications[399].bounceRate']);
    // Each located at its own line of the file as written.
    const lines = JSON.stringify(data, null, 1).split('\n');
    for (const d of prepared.diagnostics) expect(lines[d.position!.line - 1]).toContain(`"${String(d.path).split('.').at(-1)}"`);
  }, 60_000);
});

describe('diff of generated estates', () => {
  it('without the unchanged rows, the same changed rows in the same order (text and Markdown need no more)', async () => {
    const { diffEstimates } = await import('../src/estimate/diff.js');
    const base = generated(1_000) as { hosts: Record<string, unknown>[]; applications: Record<string, unknown>[] };
    const head = structuredClone(base);
    head.hosts.splice(3, 1);
    head.applications[10]!.visitsPerMonth = 5;
    head.hosts.push({ name: 'host-new', memoryGiB: 8 });
    const jobs = await jobsOf([write('diff-base.json', base), write('diff-head.json', head)]);
    const run = (unchanged: boolean) => diffEstimates(streamJob(jobs[0]!, {}), streamJob(jobs[1]!, {}), { unchanged });
    const all = run(true);
    const shown = run(false);
    expect(all.rows.filter((r) => r.status === 'unchanged').length).toBeGreaterThan(1_000);
    expect(shown.rows).toEqual(all.rows.filter((r) => r.status !== 'unchanged'));
    expect(shown.rows.map((r) => r.status).sort()).toEqual(expect.arrayContaining(['added', 'removed', 'changed']));
    expect(shown.costDelta).toEqual(all.costDelta);
  }, 60_000);
});
