// Issue 17: a large estate is validated entry by entry as it is parsed (src/input/stream.ts). That
// path must give the same validated estate as the whole-file path on every valid estate, stream
// when it can (not fall back in silence), and leave every problem to the whole-file path, so that an
// invalid estate gets the same located messages whichever size it has.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEstateText, loadText, STREAM_FROM_CHARS } from '../../src/input/load.js';
import { parseJson } from '../../src/input/parse-json.js';
import { parseYamlFast } from '../../src/input/parse-yaml-fast.js';
import { estateSchema } from '../../src/input/schema.js';
import { validateStreamed } from '../../src/input/stream.js';
import { runEstimate } from '../../src/estimate/run.js';
import { builtinRateCard } from '../../src/pricing/rate-card.js';
import { ROOT } from '../helpers.js';

/** Every estate file under `dir` (YAML and JSON), recursively. */
function estates(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => /\.(ya?ml|json)$/.test(f) && statSync(join(ROOT, f)).isFile());
}

const whole = (file: string, text: string) => loadText({ file, dir: ROOT, text }, estateSchema, 'an estate');
const streamed = (file: string, text: string) => loadEstateText({ file, dir: ROOT, text }, 'an estate', 0);
/** What a load gave, to compare: the data, or the problems. */
const outcome = (r: ReturnType<typeof whole>) => (r.ok ? { data: r.data } : { diagnostics: r.diagnostics });
/** What the streaming path alone makes of `text`: undefined when it leaves the estate to the whole-file path. */
const streamOnly = (file: string, text: string) =>
  validateStreamed((sink) => {
    if (file.endsWith('.json')) {
      const r = parseJson(text, sink);
      return r.ok ? r.document : undefined;
    }
    return parseYamlFast(text, sink);
  });

const VALID = [...estates('examples'), ...estates('test/fixtures/valid'), ...estates('test/golden')].filter((f) => {
  const text = readFileSync(join(ROOT, f), 'utf8');
  return /^\s*(?:\{\s*)?"?version"?\s*:/m.test(text) && whole(f, text).ok;
});

describe('streamed and whole-file validation agree', () => {
  it('finds the valid estates of the examples, fixtures and golden tests', () => {
    expect(VALID.length).toBeGreaterThan(90);
  });

  it.each(VALID)('%s: the same validated estate', (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const a = whole(file, text);
    const b = streamed(file, text);
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(b.data).toEqual(a.data);
  });

  it('streams every valid estate the fast parsers read (none falls back in silence)', () => {
    const fellBack = VALID.filter((file) => {
      const text = readFileSync(join(ROOT, file), 'utf8');
      // Only text the yaml package must read (outside the fast path's subset) goes whole.
      const fast = file.endsWith('.json') || parseYamlFast(text) !== undefined;
      return fast && streamOnly(file, text) === undefined;
    });
    expect(fellBack).toEqual([]);
  });

  const INVALID = estates('test/fixtures/invalid').filter((f) => !f.includes('rate'));
  it.each(INVALID)('%s: the same problems, located', (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    expect(outcome(streamed(file, text))).toEqual(outcome(whole(file, text)));
  });
});

/** A generated estate: hosts, metrics naming them, logs, applications and monitors, with environments. */
function generated(n: number, licensing: 'dps' | 'classic', format: 'json' | 'yaml' | 'flow'): string {
  const data = {
    version: 1,
    name: `generated ${n}`,
    licensing,
    environments: [{ name: 'prod', hostUnits: 10 * n }, { name: 'test' }],
    hosts: Array.from({ length: n }, (_, i) => ({ name: `host-${i}`, memoryGiB: 4 + (i % 60), mode: ['fullstack', 'infrastructure', 'discovery'][i % 3], environment: i % 2 ? 'prod' : 'test', ...(i % 5 === 0 ? { hoursPerDay: 7.5 } : {}) })),
    metrics: Array.from({ length: Math.ceil(n / 10) }, (_, i) => ({ name: `metric-${i}`, series: 10 + i, host: `host-${i}` })),
    logs: Array.from({ length: Math.ceil(n / 20) }, (_, i) => (licensing === 'classic' ? { name: `log-${i}`, model: 'log-monitoring-classic', recordsPerMonth: 1000 * (i + 1) } : { name: `log-${i}`, ingestGiBPerDay: 0.5 + i })),
    applications: Array.from({ length: Math.ceil(n / 4) }, (_, i) => ({ name: `app-${i}`, visitsPerMonth: 100000 + i, bounceRate: 0.3, replayRate: 0.05 })),
    synthetic: { http: Array.from({ length: Math.ceil(n / 4) }, (_, i) => ({ name: `http-${i}`, requests: 2, frequencyMinutes: 5, locations: 1 + (i % 3) })) },
  };
  if (format === 'json') return JSON.stringify(data, null, 1);
  if (format === 'flow') {
    // JSON-like YAML (issue 17): one flow mapping over many lines, keys unquoted, an entry a line.
    const isEntry = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v) && 'name' in v;
    const flow = (v: unknown, indent: string): string => {
      if (Array.isArray(v) && v.some(isEntry)) return `[\n${v.map((e) => `${indent}  ${flow(e, `${indent}  `)}`).join(',\n')}\n${indent}]`;
      if (v !== null && typeof v === 'object' && !Array.isArray(v) && !isEntry(v)) return `{\n${Object.entries(v).map(([k, x]) => `${indent}  ${k}: ${flow(x, `${indent}  `)}`).join(',\n')}\n${indent}}`;
      return JSON.stringify(v).replace(/"([A-Za-z]+)":/g, '$1: ');
    };
    return `${flow(data, '')}\n`;
  }
  const yaml = (v: unknown, indent: string): string => {
    if (Array.isArray(v)) return v.map((e) => `\n${indent}- ${yaml(e, `${indent}  `).trimStart()}`).join('');
    if (v && typeof v === 'object') return Object.entries(v).map(([k, x]) => `\n${indent}${k}:${x && typeof x === 'object' ? yaml(x, `${indent}  `) : ` ${typeof x === 'string' ? JSON.stringify(x) : x}`}`).join('');
    return String(v);
  };
  return `${yaml(data, '').trimStart()}\n`;
}

describe('generated estates: both models, JSON and YAML, estimated alike', () => {
  const card = builtinRateCard();
  for (const licensing of ['dps', 'classic'] as const) {
    for (const format of ['json', 'yaml', 'flow'] as const) {
      it(`${licensing}, ${format}: the same data, streamed, and the same estimate`, () => {
        const file = `generated.${format === 'json' ? 'json' : 'yaml'}`;
        const text = generated(2_000, licensing, format);
        expect(text.length).toBeGreaterThan(STREAM_FROM_CHARS);
        expect(streamOnly(file, text)).toBeDefined();
        if (format === 'flow') {
          // Read by the fast path, each section's entries handed to the sink as they are read.
          let entries = 0;
          const doc = parseYamlFast(text, () => entries++);
          expect(doc).toBeDefined();
          expect((doc!.data as { hosts: unknown[] }).hosts).toEqual([]);
          expect(entries).toBe(2_000 + 200 + 100 + 500 + 500);
        }
        const a = whole(file, text);
        const b = loadEstateText({ file, dir: ROOT, text }, 'an estate');
        expect(a.ok && b.ok).toBe(true);
        if (!a.ok || !b.ok) return;
        expect(b.data).toEqual(a.data);
        const ea = runEstimate(a.data, card, file);
        const eb = runEstimate(b.data, card, file);
        expect(eb.lineItems.length).toBeGreaterThan(2_000);
        expect(JSON.stringify(eb)).toBe(JSON.stringify(ea));
      });
    }
  }
});

describe('problems found as the entries stream are left to the whole-file path', () => {
  const cases: [string, string][] = [
    ['a duplicate name', 'version: 1\nhosts:\n  - name: a\n    memoryGiB: 8\n  - name: b\n    memoryGiB: 8\n  - name: a\n    memoryGiB: 16\n'],
    ['a name that is a duplicate once trimmed', '{"version": 1, "hosts": [{"name": "a", "memoryGiB": 8}, {"name": " a ", "memoryGiB": 8}]}'],
    ['a bad value in the last entry', 'version: 1\napplications:\n  - name: a\n    visitsPerMonth: 10\n  - name: b\n    visitsPerMonth: -1\n'],
    ['an unknown key, with its did-you-mean', 'version: 1\nhosts:\n  - name: a\n    memoryGib: 8\n'],
    ['an environment that no entry names', 'version: 1\nlicensing: classic\nenvironments:\n  - name: prod\nhosts:\n  - name: a\n    memoryGiB: 8\n    environment: prd\n'],
    ['a metric naming an unknown host', 'version: 1\nlicensing: classic\nhosts:\n  - name: web\n    memoryGiB: 8\nmetrics:\n  - name: m\n    series: 10\n    host: wbe\n'],
    ['Log Management and Analytics under Managed', 'version: 1\nlicensing: classic\nlicense:\n  deployment: managed\nlogs:\n  - name: l\n    ingestGiBPerDay: 1\n'],
    ['a key over the limits in an entry', `version: 1\nhosts:\n  - name: a\n    ${'k'.repeat(200)}: 8\n`],
    ['a text over the limits in an entry', `{"version": 1, "applications": [{"name": "a", "visitsPerMonth": 1, "note": "${'x'.repeat(5000)}"}]}`],
    ['a bad setting besides valid entries', 'version: 2\nhosts:\n  - name: a\n    memoryGiB: 8\n'],
  ];
  it.each(cases)('%s', (_, text) => {
    const file = text.startsWith('{') ? 'e.json' : 'e.yaml';
    expect(streamOnly(file, text)).toBeUndefined();
    const a = whole(file, text);
    expect(a.ok).toBe(false);
    expect(outcome(streamed(file, text))).toEqual(outcome(a));
  });
});

describe('lists the parser keeps are validated all the same', () => {
  it('an anchored section, repeated by an alias, and a flow list', () => {
    const text = 'version: 1\nhosts: &fleet\n  - name: a\n    memoryGiB: 8\n  - name: b\n    memoryGiB: 16\nsynthetic:\n  http: [{ name: h, requests: 1, frequencyMinutes: 5, locations: 2 }]\nhostsAgain: *fleet\n';
    // hostsAgain is not a key of the estate: both paths refuse it, alike.
    expect(outcome(streamed('e.yaml', text))).toEqual(outcome(whole('e.yaml', text)));
    const valid = 'version: 1\nhosts: &fleet\n  - name: a\n    memoryGiB: 8\n  - name: b\n    memoryGiB: 16\nsynthetic:\n  http: [{ name: h, requests: 1, frequencyMinutes: 5, locations: 2 }]\n';
    const streamedData = streamOnly('e.yaml', valid);
    expect(streamedData).toBeDefined();
    const a = whole('e.yaml', valid);
    expect(a.ok && streamedData!.data).toEqual(a.ok ? a.data : undefined);
    expect(streamedData!.data.hosts.map((h) => h.name)).toEqual(['a', 'b']);
    expect(streamedData!.data.synthetic.http).toHaveLength(1);
  });

  it('explain reads the whole document again (the values as written)', () => {
    const text = '{"version": 1, "hosts": [{"name": "a", "memoryGiB": 8}]}';
    const b = streamed('e.json', text);
    expect(b.ok).toBe(true);
    if (b.ok) expect((b.document.data as { hosts: unknown[] }).hosts).toHaveLength(1);
  });
});
