// The official YAML test suite (test/fixtures/yaml-test-suite, see SOURCES.md there) through the
// fast YAML path: on every case it gives up, or reads exactly what the `yaml` package path reads
// (data and positions). Where it reads a case, the data is also the suite's own in.json, and it
// gives up on every case the suite marks as an error.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYamlFast } from '../../src/input/parse-yaml-fast.js';
import { ROOT } from '../helpers.js';
import { compareParsers, plain } from './yaml-compare.js';

const DATA = join(ROOT, 'test/fixtures/yaml-test-suite/data');

interface Case {
  id: string;
  name: string;
  yaml: string;
  json: string | undefined;
  error: boolean;
}

function cases(): Case[] {
  const out: Case[] = [];
  const read = (dir: string, id: string): void => {
    const file = (name: string) => join(dir, name);
    if (!existsSync(file('in.yaml'))) {
      for (const sub of readdirSync(dir).sort()) read(join(dir, sub), `${id}/${sub}`);
      return;
    }
    out.push({
      id,
      name: existsSync(file('===')) ? readFileSync(file('==='), 'utf8').trim() : id,
      yaml: readFileSync(file('in.yaml'), 'utf8'),
      json: existsSync(file('in.json')) ? readFileSync(file('in.json'), 'utf8') : undefined,
      error: existsSync(file('error')),
    });
  };
  for (const id of readdirSync(DATA).sort()) read(join(DATA, id), id);
  return out;
}

/** Fast-path data as JSON would hold it (numbers as numbers), for the suite's in.json. */
function asJson(v: unknown): unknown {
  const p = plain(v);
  return JSON.parse(JSON.stringify(p), (_k, x) => (typeof x === 'string' && x.startsWith('decimal:') ? Number(x.slice(8)) : x));
}

/** The documents of an in.json file (one JSON value after another). */
function jsonValues(text: string): unknown[] {
  const out: unknown[] = [];
  let rest = text.trim();
  while (rest.length > 0) {
    // Shortest prefix that parses: in.json files are small.
    let end = 1;
    for (; end <= rest.length; end++) {
      try {
        out.push(JSON.parse(rest.slice(0, end)));
        break;
      } catch {
        // go on
      }
    }
    rest = rest.slice(end).trim();
  }
  return out;
}

describe('the YAML test suite through the fast path', () => {
  const all = cases();

  it('has the suite', () => {
    expect(all.length).toBeGreaterThan(400);
  });

  it('every case: the fast path gives up, or reads what the yaml package path reads', () => {
    let fast = 0;
    for (const c of all) {
      if (compareParsers(c.yaml, `${c.id} ${c.name}`) === 'fast') fast++;
    }
    if (process.env.FUZZ_RUNS) process.stdout.write(`\nyaml-test-suite: ${all.length} cases, ${fast} read by the fast path, the rest given up\n`);
    expect(fast).toBeGreaterThan(50);
  });

  it('never reads a case the suite marks as an error', () => {
    const read = all.filter((c) => c.error && parseYamlFast(c.yaml) !== undefined).map((c) => `${c.id} ${c.name}`);
    expect(read).toEqual([]);
  });

  it('where it reads a case, the data is the suite’s own in.json', () => {
    for (const c of all) {
      if (c.error || c.json === undefined) continue;
      const fast = parseYamlFast(c.yaml);
      if (fast === undefined) continue;
      const values = jsonValues(c.json);
      expect({ id: c.id, name: c.name, data: asJson(fast.data) }).toEqual({ id: c.id, name: c.name, data: values.length === 0 ? null : values[0] });
    }
  });
});
