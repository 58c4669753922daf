// Distribution: the npm package installs into an empty folder and runs; the standalone binary
// runs with no Node.js and an empty environment.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const TMP = mkdtempSync(join(tmpdir(), 'dtcost-dist-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
const ESTATE = join(ROOT, 'examples', 'saas-api-synthetics.yaml');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('npm package', () => {
  it('npm pack, install the tarball into an empty folder, then npx dtcost --version and an estimate', () => {
    execFileSync('npm', ['pack', '--pack-destination', TMP, '--silent'], { cwd: ROOT, stdio: 'ignore' });
    const tarball = readdirSync(TMP).find((f) => f.endsWith('.tgz'))!;
    const app = join(TMP, 'app');
    mkdirSync(app);
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--silent', join(TMP, tarball)], { cwd: app, stdio: 'ignore' });
    const npx = (args: string[]) => spawnSync('npx', ['--no-install', 'dtcost', ...args], { cwd: app, encoding: 'utf8' });
    expect(npx(['--version']).stdout).toBe(`${VERSION}\n`);
    const estimate = npx(['estimate', ESTATE, '--format', 'json']);
    expect(estimate.status).toBe(0);
    expect(JSON.parse(estimate.stdout).totals.cost).toBe('2033.44');
    // The bundle's code cache came along (made by this Node, so it is used).
    expect(readdirSync(join(app, 'node_modules', 'dtcost', 'dist')).sort()).toEqual(['dtcost.cjs', 'dtcost.cjs.cache']);
    // Everything is in the bundle: the package brings no dependencies.
    expect(readdirSync(join(app, 'node_modules')).filter((d) => !d.startsWith('.'))).toEqual(['dtcost']);
    // The licence package.json names comes along.
    const installed = join(app, 'node_modules', 'dtcost');
    expect(JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')).license).toBe('MIT');
    expect(readFileSync(join(installed, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) 2026 the dtcost authors\n/);
    // The schemas: the estate's (the path the starter estate's comment names) and every output's.
    expect(readFileSync(join(installed, 'schema', 'estate-v1.schema.json'), 'utf8')).toBe(readFileSync(join(ROOT, 'schema', 'estate-v1.schema.json'), 'utf8'));
    expect(readdirSync(join(installed, 'schema')).sort()).toEqual(readdirSync(join(ROOT, 'schema')).sort());
  }, 120_000);
});

describe('code cache', () => {
  const compile = (cache: Buffer) =>
    new Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(join(ROOT, 'dist', 'dtcost.cjs'), 'utf8')}\n})`, { filename: join(ROOT, 'dist', 'dtcost.cjs'), cachedData: cache });

  it('the build makes one that this Node accepts for the bundle', () => {
    expect(compile(readFileSync(join(ROOT, 'dist', 'dtcost.cjs.cache'))).cachedDataRejected).toBe(false);
  });

  it('a cache that does not fit is only ignored: the same output, no message', () => {
    const copy = join(TMP, 'copy');
    cpSync(join(ROOT, 'bin'), join(copy, 'bin'), { recursive: true });
    cpSync(join(ROOT, 'package.json'), join(copy, 'package.json'));
    mkdirSync(join(copy, 'dist'));
    cpSync(join(ROOT, 'dist', 'dtcost.cjs'), join(copy, 'dist', 'dtcost.cjs'));
    const garbage = Buffer.from('not a code cache'.repeat(1000));
    expect(compile(garbage).cachedDataRejected).toBe(true);
    writeFileSync(join(copy, 'dist', 'dtcost.cjs.cache'), garbage);
    const args = ['estimate', ESTATE, '--format', 'json'];
    const withGarbage = spawnSync(process.execPath, [join(copy, 'bin', 'dtcost'), ...args], { encoding: 'utf8' });
    const usual = spawnSync(process.execPath, [join(ROOT, 'bin', 'dtcost'), ...args], { encoding: 'utf8' });
    expect({ status: withGarbage.status, stdout: withGarbage.stdout, stderr: withGarbage.stderr }).toEqual({ status: usual.status, stdout: usual.stdout, stderr: usual.stderr });
    rmSync(join(copy, 'dist', 'dtcost.cjs.cache'));
    const without = spawnSync(process.execPath, [join(copy, 'bin', 'dtcost'), ...args], { encoding: 'utf8' });
    expect(without.stdout).toBe(usual.stdout);
  });
});

describe('standalone binary (Node single-executable application)', () => {
  it('npm run build:binary, then the binary estimates under env -i', () => {
    execFileSync('npm', ['run', '--silent', 'build:binary'], { cwd: ROOT, stdio: 'ignore' });
    const binary = join(ROOT, 'dist', 'dtcost-linux-x64');
    const run = (args: string[]) => spawnSync('env', ['-i', binary, ...args], { cwd: ROOT, encoding: 'utf8' });
    expect(run(['--version']).status).toBe(0);
    const estimate = run(['estimate', ESTATE, '--format', 'json']);
    expect({ status: estimate.status, stderr: estimate.stderr }).toEqual({ status: 0, stderr: '' });
    expect(JSON.parse(estimate.stdout).totals.cost).toBe('2033.44');
    expect(run(['estimate', 'test/fixtures/invalid/negative-number.yaml']).status).toBe(2);
  }, 300_000);
});
