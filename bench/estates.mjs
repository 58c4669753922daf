// `node bench/run.mjs --estates` (or `node bench/estates.mjs`): estates at scale (issue 17). Every
// command that reads a whole estate, on generated estates of 100,000 to 1,000,000 entries, with
// its time and peak memory beside a floor measured in the same run (JSON.parse of the same
// estate as JSON), and the per-entry memory those figures imply. Runs that fail say how (exit
// code, or the signal: SIGABRT is Node's "heap out of memory"); a run over 5 minutes is stopped.
//
// ESTATES_MAX=100000 leaves out the 500,000- and 1,000,000-entry rows (they take minutes).
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin/dtcost');
const RSS = join(ROOT, 'bench/rss.cjs');
const TMP = mkdtempSync(join(tmpdir(), 'dtcost-estates-'));
const MAX = Number(process.env.ESTATES_MAX ?? 1_000_000);

/** Median time and peak RSS of `runs` runs of node with `args`; `exit` is the last run's exit code or signal. */
function timed(args, runs, nodeFlags = []) {
  const times = [];
  let rssKiB = 0;
  let exit;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [...nodeFlags, '--require', RSS, ...args], { cwd: TMP, stdio: ['ignore', 'ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 300_000, maxBuffer: 1 << 26 });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    exit = r.status ?? r.signal ?? r.error?.code;
    rssKiB = Math.max(rssKiB, Number(r.output?.[3]?.trim() || 0));
    if (r.status === null) break;
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], mb: rssKiB / 1024, exit };
}

/**
 * The `i`th entry of a generated estate (the one of bench/run.mjs): applications and the three
 * synthetic monitor kinds, round robin. `shift` changes a tenth of them (diff's head estate).
 */
function entry(i, shift) {
  const changed = shift && i % 10 === 0 ? 1 : 0;
  switch (i % 4) {
    case 0:
      return ['applications', { name: `app-${i}`, visitsPerMonth: 100000 + i + changed * 5000, bounceRate: 0.3, visitMinutes: [{ minutes: 10, share: 0.8 }, { minutes: 90, share: 0.2 }], replayRate: 0.05, properties: 24 }];
    case 1:
      return ['browser', { name: `browser-${i}`, steps: [{ name: 'home', requests: 1 }, { name: 'login', requests: 2 }, { name: 'scroll', requests: 0 }], frequencyMinutes: 15 + changed * 15, locations: ['eu', 'us'] }];
    case 2:
      return ['http', { name: `http-${i}`, requests: 2, frequencyMinutes: 5, locations: 3 + changed }];
    default:
      return ['thirdParty', { name: `third-${i}`, resultsPerMonth: 1000 + i + changed * 100 }];
  }
}
const SECTIONS = ['applications', 'browser', 'http', 'thirdParty'];

/** Block-style YAML of one value (the shape of the generated entries). */
function blockYaml(value, indent) {
  if (Array.isArray(value)) return value.map((v) => `${indent}- ${blockYaml(v, `${indent}  `).trimStart()}`).join('\n');
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .map(([k, v]) => (v && typeof v === 'object' ? `${indent}${k}:\n${blockYaml(v, `${indent}  `)}` : `${indent}${k}: ${typeof v === 'string' ? JSON.stringify(v) : v}`))
      .join('\n');
  }
  return String(value);
}

/**
 * Writes an estate of `n` entries as `style`, section by section, without holding it: json, block
 * YAML ('yaml'), or one JSON-like YAML flow document over many lines ('flow', read by the fast path;
 * 'flow-plain': the same with the estate's name a plain scalar over two lines, which only the `yaml`
 * package reads).
 */
function write(file, n, style, shift = false) {
  const fd = openSync(file, 'w');
  let buffer = '';
  const out = (s) => {
    buffer += s;
    if (buffer.length > 1 << 20) {
      writeSync(fd, buffer);
      buffer = '';
    }
  };
  const section = (name, indent, each) => {
    let first = true;
    for (let i = SECTIONS.indexOf(name); i < n; i += 4) {
      each(entry(i, shift)[1], first);
      first = false;
    }
  };
  if (style === 'json') {
    out(`{\n "version": 1,\n "name": "bench ${n}",\n`);
    const list = (name) => section(name, '', (e, first) => out(`${first ? '' : ',\n'}  ${JSON.stringify(e)}`));
    out(' "applications": [\n');
    list('applications');
    out('\n ],\n "synthetic": {\n');
    for (const [k, name] of [['browser', 'browser'], ['http', 'http'], ['thirdParty', 'thirdParty']]) {
      out(`  "${k}": [\n`);
      list(name);
      out(`\n  ]${name === 'thirdParty' ? '' : ','}\n`);
    }
    out(' }\n}\n');
  } else if (style === 'yaml') {
    out(`version: 1\nname: "bench ${n}"\napplications:\n`);
    section('applications', '', (e) => out(`${blockYaml([e], '  ')}\n`));
    out('synthetic:\n');
    for (const name of ['browser', 'http', 'thirdParty']) {
      out(`  ${name}:\n`);
      section(name, '', (e) => out(`${blockYaml([e], '    ')}\n`));
    }
  } else {
    // Flow style: the estate as one JSON-like YAML document, keys unquoted, over many lines.
    const flow = (e) => JSON.stringify(e).replace(/"([A-Za-z]+)":/g, '$1: ');
    out(style === 'flow-plain' ? `{ version: 1, name: bench\n    ${n},\n  applications: [\n` : `{ version: 1, name: "bench ${n}",\n  applications: [\n`);
    section('applications', '', (e, first) => out(`${first ? '' : ',\n'}    ${flow(e)}`));
    out('\n  ],\n  synthetic: {\n');
    for (const name of ['browser', 'http', 'thirdParty']) {
      out(`    ${name}: [\n`);
      section(name, '', (e, first) => out(`${first ? '' : ',\n'}      ${flow(e)}`));
      out(`\n    ]${name === 'thirdParty' ? '' : ','}\n`);
    }
    out('  }\n}\n');
  }
  writeSync(fd, buffer);
  closeSync(fd);
  return file;
}

const rows = [];
const mb = (bytes) => `${(bytes / 1e6).toFixed(0)} MB`;
/** A row: the time, the peak memory, the ratio to the floor and the bar (SPEC / issue 17) it is held to. */
function row(name, r, floor, bar, entries) {
  const failed = r.exit !== 0 && r.exit !== 1 ? ` (exit ${r.exit})` : '';
  const killed = r.mb === 0;
  const perEntry = entries && floor && !failed ? `${(((r.mb - floor.mb) * 1e6) / entries / 1000).toFixed(2)} KB/entry` : '';
  rows.push([
    `${name}${failed}`,
    `${r.ms.toFixed(0)} ms`,
    killed ? '(killed)' : `${r.mb.toFixed(0)} MB`,
    floor && !failed ? `${(r.ms / floor.ms).toFixed(2)}× floor` : '',
    perEntry,
    bar ? `${bar.ok(r, floor) ? 'meets' : 'MISSES'} ${bar.text}` : '',
  ]);
  process.stderr.write(`${rows.at(-1).join('  ')}\n`);
}
const BARS = {
  time: { text: '≤ 5× JSON.parse', ok: (r, floor) => r.exit !== undefined && (r.exit === 0 || r.exit === 1) && r.ms <= 5 * floor.ms },
  done: { text: 'no crash (exit 0 or 1)', ok: (r) => r.exit === 0 || r.exit === 1 },
  refused: { text: 'no crash (a result, or exit 2 with the sizes)', ok: (r) => r.exit === 0 || r.exit === 1 || r.exit === 2 },
};
const parse = (file) => ['-e', `JSON.parse(require('fs').readFileSync(${JSON.stringify(file)}, 'utf8'))`];

row('node -e 0', timed(['-e', '0'], 5));

// 100,000 entries: every command that reads a whole estate, against JSON.parse of the same file.
{
  const n = 100_000;
  const json = write(join(TMP, `e-${n}.json`), n, 'json');
  const head = write(join(TMP, `e-${n}-head.json`), n, 'json', true);
  const yaml = write(join(TMP, `e-${n}.yaml`), n, 'yaml');
  const flow = write(join(TMP, `e-${n}-flow.yaml`), n, 'flow');
  const floor = timed(parse(json), 3);
  row(`JSON.parse, ${n.toLocaleString('en-US')} entries (${mb(statSync(json).size)})`, floor);
  row('estimate --format json', timed([BIN, 'estimate', json, '--format', 'json'], 3), floor, BARS.time, n);
  row('estimate --format json, block YAML', timed([BIN, 'estimate', yaml, '--format', 'json'], 3), floor, BARS.time, n);
  row('estimate --format json, YAML flow document', timed([BIN, 'estimate', flow, '--format', 'json'], 3), floor, BARS.time, n);
  row('estimate --format csv', timed([BIN, 'estimate', json, '--format', 'csv'], 3), floor, BARS.time, n);
  row('estimate (table)', timed([BIN, 'estimate', json], 1), floor, BARS.time, n);
  row('validate', timed([BIN, 'validate', json], 3), floor, BARS.time, n);
  row('explain --format json', timed([BIN, 'explain', json, '--format', 'json'], 1), floor, BARS.time, n);
  row('compare --format json', timed([BIN, 'compare', json, '--format', 'json'], 1), floor, BARS.time, n);
  row('diff --format json (a tenth changed)', timed([BIN, 'diff', json, head, '--format', 'json'], 1), floor, BARS.time, n);
  rmSync(head);
  rmSync(yaml);
  rmSync(flow);
}

// JSON-like YAML: a multi-line flow document is read by the fast path (and streamed) at any size;
// with a plain scalar over two lines, the `yaml` package reads it: 500 entries (within its token
// budget of 50,000, src/input/source.ts), and 500,000 must be refused with a message, never run
// out of memory.
{
  const n = 500;
  const json = write(join(TMP, `f-${n}.json`), n, 'json');
  const flow = write(join(TMP, `f-${n}.yaml`), n, 'flow');
  const plain = write(join(TMP, `p-${n}.yaml`), n, 'flow-plain');
  const floor = timed(parse(json), 3);
  row(`JSON.parse, ${n.toLocaleString('en-US')} entries`, floor);
  row('estimate, YAML flow document (the fast path)', timed([BIN, 'estimate', flow, '--format', 'json'], 3), floor, undefined, n);
  row('estimate, the same with a plain scalar over two lines (the yaml package)', timed([BIN, 'estimate', plain, '--format', 'json'], 3), floor, undefined, n);
}
if (MAX >= 500_000) {
  const n = 500_000;
  const flow = write(join(TMP, `f-${n}.yaml`), n, 'flow');
  row(`estimate, ${n.toLocaleString('en-US')} entries, YAML flow document (${mb(statSync(flow).size)})`, timed([BIN, 'estimate', flow, '--format', 'json'], 1), undefined, BARS.done);
  rmSync(flow);
  const plain = write(join(TMP, `p-${n}.yaml`), n, 'flow-plain');
  row(`estimate, ${n.toLocaleString('en-US')} entries, the same with a plain scalar over two lines`, timed([BIN, 'estimate', plain, '--format', 'json'], 1), undefined, BARS.refused);
  rmSync(plain);
  // diff of two 500,000-entry estates on a 1.5 GB heap (it once died of SIGABRT there).
  const base = write(join(TMP, `d-${n}.json`), n, 'json');
  const head = write(join(TMP, `d-${n}-head.json`), n, 'json', true);
  const floor = timed(parse(base), 1);
  row(`JSON.parse, ${n.toLocaleString('en-US')} entries (${mb(statSync(base).size)})`, floor);
  row('diff --format json, --max-old-space-size=1536', timed([BIN, 'diff', base, head, '--format', 'json'], 1, ['--max-old-space-size=1536']), floor, BARS.refused, n);
  rmSync(base);
  rmSync(head);
}
if (MAX >= 1_000_000) {
  const n = 1_000_000;
  const names = { json: 'JSON', yaml: 'block YAML', flow: 'YAML flow document' };
  for (const style of ['json', 'yaml', 'flow']) {
    const file = write(join(TMP, `m-${n}.${style === 'json' ? 'json' : 'yaml'}`), n, style);
    const floor = style === 'json' ? timed(parse(file), 1) : undefined;
    if (floor) row(`JSON.parse, ${n.toLocaleString('en-US')} entries (${mb(statSync(file).size)})`, floor);
    row(`estimate --format json, ${n.toLocaleString('en-US')} entries, ${names[style]} (${mb(statSync(file).size)})`, timed([BIN, 'estimate', file, '--format', 'json'], 1), floor, BARS.refused, floor ? n : undefined);
    rmSync(file);
  }
}

rmSync(TMP, { recursive: true, force: true });
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
console.log(`node ${process.version}, ${new Date().toISOString().slice(0, 10)}; medians; peak RSS of the process; KB/entry: (peak RSS - the floor's) / entries`);
for (const r of rows) console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('   ').trimEnd());
