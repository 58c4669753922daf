// npm run bench: start-up and estimate time, each against a floor measured in the same run (the
// machine's speed and NODE_EXTRA_CA_CERTS make absolute times meaningless), with peak memory.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESTATE as RECONCILE_ESTATE, writeEvents } from './reconcile-events.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin/dtcost');
const RSS = join(ROOT, 'bench/rss.cjs');
const TMP = mkdtempSync(join(tmpdir(), 'dtcost-bench-'));
const full = process.argv.includes('--full');
/** `--hostile`: only the floor and the hostile inputs. */
const onlyHostile = process.argv.includes('--hostile');
/** `--reconcile`: only the floor and dtcost reconcile (RECONCILE_EVENTS events, 10,000,000 by default). */
const onlyReconcile = process.argv.includes('--reconcile');
/** `--startup`: only the floors and the start-up of commands (npm and standalone binary). */
const onlyStartup = process.argv.includes('--startup');

/** Start-up times are a few tens of milliseconds: many runs, and the median. */
const STARTUP_RUNS = 31;
/** `--estates`: estates at scale only (bench/estates.mjs: every command, 100,000 to 1,000,000 entries). */
if (process.argv.includes('--estates')) {
  rmSync(TMP, { recursive: true, force: true });
  await import('./estates.mjs');
  process.exit(0);
}

function timed(args, runs) {
  const times = [];
  let rssKiB = 0;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['--require', RSS, ...args], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    rssKiB = Math.max(rssKiB, Number(r.output[3]?.trim() || 0));
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], mb: rssKiB / 1024 };
}

/** An estate of `n` entries: applications and the three synthetic monitor kinds, round robin. */
function estate(n) {
  const apps = [];
  const browser = [];
  const http = [];
  const thirdParty = [];
  for (let i = 0; i < n; i++) {
    switch (i % 4) {
      case 0:
        apps.push({ name: `app-${i}`, visitsPerMonth: 100000 + i, bounceRate: 0.3, visitMinutes: [{ minutes: 10, share: 0.8 }, { minutes: 90, share: 0.2 }], replayRate: 0.05, properties: 24 });
        break;
      case 1:
        browser.push({ name: `browser-${i}`, steps: [{ name: 'home', requests: 1 }, { name: 'login', requests: 2 }, { name: 'scroll', requests: 0 }], frequencyMinutes: 15, locations: ['eu', 'us'] });
        break;
      case 2:
        http.push({ name: `http-${i}`, requests: 2, frequencyMinutes: 5, locations: 3 });
        break;
      default:
        thirdParty.push({ name: `third-${i}`, resultsPerMonth: 1000 + i });
    }
  }
  return { version: 1, name: `bench ${n}`, applications: apps, synthetic: { browser, http, thirdParty } };
}

function toYaml(value, indent = '') {
  // Block-style YAML for the generated estates (no dependency needed for this shape).
  if (Array.isArray(value)) return value.map((v) => `${indent}- ${toYaml(v, `${indent}  `).trimStart()}`).join('\n');
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .map(([k, v]) => (v && typeof v === 'object' ? `${indent}${k}:\n${toYaml(v, `${indent}  `)}` : `${indent}${k}: ${typeof v === 'string' ? JSON.stringify(v) : v}`))
      .join('\n');
  }
  return String(value);
}

const rows = [];
/** A row; `bar` is SPEC's quality bar for the case ("Quality bars"), checked on the measured figures. */
const row = (name, r, floor, floorName, bar) =>
  rows.push([name, `${r.ms.toFixed(0)} ms`, r.mb === undefined ? '' : Number.isNaN(r.mb) ? "(killed)" : `${r.mb.toFixed(0)} MB`, floor ? `${(r.ms / floor.ms).toFixed(2)}× ${floorName}` : '', bar ? `${bar.ok(r, floor) ? 'meets' : 'MISSES'} ${bar.text}` : '']);
const BARS = {
  version: { text: '≤ 1.5× node -e 0', ok: (r, floor) => r.ms <= 1.5 * floor.ms },
  startup: { text: '≤ 1.25× node -e 0', ok: (r, floor) => r.ms <= 1.25 * floor.ms },
  binary: { text: '≤ 1.5× its node -e 0', ok: (r, floor) => r.ms <= 1.5 * floor.ms },
  estate: { text: '< 2 s, < 500 MB', ok: (r) => r.ms < 2000 && r.mb < 500 },
  activity: { text: '< 5 s', ok: (r) => r.ms < 5000 },
  importVms: { text: '< 5 s, < 500 MB', ok: (r) => r.ms < 5000 && r.mb < 500 },
  plan: { text: '≤ 3× its single estimate', ok: (r, floor) => r.ms <= 3 * floor.ms },
};

const nodeFloor = timed(['-e', '0'], STARTUP_RUNS);
row('node -e 0', nodeFloor);
// `--activity`: only the floor and activity files at fleet size (bench/activity.mjs: --jobs 1 and 2).
if (process.argv.includes('--activity')) {
  const activity = await import('./activity.mjs');
  activity.benchActivity((name, r, floor, floorName, bar, rate) => row(rate ? `${name} (${rate})` : name, r, floor, floorName, bar));
  binaryActivity(activity.writeActivityCsv);
  finish();
  process.exit(0);
}
// `--binary`: only the standalone binary's rows (start-up, activity files on worker threads).
if (process.argv.includes('--binary')) {
  binaryStartup(startupCommands());
  binaryActivity((await import('./activity.mjs')).writeActivityCsv);
  finish();
  process.exit(0);
}
if (onlyStartup) {
  startup();
  finish();
  process.exit(0);
}
if (onlyReconcile) {
  reconcileBench();
  finish();
  process.exit(0);
}

// Hostile inputs (issue 11, "Small inputs that exhaust memory or CPU"): each must be refused with a
// located error (exit 2) in under 2 s and 200 MB. A run that takes longer than 10 s is stopped.
function hostile(name, args, options = {}) {
  const times = [];
  let rssKiB = 0;
  let status;
  for (let i = 0; i < 3; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['--require', RSS, BIN, ...args], { cwd: TMP, input: options.input, stdio: [options.input ? 'pipe' : 'ignore', 'ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 10_000, maxBuffer: 1 << 26 });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    // (Standard input not read to its end is an EPIPE for the writer here, not a failure.)
    status = r.status ?? (r.error?.code === 'ETIMEDOUT' ? 'timeout after 10 s' : (r.signal ?? r.error?.code));
    rssKiB = Math.max(rssKiB, Number(r.output?.[3]?.trim() || 0));
    if (r.status === null) break;
  }
  times.sort((a, b) => a - b);
  const r = { ms: times[Math.floor(times.length / 2)], mb: rssKiB / 1024 };
  if (rssKiB === 0) r.mb = NaN;
  const bar = { text: '< 2 s, < 200 MB, exit 2', ok: (m) => m.ms < 2000 && m.mb < 200 && status === 2 };
  row(`hostile: ${name}${status === 2 ? '' : ` (exit ${status})`}`, r, nodeFloor, 'node -e 0', bar);
}
const hostileFile = (name, content) => {
  writeFileSync(join(TMP, name), content);
  return name;
};
const activityOf = (name, row) => {
  hostileFile(`${name}.csv`, row);
  return hostileFile(`${name}.yaml`, `version: 1\nactivity: [{ name: a, file: ${name}.csv, memoryGiB: 16 }]\n`);
};
hostile('activity row from 0000 to 9999', ['estimate', activityOf('h-years', 'a,0000-01-01T00:00Z,9999-12-31T00:00Z\n')]);
hostile('activity row from 1970 to 9999 (within the years)', ['estimate', activityOf('h-span', 'a,1970-01-01T00:00Z,9999-12-31T00:00Z\n')]);
hostile('10 MB of unclosed [ (YAML)', ['estimate', hostileFile('h-unclosed.yaml', `version: 1\nname: ${'['.repeat(10e6)}`)]);
hostile('10 MB of unclosed [ (JSON)', ['estimate', hostileFile('h-unclosed.json', `{"version": 1, "name": ${'['.repeat(10e6)}`)]);
hostile('16 MB unknown key', ['estimate', hostileFile('h-key.yaml', `version: 1\n${'k'.repeat(16 << 20)}: 1\n`)]);
hostile('1 MB host name', ['estimate', hostileFile('h-name.yaml', `version: 1\nhosts: [{ name: ${'h'.repeat(1 << 20)}, memoryGiB: 16 }]\n`)]);
{
  // A 1 GB activity line: 200 KB of text, then a sparse file (no disk used) to 1 GB.
  hostileFile('h-line.yaml', 'version: 1\nactivity: [{ name: a, file: h-line.csv, memoryGiB: 16 }]\n');
  hostileFile('h-line.csv', `a,2026-03-01T10:00Z,2026-03-01T11:00Z\n${'x'.repeat(200_000)}`);
  truncateSync(join(TMP, 'h-line.csv'), 1 << 30);
  hostile('1 GB activity line', ['estimate', 'h-line.yaml']);
}
{
  hostileFile('h-huge.yaml', 'version: 1\n');
  truncateSync(join(TMP, 'h-huge.yaml'), 300 << 20);
  hostile('300 MB estate (refused by its size)', ['estimate', 'h-huge.yaml']);
}
hostile('70 MB on standard input', ['estimate', '-'], { input: Buffer.alloc(70 << 20, 0x20) });
// YAML for the full reader (the `yaml` package): more cases, with their messages, in test/hostile-parsers.test.ts.
hostile('3,000 levels of indentation (YAML)', ['estimate', hostileFile('h-indent.yaml', Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'))]);
hostile('10 MB of an unclosed quote (YAML)', ['estimate', hostileFile('h-quote.yaml', `version: 1\nname: "${'a'.repeat(10e6)}\n`)]);
hostile('10 MB of an unclosed flow sequence (YAML)', ['estimate', hostileFile('h-flow.yaml', `version: 1\nname: [${'a, '.repeat(3.3e6)}`)]);
hostile('2.6 million aliases (YAML)', ['estimate', hostileFile('h-aliases.yaml', `version: 1\nx: &a [1]\nname: [${'*a, '.repeat(2.6e6)}]\n`)]);
hostile('100,000 chained anchors (YAML)', ['estimate', hostileFile('h-chain.yaml', `version: 1\n${Array.from({ length: 100000 }, (_, i) => (i === 0 ? 'a0: &a0 [1]' : `a${i}: &a${i} [*a${i - 1}]`)).join('\n')}\n`)]);
hostile('999 aliases of a 500-item list (YAML)', ['estimate', hostileFile('h-repeat.yaml', `version: 1\nx: &a [${'1, '.repeat(499)}1]\ny:\n${'  - *a\n'.repeat(999)}`)]);
hostile('an alias bomb (YAML)', ['estimate', hostileFile('h-bomb.yaml', `version: 1\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n${[...'bcdefghi'].map((x, i) => `${x}: &${x} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`).join('\n')}\n`)]);
hostile('<<: &x 5 (YAML)', ['estimate', hostileFile('h-merge.yaml', 'version: 1\n<<: &x 5\n')]);
hostile('budget: !!omap [total: 5] (YAML)', ['estimate', hostileFile('h-omap.yaml', 'version: 1\nbudget: !!omap [total: 5]\n')]);
{
  // dtcost reconcile: a usage file of one 1 GB line (sparse), refused at 16 MiB of it.
  hostileFile('h-rec.yaml', 'version: 1\n');
  hostileFile('h-usage.jsonl', `{"event.type": "${'x'.repeat(200_000)}`);
  truncateSync(join(TMP, 'h-usage.jsonl'), 1 << 30);
  hostile('1 GB usage line (reconcile)', ['reconcile', 'h-rec.yaml', 'h-usage.jsonl']);
}

if (onlyHostile) {
  finish();
  process.exit(0);
}
startup();

const sizes = [1000, 10000, 100000];
for (const n of sizes) {
  for (const format of ['json', 'yaml']) {
    if (format === 'yaml' && n > 10000 && !full && process.env.BENCH_QUICK) continue;
    const file = join(TMP, `estate-${n}.${format}`);
    const data = estate(n);
    writeFileSync(file, format === 'json' ? JSON.stringify(data, null, 1) : `${toYaml(data)}\n`);
    const floor = timed(['-e', `JSON.parse(require('fs').readFileSync(${JSON.stringify(file.replace(/\.yaml$/, '.json'))}, 'utf8'))`], 3);
    if (format === 'json') row(`JSON.parse, ${n} entries (${(statSync(file).size / 1e6).toFixed(1)} MB)`, floor);
    row(`estimate, ${n} entries, ${format}`, timed([BIN, 'estimate', file, '--format', 'json'], 3), floor, 'JSON.parse', n === 100000 ? BARS.estate : undefined);
    // A 36-month plan of the same estate (growth, seasonality, three scenarios) against its single
    // estimate, measured here: the plan runs the rules once per month length, not once per month.
    if (n === 100000 && format === 'json') {
      const planFile = join(TMP, `plan-${n}.json`);
      writeFileSync(planFile, JSON.stringify({ ...data, contract: { start: '2027-01-01', years: 3, commitments: [5000000, 5500000, 6000000] }, growth: [{ percentPerMonth: 1 }, { section: 'applications', percentPerYear: 20 }], seasonality: { nov: 1.3, dec: 1.5 }, scenarios: { low: 0.8, high: 1.25 } }, null, 1));
      const single = timed([BIN, 'estimate', planFile, '--format', 'json'], 3);
      row(`estimate, ${n} entries with a contract, json (one month)`, single, floor, 'JSON.parse');
      row(`plan, ${n} entries, 36 months × 3 scenarios, json`, timed([BIN, 'plan', planFile, '--format', 'json'], 3), single, 'its estimate', BARS.plan);
    }
    // The other outputs of the largest estate: the table (the default) and Markdown must hold every
    // item's text until their column widths and groups are known; CSV streams as JSON does.
    if (n === 100000 && format === 'json') {
      for (const other of ['table', 'markdown', 'csv']) {
        row(`estimate, ${n} entries, ${format}, --format ${other}`, timed([BIN, 'estimate', file, '--format', other], 3), floor, 'JSON.parse', BARS.estate);
      }
    }
    // One anchor and one alias in the same estate: read by the fast YAML path too (it once sent the
    // whole file to the yaml package: 27 s, 1.3 GB).
    if (n === 100000 && format === 'yaml') {
      const anchored = join(TMP, `estate-${n}-anchor.yaml`);
      const list = /locations:\n( +)- eu\n\1- us\n/g;
      let seen = 0;
      const text = `${toYaml(data)}\n`.replace(list, (all, indent) => (++seen === 1 ? `locations: &locations\n${indent}- eu\n${indent}- us\n` : seen === 2 ? 'locations: *locations\n' : all));
      writeFileSync(anchored, text);
      row(`estimate, ${n} entries, yaml, one anchor and one alias`, timed([BIN, 'estimate', anchored, '--format', 'json'], 3), floor, 'JSON.parse', BARS.estate);
    }
  }
}
// Activity files: a fleet of hosts restarting through a month, as a CSV of runs.
function activityCsv(rows) {
  const lines = ['host,start,end,memoryGiB,mode'];
  const base = Date.UTC(2026, 2, 1);
  for (let i = 0; i < rows; i++) {
    const start = base + ((i * 7919) % (30 * 24 * 60)) * 60_000;
    const minutes = 3 + ((i * 104729) % 600);
    const mode = i % 10 === 0 ? 'infrastructure' : 'fullstack';
    lines.push(`host-${i % 5000},${new Date(start).toISOString()},${new Date(start + minutes * 60_000).toISOString()},${[4, 8, 16, 32, 64][i % 5]},${mode}`);
  }
  return `${lines.join('\n')}\n`;
}

for (const rows of [100_000, 1_000_000]) {
  const csv = join(TMP, `runs-${rows}.csv`);
  writeFileSync(csv, activityCsv(rows));
  const yaml = join(TMP, `activity-${rows}.yaml`);
  writeFileSync(yaml, `version: 1\nname: activity ${rows}\nactivity:\n  - { name: fleet, file: ${JSON.stringify(csv)} }\n`);
  const floor = timed(['-e', `let n=0;require('readline').createInterface({input:require('fs').createReadStream(${JSON.stringify(csv)})}).on('line',()=>n++)`], 3);
  row(`line count, ${rows.toLocaleString('en-US')} activity rows (${(statSync(csv).size / 1e6).toFixed(0)} MB)`, floor);
  for (const model of ['classic', 'dps']) {
    row(`estimate, ${rows.toLocaleString('en-US')} activity rows, ${model}`, timed([BIN, 'estimate', yaml, '--model', model, '--format', 'json'], 3), floor, 'line count', rows === 1_000_000 ? BARS.activity : undefined);
  }
}

// dtcost import rvtools: 100,000 VMs in the shape of an RVTools 4.x vInfo CSV export (its 79
// columns, in its order), against a bare line scan of the same file.
const VINFO_COLUMNS = ['VM', 'Powerstate', 'Template', 'SRM Placeholder', 'Config status', 'Connection state', 'Guest state', 'Heartbeat', 'Consolidation Needed', 'PowerOn', 'Suspended To Memory', 'Suspend time', 'Suspend Interval', 'Creation date', 'Change Version', 'CPUs', 'Overall Cpu Readiness', 'Memory', 'Active Memory', 'NICs', 'Disks', 'Total disk capacity MiB', 'Fixed Passthru HotPlug', 'min Required EVC Mode Key', 'Latency Sensitivity', 'Op Notification Timeout', 'EnableUUID', 'CBT', 'Primary IP Address', 'Network #1', 'Network #2', 'Network #3', 'Network #4', 'Network #5', 'Network #6', 'Network #7', 'Network #8', 'Num Monitors', 'Video Ram KiB', 'Resource pool', 'Folder ID', 'Folder', 'vApp', 'DAS protection', 'FT State', 'FT Role', 'FT Latency', 'FT Bandwidth', 'FT Sec. Latency', 'Vm Failover In Progress', 'Provisioned MiB', 'In Use MiB', 'Unshared MiB', 'HA Restart Priority', 'HA Isolation Response', 'HA VM Monitoring', 'Cluster rule(s)', 'Cluster rule name(s)', 'Boot Required', 'Boot delay', 'Boot retry delay', 'Boot retry enabled', 'Boot BIOS setup', 'Reboot PowerOff', 'EFI Secure boot', 'Firmware', 'HW version', 'HW upgrade status', 'Datacenter', 'Cluster', 'Host', 'OS according to the configuration file', 'OS according to the VMware Tools', 'Customization Info', 'Guest Detailed Data', 'VM ID', 'VM UUID', 'VI SDK Server type', 'VI SDK API Version'];
function vinfoCsv(n) {
  const lines = [VINFO_COLUMNS.map((c) => (/[,#"]/.test(c) ? `"${c}"` : c)).join(',')];
  const memory = [2048, 4096, 8192, 16384, 32768, 3526, 12288, 65536];
  for (let i = 0; i < n; i++) {
    const row = VINFO_COLUMNS.map(() => '');
    row[0] = `vm-${i}`;
    row[1] = i % 10 === 0 ? 'poweredOff' : 'poweredOn';
    row[2] = i % 97 === 0 ? 'True' : 'False';
    row[15] = String(1 + (i % 16));
    row[17] = String(memory[i % memory.length]);
    row[21] = String(40960 + i);
    row[28] = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
    row[29] = 'VM Network';
    row[39] = '/Datacenter/Cluster/Resources';
    row[68] = 'Datacenter';
    row[69] = `Cluster-${i % 12}`;
    row[70] = `esx-${i % 400}.example.com`;
    row[71] = 'Red Hat Enterprise Linux 9 (64-bit)';
    row[75] = `vm-${100000 + i}`;
    row[76] = `500b4793-2a7b-f692-073b-${String(i).padStart(12, '0')}`;
    row[77] = 'VMware vCenter Server 8.0.3 build-24262322';
    row[78] = '8.0.3.0';
    lines.push(row.join(','));
  }
  return `${lines.join('\n')}\n`;
}
{
  const n = 100_000;
  const csv = join(TMP, 'RVTools_tabvInfo.csv');
  writeFileSync(csv, vinfoCsv(n));
  const floor = timed(['-e', `let n=0;require('readline').createInterface({input:require('fs').createReadStream(${JSON.stringify(csv)})}).on('line',()=>n++)`], 3);
  row(`line count, ${n.toLocaleString('en-US')} VMs of vInfo CSV (${(statSync(csv).size / 1e6).toFixed(0)} MB)`, floor);
  row(`import rvtools, ${n.toLocaleString('en-US')} VMs`, timed([BIN, 'import', 'rvtools', csv, '--quiet'], 3), floor, 'line count', BARS.importVms);
}

reconcileBench();
finish();

/**
 * dtcost reconcile of 10,000,000 billing usage events (generated: bench/reconcile-events.mjs, one
 * in 100 a refreshed copy), as JSON lines and as CSV, each against a bare line scan of the same
 * file; and of a tenth as many, to show what grows with the events (only the deduplication table,
 * 16 bytes per distinct event). One run each: they take minutes.
 */
function reconcileBench() {
  const n = Number(process.env.RECONCILE_EVENTS ?? 10_000_000);
  const estate = join(TMP, 'reconcile-estate.yaml');
  writeFileSync(estate, RECONCILE_ESTATE);
  const scan = (file) => `let n=0;require('readline').createInterface({input:require('fs').createReadStream(${JSON.stringify(file)})}).on('line',()=>n++)`;
  for (const format of ['jsonl', 'csv']) {
    for (const count of format === 'jsonl' ? [n / 10, n] : [n]) {
      const file = join(TMP, `events-${count}.${format}`);
      writeEvents(count, file, format);
      const floor = timed(['-e', scan(file)], 1);
      row(`line count, ${count.toLocaleString('en-US')} billing usage events, ${format === 'csv' ? 'CSV' : 'JSON lines'} (${(statSync(file).size / 1e6).toFixed(0)} MB)`, floor);
      row(`reconcile, ${count.toLocaleString('en-US')} events (${(count / 100).toLocaleString('en-US')} refreshed), ${format === 'csv' ? 'CSV' : 'JSON lines'}`, timed([BIN, 'reconcile', estate, file, '--format', 'json', '--quiet'], 1), floor, 'line count');
      rmSync(file);
    }
  }
}

/**
 * Start-up: --version, and real commands on a one-entry estate (the bundle compiled with its code
 * cache, the command's modules initialised, the sections it has built), against `node -e 0`; then
 * the standalone binary, when `npm run build:binary` has made it, against its own Node's `-e 0`.
 * The runs of a floor and its commands take turns (a machine shared with other work changes its
 * speed from second to second), STARTUP_RUNS of each; medians. Issue 17: commands within 1.25×
 * of the floor, the binary within 1.5× of its own.
 */
function startupCommands() {
  const one = join(TMP, 'estate-1.json');
  writeFileSync(one, JSON.stringify(estate(1)));
  return [
    ['estimate, 1 entry (start-up of a command)', ['estimate', one, '--format', 'json']],
    ['validate, 1 entry (start-up)', ['validate', one]],
    ['explain, 1 entry (start-up)', ['explain', one]],
  ];
}

function startup() {
  const commands = startupCommands();
  const npm = interleaved([[process.execPath, ['--require', RSS, '-e', '0']], [process.execPath, ['--require', RSS, BIN, '--version']], ...commands.map(([, args]) => [process.execPath, ['--require', RSS, BIN, ...args]])]);
  row('node -e 0 (taking turns with the start-up rows)', npm[0]);
  row('dtcost --version', npm[1], npm[0], 'node -e 0', BARS.version);
  commands.forEach(([name], i) => row(name, npm[i + 2], npm[0], 'node -e 0', BARS.startup));
  binaryStartup(commands);
}

/** The standalone binary's start-up (a V8 start-up snapshot, scripts/sea-main.cjs) against its own Node's `-e 0`. */
function binaryStartup(commands) {
  const binary = join(ROOT, 'dist', 'dtcost-linux-x64');
  const binaryNode = join(ROOT, 'build', 'node-24', 'package', 'bin', 'node');
  if (!existsSync(binary) || !existsSync(binaryNode)) {
    console.error('bench: no standalone binary (npm run build:binary makes it): its start-up rows are skipped');
    return;
  }
  const sea = interleaved([[binaryNode, ['-e', '0']], [binary, ['--version']], ...commands.map(([, args]) => [binary, args])]);
  row("binary's own node -e 0 (Node 24)", sea[0]);
  row('binary --version', sea[1], sea[0], 'its node -e 0');
  commands.forEach(([name], i) => row(`binary ${name}`, sea[i + 2], sea[0], 'its node -e 0', BARS.binary));
}

/**
 * The standalone binary's activity reading (its worker threads evaluate the bundle it carries, not
 * a file): estimate of BINARY_ACTIVITY_ROWS rows (2,000,000 by default, two chunks) with --jobs 1
 * and 2, against bin/dtcost with the same --jobs; the four take turns, 3 runs each, medians.
 */
function binaryActivity(writeActivityCsv) {
  const binary = join(ROOT, 'dist', 'dtcost-linux-x64');
  if (!existsSync(binary)) {
    console.error('bench: no standalone binary (npm run build:binary makes it): its activity rows are skipped');
    return;
  }
  const rows = Number(process.env.BINARY_ACTIVITY_ROWS ?? 2_000_000);
  const csv = join(TMP, 'binary-activity.csv');
  writeActivityCsv(csv, rows);
  const yaml = join(TMP, 'binary-activity.yaml');
  writeFileSync(yaml, `version: 1\nname: binary activity\nactivity:\n  - { name: fleet, file: ${JSON.stringify(csv)} }\n`);
  const label = `${rows.toLocaleString('en-US')} activity rows (${(statSync(csv).size / 1e6).toFixed(0)} MB)`;
  const runs = [1, 2].flatMap((jobs) => [[process.execPath, [BIN, 'estimate', yaml, '--format', 'json', '--jobs', String(jobs)]], [binary, ['estimate', yaml, '--format', 'json', '--jobs', String(jobs)]]]);
  const r = interleaved(runs, 3);
  [1, 2].forEach((jobs, k) => {
    row(`estimate, ${label}, --jobs ${jobs} (bin/dtcost)`, r[2 * k]);
    row(`binary estimate, ${label}, --jobs ${jobs}`, r[2 * k + 1], r[2 * k], `bin/dtcost --jobs ${jobs}`);
  });
  rmSync(csv);
}

/** Runs each [file, args] `count` times (STARTUP_RUNS by default), taking turns; the median time of each (peak RSS when reported on fd 3). */
function interleaved(runs, count = STARTUP_RUNS) {
  const times = runs.map(() => []);
  const rss = runs.map(() => 0);
  for (let i = 0; i < count; i++) {
    runs.forEach(([file, args], k) => {
      const start = process.hrtime.bigint();
      const r = spawnSync(file, args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe'], encoding: 'utf8' });
      times[k].push(Number(process.hrtime.bigint() - start) / 1e6);
      if (r.status !== 0 && r.status !== 1) throw new Error(`${file} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
      rss[k] = Math.max(rss[k], Number(r.output[3]?.trim() || 0));
    });
  }
  return times.map((t, k) => {
    t.sort((a, b) => a - b);
    return { ms: t[Math.floor(t.length / 2)], mb: rss[k] ? rss[k] / 1024 : undefined };
  });
}

function finish() {
rmSync(TMP, { recursive: true, force: true });

const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
console.log(`node ${process.version}, ${new Date().toISOString().slice(0, 10)}; medians; peak RSS of the process`);
for (const r of rows) console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('   '));
}
