// Every command's JSON output against its published JSON Schema (draft 2020-12, checked with ajv):
// the committed schema/ files are what `dtcost schema` prints, and the output of every example
// estate (and the fixtures that reach every capability and warning), under both models, validates.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { OUTPUT_COMMANDS, outputSchemaFile, OUTPUT_VERSIONS, type OutputCommand } from '../src/render/output-schemas.js';
import { ROOT } from './helpers.js';

const BIN = join(ROOT, 'bin/dtcost');

function dtcost(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8', maxBuffer: 1 << 26 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const EXAMPLES = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.yaml')).sort().map((f) => `examples/${f}`);
const FIXTURES = ['test/fixtures/valid/every-capability.yaml', 'test/fixtures/valid/every-extension.yaml', 'test/fixtures/valid/over-caps.yaml', 'test/fixtures/valid/unpriced-classic-budget.yaml', 'test/fixtures/valid/monitors.json'];
const ESTATES = [...EXAMPLES, ...FIXTURES];
// A contract's card per model (the bank's card is in EUR, over USD list prices: refused for DPS).
const RATES: Record<string, string> = { dps: 'examples/rates/dps-commit-2026.yaml', classic: 'examples/rates/classic-contract-2026.yaml' };

const ajv = new (Ajv2020 as unknown as typeof Ajv2020.default)({ strict: true, allowUnionTypes: true, allErrors: true });
const validators = Object.fromEntries(OUTPUT_COMMANDS.map((c) => [c, ajv.compile(JSON.parse(readFileSync(join(ROOT, outputSchemaFile(c)), 'utf8')))]));

/** Estates in EUR: priced in part by a USD card (the list prices under DPS), they are refused. */
const EUR_ESTATES = ['examples/mobile-banking-app.yaml'];

/**
 * The command's JSON output, checked against its schema; the document, for more checks. Null when
 * amounts would be relabelled (a EUR estate over USD prices): refused with exit 2 and nothing written.
 */
function valid(command: OutputCommand, args: string[]): unknown {
  const r = dtcost([command, ...args, '--format', 'json']);
  expect([0, 1, 2], r.stderr).toContain(r.status);
  if (r.status === 2 && /amounts would be in EUR, but the prices of .* in USD/.test(r.stderr)) {
    expect({ args, eur: args.some((a) => EUR_ESTATES.includes(a)), stdout: r.stdout }).toEqual({ args, eur: true, stdout: '' });
    return null;
  }
  const document = JSON.parse(r.stdout);
  const validate = validators[command]!;
  validate(document);
  expect({ args: [command, ...args], errors: validate.errors ?? null }).toEqual({ args: [command, ...args], errors: null });
  return document;
}

describe('output schemas', () => {
  it.each(OUTPUT_COMMANDS)('the committed schema of %s is what `dtcost schema --output-format` prints', (command) => {
    expect(dtcost(['schema', '--output-format', command]).stdout).toBe(readFileSync(join(ROOT, outputSchemaFile(command)), 'utf8'));
    expect(outputSchemaFile(command)).toBe(`schema/${command}-output-v${OUTPUT_VERSIONS[command]}.schema.json`);
  });

  it('schema/ holds one schema per command, of its current version only', () => {
    const files = readdirSync(join(ROOT, 'schema'));
    for (const c of OUTPUT_COMMANDS) expect(files.filter((f) => f.startsWith(`${c}-output-`))).toEqual([outputSchemaFile(c).slice('schema/'.length)]);
    expect(files).toContain('estate-v1.schema.json');
  });

  it.each(ESTATES)('estimate and explain of %s, under both models, and with a rate card and a budget', (file) => {
    for (const model of ['dps', 'classic']) {
      const estimate = valid('estimate', [file, '--model', model]) as { schemaVersion: number; lineItems: unknown[] } | null;
      if (estimate === null) continue;
      expect(estimate.schemaVersion).toBe(1);
      valid('estimate', [file, '--model', model, '--rates', RATES[model]!, '--budget', '1000', '--period', 'year']);
      const explain = valid('explain', [file, '--model', model]) as { schemaVersion: number; model: string; explanations: unknown[] };
      expect(explain).toMatchObject({ schemaVersion: 1, model });
      expect(explain.explanations).toHaveLength(estimate.lineItems.length);
    }
  }, 60_000);

  it('estimate of several files: an array of estimates', () => {
    expect(valid('estimate', EXAMPLES.slice(0, 3))).toHaveLength(3);
  });

  it.each(ESTATES)('compare of %s', (file) => {
    valid('compare', [file]);
    valid('compare', [file, '--rates-dps', RATES.dps!, '--rates-classic', RATES.classic!]);
  }, 30_000);

  it('compare with a card per model in another currency: each side in its own, no common currency', () => {
    const c = valid('compare', ['examples/classic-enterprise.yaml', '--rates-classic', 'examples/rates/bank-contract-2026.yaml']);
    expect(c).toMatchObject({ currency: null, currencies: { dps: 'USD', classic: 'EUR' }, rateCards: { dps: { name: 'Dynatrace list prices (built-in)' }, classic: { name: 'Fjord Bank contract 2026' } } });
  });

  it('diff of each example with the next, under both models, and with gates crossed', () => {
    for (let i = 0; i + 1 < EXAMPLES.length; i++) {
      for (const model of ['dps', 'classic']) {
        const diff = valid('diff', [EXAMPLES[i]!, EXAMPLES[i + 1]!, '--model', model, '--period', 'month', '--max-increase', '1%']) as { schemaVersion: number; period: unknown } | null;
        if (diff === null) continue;
        expect(diff.schemaVersion).toBe(2);
        expect(diff.period).toEqual({ label: 'month', days: '30', hours: '720' });
      }
    }
  }, 60_000);

  it('validate: valid files, and invalid ones with their problems located', () => {
    expect(valid('validate', ESTATES)).toMatchObject({ valid: true, errors: [] });
    const invalid = readdirSync(join(ROOT, 'test/fixtures/invalid')).map((f) => `test/fixtures/invalid/${f}`);
    const report = valid('validate', [EXAMPLES[0]!, ...invalid]) as { valid: boolean; files: { valid: boolean }[]; errors: { line: number | null }[] };
    expect(report.valid).toBe(false);
    expect(report.files.map((f) => f.valid)).toEqual([true, ...invalid.map(() => false)]);
    expect(report.errors.length).toBeGreaterThan(invalid.length);
    expect(report.errors.some((e) => e.line !== null)).toBe(true);
  });

  it('rates: the built-in card and a contract card', () => {
    valid('rates', []);
    expect(valid('rates', ['--rates', 'examples/rates/bank-contract-2026.yaml'])).toMatchObject({ schemaVersion: 1, currency: 'EUR', discount: '0.1' });
  });

  it('the schemas are strict: a key more, or a number where a decimal string goes, is refused', () => {
    const estimate = JSON.parse(dtcost(['estimate', EXAMPLES[0]!, '--format', 'json']).stdout);
    const validate = validators.estimate!;
    expect(validate(estimate)).toBe(true);
    expect(validate({ ...estimate, extra: 1 })).toBe(false);
    expect(validate({ ...estimate, totals: { ...estimate.totals, cost: 116.64 } })).toBe(false);
    expect(validate({ ...estimate, schemaVersion: 2 })).toBe(false);
    expect(validate({ ...estimate, lineItems: [{ ...estimate.lineItems[0], quantity: '1e3' }] })).toBe(false);
  });
});
