// `dtcost plan` and `estimate --from/--to` through the built CLI: outputs, exit codes, the JSON
// contract (schema/plan-output-v1.schema.json), located errors.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const BIN = join(ROOT, 'bin/dtcost');

function dtcost(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8', maxBuffer: 1 << 26 });
  return { command: ['dtcost', ...args].join(' '), status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const schema = JSON.parse(readFileSync(join(ROOT, 'schema/plan-output-v1.schema.json'), 'utf8'));
const validate = new (Ajv as unknown as typeof Ajv.default)({ allErrors: true, strict: true }).compile(schema);

describe('dtcost plan', () => {
  it.each([
    [['plan', 'test/fixtures/plan/small.yaml']],
    [['plan', 'test/fixtures/plan/small.yaml', '--format', 'markdown']],
    [['plan', 'test/fixtures/plan/small.yaml', '--format', 'csv']],
    [['plan', 'examples/plan-3-year.yaml']],
    [['plan', 'examples/plan-renewal.yaml', '--model', 'classic']],
    [['plan', 'examples/plan-renewal.yaml', '--model', 'dps']],
  ])('dtcost %j', (args) => {
    expect(dtcost(args)).toMatchSnapshot();
  });

  it('JSON: valid against its schema, exact decimal strings, every scenario and month', () => {
    for (const file of ['examples/plan-3-year.yaml', 'test/fixtures/plan/small.yaml', 'examples/plan-renewal.yaml']) {
      for (const model of ['dps', 'classic']) {
        const r = dtcost(['plan', file, '--format', 'json', '--model', model]);
        expect(r.status).toBe(0);
        const doc = JSON.parse(r.stdout);
        expect({ file, model, errors: validate(doc) ? null : validate.errors }).toEqual({ file, model, errors: null });
      }
    }
    const doc = JSON.parse(dtcost(['plan', 'test/fixtures/plan/small.yaml', '--format', 'json']).stdout);
    expect(doc.scenarios.map((s: { name: string }) => s.name)).toEqual(['base', 'high']);
    expect(doc.scenarios[0].years[0]).toMatchObject({ commitment: '12000', cost: '14016', onDemandCost: '2016', unusedCommitment: '0', payable: '14016', exhaustedAt: '2027-11-09T12:00:00Z', exhaustedOn: '2027-11-09' });
    expect(doc.scenarios[0].months[1]).toMatchObject({ month: '2027-02', start: '2027-02-01', end: '2027-02-28', days: '28', hours: '672', cost: '1075.2', cumulativeCost: '2265.6', commitmentRemaining: '9734.4' });
    expect(doc.contract).toEqual({ start: '2027-01-01', end: '2027-12-31', years: 1, months: 12 });
  }, 60_000);

  it('gates: the full output, then each crossed gate with its first month on stderr, exit 1', () => {
    const r = dtcost(['plan', 'test/fixtures/plan/small.yaml', '--format', 'json', '--max-on-demand', '1000', '--exhaust-before', '2027-12', '--max-total', '20000']);
    expect(r.status).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.gates).toEqual([
      { gate: 'max-on-demand', limit: '1000', scenario: 'base', crossed: true, month: '2027-12', actual: '2016' },
      { gate: 'exhaust-before', limit: '2027-12', scenario: 'base', crossed: true, month: '2027-11', actual: '2027-11-09T12:00:00Z' },
      { gate: 'max-total', limit: '20000', scenario: 'base', crossed: false, month: null, actual: null },
    ]);
    expect(r.stderr).toBe(
      'dtcost: on-demand cost over 1,000.00 USD: year 1 is 2,016.00 USD on demand, over the limit from 2027-12\n' +
        "dtcost: commitment used up before 2027-12: year 1's 12,000.00 USD runs out at 2027-11-09T12:00:00Z\n",
    );
    expect(dtcost(['plan', 'test/fixtures/plan/small.yaml', '--max-on-demand', '3000', '--quiet']).status).toBe(0);
    const high = dtcost(['plan', 'test/fixtures/plan/small.yaml', '--max-total', '15000', '--scenario', 'high', '--format', 'csv']);
    expect([high.status, high.stderr]).toEqual([1, 'dtcost: total over 15,000.00 USD (scenario high): the contract costs 15,417.60 USD, over the limit from 2027-12\n']);
  }, 30_000);

  it.each([
    [['plan', 'test/fixtures/plan/bad-dates.yaml']],
    [['plan', 'test/fixtures/plan/outside.yaml']],
    [['plan', 'examples/retail-web-shop.yaml']],
    [['plan', 'test/fixtures/plan/small.yaml', '--exhaust-before', '2027-02-30']],
    [['plan', 'test/fixtures/plan/small.yaml', '--scenario', 'hihg']],
    [['plan', 'test/fixtures/plan/small.yaml', '--max-total', 'lots']],
    [['explain', 'test/fixtures/plan/small.yaml', '--month', '2028-01']],
  ])('invalid: dtcost %j exits 2 with located errors, nothing on stdout', (args) => {
    const r = dtcost(args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r).toMatchSnapshot();
  });

  it('validate checks the plan keys too', () => {
    const r = dtcost(['validate', 'test/fixtures/plan/bad-dates.yaml']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('bad-dates.yaml:4:10: error: contract.start: expected a date YYYY-MM-DD (UTC), a day the calendar has, found "2027-02-30"');
    const outside = dtcost(['validate', 'test/fixtures/plan/outside.yaml']);
    expect(outside.status).toBe(2);
    expect(outside.stderr).toContain('outside.yaml:5:13: error: changes[0].from: expected a date inside the contract (2027-01-01..2027-12-31), found 2028-01-01');
    expect(dtcost(['validate', 'examples/plan-3-year.yaml', 'examples/plan-renewal.yaml']).status).toBe(0);
  }, 30_000);

  it('explain --month: the base quantity and each factor', () => {
    const r = dtcost(['explain', 'examples/plan-3-year.yaml', 'full-stack-monitoring/web-frontend', '--month', '2027-12', '--scenario', 'high']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('= 24 hosts × 16 GiB × 24 h/day × 31 d = 285,696; plan 2027-12: × 1.5 seasonality (dec, hosts, web-frontend) × 1.2 scenario high');
    expect(r.stdout).toContain('quantity  514,252.8 GiB-hour'); // 285,696 × 1.8
  });
});

describe('hostile plans', () => {
  it('1,000 growth rules and 1,000 retirements, each of its own entry, 10 scenarios: done, and bounded', () => {
    const hosts = Array.from({ length: 2000 }, (_, i) => ({ name: `h${i}`, memoryGiB: 16, count: 2 }));
    const growth = Array.from({ length: 1000 }, (_, i) => ({ entry: `h${i}`, percentPerMonth: (i % 7) / 3 }));
    const changes = Array.from({ length: 1000 }, (_, i) => ({ from: `2027-0${1 + (i % 9)}-1${i % 9}`, remove: { hosts: [`h${1000 + i}`] } }));
    const scenarios = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`s${i}`, 1 + i / 10]));
    const file = join(mkdtempSync(join(tmpdir(), 'dtcost-plan-')), 'hostile.json');
    writeFileSync(file, JSON.stringify({ version: 1, contract: { start: '2027-01-01', years: 1, commitments: [100000] }, growth, changes, scenarios, hosts, metrics: [{ name: 'm', series: 1000, origin: 'fullstack' }] }));
    const started = Date.now();
    const r = spawnSync(process.execPath, [BIN, 'plan', file, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).scenarios).toHaveLength(11);
    expect(Date.now() - started).toBeLessThan(120_000);
    // Beyond the limits: located errors, nothing estimated.
    writeFileSync(file, JSON.stringify({ version: 1, contract: { start: '2027-01-01', years: 11 }, scenarios: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`s${i}`, 1])) }));
    const refused = dtcost(['plan', file]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('contract.years: expected a whole number ≥ 1 and ≤ 10');
    expect(refused.stderr).toContain('scenarios: expected at most 10 scenarios');
  }, 180_000);
});

describe('the README shows what dtcost plan prints', () => {
  it('every line of its plan outputs, in order (… stands for lines left out)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const shown = [...readme.matchAll(/```text\n(\$ dtcost plan [\s\S]*?)```/g)].flatMap((m) => m[1]!.split(/^(?=\$ dtcost )/m));
    expect(shown.length).toBeGreaterThanOrEqual(3);
    for (const block of shown) {
      const [command, ...lines] = block.trimEnd().split('\n');
      const out = dtcost(command!.replace(/^\$ dtcost /, '').split(' ')).stdout.split('\n');
      let at = 0;
      for (const line of lines.filter((l) => l.trim() !== '…')) {
        const found = out.indexOf(line, at);
        expect({ command, line, found: found >= 0 }).toEqual({ command, line, found: true });
        at = found + 1;
      }
    }
  }, 60_000);
});

describe('estimate --from --to', () => {
  it('a calendar span with its real hours, labelled by its dates', () => {
    const r = dtcost(['estimate', 'test/fixtures/plan/small.yaml', '--from', '2027-02', '--to', '2027-02', '--format', 'json']);
    const doc = JSON.parse(r.stdout);
    expect(doc.period).toEqual({ label: '2027-02-01..2027-02-28', days: '28', hours: '672' });
    expect(doc.totals.cost).toBe('1075.2');
  });

  it('refuses an end before the start, and --period with a span', () => {
    expect(dtcost(['estimate', 'test/fixtures/plan/small.yaml', '--from', '2027-03-01', '--to', '2027-02-28'])).toMatchObject({ status: 2, stdout: '', stderr: 'dtcost: --to 2027-02-28 is before --from 2027-03-01\n' });
    expect(dtcost(['estimate', 'test/fixtures/plan/small.yaml', '--from', '2027-03-01', '--to', '2027-03-31', '--period', 'year'])).toMatchObject({ status: 2, stderr: 'dtcost: --period and --from/--to: give one of them\n' });
  });
});
