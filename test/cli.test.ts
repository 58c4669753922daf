// Snapshot tests of the built CLI: for each command, its stdout, stderr and exit code.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const BIN = join(ROOT, 'bin/dtcost');
const TMP = mkdtempSync(join(tmpdir(), 'dtcost-cli-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

interface Run {
  command: string;
  status: number | null;
  stdout: string;
  stderr: string;
}

function dtcost(args: string[], options: { input?: string; env?: Record<string, string> } = {}): Run {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', ...options.env };
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, input: options.input ?? '', env, encoding: 'utf8' });
  return { command: ['dtcost', ...args].join(' '), status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('basics', () => {
  it('--version answers from package.json in bin/dtcost, the version the bundle is built with', () => {
    const bundle = spawnSync(process.execPath, [join(ROOT, 'dist/dtcost.cjs'), '--version'], { encoding: 'utf8' });
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) expect(dtcost([flag]).stdout).toBe(`${pkg.version}\n`);
    expect(bundle.stdout).toBe(`${pkg.version}\n`);
  });


  it.each([[['--version']], [['-V']], [['--help']], [[]], [['estimate', '--help']], [['validate', '--help']]])('dtcost %j', (args) => {
    expect(dtcost(args)).toMatchSnapshot();
  });
});

describe('estimate', () => {
  it.each([
    [['estimate', 'examples/retail-web-shop.yaml']],
    [['estimate', 'examples/saas-api-synthetics.yaml']],
    [['estimate', 'examples/mobile-banking-app.yaml']],
    [['estimate', 'examples/retail-web-shop.yaml', '--format', 'json']],
    [['estimate', 'examples/retail-web-shop.yaml', '--format', 'csv']],
    [['estimate', 'examples/retail-web-shop.yaml', '--format', 'markdown']],
    [['estimate', 'examples/retail-web-shop.yaml', '--period', 'year', '--format', 'csv']],
    [['estimate', 'examples/retail-web-shop.yaml', '--model', 'classic', '--format', 'markdown']],
    [['estimate', 'examples/retail-web-shop.yaml', '--model', 'classic', '--rates', 'examples/rates/bank-contract-2026.yaml', '--currency', 'eur']],
    [['estimate', 'test/fixtures/valid/unpriced-classic-budget.yaml']],
    [['estimate', 'examples/saas-api-synthetics.yaml', 'test/golden/dps/browser-monitor/cost-example.yaml', '--format', 'markdown']],
    [['estimate', 'examples/saas-api-synthetics.yaml', 'test/golden/dps/browser-monitor/cost-example.yaml', '--merge', '--format', 'csv']],
    [['estimate', 'examples/retail-web-shop.yaml', '--quiet', '--format', 'csv', '--model', 'classic']],
    [['estimate', 'examples/platform-hosts.yaml']],
    [['estimate', 'examples/platform-hosts.yaml', '--model', 'classic', '--format', 'markdown']],
    [['estimate', 'examples/observability-data.yaml']],
    [['estimate', 'examples/observability-data.yaml', '--model', 'classic', '--format', 'csv']],
  ])('dtcost %j', (args) => {
    expect(dtcost(args)).toMatchSnapshot();
  });

  it('reads a JSON estate from standard input', () => {
    const input = readFileSync(join(ROOT, 'test/fixtures/valid/monitors.json'), 'utf8');
    expect(dtcost(['estimate', '-', '--format', 'csv'], { input })).toMatchSnapshot();
  });

  it('writes to --output and says so on stderr', () => {
    const out = join(TMP, 'estimate.json');
    const r = dtcost(['estimate', 'test/golden/dps/browser-monitor/cost-example.yaml', '--format', 'json', '--output', out]);
    expect(r).toMatchObject({ status: 0, stdout: '', stderr: `dtcost: wrote ${out}\n` });
    expect(JSON.parse(readFileSync(out, 'utf8')).totals.cost).toBe('116.64');
  });
});

describe('budgets and exit codes', () => {
  it('within budget: exit 0', () => {
    expect(dtcost(['estimate', 'examples/retail-web-shop.yaml', '--budget', '20000', '--format', 'markdown'])).toMatchSnapshot();
  });

  it('over budget: the full estimate, then the excess and its drivers on stderr, exit 1', () => {
    expect(dtcost(['estimate', 'examples/retail-web-shop.yaml', '--budget', '5000'])).toMatchSnapshot();
  });

  it('over a capability cap and a unit quota, in JSON', () => {
    const r = dtcost(['estimate', 'test/fixtures/valid/over-caps.yaml', '--format', 'json']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).budget).toMatchSnapshot();
    expect(r.stderr).toMatchSnapshot();
  });
});

describe('invalid input: located errors, nothing on stdout, exit 2', () => {
  it.each([
    'bad-yaml.yaml',
    'bad-json.json',
    'unknown-keys.yaml',
    'negative-number.yaml',
    'rate-above-one.yaml',
    'wrong-types.yaml',
    'duplicate-names.yaml',
    'empty.yaml',
    'unknown-enums.yaml',
    'missing-required.yaml',
    'bad-values.yaml',
    'not-a-mapping.yaml',
    'custom-tag.yaml',
    'not-finite.yaml',
    'bad-rates.yaml',
    'bad-activity.yaml',
  ])('%s', (name) => {
    const r = dtcost(['estimate', `test/fixtures/invalid/${name}`]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r).toMatchSnapshot();
  });

  it.each([
    [['estimate', 'no/such/estate.yaml']],
    [['estimate', 'examples']],
    [['estimate', 'examples/retail-web-shop.yaml', 'test/fixtures/invalid/negative-number.yaml', 'test/fixtures/invalid/unknown-keys.yaml']],
    [['estimate', 'examples/retail-web-shop.yaml', '--format', 'xml']],
    [['estimate', 'examples/retail-web-shop.yaml', '--formt', 'json']],
    [['estimate', 'examples/retail-web-shop.yaml', '--period', 'fortnight']],
    [['estimate', 'examples/retail-web-shop.yaml', '--budget', '-5']],
    [['estimate', 'examples/retail-web-shop.yaml', '--model', 'dynamic']],
    [['estimate', 'examples/retail-web-shop.yaml', '--rates', 'no-such-rates.yaml']],
    [['estimate']],
    [['estimat', 'examples/retail-web-shop.yaml']],
  ])('dtcost %j', (args) => {
    const r = dtcost(args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r).toMatchSnapshot();
  });
});

describe('validate', () => {
  it('every example is valid', () => {
    const r = dtcost(['validate', 'examples/retail-web-shop.yaml', 'examples/saas-api-synthetics.yaml', 'examples/mobile-banking-app.yaml', 'examples/platform-hosts.yaml', 'examples/observability-data.yaml']);
    expect(r).toMatchSnapshot();
    expect(r.status).toBe(0);
  });

  it('invalid files: every problem, exit 2', () => {
    expect(dtcost(['validate', 'examples/retail-web-shop.yaml', 'test/fixtures/invalid/duplicate-names.yaml', 'test/fixtures/invalid/bad-rates.yaml'])).toMatchSnapshot();
  });
});

describe('colour', () => {
  const args = ['estimate', 'test/golden/dps/browser-monitor/cost-example.yaml', '--budget', '1'];
  const ansi = /\x1b\[/;

  it('plain when not a terminal', () => {
    const r = dtcost(args);
    expect(ansi.test(r.stdout) || ansi.test(r.stderr)).toBe(false);
  });

  it('FORCE_COLOR colours', () => {
    const r = dtcost(args, { env: { FORCE_COLOR: '1' } });
    expect(ansi.test(r.stdout) && ansi.test(r.stderr)).toBe(true);
  });

  it('NO_COLOR wins over FORCE_COLOR, and so does --no-color', () => {
    for (const r of [dtcost(args, { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }), dtcost([...args, '--no-color'], { env: { FORCE_COLOR: '1' } })]) {
      expect(ansi.test(r.stdout) || ansi.test(r.stderr)).toBe(false);
      expect(r.status).toBe(1);
    }
  });
});
