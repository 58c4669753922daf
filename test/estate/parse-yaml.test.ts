// The `yaml` package path (parse-yaml.ts): what it refuses, where, and that its own duplicate-key
// check finds what the package's `uniqueKeys` finds. The JSON parser's nesting limit too.
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseJson } from '../../src/input/parse-json.js';
import { parseYaml } from '../../src/input/parse-yaml.js';
import { parseYamlFast } from '../../src/input/parse-yaml-fast.js';
import { MAX_ALIAS_VALUES, MAX_NESTING } from '../../src/input/source.js';

function problems(text: string): string[] {
  const r = parseYaml(text);
  return r.ok ? [] : r.problems.map((p) => `${p.position.line}:${p.position.col} ${p.message}`);
}

describe('the yaml package path', () => {
  it('refuses every tag where it is written, the core schema’s too', () => {
    expect(problems('a: 1\nbudget: !!omap [total: 5]\n')).toEqual(['2:9 YAML tags are not allowed (an estate is plain data): found "!!omap"']);
    expect(problems('a: !!str 5\n')).toEqual(['1:4 YAML tags are not allowed (an estate is plain data): found "!!str"']);
    expect(problems('- ! a\n')).toEqual(['1:3 YAML tags are not allowed (an estate is plain data): found "!"']);
    expect(problems('a: |\n  !not a tag\n')).toEqual([]);
    expect(problems('a: "!not a tag"\n')).toEqual([]);
  });

  it('refuses %YAML 1.1, reads %YAML 1.2', () => {
    expect(problems('%YAML 1.1\n---\na: yes\n')).toEqual(['1:1 invalid YAML: a %YAML 1.1 directive (estates are YAML 1.2: remove it; yes/no/on/off are then text)']);
    const r = parseYaml('%YAML 1.2\n---\na: yes\n');
    expect(r.ok && r.document.data).toEqual({ a: 'yes' });
  });

  it(`reads ${MAX_NESTING} levels of lists and mappings, refuses one more where it opens`, () => {
    const flow = (n: number) => `a: ${'['.repeat(n - 1)}1${']'.repeat(n - 1)}\n`;
    expect(problems(flow(MAX_NESTING))).toEqual([]);
    expect(problems(flow(MAX_NESTING + 1))).toEqual([`1:${4 + MAX_NESTING - 1} invalid YAML: lists and mappings nested more than 64 levels deep (an estate needs a few)`]);
    const block = (n: number) => `${Array.from({ length: n }, (_, i) => `${' '.repeat(i)}k:`).join('\n')} 1\n`;
    expect(problems(block(MAX_NESTING))).toEqual([]);
    expect(problems(block(MAX_NESTING + 1))).toEqual([`${MAX_NESTING + 1}:${MAX_NESTING + 1} invalid YAML: lists and mappings nested more than 64 levels deep (an estate needs a few)`]);
    // Through aliases: refused where the too-deep list is written.
    expect(problems(`a: &a ${'['.repeat(40)}1${']'.repeat(40)}\nb: ${'['.repeat(30)}*a${']'.repeat(30)}\n`)).toEqual([
      '1:40 invalid YAML: lists and mappings nested more than 64 levels deep (an estate needs a few), with aliases expanded',
    ]);
  });

  it(`refuses aliases that repeat more than ${MAX_ALIAS_VALUES.toLocaleString('en-US')} values, at the alias that goes beyond; the fast path gives up there`, () => {
    const doc = (uses: number) => `a: &a [${'1, '.repeat(199)}1]\nb:\n${'  - *a\n'.repeat(uses)}`;
    // Each alias repeats the list and its 200 numbers: 201 values.
    const crossing = Math.ceil((MAX_ALIAS_VALUES + 1) / 201);
    expect(problems(doc(600))).toEqual([`${2 + crossing}:5 invalid YAML: aliases that repeat more than 100,000 values in all (an estate needs a few)`]);
    expect(parseYamlFast(doc(600))).toBeUndefined();
    expect(problems(doc(crossing - 1))).toEqual([]);
    expect(parseYamlFast(doc(crossing - 1))).toBeDefined();
  });

  it('a key too long for YAML (its `:` more than 1,024 characters on) is refused as long keys are, by both paths', () => {
    const key = (n: number, extra = '') => `a: 1\n- x: 1\n  ${'k'.repeat(n)}: 1\n${extra}`.replace('a: 1\n', '');
    expect(parseYamlFast(key(1024))).toBeDefined();
    expect(problems(key(1024))).toEqual([]);
    expect(parseYamlFast(key(1025))).toBeUndefined();
    expect(problems(key(1025))).toEqual(['2:3 a key of 1,025 characters; keys are at most 128 characters']);
    // Too large for the full reader: said the same way, where the fast path stopped.
    const large = key(1025, `${'- y: 1\n'.repeat(10000)}\t`);
    expect(problems(large)).toEqual(['2:3 a key of 1,025 characters; keys are at most 128 characters']);
  });

  it('refuses a merge of anything but mappings, at the merged value', () => {
    expect(problems('<<: &x 5\n')).toEqual(['1:8 invalid YAML: a merge key (<<) takes a mapping, an alias of one, or a list of them']);
    expect(problems('a: &a [1]\nb:\n  <<: [*a]\n')).toEqual(['3:7 invalid YAML: a merge key (<<) takes a mapping, an alias of one, or a list of them']);
    const r = parseYaml('a: &a {x: 1}\nb: &b {y: 2}\nc:\n  <<: [*a, *b, {z: 3}]\n');
    expect(r.ok && JSON.parse(JSON.stringify(r.document.data)).c).toEqual({ x: '1', y: '2', z: '3' });
  });

  it('finds the duplicate keys the package’s uniqueKeys finds, at the same places', () => {
    // The package's check, with numbers resolved to objects as parse-yaml.ts resolves them.
    const NUMBER = new Set(['tag:yaml.org,2002:int', 'tag:yaml.org,2002:float']);
    const customTags = (tags: YAML.Tags) => tags.map((t) => (typeof t === 'object' && NUMBER.has(t.tag) ? { ...t, resolve: (src: string) => ({ src }) } : t)) as YAML.Tags;
    for (const text of [
      'a: 1\na: 2\n',
      'a: 1\nb: {c: 1, c: 2, "c": 3}\n',
      '~: 1\nnull: 2\n"": 3\n',
      'true: 1\nTrue: 2\n',
      '1: a\n1: b\n',
      '- {a: 1}\n- a: 1\n  b: 2\n  a: 3\n',
      '<<: {a: 1}\n<<: {b: 2}\na: 3\n',
      '? [a]\n: 1\n? [a]\n: 2\n',
      'x: &k a\n*k : 1\na: 2\n',
    ]) {
      const doc = YAML.parseDocument(text, { customTags, merge: true, uniqueKeys: true, prettyErrors: false, strict: true });
      const expected = doc.errors.filter((e) => e.code === 'DUPLICATE_KEY').map((e) => e.pos[0]);
      const lines = text.split('\n');
      const at = (offset: number) => {
        let line = 0;
        let rest = offset;
        while (rest > lines[line]!.length) rest -= lines[line++]!.length + 1;
        return `${line + 1}:${rest + 1} invalid YAML: duplicate key`;
      };
      expect({ text, found: problems(text).filter((p) => p.endsWith('duplicate key')) }).toEqual({ text, found: expected.map(at) });
    }
  });
});

describe('the JSON parser', () => {
  it(`reads ${MAX_NESTING} levels of arrays and objects, refuses one more where it opens`, () => {
    const nested = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    expect(parseJson(nested(MAX_NESTING)).ok).toBe(true);
    const r = parseJson(`{"a": ${nested(MAX_NESTING)}}`);
    expect(r.ok ? [] : r.problems.map((p) => `${p.position.line}:${p.position.col} ${p.message}`)).toEqual([
      `1:${7 + MAX_NESTING - 1} invalid JSON: lists and mappings nested more than 64 levels deep (an estate needs a few)`,
    ]);
  });
});
