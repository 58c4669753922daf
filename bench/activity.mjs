// Activity files at fleet size (`node bench/run.mjs --activity`, or this file alone): `dtcost
// estimate` of an activity file of 1,000,000 and 10,000,000 rows with --jobs 1 and --jobs 2,
// against a floor measured in the same run: a bare Node scan of the same file that reads it in
// 64 KiB chunks, splits the lines and their fields and parses both timestamps with Date.parse
// (what any reader of the file must do at least). Peak memory of every run (bench/rss.cjs), and
// 1,000,000 distinct hosts (memory grows with hosts, never with rows).
//   ACTIVITY_ROWS=1000000,10000000  the sizes (rows)
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin/dtcost');

/**
 * Preloaded into a measured process: on exit of its main thread, its peak RSS (KiB) and the CPU
 * time of all its threads (µs) on fd 3. CPU time is what a busy shared machine changes least: the
 * rate per core is rows per CPU second.
 */
const USAGE = `if (require('node:worker_threads').isMainThread) process.on('exit', () => { try { const u = process.resourceUsage(); require('node:fs').writeSync(3, u.maxRSS + ' ' + (u.userCPUTime + u.systemCPUTime) + '\\n'); } catch {} });`;

function timed(args, runs, preload) {
  const times = [];
  const cpus = [];
  let rssKiB = 0;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['--require', preload, ...args], { stdio: ['ignore', 'pipe', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 28 });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    const [rss, cpu] = (r.output[3] ?? '').trim().split(' ').map(Number);
    rssKiB = Math.max(rssKiB, rss || 0);
    cpus.push((cpu || 0) / 1000);
  }
  times.sort((a, b) => a - b);
  cpus.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], cpuMs: cpus[Math.floor(cpus.length / 2)], mb: rssKiB / 1024 };
}

/**
 * A fleet of `hosts` hosts restarting through a month (the rows of run.mjs's activity case, in a
 * file written in blocks so that 10,000,000 rows never sit in memory).
 */
export function writeActivityCsv(file, rows, hosts = 5000) {
  const fd = openSync(file, 'w');
  const base = Date.UTC(2026, 2, 1);
  let lines = ['host,start,end,memoryGiB,mode'];
  for (let i = 0; i < rows; i++) {
    const start = base + ((i * 7919) % (30 * 24 * 60)) * 60_000;
    const minutes = 3 + ((i * 104729) % 600);
    const mode = i % 10 === 0 ? 'infrastructure' : 'fullstack';
    lines.push(`host-${i % hosts},${new Date(start).toISOString()},${new Date(start + minutes * 60_000).toISOString()},${[4, 8, 16, 32, 64][i % 5]},${mode}`);
    if (lines.length >= 100_000) {
      writeSync(fd, `${lines.join('\n')}\n`);
      lines = [];
    }
  }
  if (lines.length > 0) writeSync(fd, `${lines.join('\n')}\n`);
  closeSync(fd);
}

/** The floor: chunks, lines, fields, both timestamps parsed (a sum, so that nothing is optimized away). */
const floorScript = (csv) => `
const fs = require('fs');
const fd = fs.openSync(${JSON.stringify(csv)}, 'r');
const buf = Buffer.alloc(1 << 16);
let carry = '', n = 0, sum = 0, read;
const line = (l) => { const f = l.split(','); if (f.length < 3) return; const s = Date.parse(f[1]), e = Date.parse(f[2]); if (e === e) sum += e - s; n++; };
while ((read = fs.readSync(fd, buf, 0, buf.length)) > 0) {
  const text = carry + buf.toString('utf8', 0, read);
  let from = 0;
  for (let nl = text.indexOf('\\n'); nl !== -1; nl = text.indexOf('\\n', from)) { line(text.slice(from, nl)); from = nl + 1; }
  carry = text.slice(from);
}
if (carry) line(carry);
if (n === 0) process.exit(4);
`;

export function benchActivity(row, { sizes, runs = 1 } = {}) {
  const TMP = mkdtempSync(join(tmpdir(), 'dtcost-bench-activity-'));
  const preload = join(TMP, 'usage.cjs');
  writeFileSync(preload, USAGE);
  const cpu = (r, floor) => `CPU ${(r.cpuMs / 1000).toFixed(1)} s${floor ? `, ${(r.cpuMs / floor.cpuMs).toFixed(2)}× the scan's CPU` : ''}`;
  try {
    for (const rows of sizes ?? (process.env.ACTIVITY_ROWS ?? '1000000,10000000').split(',').map(Number)) {
      const csv = join(TMP, `runs-${rows}.csv`);
      writeActivityCsv(csv, rows);
      const yaml = join(TMP, `activity-${rows}.yaml`);
      writeFileSync(yaml, `version: 1\nname: activity ${rows}\nactivity:\n  - { name: fleet, file: ${JSON.stringify(csv)} }\n`);
      const label = rows.toLocaleString('en-US');
      const floor = timed(['-e', floorScript(csv)], runs, preload);
      row(`line scan + 2 Date.parse, ${label} rows (${(statSync(csv).size / 1e6).toFixed(0)} MB)`, floor, undefined, undefined, undefined, cpu(floor));
      for (const jobs of [1, 2]) {
        const r = timed([BIN, 'estimate', yaml, '--format', 'json', '--jobs', String(jobs)], runs, preload);
        row(`estimate, ${label} activity rows, --jobs ${jobs}`, r, floor, 'line scan', undefined, `${cpu(r, floor)}; ${(rows / r.cpuMs / 1000).toFixed(2)} M rows per CPU s`);
      }
      rmSync(csv);
    }
    // Memory grows with distinct hosts: 1,000,000 hosts, a run each (one row per host).
    const hosts = 1_000_000;
    const csv = join(TMP, 'hosts.csv');
    writeActivityCsv(csv, hosts, hosts);
    const yaml = join(TMP, 'hosts.yaml');
    writeFileSync(yaml, `version: 1\nname: hosts\nactivity:\n  - { name: fleet, file: ${JSON.stringify(csv)} }\n`);
    const floor = timed(['-e', floorScript(csv)], runs, preload);
    row(`line scan + 2 Date.parse, ${hosts.toLocaleString('en-US')} distinct hosts`, floor, undefined, undefined, undefined, cpu(floor));
    for (const jobs of [1, 2]) {
      const r = timed([BIN, 'estimate', yaml, '--format', 'json', '--jobs', String(jobs)], runs, preload);
      row(`estimate, ${hosts.toLocaleString('en-US')} distinct hosts, --jobs ${jobs}`, r, floor, 'line scan', { text: '< 300 MB', ok: (m) => m.mb < 300 }, cpu(r, floor));
    }
  } finally {
    rmSync(TMP, { recursive: true, force: true });
  }
}

// Run alone: `node bench/activity.mjs`.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rows = [];
  benchActivity((name, r, floor, floorName, bar, extra) => {
    const line = [name, `${r.ms.toFixed(0)} ms`, `${r.mb.toFixed(0)} MB`, floor ? `${(r.ms / floor.ms).toFixed(2)}× ${floorName}` : '', extra ?? '', bar ? `${bar.ok(r, floor) ? 'meets' : 'MISSES'} ${bar.text}` : ''];
    rows.push(line);
    console.log(line.filter(Boolean).join(' | '));
  });
}
