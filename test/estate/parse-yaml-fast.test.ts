// The fast YAML path must read exactly what the yaml package reads, or give up.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { isDecimal } from '../../src/core/decimal.js';
import { NonFiniteNumber, parseYaml } from '../../src/input/parse-yaml.js';
import { fastPathStop, parseYamlFast } from '../../src/input/parse-yaml-fast.js';
import { MAX_NESTING } from '../../src/input/source.js';
import { ROOT } from '../helpers.js';
import { compareParsers } from './yaml-compare.js';

/** Data with numbers as tagged text, so both parsers' results compare exactly. */
function plain(v: unknown): unknown {
  if (isDecimal(v)) return `decimal:${v.toString()}`;
  if (v instanceof NonFiniteNumber) return `nonfinite:${v.text}`;
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}

function slow(text: string): unknown {
  const r = parseYaml(text);
  return r.ok ? plain(r.document.data) : 'error';
}

function fast(text: string): unknown {
  const r = parseYamlFast(text);
  return r === undefined ? 'gave up' : plain(r.data);
}

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);

describe('fast YAML path', () => {
  it('reads every example, golden and fixture estate as the yaml package does (data and positions), and gives up on none', () => {
    const dirs = ['examples', 'test/golden', 'test/fixtures/valid', 'test/fixtures/invalid', 'test/import'];
    const names = dirs.flatMap((dir) => (readdirSync(join(ROOT, dir), { recursive: true }) as string[]).filter((f) => /\.ya?ml$/.test(f)).map((f) => join(dir, f)));
    const gaveUp: string[] = [];
    for (const name of names) {
      if (compareParsers(readFileSync(join(ROOT, name), 'utf8'), name) === 'gave up') gaveUp.push(name);
    }
    expect(names.length).toBeGreaterThan(30);
    // Those written outside the plain style on purpose (a tag, a duplicate key, an empty file...).
    expect(gaveUp).toEqual(gaveUp.filter((name) => name.includes('invalid')));
  });

  it('agrees with the yaml package on generated documents in every style, or gives up', () => {
    const key = fc.constantFrom('name', 'count', 'memoryGiB', 'a', 'b-c', 'x_y', 'with space', 'ümlaut', 'quoted: key', '# not a comment', '1abc');
    const scalar = fc.oneof(
      fc.constantFrom('yes', 'no', 'on', 'true', 'False', 'null', '~', '', ' lead', 'trail ', '0x1F', '0o17', '1.50', '-0', '+5', '.5', '5.', '1e3', '.inf', '-.Inf', '.nan', '12:30', 'a: b', 'a #b', 'a#b', "it's", 'say "hi"', '- x', '[x]', '{x}', '&a', '*a', '!t', '|', '>', '%', '@', '`', 'é', 'tab\there', 'new\nline', 'back\\slash', '1_000'),
      fc.integer({ min: -1e9, max: 1e9 }),
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
      fc.boolean(),
      fc.constant(null),
      fc.string({ maxLength: 12 }),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
      list: fc.array(tie('node'), { maxLength: 4 }),
      map: fc.dictionary(key, tie('node'), { maxKeys: 5 }),
    })).map;
    const style = fc.record({
      flowLevel: fc.constantFrom(-1, 0, 1, 2, 3),
      defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'),
      indentSeq: fc.boolean(),
      indent: fc.constantFrom(2, 4),
    });
    let fastCount = 0;
    fc.assert(
      fc.property(value, style, (doc, options) => {
        const text = YAML.stringify(doc, { ...options, lineWidth: 0 } as YAML.ToStringOptions);
        const f = fast(text);
        if (f === 'gave up') return;
        fastCount++;
        expect(f).toEqual(slow(text));
      }),
      { numRuns: RUNS },
    );
    expect(fastCount).toBeGreaterThan(RUNS / 4);
  });

  it('gives up on what it does not read: tags, block scalars, multi-line scalars, duplicates, complex keys', () => {
    for (const text of ['a: !foo 1\n', 'a: |\n  text\n', 'a: long\n  text\n', 'a: 1\na: 2\n', '--- \na: 1\n---\nb: 2\n', 'a:\n\t- 1\n', '? complex\n: key\n', 'a: "open\n  quote"\n']) {
      expect({ text, result: fast(text) }).toEqual({ text, result: 'gave up' });
    }
  });

  // Issue 11, item 5: each of these was read differently from the yaml package, or accepted when invalid.
  it.each([
    ['a plain scalar with a quote and a comment', 'k: a " #"\n', { k: 'a "' }],
    ['a trailing no-break space', 'licensing: classic\u00a0\n', undefined],
    ['a trailing comma in a flow sequence', 'a: [a, ]\n', { a: ['a'] }],
    ['a tab after a colon', '- k:\tv\n', undefined],
    ['a merge key', '<<: {a: 1}\nb: 2\n', undefined],
    ['an invalid flow sequence', 'a: [a[b]\n', undefined],
    ['a merge of a scalar', '<<: &x 5\n', undefined],
    ['a tag', 'budget: !!omap [total: 5]\n', undefined],
    ['an alias before its anchor', 'a: *x\nb: &x 1\n', undefined],
    ['an anchor defined twice', 'a: &x 1\nb: &x 2\nc: *x\n', undefined],
    ['an empty flow entry', 'a: [a, , b]\n', undefined],
    ['a pair in a flow sequence', 'a: [a: 1]\n', undefined],
    ['a comment without a space', 'a: "x"#c\n', undefined],
    ['a lone CR', 'a: 1\rb: 2\n', undefined],
    ['a BOM', '\ufeffa: 1\n', undefined],
    ['a nested mapping in a value', 'a: b: c\n', undefined],
    ['a key of 1,025 characters (YAML: the `:` at most 1,024 on)', `${'k'.repeat(1025)}: 1\n`, undefined],
    ['a key of 1,024 characters', `${'k'.repeat(1024)}: v\n`, { ['k'.repeat(1024)]: 'v' }],
  ])('%s: agrees with the yaml package or gives up', (_what, text, expected) => {
    const f = fast(text);
    expect(f).toEqual(expected === undefined ? 'gave up' : plain(expected));
    if (f !== 'gave up') expect(f).toEqual(slow(text));
  });

  it.each([
    'k: &a # the defaults\n  x: 1\nm: *a\n',
    '- &a\n  x: 1\n- *a\n',
    'k: &a\n- x\nm: *a\n',
    'a: &a {x: 1}\nb:\n  <<: *a\n  x: 2\n',
    'a: &a {x: 1, y: 2}\nb: &b {y: 3}\nc:\n  y: 0\n  <<: [*b, *a]\n',
    'a: &a [1, 2]\nb: {k: *a, l: [*a, *a]}\n',
    '"k": v\n\'q\'\'k\': w\n"<<": 1\n',
    'k: "a\\u00e9\\x41\\t\\"\\\\"\n',
    'k: [a, {b: c, "d":e}, [f], ]  # comment\n',
    '---  # doc\nk: v\n',
    '  k: v\n  m: w\n',
    'k:\n- a\n- b\nm: 1\n',
    'k: v\r\nm:\r\n  - 1\r\n',
    'constructor: 1\ntoString: 2\n__proto__: 3\n',
    'k: a]b,c{d}\n',
    '# only a comment\n',
  ])('reads %j as the yaml package does', (text) => {
    expect(compareParsers(text)).toBe('fast');
  });

  it('an unrelated anchor elsewhere in the file changes nothing', () => {
    const base = 'version: 1\nname: a " #"\nhosts:\n  - { name: web, memoryGiB: 8 }\n';
    const anchored = `${base}applications:\n  - name: &n shop\n`;
    expect(fast(base)).toEqual(slow(base));
    expect(fast(anchored)).toEqual(slow(anchored));
    expect((fast(anchored) as { name: unknown }).name).toBe((fast(base) as { name: unknown }).name);
  });

  it('reads anchors, aliases and merge keys as the yaml package does', () => {
    const text = [
      'defaults: &d',
      '  frequencyMinutes: 15',
      '  locations: &l [eu, us]',
      'other: &o { requests: 2, frequencyMinutes: 1 }',
      'http:',
      '  - name: a',
      '    <<: *d',
      '  - name: b',
      '    <<: [*o, *d]',
      '    frequencyMinutes: 5',
      '  - name: c',
      '    locations: *l',
      '  - &item',
      '    name: d',
      '  - *item',
      '',
    ].join('\n');
    // An anchor inside an anchored node is not in the subset.
    expect(fast(text)).toBe('gave up');
    const flat = text.replace('locations: &l [eu, us]', 'locations: [eu, us]').replace('locations: *l', 'locations: *o');
    expect(fast(flat)).not.toBe('gave up');
    expect(fast(flat)).toEqual(slow(flat));
    const data = fast(flat) as { http: Record<string, unknown>[] };
    expect(data.http[1]).toEqual({ name: 'b', requests: 'decimal:2', frequencyMinutes: 'decimal:5', locations: ['eu', 'us'] });
  });

  it('counts alias uses as the yaml package does: 999 of one anchor are read, 1,000 go to the yaml package (which refuses them)', () => {
    const doc = (n: number) => `a: &a 1\nb:\n${'  - *a\n'.repeat(n)}`;
    expect(fast(doc(999))).not.toBe('gave up');
    expect(fast(doc(999))).toEqual(slow(doc(999)));
    expect(fast(doc(1000))).toBe('gave up');
    expect(slow(doc(1000))).toBe('error');
    // An alias of an empty list counts for nothing.
    const empty = `a: &a []\nb:\n${'  - *a\n'.repeat(1500)}`;
    expect(fast(empty)).toEqual(slow(empty));
  });

  it(`reads ${MAX_NESTING} levels of nesting, and gives up beyond (aliases expanded)`, () => {
    const nested = (n: number) => `a: ${'['.repeat(n - 1)}1${']'.repeat(n - 1)}\n`;
    expect(fast(nested(MAX_NESTING))).toEqual(slow(nested(MAX_NESTING)));
    expect(fast(nested(MAX_NESTING + 1))).toBe('gave up');
    expect(slow(nested(MAX_NESTING + 1))).toBe('error');
    const block = (n: number) => Array.from({ length: n }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n';
    expect(fast(block(MAX_NESTING))).toEqual(slow(block(MAX_NESTING)));
    expect(fast(block(MAX_NESTING + 1))).toBe('gave up');
    const aliased = `a: &a ${'['.repeat(40)}1${']'.repeat(40)}\nb: ${'['.repeat(30)}*a${']'.repeat(30)}\n`;
    expect(fast(aliased)).toBe('gave up');
    expect(slow(aliased)).toBe('error');
  });

  it('reads a document start marker before the content, after comments too, as the yaml package does', () => {
    for (const text of ['---\na: 1\n', '# estate\n\n---\na: 1\n', '--- \na: [x]\n']) {
      expect(fast(text)).not.toBe('gave up');
      expect(fast(text)).toEqual(slow(text));
    }
    for (const text of ['a: 1\n---\n', '---\n---\na: 1\n', '%YAML 1.2\n---\na: 1\n', 'a: 1\n...\n']) expect(fast(text)).toBe('gave up');
  });

  it('locates keys and values as the yaml path does', () => {
    const text = 'version: 1\nhosts:\n  - name: web\n    memoryGiB: -4\n  - { name: db, memoryGiB: x }\nsynthetic:\n  http:\n    - name: h\n      locations: [eu, us]\n';
    const f = parseYamlFast(text)!;
    const s = parseYaml(text);
    if (!s.ok) throw new Error('slow failed');
    for (const [path, key] of [[['hosts', 0, 'memoryGiB'], false], [['hosts', 0, 'memoryGiB'], true], [['hosts', 1, 'memoryGiB'], false], [['hosts', 1], false], [['synthetic', 'http', 0, 'locations', 1], false], [['version'], true], [['nope', 3], false]] as const) {
      expect({ path, key, at: f.locate(path, { key }) }).toEqual({ path, key, at: s.document.locate(path, { key }) });
    }
  });
});

describe('plain numbers', () => {
  it('read as the yaml path reads them, with or without a point, leading zeros included', () => {
    for (const text of ['0', '7', '007', '42', '0.25', '10.50', '123456789012.5', '1.', '.5', '1.2.3', '1e3', '-4', '+4', '0x1F', '0o17', '12:30', '3 4']) {
      const doc = `a: ${text}\n`;
      expect({ text, fast: fast(doc) }).toEqual({ text, fast: slow(doc) });
    }
  });
});

// Issue 17: JSON-like YAML (flow collections over many lines) on the fast path.
describe('flow collections over several lines', () => {
  it.each([
    ['breaks after `[`, `,` and before `]`', 'k: [\n  a,\n  b\n  ]\n'],
    ['breaks in a flow mapping', '{a: 1,\nb: 2\n}\n'],
    ['a continuation line indented less than the collection, more than its mapping', 'k:\n    [a,\n b]\n'],
    ['in a compact mapping of a sequence item', '- k: [a,\n   b]\n  m: {x: 1,\n    y: 2}\n'],
    ['a sequence item', '- [a,\n b]\n- c\n'],
    ['a sequence at its key’s indentation', 'k:\n- [a,\n b]\n'],
    ['a root collection, its closing bracket at column 0, under an indented first line', '  [a,\nb]\n'],
    ['nested collections', 'k: [[a,\n b],\n c, {d: [1,\n  2]}]\n'],
    ['empty collections over lines', '[\n[\n]\n]\n'],
    ['a trailing comma, then the closing bracket', 'k: [a,\n  ]\n'],
    ['a plain scalar before the closing bracket on the next line', 'k: [a\n ]\n'],
    ['blank lines, trailing spaces and CR LF', 'k: [a,   \r\n   \r\n\r\n b]\r\n'],
    ['comments after `[`, `,`, an entry, and comment lines (at any indentation)', 'k: [ # c\n  a, # d\n# e\n  b # f\n  ] # g\nm: 1\n'],
    ['a comment after a flow mapping’s value', '{x: a # c\n}\n'],
    ['anchors and aliases over lines', 'k: &x [a,\n b]\nm: [*x,\n  *x]\n'],
    ['quoted keys and values', "{'a': \"b\",\n  \"c\": 'it''s'}\n"],
    ['a line that starts like a document marker, indented', '[a,\n ---\n]\n'],
    ['a JSON-like estate', '{ version: 1, name: "bench",\n  applications: [\n    {name: "app-0", visitsPerMonth: 100000, visitMinutes: [{minutes: 10, share: 0.8}]},\n    {name: "b"}\n  ],\n  synthetic: {\n    http: [\n      {name: "h", locations: 3}\n    ]\n  }\n}\n'],
  ])('%s: read as the yaml package reads it, data and positions', (_what, text) => {
    expect(compareParsers(text)).toBe('fast');
  });

  it.each([
    ['a continuation line at the key’s indentation (the yaml package: an error)', 'k: [a,\nb]\n', true],
    ['the same in a compact mapping', '- k: [a,\n  b]\n', true],
    ['a closing bracket at its mapping’s indentation (the yaml package allows it, YAML does not)', 'a:\n  k: [a,\n  ]\n', false],
    ['a closing bracket at column 0 under a key', 'k: [a,\n]\n', false],
    ['a plain scalar over two lines', '[a\n b]\n', false],
    ['a plain mapping value over two lines', '{a: b\n c}\n', false],
    ['a comma at the start of a line', '[a\n, b]\n', false],
    ['a value on the line after its key', 'k: {a:\n  1}\n', false],
    ['a `:` on the line after its key', 'k: {a\n  : 1}\n', false],
    ['a value on the line after a quoted key', 'k: {"a":\n  1}\n', false],
    ['a comment without a space before it (the yaml package: an error)', '[a,#c\n b]\n', true],
    ['a document marker inside', '[a,\n---\n]\n', true],
    ['a document end marker inside', '[a,\n...\n]\n', true],
    ['a double-quoted scalar over two lines', '[a,\n "b\n c"]\n', false],
    ['an anchor alone at a line’s end', '[&a\n b]\n', false],
    ['a tab in a continuation line', '[a,\n\t b]\n', false],
    ['a flow collection over lines as a key', '[a,\n b]: c\n', true],
    ['a block sequence inside (the yaml package: an error)', '[a,\n- b]\n', true],
    ['an unclosed collection', 'k: [a,\n  b\n', true],
    ['a merge list over two lines', 'a: &a {x: 1}\nb:\n  <<: [*a,\n   *a]\n', false],
  ])('%s: gives up', (_what, text, invalid) => {
    expect(fast(text)).toBe('gave up');
    if (invalid) expect(slow(text)).toBe('error');
  });

  it('hands a section’s entries to the sink as it reads them, and keeps an anchored list', () => {
    const text = '{ version: 1,\n  hosts: [\n    {name: a, memoryGiB: 8},\n    {name: b, memoryGiB: 16}\n  ],\n  synthetic: { http: [\n    {name: h, locations: [eu,\n      us]}\n  ] },\n  metrics: &m [\n    {name: m, series: 1}\n  ]\n}\n';
    const got: [string, unknown][] = [];
    const doc = parseYamlFast(text, (section, entry) => got.push([section, plain(entry)]));
    expect(doc).toBeDefined();
    expect(got).toEqual([
      ['hosts', { name: 'a', memoryGiB: 'decimal:8' }],
      ['hosts', { name: 'b', memoryGiB: 'decimal:16' }],
      ['synthetic.http', { name: 'h', locations: ['eu', 'us'] }],
    ]);
    expect(plain(doc!.data)).toEqual({ version: 'decimal:1', hosts: [], synthetic: { http: [] }, metrics: [{ name: 'm', series: 'decimal:1' }] });
    // Without a sink, the same document as the yaml package's, and its positions.
    expect(compareParsers(text)).toBe('fast');
  });

  it('a text too large for the yaml package is refused where the fast path stops: an unclosed collection at its first line', () => {
    expect(fastPathStop('version: 1\nname: [a,\n  b,\n')).toEqual({ at: 11 });
    // A plain scalar that goes on on the next line: there.
    const text = 'version: 1\napplications: [\n  {name: a\n    b}]\n';
    expect(fastPathStop(text)).toEqual({ at: text.indexOf('    b') + 4 });
  });
});
