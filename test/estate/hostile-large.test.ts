// Large hostile estates (past STREAM_FROM_CHARS, so that the streamed path tries them first and
// leaves them to the whole-file path): problems in the thousands or millions end in exit 2 with the
// first of them located and the rest counted, in bounded time and memory, on small heaps too; and
// no error echoes a value that looks like a secret.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { issuesToDiagnostics } from '../../src/input/diagnostics.js';
import { loadEstateText, loadText, parseText } from '../../src/input/load.js';
import { estateSchema } from '../../src/input/schema.js';
import { ROOT } from '../helpers.js';
import { checkLimits } from '../../src/input/limits.js';

const BIN = join(ROOT, 'bin/dtcost');
const TMP = mkdtempSync(join(tmpdir(), 'dtcost-hostile-large-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

function file(name: string, content: string): string {
  const path = join(TMP, name);
  writeFileSync(path, content);
  return path;
}

/** dtcost with `args`, on a heap of `heapMB` (V8's default when undefined). */
function dtcost(args: string[], heapMB?: number, input = '') {
  const env = { ...process.env, NO_COLOR: '1', NODE_OPTIONS: heapMB === undefined ? '' : `--max-old-space-size=${heapMB}` };
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: TMP, env, input, encoding: 'utf8', timeout: 120_000, maxBuffer: 1 << 28 });
  expect(r.error).toBeUndefined();
  return r;
}

const hosts = (n: number, extra: (i: number) => object = () => ({})) => Array.from({ length: n }, (_, i) => ({ name: `host-${i}`, memoryGiB: 8, ...extra(i) }));
const SECRET = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';
const problems = (file: string, text: string) => {
  const r = loadEstateText({ file, dir: TMP, text }, 'an estate');
  return r.ok ? [] : r.diagnostics.map((d) => `${d.position ? `${d.position.line}:${d.position.col} ` : ''}${d.path ? `${d.path}: ` : ''}${d.message}${d.hint ? ` (${d.hint})` : ''}`);
};

describe('no error echoes a secret-looking value', () => {
  it('an environment or a host that no entry names', () => {
    const text = JSON.stringify({ version: 1, licensing: 'classic', hosts: hosts(2000, (i) => (i === 1999 ? { environment: SECRET } : {})), metrics: [{ name: 'm', series: 1, host: SECRET }] });
    const list = problems('e.json', text);
    expect(list).toHaveLength(2);
    expect(list.join('\n')).not.toContain('abcdefghij');
    expect(list[0]).toMatch(/hosts\[1999\]\.environment: expected the name of an environments entry, but the estate lists none, found a text of 40 characters \(not shown: it looks like a key or a password\)$/);
    expect(list[1]).toMatch(/metrics\[0\]\.host: expected the name of a hosts entry: host-0, .*, found a text of 40 characters \(not shown/);
    // A near miss is still shown, with its did-you-mean.
    expect(problems('e.yaml', 'version: 1\nlicensing: classic\nhosts:\n  - name: web-01\n    memoryGiB: 8\nmetrics:\n  - name: m\n    series: 1\n    host: web-1\n')).toEqual(['9:11 metrics[0].host: expected the name of a hosts entry: web-01, found "web-1" (did you mean "web-01"?)']);
  });

  it('a location listed twice', () => {
    const list = problems('e.yaml', `version: 1\nsynthetic:\n  http:\n    - name: h\n      frequencyMinutes: 5\n      locations: [${SECRET}, ${SECRET}]\n`);
    expect(list).toHaveLength(1);
    expect(list[0]).not.toContain('abcdefghij');
    expect(list[0]).toContain('synthetic.http[0].locations[1]: expected each location once, found a text of 40 characters (not shown: it looks like a key or a password) again');
  });

  it('a duplicate key in JSON', () => {
    const list = problems('e.json', `{"version": 1, "${SECRET}": 1, "${SECRET}": 2}`);
    expect(list).toEqual(['1:63 invalid JSON: duplicate key of 40 characters (not shown: it looks like a key or a password)']);
    expect(problems('e.json', '{"version": 1, "name": "a", "name": "b"}')).toEqual(['1:29 invalid JSON: duplicate key "name"']);
  });

  // src/input/plan-schema.ts put the key in the path and in "found".
  it('a scenario name', () => {
    const list = problems('e.json', JSON.stringify({ version: 1, scenarios: { [SECRET]: 1 } }));
    expect(list.join('\n')).not.toContain('abcdefghij');
    expect(list.join('\n')).toContain('found a name of');
  });
});

describe('thousands of references that no entry names: bounded, and counted', () => {
  it('50,000 metrics naming hosts the estate does not list end in seconds, 1,000 listed and the rest counted', () => {
    const n = 50_000;
    const text = JSON.stringify({ version: 1, licensing: 'classic', hosts: hosts(n), metrics: Array.from({ length: n }, (_, i) => ({ name: `m-${i}`, series: 1, host: `nohost-${i}` })) });
    const started = Date.now();
    const r = loadText({ file: 'e.json', dir: TMP, text }, estateSchema, 'an estate');
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics).toHaveLength(1001);
    expect(r.diagnostics.at(-1)!.message).toBe('expected names of the entries the estate lists, found 49,000 more unknown names than the 1,000 listed');
    expect(r.diagnostics.at(-1)!.path).toBe('metrics[1000].host');
  }, 120_000);
});

describe('the CLI with large invalid estates', () => {
  it('an estate of 2,000,000 entries that are numbers (4 MB): exit 2, the first 1,000 shown, the rest counted', () => {
    const path = file('ones.json', `{"version":1,"hosts":[${Array(2_000_000).fill('1').join(',')}]}`);
    const r = dtcost(['validate', path]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(`${path}:1:23: error: hosts[0]: expected a mapping, found 1`);
    expect(lines).toHaveLength(1002);
    expect(lines.at(-1)).toMatch(/^dtcost: [\d,]+ errors in 1 file; the files above are invalid\.$/);
  }, 180_000);

  it('an estate of 30,000 entries that are numbers (60 KB) on a heap of 64 MB: exit 2, never an abort', () => {
    const path = file('ones-small.json', `{"version":1,"hosts":[${Array(30_000).fill('1').join(',')}]}`);
    const r = dtcost(['validate', path], 64);
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${path}:1:23: error: hosts[0]: expected a mapping, found 1`);
  }, 120_000);

  it('200,000 invalid hosts (10 MB) on heaps of 100 and 160 MB: exit 2, never an abort', () => {
    const path = file('all-invalid.json', JSON.stringify({ version: 1, hosts: hosts(200_000, () => ({ memoryGiB: -1 })) }));
    for (const heap of [100, 160]) {
      const r = dtcost(['validate', path], heap);
      expect(r.signal).toBeNull();
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  }, 180_000);

  it('an invalid last entry after thousands, on standard input, in every command that reads an estate', () => {
    const text = JSON.stringify({ version: 1, hosts: [...hosts(3000), { name: 'last', memoryGiB: -1 }] }, null, 1);
    for (const args of [['validate', '-'], ['estimate', '-'], ['explain', '-'], ['compare', '-'], ['plan', '-'], ['validate', '-', '--format', 'json']]) {
      const r = dtcost(args, undefined, text);
      expect(r.status).toBe(2);
      if (args.includes('json')) {
        const out = JSON.parse(r.stdout) as { valid: boolean; errors: { path: string; message: string }[] };
        expect(out.valid).toBe(false);
        expect(out.errors).toEqual([expect.objectContaining({ path: 'hosts[3000].memoryGiB', message: 'expected a number > 0, found -1' })]);
      } else {
        expect(r.stdout).toBe('');
        expect(r.stderr).toContain('<stdin>:12006:17: error: hosts[3000].memoryGiB: expected a number > 0, found -1');
      }
    }
    const diff = dtcost(['diff', file('last.json', text), '-'], undefined, text);
    expect(diff.status).toBe(2);
    expect(diff.stderr.match(/hosts\[3000\]\.memoryGiB/g)).toHaveLength(2);
  }, 180_000);
});

describe('past 10,000 problems, the entries after them are left out of the whole validation', () => {
  // What the whole-file path located before (every entry validated at once): the reference.
  const unbounded = (text: string) => {
    const parsed = parseText('e.json', text);
    if (!parsed.ok) throw new Error('not parsed');
    const result = estateSchema.safeParse(parsed.document.data, { reportInput: true });
    if (result.success) throw new Error('valid');
    return issuesToDiagnostics(result.error.issues, parsed.document, 'e.json', estateSchema);
  };
  const bounded = (text: string) => {
    const r = loadText({ file: 'e.json', dir: TMP, text }, estateSchema, 'an estate');
    if (r.ok) throw new Error('valid');
    return r.diagnostics;
  };

  it('the same problems located, and the same count, with problems before, among and after the entries', () => {
    const bad = Array.from({ length: 12_000 }, (_, i) => (i % 3 === 0 ? { name: `h-${i}`, memoryGiB: -1 } : i % 3 === 1 ? 1 : { name: `h-${i}`, memoryGib: 8 }));
    const text = JSON.stringify({ version: 2, licensing: 'classic', hosts: [...hosts(100), ...bad], pods: [{ name: 'p', count: -1 }], license: { hostUnit: 1 }, extra: 1 });
    const a = unbounded(text);
    const b = bounded(text);
    expect(b.slice(0, -1)).toEqual(a.slice(0, -1));
    expect(b.at(-1)).toEqual(a.at(-1));
    expect(b.at(-1)!.message).toMatch(/^[\d,]+ more problems are not listed \(dtcost locates the first 10,000 of a file\)$/);
  });

  it('the duplicate names and unknown references of the entries left out are not counted', () => {
    const bad = Array.from({ length: 11_000 }, (_, i) => ({ name: `h-${i}`, memoryGiB: -1 }));
    const late = [{ name: 'h-0', memoryGiB: 8 }, { name: 'x', memoryGiB: 8, environment: 'nope' }];
    const text = JSON.stringify({ version: 1, hosts: [...bad, ...late] });
    const a = unbounded(text);
    const b = bounded(text);
    expect(b.slice(0, -1)).toEqual(a.slice(0, -1));
    expect(b.at(-1)!.more).toBe(a.at(-1)!.more! - 2);
  });
});

// Found here, left to the files' owners (src/input/schema-kit.ts `section`, src/input/parse-yaml.ts):
// these fail today, and pass once fixed.
describe('known problems outside this suite’s files', () => {
  // A list inside an entry, or `environments` (not one of the sections that are counted first): zod
  // held every problem of its items. 500,000 items (1 MB) ended in exit 3 ("Maximum call stack size
  // exceeded", zod spreads an entry's problems into its parent's) after 33 s and 2.6 GB.
  const ones = (n: number) => Array(n).fill('1').join(',');
  // Lists other than the sections hold at most MAX_LIST_ITEMS (src/input/limits.ts): refused where they are.
  it('30,000 environments that are numbers (60 KB) on a heap of 64 MB: exit 2, the list located', () => {
    const r = dtcost(['validate', file('environments.json', `{"version":1,"environments":[${ones(30_000)}]}`)], 64);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('environments.json:1:29: error: environments: a list of 30,000 items; a list holds at most 10,000');
  }, 60_000);
  it('30,000 steps that are numbers in one browser monitor (60 KB) on a heap of 64 MB: exit 2, the list located', () => {
    const r = dtcost(['validate', file('steps.json', `{"version":1,"synthetic":{"browser":[{"name":"b","frequencyMinutes":5,"locations":1,"steps":[${ones(30_000)}]}]}}`)], 64);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('error: synthetic.browser[0].steps: a list of 30,000 items; a list holds at most 10,000');
  }, 60_000);
  it('500,000 environments that are numbers (1 MB): exit 2, not a crash (exit 3, zod spread its problems as arguments)', () => {
    const r = dtcost(['validate', file('environments-500k.json', `{"version":1,"environments":[${ones(500_000)}]}`)]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('environments: a list of 500,000 items');
  }, 60_000);
  it('a plan change removes as many names as its section has (more than 10,000), and the check sees no other list', () => {
    const names = Array.from({ length: 10_001 }, (_, i) => `h${i}`);
    const data = { version: 1, changes: [{ from: '2027-06-01', remove: { hosts: names, 'synthetic.http': names } }], hosts: [], environments: names };
    const doc = { data, locate: () => ({ line: 1, col: 1 }) };
    expect(checkLimits(data, doc, 'p.json').map((d) => `${d.path}: ${d.message}`)).toEqual(['environments: a list of 10,001 items; a list holds at most 10,000 (an estate\'s sections, any number)']);
  });
  it('10,000 steps are read as ever, and 30,000 hosts, a section, too', () => {
    const steps = Array.from({ length: 10_000 }, (_, i) => `{"name":"s${i}","requests":1}`).join(',');
    const ok = dtcost(['validate', file('steps-10k.json', `{"version":1,"synthetic":{"browser":[{"name":"b","frequencyMinutes":5,"locations":1,"steps":[${steps}]}]}}`)]);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    const hosts = Array.from({ length: 30_000 }, (_, i) => `{"name":"h${i}","memoryGiB":8}`).join(',');
    expect(dtcost(['validate', file('hosts-30k.json', `{"version":1,"hosts":[${hosts}]}`)]).status).toBe(0);
  }, 60_000);

  // The yaml package throws a ReferenceError for an alias before (or without) its anchor as for
  // too many aliases: parse-yaml.ts said "too many alias expansions (an alias bomb?)" at 1:1.
  it('an alias without its anchor, or before it, is said to be one, where it is', () => {
    expect(problems('e.yaml', 'version: 1\nname: *a1\n')).toEqual(['2:7 invalid YAML: an alias that refers to no anchor before it']);
    expect(problems('e.yaml', 'version: 1\nname: *a1\nx: &a1 5\n')).toEqual(['2:7 invalid YAML: an alias that refers to no anchor before it']);
  });
});
