// The estate's JSON Schema (`dtcost schema`, schema/estate-v1.schema.json) for editors: every key
// described, and refusing what dtcost refuses, checked with ajv against dtcost's own validation:
// numbers written as numbers and as text at every kind of bound, periods, the checks the zod
// schema makes in code. (What JSON Schema cannot say, only dtcost checks: names unique in their
// section, the shares of a visit mix adding up to 1, includedQueriesDays at most the retention.)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { DESCRIPTIONS, estateJsonSchemaReport } from '../src/input/json-schema.js';
import { loadText } from '../src/input/load.js';
import { wholeRange } from '../src/input/number-pattern.js';
import { estateSchema } from '../src/input/schema.js';
import { ROOT } from './helpers.js';

const schema = JSON.parse(readFileSync(join(ROOT, 'schema/estate-v1.schema.json'), 'utf8'));
const ajv = new (Ajv2020 as unknown as typeof Ajv2020.default)({ strict: false, allErrors: true });
const validate = ajv.compile(schema);

/** dtcost's verdict on an estate written as JSON text (numbers read exactly, as from a file). */
const toolAccepts = (text: string) => loadText({ file: 'estate.json', dir: ROOT, text }, estateSchema, 'an estate').ok;
/** The schema's verdict on the same text. */
const schemaAccepts = (text: string) => validate(JSON.parse(text)) === true;

describe('descriptions', () => {
  it('every key of the estate has one, for hover in editors', () => {
    const { undescribed, schema: generated } = estateJsonSchemaReport();
    expect(undescribed).toEqual([]);
    // And every description is of a key that exists.
    const paths = new Set<string>();
    const walk = (node: unknown, path: string) => {
      if (!node || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      for (const key of ['anyOf', 'oneOf', 'allOf']) if (Array.isArray(n[key])) for (const b of n[key] as unknown[]) walk(b, path);
      if (n.items) walk(n.items, `${path}[]`);
      if (n.properties) for (const [k, v] of Object.entries(n.properties as object)) {
        const at = path === '' ? k : `${path}.${k}`;
        paths.add(at);
        expect(typeof (v as { description?: unknown }).description, at).toBe('string');
        walk(v, at);
      }
    };
    walk(generated, '');
    expect(Object.keys(DESCRIPTIONS).filter((p) => !paths.has(p))).toEqual([]);
    expect(paths.size).toBeGreaterThan(120);
  });

  it('a number says what it is, then its bounds', () => {
    expect(schema.properties.hosts.items.properties.memoryGiB.description).toMatch(/^The host's memory in GiB: .* A number > 0\.$/);
    expect(schema.properties.hosts.items.properties.count.description).toMatch(/^How many identical ones .* A whole number ≥ 0\.$/);
  });
});

describe('the schema refuses what dtcost refuses', () => {
  const estate = (body: object) => JSON.stringify({ version: 1, ...body });
  const host = (fields: object) => estate({ hosts: [{ name: 'web', memoryGiB: 16, ...fields }] });

  it.each([
    ['a quoted number below its bound', host({ memoryGiB: '-5' })],
    ['a quoted zero where more is needed', host({ memoryGiB: '0' })],
    ['a quoted share above 1', estate({ applications: [{ name: 'a', visitsPerMonth: 1, bounceRate: '1.5' }] })],
    ['a quoted fraction for a count', host({ count: '2.5' })],
    ['quoted hours past 24', host({ hoursPerDay: '24.5' })],
    ['a quoted number of 1e15 or more', host({ memoryGiB: '1000000000000000' })],
    ['a quoted number too small to read', host({ memoryGiB: '0.0000000000000001' })],
    ['a number of 1e15', host({ memoryGiB: 1e15 })],
    ['a number too small to read', host({ memoryGiB: 1e-16 })],
    ['a browser monitor more often than every 5 minutes', estate({ synthetic: { browser: [{ name: 'b', frequencyMinutes: '4.99', locations: 1 }] } })],
    ['an included-queries period past 35 days', estate({ logs: [{ name: 'l', ingestGiBPerDay: 1, includedQueries: true, includedQueriesDays: '36' }] })],
    ['a period of 0 days', estate({ period: '0d' })],
    ['a period of 0.0 hours', estate({ period: '0.0h' })],
    ['a period of .5 days', estate({ period: '.5d' })],
    ['both browser step styles', estate({ synthetic: { browser: [{ name: 'b', steps: [{ name: 's', requests: 1 }], billableSteps: 2, frequencyMinutes: 15, locations: 1 }] } })],
    ['a host without its memory', estate({ hosts: [{ name: 'web' }] })],
    ['processes on a fullstack host', host({ processes: 4 })],
    ['a container without memory', estate({ containers: [{ name: 'c' }] })],
    ['a long-string property without maxLength', estate({ applications: [{ name: 'a', visitsPerMonth: 1, properties: [{ name: 'p', type: 'long-string' }] }] })],
    ['a location twice', estate({ synthetic: { http: [{ name: 'h', frequencyMinutes: 5, locations: ['eu', 'eu'] }] } })],
    ['a name of spaces', estate({ hosts: [{ name: '   ', memoryGiB: 1 }] })],
    ['log records missing for Log Monitoring Classic', estate({ logs: [{ name: 'l', model: 'log-monitoring-classic' }] })],
    ['a GiB log without its volume', estate({ logs: [{ name: 'l' }] })],
    ['includedQueriesDays without includedQueries', estate({ logs: [{ name: 'l', ingestGiBPerDay: 1, includedQueriesDays: 20 }] })],
    ['includedQueries with a retention under 10 days', estate({ logs: [{ name: 'l', ingestGiBPerDay: 1, includedQueries: true, retentionDays: '9' }] })],
    ['queries beyond the included period without includedQueries', estate({ logs: [{ name: 'l', ingestGiBPerDay: 1, queryBeyondIncludedGiBPerDay: 5 }] })],
  ])('%s', (_, text) => {
    expect(toolAccepts(text)).toBe(false);
    expect(schemaAccepts(text)).toBe(false);
  });

  it.each([
    ['quoted numbers within their bounds', host({ memoryGiB: ' 16.5 ', count: '3', hoursPerDay: '24.000' })],
    ['a quoted zero written as -0', host({ count: '-0' })],
    ['a period of 0.5 days', estate({ period: '0.5d' })],
    ['a host in code mode without memory', estate({ hosts: [{ name: 'dev', mode: 'code', processes: 3 }] })],
    ['includedQueries with its period', estate({ logs: [{ name: 'l', ingestGiBPerDay: 1, includedQueries: true, includedQueriesDays: '10', queryBeyondIncludedGiBPerDay: 2 }] })],
    ['Log Monitoring Classic by records', estate({ logs: [{ name: 'l', model: 'log-monitoring-classic', recordsPerMonth: 1000 }] })],
  ])('and accepts what it accepts: %s', (_, text) => {
    expect(toolAccepts(text)).toBe(true);
    expect(schemaAccepts(text)).toBe(true);
  });

  // Each kind of bound, on a key that has it, inside an entry otherwise valid.
  const FIELDS: [string, (v: string) => string][] = [
    ['> 0', (v) => `{"version":1,"hosts":[{"name":"h","memoryGiB":${v}}]}`],
    ['0 to 24', (v) => `{"version":1,"hosts":[{"name":"h","memoryGiB":1,"hoursPerDay":${v}}]}`],
    ['whole ≥ 0', (v) => `{"version":1,"hosts":[{"name":"h","memoryGiB":1,"count":${v}}]}`],
    ['0 to 1', (v) => `{"version":1,"applications":[{"name":"a","visitsPerMonth":1,"bounceRate":${v}}]}`],
    ['≥ 0', (v) => `{"version":1,"applications":[{"name":"a","visitsPerMonth":${v}}]}`],
    ['≥ 5', (v) => `{"version":1,"synthetic":{"browser":[{"name":"b","frequencyMinutes":${v},"locations":1}]}}`],
    ['whole ≥ 1', (v) => `{"version":1,"synthetic":{"http":[{"name":"h","frequencyMinutes":5,"locations":1,"requests":${v}}]}}`],
    ['> 0 and ≤ 2', (v) => `{"version":1,"automation":[{"name":"w","minutesPerTask":${v}}]}`],
    ['whole 10 to 35', (v) => `{"version":1,"logs":[{"name":"l","ingestGiBPerDay":1,"includedQueries":true,"includedQueriesDays":${v}}]}`],
  ];

  /** Decimal texts around every bound: signs, leading zeros, no or many digits, spaces. */
  const texts = fc
    .tuple(
      fc.constantFrom('', '', '', '-', '+'),
      fc.constantFrom('', '', '0', '00'),
      fc.oneof(fc.constantFrom('', '0', '1', '2', '4', '5', '9', '10', '24', '25', '35', '36'), fc.stringMatching(/^[0-9]{1,17}$/)),
      fc.oneof(fc.constant(''), fc.constant('.'), fc.stringMatching(/^\.[0-9]{1,18}$/), fc.constantFrom('.0', '.000', '.5', '.0000000000000001', '.000000000000001')),
      fc.constantFrom('', '', ' ', '\t'),
    )
    .map(([sign, zeros, int, frac, space]) => `${space}${sign}${zeros}${int}${frac}${space}`);

  it('on numbers written as text: the same verdict as dtcost, at every kind of bound', () => {
    for (const [what, doc] of FIELDS) {
      fc.assert(
        fc.property(texts, (t) => {
          const text = doc(JSON.stringify(t));
          expect({ what, t, schema: schemaAccepts(text) }).toEqual({ what, t, schema: toolAccepts(text) });
        }),
        { numRuns: 400 },
      );
    }
  }, 60_000);

  /** JSON numbers of at most 15 significant digits (a float holds them exactly enough to compare). */
  const numbers = fc
    .tuple(fc.boolean(), fc.stringMatching(/^[1-9][0-9]{0,6}$/), fc.integer({ min: -20, max: 18 }))
    .map(([negative, digits, exponent]) => `${negative ? '-' : ''}${digits}e${exponent}`);

  it('on numbers written as numbers: the same verdict as dtcost, at every kind of bound', () => {
    for (const [what, doc] of FIELDS) {
      fc.assert(
        fc.property(fc.oneof(numbers, fc.constantFrom('0', '-0', '0.0', '24', '24.5', '1', '1.0', '5', '4.999', '35', '36', '10', '9.5', '2', '2.0001')), (n) => {
          const text = doc(n);
          expect({ what, n, schema: schemaAccepts(text) }).toEqual({ what, n, schema: toolAccepts(text) });
        }),
        { numRuns: 300 },
      );
    }
  }, 60_000);
});

describe('whole-number ranges as patterns', () => {
  it('match exactly the numbers of the range, without leading zeros', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 6n }), fc.bigInt({ min: 0n, max: 10n ** 6n }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const re = new RegExp(`^${wholeRange(lo, hi)}$`);
        for (const x of [lo, hi, lo - 1n, hi + 1n, (lo + hi) / 2n, 0n, 10n ** 7n]) if (x >= 0n) expect({ x, match: re.test(String(x)) }).toEqual({ x, match: x >= lo && x <= hi });
      }),
      { numRuns: 500 },
    );
    expect(wholeRange(1n, 10n ** 15n - 1n)).toBe('[1-9]\\d{0,14}');
    expect(wholeRange(10n, 34n)).toBe('(?:[1-2]\\d{1}|3[0-4])');
  });
});

describe('dtcost init', () => {
  const BIN = join(ROOT, 'bin/dtcost');
  const TMP = mkdtempSync(join(tmpdir(), 'dtcost-init-'));
  afterAll(() => rmSync(TMP, { recursive: true, force: true }));
  const dtcost = (args: string[], cwd = TMP) => spawnSync(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' });

  it('writes the schema its $schema comment names beside the estate, and the estate validates against it', () => {
    mkdirSync(join(TMP, 'project'));
    const r = dtcost(['init', 'project/estate.yaml']);
    expect(r.status).toBe(0);
    const text = readFileSync(join(TMP, 'project/estate.yaml'), 'utf8');
    const ref = /^# yaml-language-server: \$schema=(\S+)\n/.exec(text)![1]!;
    const resolved = join(TMP, 'project', ref);
    expect(readFileSync(resolved, 'utf8')).toBe(dtcost(['schema']).stdout);
    const check = new (Ajv2020 as unknown as typeof Ajv2020.default)({ strict: false }).compile(JSON.parse(readFileSync(resolved, 'utf8')));
    expect(check(YAML.parse(text))).toBe(true);
    expect(r.stderr).toBe(`dtcost: wrote project/estate.yaml and ${join('project', 'dtcost.schema.json')} (its JSON Schema, for editors). Next: edit it, then run dtcost estimate project/estate.yaml\n`);
  });

  it('leaves a schema file that is there already, and says so; --force replaces it', () => {
    writeFileSync(join(TMP, 'dtcost.schema.json'), '{}\n');
    const r = dtcost(['init', 'second.yaml']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('dtcost.schema.json is there already and differs');
    expect(readFileSync(join(TMP, 'dtcost.schema.json'), 'utf8')).toBe('{}\n');
    expect(dtcost(['init', 'second.yaml', '--force']).status).toBe(0);
    expect(readFileSync(join(TMP, 'dtcost.schema.json'), 'utf8')).toBe(dtcost(['schema']).stdout);
  });

  it('to standard output: says how to write the schema beside it', () => {
    const r = dtcost(['init', '-']);
    expect(r.stdout).toMatch(/^# yaml-language-server: \$schema=\.\/dtcost\.schema\.json\n/);
    expect(r.stderr).toBe('dtcost: for editor completion, write the schema its first line names beside the file: dtcost schema -o dtcost.schema.json\n');
  });
});
