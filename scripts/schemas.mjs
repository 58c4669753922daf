#!/usr/bin/env node
// Writes the committed JSON Schemas from the build: schema/estate-v1.schema.json (the estate format,
// `dtcost schema`) and schema/<command>-output-v<N>.schema.json (each command's JSON output,
// `dtcost schema --output-format <command>`). Run after `npm run build` when a schema changes;
// test/output-schemas.test.ts fails until the committed files are what dtcost prints.
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'dtcost');
const dtcost = (args) => {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`dtcost ${args.join(' ')}: exit ${r.status}: ${r.stderr}`);
  return r.stdout;
};

writeFileSync(join(root, 'schema', 'estate-v1.schema.json'), dtcost(['schema']));
const written = ['estate-v1.schema.json'];
for (const command of ['estimate', 'validate', 'explain', 'compare', 'diff', 'rates']) {
  const text = dtcost(['schema', '--output-format', command]);
  const version = /"\$id": "urn:dtcost:[a-z]+-output:v(\d+)"/.exec(text)[1];
  const file = `${command}-output-v${version}.schema.json`;
  writeFileSync(join(root, 'schema', file), text);
  written.push(file);
}
// An output schema of an older version is not kept beside the new one (the schemas written by
// hand, such as reconcile's, are left alone).
const generated = /^(estimate|validate|explain|compare|diff|rates)-output-v\d+\.schema\.json$/;
for (const file of readdirSync(join(root, 'schema'))) if (generated.test(file) && !written.includes(file)) rmSync(join(root, 'schema', file));
process.stdout.write(`${written.map((f) => `schema/${f}`).join('\n')}\n`);
