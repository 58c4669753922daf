// Hostile inputs: each ends in a clear message and exit 2, with no stack trace and no hang
// (a hang would fail on the test's timeout).
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const BIN = join(ROOT, 'bin/dtcost');
const TMP = mkdtempSync(join(tmpdir(), 'dtcost-hostile-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(TMP, name);
  writeFileSync(path, content);
  return path;
}

function refused(args: string[], options: { input?: string | Buffer; uid?: number } = {}) {
  const r = spawnSync(process.execPath, [BIN, 'estimate', ...args], { cwd: TMP, input: options.input ?? '', encoding: 'utf8', timeout: 20_000, maxBuffer: 1 << 30, ...(options.uid !== undefined ? { uid: options.uid, gid: options.uid } : {}) });
  expect(r.error).toBeUndefined();
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  return r.stderr;
}

describe('hostile inputs', () => {
  it('a YAML alias bomb ("billion laughs")', () => {
    const lines = ['version: 1', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [x, y] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e'], ['g', 'f'], ['h', 'g'], ['i', 'h']]) lines.push(`${x}: &${x} [${Array(9).fill(`*${y}`).join(',')}]`);
    expect(refused([file('bomb.yaml', lines.join('\n'))])).toContain('too many alias expansions');
  });

  it('deep nesting, YAML and JSON', () => {
    expect(refused([file('deep.yaml', `version: 1\nname: ${'['.repeat(20000)}${']'.repeat(20000)}\n`)])).toContain('deep.yaml:2:70: error: invalid YAML: lists and mappings nested more than 64 levels deep');
    expect(refused([file('deep.json', `{"version": 1, "name": ${'['.repeat(100000)}${']'.repeat(100000)}}`)])).toContain('deep.json:1:87: error: invalid JSON: lists and mappings nested more than 64 levels deep');
  });

  it('__proto__ and constructor keys do not pollute anything', () => {
    const err = refused([file('proto.yaml', 'version: 1\n__proto__: { isAdmin: true }\nconstructor: { prototype: { polluted: true } }\n')]);
    expect(err).toContain('unknown key "__proto__"');
    expect(err).toContain('unknown key "constructor"');
  });

  it('numbers that overflow a float, or would take too many digits to print, are refused', () => {
    const err = refused([file('huge.yaml', 'version: 1\napplications:\n  - { name: a, visitsPerMonth: 1e999999999999999999 }\n  - { name: b, visitsPerMonth: .inf, bounceRate: .nan }\n  - { name: c, visitsPerMonth: "lots", bounceRate: -0.5 }\n  - { name: d, visitsPerMonth: 1e308, bounceRate: "1e-999999999" }\n  - { name: e, visitsPerMonth: "1e999999999" }\n')]);
    expect(err).toContain('applications[0].visitsPerMonth: expected a number ≥ 0, found 1e999999999999999999');
    expect(err).toContain('applications[3].visitsPerMonth: expected a number ≥ 0, zero or from 1e-15 to below 1e15 in size, found 1e+308');
    expect(err).toContain('applications[3].bounceRate: expected a number from 0 to 1, zero or from 1e-15 to below 1e15 in size, found "1e-999999999"');
    expect(err).toContain('applications[4].visitsPerMonth: expected a number ≥ 0, zero or from 1e-15 to below 1e15 in size, found "1e999999999"');
    expect(err).toContain('applications[1].visitsPerMonth: expected a number ≥ 0, found .inf');
    expect(err).toContain('applications[1].bounceRate: expected a number from 0 to 1, found .nan');
    expect(err).toContain('applications[2].visitsPerMonth: expected a number ≥ 0, found "lots"');
    const ok = spawnSync(process.execPath, [BIN, 'estimate', file('big.yaml', 'version: 1\napplications: [{ name: a, visitsPerMonth: 999999999999999.999, bounceRate: -0 }]\n'), '--format', 'json'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).lineItems[0].quantity).toBe('999999999999999.999');
  });

  it('binary garbage, UTF-16, an empty file', () => {
    expect(refused([file('garbage.bin', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))])).toContain('not text');
    expect(refused([file('utf16.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('version: 1\n', 'utf16le')]))])).toContain('UTF-16');
    expect(refused([file('empty.yaml', '')])).toContain('the file is empty');
    expect(refused([file('blank.json', '   \n')])).toContain('empty');
  });

  it('a 300 MB file is refused before it is read', () => {
    const path = join(TMP, 'huge.yaml');
    writeFileSync(path, 'version: 1\n');
    truncateSync(path, 300 * 1024 * 1024);
    expect(refused([path])).toContain('the file is 300.0 MiB; dtcost reads estates and rate cards of up to 256 MiB');
  });

  it('a directory, a device, a missing file, a path through a file', () => {
    expect(refused([TMP])).toContain('is a directory, not a file');
    expect(refused(['/dev/zero'])).toContain('is not a regular file');
    expect(refused([join(TMP, 'missing.yaml')])).toContain('no such file');
    expect(refused([join(file('plain.txt', 'x'), 'estate.yaml')])).toContain('a part of the path is not a folder');
  });

  it.skipIf(process.getuid?.() !== 0)('an unreadable file (run as an unprivileged user: root reads everything)', () => {
    const path = file('secret.yaml', 'version: 1\n');
    chmodSync(path, 0o000);
    chmodSync(TMP, 0o755);
    expect(refused([path], { uid: 65534 })).toContain('permission denied');
  });

  it('YAML tags that would construct objects are refused', () => {
    expect(refused([file('tag.yaml', 'version: 1\nname: !!js/function "function () { return 1 }"\n')])).toContain('YAML tags are not allowed (an estate is plain data): found "!!js/function"');
  });

  it('an activity file that is a device', () => {
    expect(refused([file('device-activity.yaml', 'version: 1\nactivity: [{ name: a, file: /dev/zero, memoryGiB: 16 }]\n')])).toContain('not a regular file');
  });

  // More entries (or problems) than a JavaScript call takes arguments (~120,000 here): every
  // list is built by loops, never by push(...list) or Math.max(...list).
  const MANY = 200_000;
  const monitors = (frequency: number) => JSON.stringify({ version: 1, synthetic: { http: Array.from({ length: MANY }, (_, i) => ({ name: `h${i}`, frequencyMinutes: frequency, locations: 1 })) } });

  it(`an estate of ${MANY.toLocaleString('en-US')} entries estimates`, () => {
    const r = spawnSync(process.execPath, [BIN, 'estimate', file('many.json', monitors(5)), '--format', 'csv'], { cwd: TMP, encoding: 'utf8', timeout: 60_000, maxBuffer: 1 << 30 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trimEnd().split('\r\n')).toHaveLength(MANY + 1);
  }, 60_000);

  it(`${MANY.toLocaleString('en-US')} problems are all counted, the first 1,000 shown`, () => {
    const err = refused([file('many-bad.json', monitors(-5))]);
    expect(err).toContain(`synthetic.http[999].frequencyMinutes: expected a number > 0, found -5`);
    expect(err).not.toContain(`synthetic.http[1000].frequencyMinutes`);
    expect(err).toContain(`many-bad.json: ${(MANY - 1000).toLocaleString('en-US')} more errors in this file are not shown (the first 1,000 are)`);
    expect(err).toContain(`${MANY.toLocaleString('en-US')} errors in 1 file`);
  }, 60_000);
});
