// Positions after prepare(paths) (one pass recording just those paths, their ancestors and direct
// children) must be exactly those of the index of every value, for the JSON and fast YAML parsers.
import { describe, expect, it } from 'vitest';
import { parseJson } from '../../src/input/parse-json.js';
import { parseYamlFast } from '../../src/input/parse-yaml-fast.js';
import { parseYaml } from '../../src/input/parse-yaml.js';
import type { Path } from '../../src/input/path.js';
import type { ParsedDocument } from '../../src/input/source.js';

const DATA = {
  version: 1,
  hosts: [
    { name: 'web', memoryGiB: 4, tags: ['a', 'b'] },
    { name: 'db', memoryGiB: 64 },
  ],
  synthetic: { http: [{ name: 'h', frequencyMinutes: 5, locations: ['eu', 'us'] }] },
};
const YAML_TEXT = 'version: 1\nhosts:\n  - name: web\n    memoryGiB: 4\n    tags: [a, b]\n  - { name: db, memoryGiB: 64 }\nsynthetic:\n  http:\n    - name: h\n      frequencyMinutes: 5\n      locations: [eu, us]\n';

/** Every path in the data, and some that are not there. */
function paths(value: unknown, at: Path = []): Path[] {
  const out: Path[] = [at];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...at, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...at, k]));
  return out;
}
const ALL = [...paths(DATA), ['nope'], ['hosts', 7, 'name'], ['hosts', 0, 'nope'], ['synthetic', 'http', 0, 'locations', 5]];

function documents(): [string, () => ParsedDocument][] {
  const json = () => {
    const r = parseJson(JSON.stringify(DATA, null, 2));
    if (!r.ok) throw new Error('json');
    return r.document;
  };
  return [
    ['json', json],
    ['fast yaml', () => parseYamlFast(YAML_TEXT)!],
  ];
}

describe('PathIndex', () => {
  for (const [name, make] of documents()) {
    it(`${name}: a prepared path, its children and ancestors are where the full index has them`, () => {
      const full = make();
      for (const prepared of [[['hosts', 0]], [['synthetic', 'http', 0], ['version']], [[]], [['hosts', 1, 'memoryGiB'], ['nope', 2]]] as Path[][]) {
        const doc = make();
        doc.prepare!(prepared);
        for (const path of ALL) {
          for (const key of [false, true]) expect({ path, key, at: doc.locate(path, { key }) }).toEqual({ path, key, at: full.locate(path, { key }) });
        }
      }
    });
  }

  it('the fast YAML positions match the yaml package after prepare too', () => {
    const fast = parseYamlFast(YAML_TEXT)!;
    fast.prepare!([['hosts', 0], ['synthetic', 'http', 0]]);
    const slow = parseYaml(YAML_TEXT);
    if (!slow.ok) throw new Error('yaml');
    for (const path of [['hosts', 0], ['hosts', 0, 'memoryGiB'], ['hosts', 0, 'tags', 1], ['synthetic', 'http', 0, 'locations'], ['hosts', 1, 'name']] as Path[]) {
      for (const key of [false, true]) expect({ path, key, at: fast.locate(path, { key }) }).toEqual({ path, key, at: slow.document.locate(path, { key }) });
    }
  });

  it('locates values and keys at their line and column', () => {
    const doc = parseYamlFast(YAML_TEXT)!;
    doc.prepare!([['hosts', 1]]);
    expect(doc.locate(['hosts', 1, 'memoryGiB'], { key: true })).toEqual({ line: 6, col: 17 });
    expect(doc.locate(['hosts', 1, 'memoryGiB'])).toEqual({ line: 6, col: 28 });
    expect(doc.locate(['hosts', 1, 'nope'])).toEqual({ line: 6, col: 5 });
    expect(doc.locate(['hosts', 0, 'tags', 1])).toEqual({ line: 5, col: 15 });
  });
});
