// The layers of src/ import only downwards: core < metering < input < rules < pricing < estimate
// (and import, reconcile, plan, which build on the estimate) < render < cli. A module may import
// its own layer and those below it, never one above (a type-only import counts too: it couples
// the layers all the same).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const LAYERS = ['core', 'metering', 'input', 'rules', 'pricing', 'estimate', 'render', 'cli'] as const;
/** Folders that sit in a layer of the list above. */
const LEVEL: Record<string, number> = { import: LAYERS.indexOf('estimate'), reconcile: LAYERS.indexOf('estimate'), plan: LAYERS.indexOf('estimate') };
for (const [i, l] of LAYERS.entries()) LEVEL[l] = i;

const SRC = join(ROOT, 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const layerOf = (file: string) => relative(SRC, file).split('/')[0]!;

describe('layers', () => {
  const all = files(SRC);

  it('every file of src/ is in a known layer', () => {
    const unknown = all.filter((f) => LEVEL[layerOf(f)] === undefined).map((f) => relative(ROOT, f));
    expect(unknown).toEqual([]);
  });

  it('no import runs back up the layers', () => {
    const upward: string[] = [];
    for (const file of all) {
      const from = layerOf(file);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
        const target = resolve(dirname(file), m[1]!);
        const to = layerOf(target);
        if ((LEVEL[to] ?? -1) > LEVEL[from]!) upward.push(`${relative(ROOT, file)} (${from}) imports ${relative(ROOT, target)} (${to})`);
      }
    }
    expect(upward).toEqual([]);
  });
});
