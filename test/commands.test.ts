// The commands around the estimate: explain, compare, diff, rates, schema, init (built CLI).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv/dist/2020.js';
import YAML from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { CAPABILITIES } from '../src/core/capabilities.js';
import { ROOT } from './helpers.js';

const BIN = join(ROOT, 'bin/dtcost');
const TMP = mkdtempSync(join(tmpdir(), 'dtcost-commands-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

function dtcost(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' });
  return { command: ['dtcost', ...args].join(' '), status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const EXAMPLES = ['retail-web-shop', 'saas-api-synthetics', 'mobile-banking-app', 'platform-hosts', 'observability-data'].map((n) => `examples/${n}.yaml`);

describe('schema', () => {
  it('the committed schema is what `dtcost schema` prints', () => {
    expect(dtcost(['schema']).stdout).toBe(readFileSync(join(ROOT, 'schema/estate-v1.schema.json'), 'utf8'));
  });

  it('every example, the starter estate and the golden estates validate against it', () => {
    const ajv = new (Ajv as unknown as typeof Ajv.default)({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schema/estate-v1.schema.json'), 'utf8')));
    const files = [...EXAMPLES, 'test/golden/dps/real-user-monitoring/cost-example.yaml', 'test/golden/classic/overage-host-unit-hours/336-overage.yaml', 'test/fixtures/valid/every-capability.yaml'];
    for (const file of files) {
      const ok = validate(YAML.parse(readFileSync(join(ROOT, file), 'utf8')));
      expect({ file, errors: validate.errors ?? null }).toEqual({ file, errors: null });
      expect(ok).toBe(true);
    }
    expect(validate(YAML.parse(dtcost(['init', '-']).stdout))).toBe(true);
  });

  it('rejects what the estate format rejects: an unknown key, a negative number, a bad enum', () => {
    const ajv = new (Ajv as unknown as typeof Ajv.default)({ strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schema/estate-v1.schema.json'), 'utf8')));
    expect(validate({ version: 1, hostz: [] })).toBe(false);
    expect(validate({ version: 1, hosts: [{ name: 'a', memoryGiB: -1 }] })).toBe(false);
    expect(validate({ version: 1, licensing: 'dsp' })).toBe(false);
    expect(validate({ version: 2 })).toBe(false);
  });
});

describe('init', () => {
  it('writes a starter estate that validates and estimates, and never overwrites without --force', () => {
    const file = join(TMP, 'estate.yaml');
    expect(dtcost(['init', file])).toMatchObject({ status: 0, stdout: '' });
    expect(dtcost(['validate', file]).status).toBe(0);
    expect(dtcost(['estimate', file]).status).toBe(0);
    writeFileSync(file, '# mine\n');
    expect(dtcost(['init', file])).toMatchObject({ status: 2, stderr: `dtcost: ${file} already exists; pass --force to overwrite it\n` });
    expect(readFileSync(file, 'utf8')).toBe('# mine\n');
    expect(dtcost(['init', file, '--force']).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('version: 1');
  });

  it('writes estate.yaml in the working folder by default', () => {
    const dir = mkdtempSync(join(TMP, 'init-'));
    expect(dtcost(['init', '--quiet'], dir)).toMatchObject({ status: 0, stderr: '' });
    expect(existsSync(join(dir, 'estate.yaml'))).toBe(true);
  });
});

describe('rates', () => {
  it.each([[['rates']], [['rates', '--rates', 'examples/rates/bank-contract-2026.yaml', '--format', 'markdown']], [['rates', '--format', 'csv']], [['rates', '--format', 'json']]])('dtcost %j', (args) => {
    expect(dtcost(args)).toMatchSnapshot();
  });

  it('JSON: list and discounted prices as decimal strings', () => {
    const json = JSON.parse(dtcost(['rates', '--rates', 'examples/rates/bank-contract-2026.yaml', '--format', 'json']).stdout);
    expect(json).toMatchObject({ name: 'Fjord Bank contract 2026', currency: 'EUR', discount: '0.1' });
    expect(json.prices.find((p: { key: string }) => p.key === 'browser-monitor')).toMatchObject({ listPrice: '0.0045', unitPrice: '0.00405', grade: 'D' });
    expect(json.prices.find((p: { key: string }) => p.key === 'dem-unit')).toMatchObject({ kind: 'unit', listPrice: '0.0052', unitPrice: '0.00468', grade: 'card' });
    expect(json.prices.find((p: { key: string }) => p.key === 'msu')).toMatchObject({ unitPrice: null, source: null });
  });
});

describe('explain', () => {
  it('one item: its formula, inputs with their lines, rule, source and price', () => {
    expect(dtcost(['explain', 'examples/retail-web-shop.yaml', 'browser-monitor/checkout-clickpath'])).toMatchSnapshot();
  });

  it('an unknown item: exit 2 with did-you-mean', () => {
    expect(dtcost(['explain', 'examples/retail-web-shop.yaml', 'browser-monitor/checkout-clikpath'])).toMatchObject({
      status: 2,
      stdout: '',
      stderr: 'dtcost: no line item "browser-monitor/checkout-clikpath" in examples/retail-web-shop.yaml (did you mean "browser-monitor/checkout-clickpath"?)\n',
    });
  });

  it('an item of every capability, under both models, with its inputs located in the file', () => {
    const seen = new Set<string>();
    // Classic capabilities that exclude others (licensing before DDUs, quotas without overages) have
    // estates of their own.
    for (const [file, model] of [['every-capability', 'dps'], ['every-capability', 'classic'], ['every-extension', 'dps'], ['every-capability-legacy', 'classic'], ['every-capability-no-overages', 'classic']]) {
      const r = dtcost(['explain', `test/fixtures/valid/${file}.yaml`, '--model', model!, '--format', 'json']);
      expect(r.status).toBe(0);
      for (const x of (JSON.parse(r.stdout) as { explanations: never[] }).explanations as { capabilityId: string; line: number; inputs: { line: number }[]; rule: string; doc: string; formula: string }[]) {
        seen.add(x.capabilityId);
        expect(x.line).toBeGreaterThan(0);
        expect(x.inputs.length).toBeGreaterThan(0);
        expect(x.rule).toMatch(/^(dps|classic)\//);
        expect(x.doc).toMatch(/\.(txt|md)|https:\/\//);
        expect(x.formula.length).toBeGreaterThan(5);
      }
    }
    expect([...seen].sort()).toEqual(CAPABILITIES.map((c) => c.id).sort());
  });

  it.each(['markdown', 'json'])('%s', (format) => {
    expect(dtcost(['explain', 'examples/saas-api-synthetics.yaml', 'http-monitor', '--format', format])).toMatchSnapshot();
  });
});

describe('compare', () => {
  it.each([
    [['compare', 'examples/retail-web-shop.yaml', '--rates', 'examples/rates/bank-contract-2026.yaml']],
    [['compare', 'examples/platform-hosts.yaml', '--format', 'markdown']],
    [['compare', 'examples/observability-data.yaml', '--format', 'json', '--quiet']],
    [['compare', 'examples/classic-enterprise.yaml', '--rates-classic', 'examples/rates/classic-contract-2026.yaml', '--rates-dps', 'examples/rates/dps-commit-2026.yaml']],
  ])('dtcost %j', (args) => {
    expect(dtcost(args)).toMatchSnapshot();
  });

  it('a rate card per model: the classic contract prices only the classic side, the DPS offer only the DPS side', () => {
    const both = JSON.parse(dtcost(['compare', 'examples/classic-enterprise.yaml', '--rates-classic', 'examples/rates/classic-contract-2026.yaml', '--rates-dps', 'examples/rates/dps-commit-2026.yaml', '--format', 'json', '--quiet']).stdout);
    const classicOnly = JSON.parse(dtcost(['estimate', 'examples/classic-enterprise.yaml', '--rates', 'examples/rates/classic-contract-2026.yaml', '--format', 'json']).stdout);
    const dpsOnly = JSON.parse(dtcost(['estimate', 'examples/classic-enterprise.yaml', '--model', 'dps', '--rates', 'examples/rates/dps-commit-2026.yaml', '--format', 'json']).stdout);
    expect(both.totals).toEqual({ dps: dpsOnly.totals.cost, classic: classicOnly.totals.cost });
    // The DPS offer's 22% discount never reaches the classic contract's prices.
    expect(classicOnly.lineItems.find((i: { id: string }) => i.id === 'licensed-host-units/license').cost).toBe('172500');
    expect(both.summary[0]).toBe('Rate cards: DPS Nordlys DPS offer 2026; classic licensing Nordlys classic contract 2026.');
  });

  it('a bad rate card of either side is reported with the estate\'s problems, and nothing is compared', () => {
    const r = dtcost(['compare', 'examples/classic-enterprise.yaml', '--rates-classic', 'test/fixtures/missing-card.yaml', '--rates-dps', 'examples/observability-data.yaml']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/missing-card\.yaml/);
    expect(r.stderr).toMatch(/examples\/observability-data\.yaml:\d+:\d+: error: /);
  });
});

describe('diff', () => {
  const head = 'test/fixtures/valid/saas-head.yaml';

  it('a known delta: 4 more public endpoints, a new clickpath, no third-party results', () => {
    const r = dtcost(['diff', 'examples/saas-api-synthetics.yaml', head, '--format', 'json']);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    // +4 monitors × 3 requests × 12/h × 4 locations × 720 h = +414,720 requests = +414.72;
    // signup: 2 × 2/h × 2 × 720 = 5,760 actions = +25.92; third-party: −250
    expect(json.costDelta).toBe('190.64');
    expect(json.lineItems.filter((i: { status: string }) => i.status !== 'unchanged').map((i: { id: string; status: string; costDelta: string }) => [i.id, i.status, i.costDelta])).toEqual([
      ['browser-monitor/signup', 'added', '25.92'],
      ['http-monitor/public-endpoints', 'changed', '414.72'],
      ['third-party-synthetic/external-load-tests', 'removed', '-250'],
    ]);
  });

  it('rows by capability, then by subject in code-point order (the same under every locale)', () => {
    const monitors = (names: string[]) => names.map((n) => `{ name: "${n}", frequencyMinutes: 5, locations: 1 }`).join(', ');
    const base = join(TMP, 'order-base.yaml');
    const head = join(TMP, 'order-head.yaml');
    writeFileSync(base, `version: 1\nsynthetic:\n  http: [${monitors(['b', 'Z', 'a', 'ä', 'B', 'a-1', 'a1'])}]\n  nam: [{ name: b, protocol: icmp, frequencyMinutes: 5, locations: 1 }]\n`);
    writeFileSync(head, `version: 1\nsynthetic:\n  http: [${monitors(['A', 'b', 'é', 'Z'])}]\n`);
    const rows: string[] = JSON.parse(dtcost(['diff', base, head, '--format', 'json']).stdout).lineItems.map((i: { id: string; status: string }) => `${i.id} ${i.status}`);
    expect(rows.at(-1)).toBe('metrics-ingest/b removed');
    const http = rows.filter((r) => r.startsWith('http-monitor/'));
    const subjects = http.map((r) => r.slice('http-monitor/'.length).split(' ')[0]!);
    expect(subjects).toEqual([...subjects].sort());
    expect(http).toEqual(['http-monitor/A added', 'http-monitor/B removed', 'http-monitor/Z unchanged', 'http-monitor/a removed', 'http-monitor/a-1 removed', 'http-monitor/a1 removed', 'http-monitor/b unchanged', 'http-monitor/ä removed', 'http-monitor/é added']);
  });

  it.each([[[]], [['--format', 'json']]])('text and JSON %j', (extra) => {
    expect(dtcost(['diff', 'examples/saas-api-synthetics.yaml', head, ...extra])).toMatchSnapshot();
  });

  it('markdown for a pull-request comment', () => {
    expect(dtcost(['diff', 'examples/saas-api-synthetics.yaml', head, '--format', 'markdown'])).toMatchSnapshot();
  });

  it('gates: --max-increase (amount or percent) and --budget exit 1 when crossed', () => {
    expect(dtcost(['diff', 'examples/saas-api-synthetics.yaml', head, '--max-increase', '200']).status).toBe(0);
    const amount = dtcost(['diff', 'examples/saas-api-synthetics.yaml', head, '--max-increase', '150']);
    expect(amount).toMatchObject({ status: 1, stderr: 'dtcost: the increase of 190.64 USD is over the allowed 150.00 USD\n' });
    expect(dtcost(['diff', 'examples/saas-api-synthetics.yaml', head, '--max-increase', '10%']).status).toBe(0);
    expect(dtcost(['diff', 'examples/saas-api-synthetics.yaml', head, '--max-increase', '9%']).stderr).toBe('dtcost: the increase of 190.64 USD (9.4%) is over the allowed 9%\n');
    expect(dtcost(['diff', 'examples/saas-api-synthetics.yaml', head, '--budget', '2200'])).toMatchObject({ status: 1, stderr: 'dtcost: head total 2,224.08 USD is over the budget of 2,200.00 USD by 24.08 USD\n' });
    expect(dtcost(['diff', 'examples/saas-api-synthetics.yaml', head, '--max-increase', 'lots']).status).toBe(2);
    // The head estate's own budget gates too, as estimate checks it.
    const capped = join(TMP, 'saas-head-capped.yaml');
    writeFileSync(capped, readFileSync(join(ROOT, head), 'utf8').replace('http-monitor: 2000', 'http-monitor: 1500'));
    const own = dtcost(['diff', 'examples/saas-api-synthetics.yaml', capped]);
    expect(own.status).toBe(1);
    expect(own.stderr).toMatch(/^dtcost: budget for http-monitor exceeded: 1,802\.88 USD is over 1,500\.00 USD by 302\.88 USD/);
  });
});

describe('license.prices: a classic contract\'s own prices (SPEC "Contracts over time": "license.prices or the rate card\'s per-unit-per-year prices")', () => {
  const estateText = (prices: string, head = 'period: year') => `version: 1\nlicensing: classic\n${head}\nhosts: [{ name: web, count: 110, memoryGiB: 16 }]\nlicense:\n  hostUnits: 100\n  prices: ${prices}\n`;
  it('by quota: 100 host units at 1,200 a year are the committed 120,000; the overage at its own price; consumption within the quota costs 0', () => {
    const file = join(TMP, 'license-prices.yaml');
    writeFileSync(file, estateText('{ hostUnits: 1200, overage-host-unit-hours: 0.2 }'));
    const r = dtcost(['estimate', file, '--format', 'json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { totals: { cost: string }; lineItems: { id: string; quantity: string; unitPrice: string | null; cost: string | null; priceSource: string }[]; rateCard: { name: string } };
    expect(out.lineItems.map((i) => [i.id, i.quantity, i.cost])).toEqual([
      ['host-unit-hours/web', '963600', '0'],
      ['licensed-host-units/license', '100', '120000'],
      ['overage-host-unit-hours/license', '87600', '17520'],
    ]);
    expect(out.totals.cost).toBe('137520');
    expect(out.lineItems[1]!.priceSource).toContain('license.prices.hostUnits');
  });
  it('over a rate card: the contract price wins; a plan commits it each contract year', () => {
    const file = join(TMP, 'license-prices-plan.yaml');
    const card = join(TMP, 'license-prices-card.yaml');
    writeFileSync(card, 'prices: { host-unit-year: 9999, overage-host-unit-hours: 0.2 }\n');
    writeFileSync(file, estateText('{ hostUnits: 1200 }', 'contract: { start: 2027-01-01, years: 2 }'));
    const r = dtcost(['plan', file, '--rates', card, '--format', 'json']);
    expect(r.status).toBe(0);
    const plan = JSON.parse(r.stdout) as { scenarios: { years: { committedCost?: string; commitment?: string }[]; quotas: { quota: string; years: { committedCost: string }[] }[] }[] };
    expect(plan.scenarios[0]!.quotas.find((q) => q.quota === 'hostUnits')!.years.map((y) => y.committedCost)).toEqual(['120000', '120000']);
  });
  it('an unknown key: located, with did-you-mean; a DPS capability is not a contract price', () => {
    const file = join(TMP, 'license-prices-bad.yaml');
    writeFileSync(file, estateText('{ hostUnit: 1200, full-stack-monitoring: 0.01 }'));
    const r = dtcost(['validate', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('license.prices.hostUnit: unknown quota, classic capability or unit id "hostUnit" (did you mean "hostUnits"?)');
    expect(r.stderr).toContain('license.prices.full-stack-monitoring: unknown quota, classic capability or unit id "full-stack-monitoring"');
  });
});
