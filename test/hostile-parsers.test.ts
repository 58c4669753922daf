// Hostile YAML and JSON for the parsers: each ends in exit 2 with a located message (file:line:col),
// no stack trace, within generous bounds of time and peak memory (the bars, 2 s and 200 MB, are
// measured in `npm run bench`; here a loaded CI machine must not fail the test, only a hang or a
// blow-up does).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_ANCHORS_AND_ALIASES, MAX_NESTING } from '../src/input/source.js';
import { ROOT } from './helpers.js';

const BIN = join(ROOT, 'bin/dtcost');
const RSS = join(ROOT, 'bench/rss.cjs');
const TMP = mkdtempSync(join(tmpdir(), 'dtcost-hostile-parsers-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

const MB = 1024 * 1024;
const TIME_MS = 15_000;
const PEAK_MB = 250;

const anchorsChain = (n: number) => `version: 1\n${Array.from({ length: n }, (_, i) => (i === 0 ? 'a0: &a0 [1]' : `a${i}: &a${i} [*a${i - 1}]`)).join('\n')}\n`;

// [what, file name, content, the message's start (after "file:line:col: error: ")]
const CASES: [string, string, () => string, RegExp][] = [
  ['10 MB of unclosed [', 'brackets.yaml', () => '['.repeat(10 * MB), /^1:65: error: invalid YAML: lists and mappings nested more than 64 levels deep/],
  ['10 MB of unclosed {', 'braces.yaml', () => '{'.repeat(10 * MB), /^1:65: error: invalid YAML: lists and mappings nested more than 64/],
  ['a value of 10 MB of [', 'name-brackets.yaml', () => `version: 1\nname: ${'['.repeat(10 * MB)}`, /^2:70: error: invalid YAML: lists and mappings nested more than 64/],
  ['10 MB of "- " on one line', 'dashes.yaml', () => '- '.repeat(5 * MB), /^1:129: error: invalid YAML: lists and mappings nested more than 64/],
  ['10 MB of "? " on one line', 'questions.yaml', () => '? '.repeat(5 * MB), /^1:129: error: invalid YAML: lists and mappings nested more than 64/],
  ['3,000 levels of indented keys', 'indent.yaml', () => Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'), /^65:65: error: invalid YAML: lists and mappings nested more than 64/],
  ['2,000 levels of indented items', 'items.yaml', () => Array.from({ length: 2000 }, (_, i) => `${' '.repeat(2 * i)}-`).join('\n'), /^65:129: error: invalid YAML: lists and mappings nested more than 64/],
  ['1,000 nested flow mappings as keys', 'flow-keys.yaml', () => `${'{'.repeat(1000)}a${': 1}'.repeat(1000)}\n`, /^1:65: error: invalid YAML: lists and mappings nested more than 64/],
  ['10 MB of [ as JSON', 'brackets.json', () => '['.repeat(10 * MB), /^1:65: error: invalid JSON: lists and mappings nested more than 64/],
  ['10 MB of {"a": as JSON', 'objects.json', () => '{"a":'.repeat(2 * MB), /^1:321: error: invalid JSON: lists and mappings nested more than 64/],
  ['nesting beyond the limit through aliases', 'deep-aliases.yaml', () => `version: 1\na: &a ${'['.repeat(40)}1${']'.repeat(40)}\nb: ${'['.repeat(30)}*a${']'.repeat(30)}\n`, /^2:40: error: invalid YAML: lists and mappings nested more than 64 levels deep .*with aliases expanded/],
  ['a merge of a scalar', 'merge-scalar.yaml', () => 'version: 1\n<<: &x 5\n', /^2:8: error: invalid YAML: a merge key \(<<\) takes a mapping, an alias of one, or a list of them/],
  ['a merge of a list of scalars', 'merge-list.yaml', () => 'version: 1\nx: &x [1]\n<<: *x\n', /^3:5: error: invalid YAML: a merge key/],
  ['!!omap, which the yaml package turns into an empty object', 'omap.yaml', () => 'version: 1\nbudget: !!omap [total: 5]\n', /^2:9: error: YAML tags are not allowed \(an estate is plain data\): found "!!omap"/],
  ['!!set', 'set.yaml', () => 'version: 1\nhosts: !!set { a, b }\n', /^2:8: error: YAML tags are not allowed .*"!!set"/],
  ['a tag that is a token (not echoed)', 'token-tag.yaml', () => 'version: 1\nname: !ghp_abcdefghijklmnopqrstuvwxyz0123456789AB\n', /^2:7: error: YAML tags are not allowed .*found a tag of 43 characters \(not shown: it looks like a key or a password\)$/m],
  ['a verbatim tag holding a token (not echoed)', 'verbatim-tag.yaml', () => 'version: 1\nname: !<tag:sk_live_4eC39HqLyjWDarjtT1zdp7dc> x\n', /^2:7: error: YAML tags are not allowed .*found a tag of 39 characters \(not shown/m],
  ['a flow pair with a number key (no Node warning on standard error)', 'flow-pair.yaml', () => 'version: 1\nname: x\na: [1, ? 2]\n', /^3:1: error: a: unknown key "a"/],
  ['!!str, harmless but a tag', 'str.yaml', () => 'version: 1\nname: !!str 5\n', /^2:7: error: YAML tags are not allowed .*"!!str"/],
  ['10 MB of !', 'bangs.yaml', () => `version: 1\nname: ${'!'.repeat(10 * MB)}\n`, /^2:7: error: YAML tags are not allowed .*"!!!!!/],
  ['a %YAML 1.1 directive', 'yaml11.yaml', () => '%YAML 1.1\n---\nversion: 1\nname: yes\n', /^1:1: error: invalid YAML: a %YAML 1\.1 directive/],
  ['%YAML 2.0', 'yaml20.yaml', () => '%YAML 2.0\n---\nversion: 1\n', /^1:7: error: invalid YAML: Unsupported YAML version 2\.0/],
  ['an alias inside its own anchored mapping (a cycle: it hung)', 'cycle-map.yaml', () => 'version: 1\na: &a {x: *a}\n', /^2:11: error: invalid YAML: an alias inside the node its anchor names/],
  ['an alias inside its own anchored list, over lines', 'cycle-list.yaml', () => 'version: 1\nhosts:\n  - &h\n    name: x\n    tags: [*h]\n', /^5:12: error: invalid YAML: an alias inside the node its anchor names/],
  ['a merge of its own mapping', 'cycle-merge.yaml', () => 'version: 1\nbudget: &b\n  total: 5\n  <<: *b\n', /^4:7: error: invalid YAML: an alias inside the node its anchor names/],
  ['a key that is a list (Node warned on standard error, and the key became the text "[ a ]")', 'list-key.yaml', () => 'version: 1\n[a]: 1\n', /^2:1: error: invalid YAML: a key that is a list or a mapping \(keys are names\)$/m],
  ['a key that is an alias of a mapping', 'alias-key.yaml', () => 'version: 1\nx: &k {a: 1}\n? *k\n: 1\n', /^3:3: error: invalid YAML: a key that is a list or a mapping/],
  ['an alias bomb', 'bomb.yaml', () => `version: 1\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n${['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((x, i) => `${x}: &${x} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`).join('\n')}\n`, /^1:1: error: invalid YAML: too many alias expansions/],
  ['999 aliases of a list of 500: 500,000 values from 12 KB', 'repeat.yaml', () => `version: 1\nx: &a [${'1, '.repeat(499)}1]\ny:\n${'  - *a\n'.repeat(999)}`, /^203:5: error: invalid YAML: aliases that repeat more than 100,000 values in all/],
  ['1,000 uses of one anchor', 'uses.yaml', () => `version: 1\nx: &x 1\ny:\n${'  - *x\n'.repeat(1000)}`, /^1:1: error: invalid YAML: too many alias expansions/],
  [`${MAX_ANCHORS_AND_ALIASES + 1} anchors and aliases`, 'props.yaml', () => `version: 1\nx: &a 1\ny: [${'*a,'.repeat(MAX_ANCHORS_AND_ALIASES)}*a]\n`, /^3:30002: error: invalid YAML: more than 10,000 anchors and aliases/],
  ['10 MB of anchors on one node', 'anchors-one.yaml', () => `version: 1\nname: ${'&a '.repeat(3.3 * MB)}x\n`, /^2:30007: error: invalid YAML: more than 10,000 anchors and aliases/],
  ['2.6 million aliases in a flow sequence', 'aliases.yaml', () => `version: 1\nx: &a [1]\nname: [${'*a, '.repeat(2.6 * MB)}]\n`, /^3:40004: error: invalid YAML: more than 10,000 anchors and aliases/],
  ['100,000 anchors in a chain', 'chain.yaml', () => anchorsChain(100_000), /^3:13: error: the file needs the full YAML reader/],
  ['10 MB of an unclosed double quote', 'quote.yaml', () => `version: 1\nname: "${'a'.repeat(10 * MB)}\n`, /^2:1: error: the file needs the full YAML reader .*more than 1 MiB/],
  ['900 KB of an unclosed double quote', 'quote-small.yaml', () => `version: 1\nname: "${'a'.repeat(900 * 1024)}\n`, /^3:1: error: invalid YAML: Missing closing "quote/],
  ['10 MB of an unclosed flow sequence', 'wide.yaml', () => `version: 1\nname: [${'a, '.repeat(3.3 * MB)}`, /^2:1: error: the file needs the full YAML reader .*more than 50,000 tokens/],
  ['50,001 tokens outside the fast path (a plain scalar over two lines)', 'tokens.yaml', () => `version: 1\napplications:\n${'  - { name: a\n      b, count: 1 }\n'.repeat(5000)}`, /^4:7: error: the file needs the full YAML reader .*more than 50,000 tokens/],
  ['a 16 MB key', 'long-key.yaml', () => `version: 1\n${'k'.repeat(16 * MB)}: 1\n`, /^2:1: error: a key of 16,777,216 characters; keys are at most 128 characters$/],
  ['a flow mapping of 6,000 keys with a duplicate (quadratic in the yaml package’s own check)', 'dup.yaml', () => `version: 1\nx: {${Array.from({ length: 6000 }, (_, i) => `k${i}: 1`).join(', ')}, k0: 2}\n\t`, /^2:[0-9]+: error: invalid YAML: duplicate key/],
  ['10 MB of newlines', 'newlines.yaml', () => '\n'.repeat(10 * MB), /^error: the file is empty/],
  ['1.2 million YAML documents', 'docs.yaml', () => 'version: 1\n---\n'.repeat(800_000), /^2:1: error: invalid YAML: the file holds several YAML documents/],
  ['CR line ends only', 'cr.yaml', () => 'version: 1\r'.repeat(800_000), /^1:[0-9]+: error: invalid YAML: /],
];

function run(path: string) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', RSS, BIN, 'validate', path], { cwd: TMP, encoding: 'utf8', timeout: 60_000, maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, ms, mb: Number(String(r.output[3] ?? '').trim() || 0) / 1024 };
}

describe('hostile YAML and JSON for the parsers', () => {
  it.each(CASES)('%s: exit 2, located, bounded', (_what, name, content, message) => {
    const path = join(TMP, name);
    writeFileSync(path, content());
    const r = run(path);
    expect({ status: r.status, signal: r.signal, stdout: r.stdout }).toEqual({ status: 2, signal: null, stdout: '' });
    const first = r.stderr.split('\n')[0]!;
    expect(first.startsWith(`${path}:`) || first.startsWith(`${path}: `)).toBe(true);
    expect(first.slice(path.length + 1).trimStart()).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr).not.toMatch(/\(node:\d+\) Warning/);
    expect(r.ms).toBeLessThan(TIME_MS);
    expect(r.mb).toBeGreaterThan(0);
    expect(r.mb).toBeLessThan(PEAK_MB);
  }, 90_000);

  it(`the limits are the documented ones: ${MAX_NESTING} levels, ${MAX_ANCHORS_AND_ALIASES} anchors and aliases`, () => {
    expect(MAX_NESTING).toBe(64);
    expect(MAX_ANCHORS_AND_ALIASES).toBe(10_000);
  });
});
