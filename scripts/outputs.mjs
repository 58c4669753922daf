#!/usr/bin/env node
// Every example estate through every command, format and model, written to one folder: run it
// before and after a change that must not change behaviour, then compare the folders.
//
//   node scripts/outputs.mjs /tmp/before          # on the old build
//   node scripts/outputs.mjs /tmp/after           # on the new build
//   node scripts/outputs.mjs --check /tmp/before  # the current build against a saved folder
//
// Each file holds the command line, the exit code, standard output and standard error.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'dtcost');
const args = process.argv.slice(2);
const check = args[0] === '--check';
const target = check ? args[1] : args[0];
if (!target) {
  process.stderr.write('usage: node scripts/outputs.mjs <folder> | --check <folder>\n');
  process.exit(2);
}

const examples = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.yaml')).sort().map((f) => `examples/${f}`);
/** The golden estates of test/golden/<model>/<rule>/, as paths from the root. */
const goldens = (function walk(dir) {
  return readdirSync(join(root, dir), { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((d) => (d.isDirectory() ? walk(`${dir}/${d.name}`) : d.name.endsWith('.yaml') ? [`${dir}/${d.name}`] : []));
})('test/golden');
const rates = 'examples/rates/bank-contract-2026.yaml';

/** [name, argv] of every run. */
const runs = [];
for (const file of [...examples, ...goldens]) {
  const stem = file.replace(/^(examples|test\/golden)\//, '').replace(/\.yaml$/, '').replaceAll('/', '.');
  for (const model of ['dps', 'classic']) {
    for (const format of ['table', 'json', 'csv', 'markdown']) {
      runs.push([`estimate.${stem}.${model}.${format}`, ['estimate', file, '--model', model, '--format', format]]);
    }
    runs.push([`estimate.${stem}.${model}.year.json`, ['estimate', file, '--model', model, '--period', 'year', '--format', 'json']]);
    runs.push([`estimate.${stem}.${model}.rates.json`, ['estimate', file, '--model', model, '--rates', rates, '--format', 'json']]);
    for (const format of ['table', 'json', 'markdown']) runs.push([`explain.${stem}.${model}.${format}`, ['explain', file, '--model', model, '--format', format]]);
  }
  for (const format of ['table', 'json', 'markdown']) runs.push([`compare.${stem}.${format}`, ['compare', file, '--rates', rates, '--format', format]]);
  runs.push([`validate.${stem}`, ['validate', file]]);
}
for (let i = 0; i + 1 < examples.length; i++) {
  for (const format of ['table', 'json', 'markdown']) {
    for (const model of ['dps', 'classic']) {
      runs.push([`diff.${i}.${model}.${format}`, ['diff', examples[i], examples[i + 1], '--model', model, '--period', 'month', '--format', format, '--max-increase', '10%']]);
    }
  }
}
runs.push(['compare.classic-enterprise.two-cards.json', ['compare', 'examples/classic-enterprise.yaml', '--rates-classic', 'examples/rates/classic-contract-2026.yaml', '--rates-dps', 'examples/rates/dps-commit-2026.yaml', '--format', 'json']]);
runs.push(['estimate.merged.json', ['estimate', '--merge', 'examples/retail-web-shop.yaml', 'examples/saas-api-synthetics.yaml', 'examples/observability-data.yaml', '--format', 'json']]);
for (const format of ['table', 'json', 'csv', 'markdown']) runs.push([`rates.${format}`, ['rates', '--rates', rates, '--format', format]]);
runs.push(['schema', ['schema']]);
runs.push(['init', ['init', '-']]);

const out = check ? mkdtempSync(join(tmpdir(), 'dtcost-outputs-')) : target;
mkdirSync(out, { recursive: true });
for (const [name, argv] of runs) {
  const r = spawnSync(process.execPath, [bin, ...argv], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', COLUMNS: '120' } });
  writeFileSync(join(out, name), `$ dtcost ${argv.join(' ')}\nexit ${r.status}\n--- stdout\n${r.stdout}--- stderr\n${r.stderr}`);
}

if (!check) {
  process.stdout.write(`${runs.length} outputs written to ${out}\n`);
} else {
  const differ = runs.map(([name]) => name).filter((name) => {
    let before;
    try {
      before = readFileSync(join(target, name), 'utf8');
    } catch {
      return true;
    }
    return before !== readFileSync(join(out, name), 'utf8');
  });
  if (differ.length === 0) {
    rmSync(out, { recursive: true, force: true });
    process.stdout.write(`${runs.length} outputs identical to ${target}\n`);
  } else {
    process.stdout.write(`${differ.length} of ${runs.length} outputs differ from ${target} (new ones in ${out}):\n${differ.map((d) => `  ${d}`).join('\n')}\n`);
    process.exit(1);
  }
}
