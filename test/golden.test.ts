// Golden estates (Infracost style): test/golden/<model>/<rule>/<case>.yaml, one per worked example
// of the documents and per hand-computed boundary. Each estate says, in its header:
//
//   # page: <file under shared/docs> (<source URL>)           where the example comes from
//   # flags: --model classic --period year                     options of the estimate (optional)
//   # expect: <item id> quantity <q> [cost <c>]                the page's numbers, written by hand
//                                                             (an item id may hold spaces)
//   # expect: total <c>    |    # expect: unit <unit> <q>     the total cost, a total quantity
//   # expect: capability <id> <q>                              a capability's summed quantity
//   # expect: none <item id>                                   an item that must not be made
//
// Every `expect` is checked exactly; then the whole estimate (every line item with its quantity,
// unit price, cost and formula, the totals and the warnings) is compared with <case>.golden, which
// is refreshed only deliberately: `UPDATE_GOLDEN=1 npx vitest run test/golden.test.ts`, then read
// the diff.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toPlain } from '../src/core/decimal.js';
import { optionsFrom, prepare, streamJob, type EstimateInputFlags } from '../src/cli/pipeline.js';
import type { Estimate } from '../src/estimate/run.js';
import { ROOT } from './helpers.js';

const DIR = join(ROOT, 'test', 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function cases(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? cases(p) : f.endsWith('.yaml') && !f.startsWith('_') ? [p] : [];
    });
}

function flagsOf(text: string): EstimateInputFlags {
  const line = /^# flags:(.*)$/m.exec(text)?.[1]?.trim() ?? '';
  const words = line === '' ? [] : line.split(/\s+/);
  const flags: Record<string, string | boolean> = {};
  for (let i = 0; i < words.length; i++) {
    const key = words[i]!.replace(/^--/, '');
    const value = words[i + 1];
    if (value === undefined || value.startsWith('--')) flags[key] = true;
    else {
      flags[key] = value;
      i++;
    }
  }
  return flags as EstimateInputFlags;
}

async function estimateOf(file: string, flags: EstimateInputFlags): Promise<Estimate> {
  const prepared = await prepare([file], flags);
  if (!prepared.ok) throw new Error(prepared.diagnostics.map((d) => `${d.file}:${d.position?.line ?? ''}: ${d.message}`).join('\n'));
  const stream = streamJob(prepared.jobs[0]!, optionsFrom(flags));
  const lineItems = [...stream.lineItems];
  return { ...stream.tail(), lineItems };
}

const plain = (d: { toFixed(): string } | null) => (d === null ? null : toPlain(d as never));

/** The estimate as the golden file holds it: one JSON line per item, then the totals and warnings. */
function goldenText(e: Estimate): string {
  const lines = e.lineItems.map((i) => JSON.stringify({ id: i.id, quantity: plain(i.quantity), unit: i.unit, unitPrice: plain(i.unitPrice), cost: plain(i.cost), formula: i.formula, rule: i.rule }));
  lines.push(JSON.stringify({ total: plain(e.totals.cost), quantityByUnit: Object.fromEntries([...e.totals.quantityByUnit].map(([u, q]) => [u, toPlain(q)])) }));
  for (const w of e.warnings) lines.push(JSON.stringify({ warning: w.id, message: w.message }));
  return `${lines.join('\n')}\n`;
}

describe('golden estates', () => {
  const files = cases(DIR);

  it('there are golden estates, each with its page and at least one expectation written by hand', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      expect(/^# page: /m.test(text), `${relative(ROOT, f)} names its page`).toBe(true);
      expect(/^# expect: /m.test(text), `${relative(ROOT, f)} states what the page says`).toBe(true);
    }
  });

  for (const file of files) {
    const name = relative(DIR, file);
    it(name, async () => {
      const text = readFileSync(file, 'utf8');
      const e = await estimateOf(file, flagsOf(text));
      for (const [, expectation] of text.matchAll(/^# expect: (.*)$/gm)) {
        const line = expectation!.trim();
        const words = line.split(/\s+/);
        const expected = (v: string) => (v === 'null' ? null : v);
        if (words[0] === 'total') {
          expect(plain(e.totals.cost), `${name}: total`).toBe(expected(words[1]!));
        } else if (words[0] === 'unit') {
          expect(plain(e.totals.quantityByUnit.get(words[1]!) ?? null), `${name}: total ${words[1]}`).toBe(expected(words[2]!));
        } else if (words[0] === 'capability') {
          expect(plain(e.totals.quantityByCapability.get(words[1]!) ?? null), `${name}: total of ${words[1]}`).toBe(expected(words[2]!));
        } else if (words[0] === 'none') {
          const id = line.slice('none '.length);
          expect(e.lineItems.map((i) => i.id), `${name}: no ${id}`).not.toContain(id);
        } else {
          // An item id (which may hold spaces), then `quantity <q>` and/or `cost <c>`.
          const m = /^(.+?)((?: (?:quantity|cost) \S+)+)$/.exec(line);
          if (!m) throw new Error(`${name}: cannot read the expectation "${line}"`);
          const id = m[1]!;
          const item = e.lineItems.find((i) => i.id === id);
          expect(item, `${name}: an item ${id} (have ${e.lineItems.map((i) => i.id).join(', ')})`).toBeDefined();
          const pairs = m[2]!.trim().split(/\s+/);
          for (let k = 0; k < pairs.length; k += 2) {
            const field = pairs[k] as 'quantity' | 'cost';
            expect(plain(item![field]), `${name}: ${id} ${field}`).toBe(expected(pairs[k + 1]!));
          }
        }
      }
      const goldenFile = file.replace(/\.yaml$/, '.golden');
      const actual = goldenText(e);
      if (UPDATE || !existsSync(goldenFile)) {
        if (!UPDATE && process.env.CI) throw new Error(`${relative(ROOT, goldenFile)} is missing: run UPDATE_GOLDEN=1 npx vitest run test/golden.test.ts`);
        writeFileSync(goldenFile, actual);
      }
      expect(actual).toBe(readFileSync(goldenFile, 'utf8'));
    });
  }
});
