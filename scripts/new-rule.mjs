#!/usr/bin/env node
// Scaffolds a rule: `npm run new-rule -- dps/my-capability --name "My Capability" --unit host-hour`
//   src/rules/<model>/<id>.ts          the rule, emitting capability <id>, citing its page (to fill in)
//   test/rules/<model>/<id>.test.ts    its tests (a first one to replace with the page's numbers)
//   test/golden/<model>/<id>/example.yaml  a golden estate for the page's worked example
// and adds the capability to the catalogue (src/core/capabilities.ts) and the rule to the list
// (src/rules/index.ts). Nothing is overwritten: an existing file stops it.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const spec = args.find((a) => !a.startsWith('--'));
const option = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const m = /^(dps|classic)\/([a-z][a-z0-9-]*)$/.exec(spec ?? '');
if (!m) {
  process.stderr.write('usage: npm run new-rule -- <dps|classic>/<capability-id> --name "Capability name" --unit <unit>\n');
  process.exit(2);
}
const [, model, id] = m;
const name = option('name') ?? id.split('-').map((w) => w[0].toUpperCase() + w.slice(1)).join(' ');
const unit = option('unit') ?? 'unit';
const camel = id.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());

const files = {
  [`src/rules/${model}/${id}.ts`]: `// ${model === 'dps' ? 'DPS' : 'Classic'} ${name}: <the rule in one or two sentences, with the page's own words in quotes>.
// Source: docs/dynatrace/<path of the page>.md (<its source: URL>), "<section>".
import { count, derived, times } from '../../core/derivation.js';
import { n } from '../../core/text.js';
import { defineRule, type LineItemDraft } from '../types.js';

export const ${camel} = defineRule({
  id: '${model}/${id}',
  model: '${model}',
  sections: [],
  emits: ['${id}'],
  doc: '<page>.md (<source URL>): <section>',
  estimate(estate, { period }) {
    const items: LineItemDraft[] = [];
    // For each entry of the section: the quantity and its formula, made together.
    void estate;
    void [count, derived, times, n, period];
    return items;
  },
});
`,
  [`test/rules/${model}/${id}.test.ts`]: `// ${name} (${model === 'dps' ? 'DPS' : 'classic'}): hand-computed boundaries; the page's worked examples are golden
// estates (test/golden/${model}/${id}/).
import { describe, expect, it } from 'vitest';
import { rows, run } from '../../helpers.js';

describe('${model}/${id}', () => {
  it('<what the page says, with its numbers>', () => {
    expect(rows(run('version: 1\\n${model === 'classic' ? 'licensing: classic\\n' : ''}'))).toEqual([]);
  });
});
`,
  [`test/golden/${model}/${id}/example.yaml`]: `# page: <docs path of the page> (<its source: URL>), "<the example's heading>"
# <the example in the page's words, with every number>
# expect: ${id}/<entry name> quantity <the page's quantity> cost <the page's cost>
version: 1
name: ${name} example
${model === 'classic' ? 'licensing: classic\n' : ''}period: month
`,
};
for (const file of Object.keys(files)) {
  if (existsSync(join(root, file))) {
    process.stderr.write(`new-rule: ${file} exists already; nothing was written\n`);
    process.exit(2);
  }
}
const catalogue = join(root, 'src/core/capabilities.ts');
const index = join(root, 'src/rules/index.ts');
let cat = readFileSync(catalogue, 'utf8');
if (cat.includes(`'${id}'`)) {
  process.stderr.write(`new-rule: the capability ${id} is in the catalogue already\n`);
  process.exit(2);
}
// The catalogue row: last of its model's plain rows (before the classic ones, or before the overages).
const row = `  ${model}('${id}', '${name}', '${unit}'),\n`;
const before = model === 'dps' ? cat.indexOf("  classic('") : cat.indexOf("  { ...classic(");
cat = cat.slice(0, before) + row + cat.slice(before);
let list = readFileSync(index, 'utf8');
list = list.replace(/(import type \{ Rule \} from '\.\/types\.js';)/, `import { ${camel} } from './${model}/${id}.js';\n$1`);
list = list.replace(/\n\];\s*$/, `\n  ${camel},\n];\n`);

for (const [file, text] of Object.entries(files)) {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), text);
  process.stdout.write(`wrote ${file}\n`);
}
writeFileSync(catalogue, cat);
writeFileSync(index, list);
process.stdout.write(`added ${id} (${unit}) to src/core/capabilities.ts and ${model}/${id} to src/rules/index.ts
next: fill in the rule, its page and its family (familyOf in src/core/capabilities.ts), a price in
src/pricing/builtin.ts if Dynatrace publishes one, the test and the golden estate; then npm test.
`);
