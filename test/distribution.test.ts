// Distribution: the npm package installs into an empty folder and runs; the standalone binary
// runs with no Node.js and an empty environment.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
    // Everything is in the bundle: the package brings no dependencies.
    expect(readdirSync(join(app, 'node_modules')).filter((d) => !d.startsWith('.'))).toEqual(['dtcost']);
  }, 120_000);
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
