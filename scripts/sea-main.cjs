// The main script of the standalone binary (scripts/build-binary.mjs), made into a V8 start-up
// snapshot (`"useSnapshot": true`): this script runs once, at build time, in the Node that makes
// the preparation blob, and the heap it leaves is what the binary starts from. The binary then
// runs only the function given to setDeserializeMainFunction: start(), the command of its own
// command line (src/cli/main.ts). Measured (README, Benchmarks): commands start in ~1.8-2.2× the
// binary's own `node -e 0`, where compiling the bundle with a code cache at every start took
// 2.4-2.6×; what is left is mostly V8 deserialising the bigger heap (the bundle's 2.2 MB of source
// text, a function for every top-level function of every module, the warm-up's compiled code and
// schemas). `--version` deserialises it too (~1.9×, was ~1.0×).
//
// Here: the bundle (the file DTCOST_SEA_BUNDLE names) is evaluated without running a command (the
// global dtcostSnapshot tells src/cli/main.ts so), then warmed by the commands of a representative
// run: a DPS and a classic example (YAML, tables), a JSON estate estimated as JSON, validated and
// explained. The functions they compile and the schemas they build are in the snapshot; what no
// warm-up ran is compiled from source as a command first calls it (no code cache applies to a
// script in a snapshot). Each warmed path costs every start its share of deserialising, so the
// warm-up is this small set, chosen by measurement: every example's estimate warmed gave 2.1-2.5×
// on every command; JSON commands alone 1.8-2.0× but 2.7-3.1× on a classic estate.
//
// Nothing that must be read at run time is read while warming, and the build checks it: argv is
// passed to main() directly (process.argv is never read); standard output and error are sinks put
// in place of process.stdout/stderr and taken away after (the real streams are made by the binary
// on first use, for its own descriptors; start() guards them); the environment (NO_COLOR,
// DTCOST_DEBUG, COLUMNS) and the working directory are read by commands as they run, never kept by
// a module as it loads. Modules that would keep them are not loaded here (graceful-fs, under
// exceljs, caches process.cwd() as it loads; bluebird reads process.stderr.isTTY): the build fails
// if the warm-up changed any property of `process` or of the global object, or left a listener,
// an exit code or a file behind.
//
// The bundle is also an asset of the executable: activity files read on several threads (`--jobs`)
// evaluate it in their workers (src/input/activity-jobs.ts), which a snapshot cannot start.
'use strict';
const v8 = require('node:v8');
const { readFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { Script } = require('node:vm');
const { Writable } = require('node:stream');

if (!v8.startupSnapshot?.isBuildingSnapshot()) throw new Error('sea-main.cjs makes a start-up snapshot: build with "useSnapshot": true');

/** The bundle's name in stack traces; not a file (the bundle is in the executable). */
const BUNDLE_NAME = 'dtcost.cjs';

/** What the warm-up must leave as it found it: the properties of process and of the global object, process's listeners. */
function state() {
  // The global object's names only: reading a descriptor of some of Node's lazy globals loads them
  // (http, crypto, ...), whose handles a snapshot cannot hold.
  const process_ = new Map(Reflect.ownKeys(process).map((k) => [k, Object.getOwnPropertyDescriptor(process, k)]));
  return { process: process_, global: new Set(Reflect.ownKeys(globalThis).filter((k) => typeof k === 'string')), events: new Map(process.eventNames().map((e) => [e, process.listenerCount(e)])) };
}

function changes(before, after) {
  const out = [];
  for (const key of new Set([...before.process.keys(), ...after.process.keys()])) {
    const a = before.process.get(key);
    const b = after.process.get(key);
    if (!a && b && typeof key === 'symbol') continue; // Node's own
    if (!a || !b || !Object.is(a.value, b.value) || a.get !== b.get || a.set !== b.set) out.push(`process.${String(key)}`);
  }
  // zod's registry and configuration (__zod_*) are its own state, not the run's.
  for (const key of after.global) if (!before.global.has(key) && !key.startsWith('__zod_')) out.push(`globalThis.${key}`);
  for (const key of before.global) if (!after.global.has(key)) out.push(`globalThis.${key} (removed)`);
  for (const e of new Set([...before.events.keys(), ...after.events.keys()])) if (before.events.get(e) !== after.events.get(e)) out.push(`process listeners of ${String(e)}`);
  return out;
}

const before = state();
const source = readFileSync(process.env.DTCOST_SEA_BUNDLE, 'latin1');
const examples = process.env.DTCOST_SEA_EXAMPLES;
const work = mkdtempSync(join(process.env.DTCOST_SEA_WORK, 'warm-'));

// CommonJS as require() runs it, without a command (main.ts's start() is left to the binary).
globalThis.dtcostSnapshot = true;
const bundle = { exports: {} };
new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: BUNDLE_NAME }).runInThisContext().call(bundle.exports, bundle.exports, require, bundle, BUNDLE_NAME, '.');
delete globalThis.dtcostSnapshot;
const { main, start } = bundle.exports;
if (typeof start !== 'function' || typeof main !== 'function') throw new Error('the bundle exports no start() and main(): not a bundle of src/cli/main.ts?');

const example = (name) => {
  if (!readdirSync(examples).includes(name)) throw new Error(`the warm-up's example ${name} is not in ${examples}`);
  return join(examples, name);
};
const json = join(work, 'estate.json');
writeFileSync(json, JSON.stringify({ version: 1, name: 'warm-up', applications: [{ name: 'a', visitsPerMonth: 1000, visitMinutes: [{ minutes: 5, share: 1 }] }], synthetic: { http: [{ name: 'h', frequencyMinutes: 5, locations: 1 }] } }));

// Standard output and error while warming: sinks that keep what is written.
const written = { stdout: [], stderr: [] };
const streams = {};
for (const name of ['stdout', 'stderr']) {
  streams[name] = Object.getOwnPropertyDescriptor(process, name);
  const sink = new Writable({ write: (chunk, _encoding, done) => (written[name].push(String(chunk)), done()) });
  sink.isTTY = false;
  Object.defineProperty(process, name, { value: sink, configurable: true, enumerable: streams[name].enumerable });
}
const restoreStreams = () => {
  for (const name of ['stdout', 'stderr']) Object.defineProperty(process, name, streams[name]);
};

async function warm() {
  for (const args of [
    ['estimate', example('retail-web-shop.yaml')],
    ['estimate', example('classic-enterprise.yaml')],
    ['estimate', json, '--format', 'json'],
    ['validate', json],
    ['explain', json],
  ]) {
    written.stdout.length = 0;
    written.stderr.length = 0;
    await main(args);
    // 0, or 1 (a budget exceeded), with results; anything else: the warm-up did not run what it should.
    if ((process.exitCode ?? 0) > 1 || written.stdout.length === 0) throw new Error(`the warm-up's dtcost ${args.join(' ')} exited ${process.exitCode} with ${written.stdout.join('').length} characters of output:\n${written.stderr.join('')}`);
  }
  process.exitCode = undefined;
  restoreStreams();
  rmSync(work, { recursive: true, force: true });
  const changed = changes(before, state());
  if (changed.length > 0) throw new Error(`the warm-up changed what the binary must find as Node made it: ${changed.join(', ')}`);
}

warm().catch((err) => {
  restoreStreams();
  process.stderr.write(`sea-main: the snapshot's warm-up failed: ${err.stack || err}\n`);
  process.exit(1);
});

v8.startupSnapshot.setDeserializeMainFunction(() => start());
