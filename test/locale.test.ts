// Output is byte-identical under any locale and time zone: a diff's rows are ordered by code point,
// never by the collation of LC_ALL/LANG; the other commands format numbers and dates themselves.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const BIN = join(ROOT, 'bin/dtcost');
const TMP = mkdtempSync(join(tmpdir(), 'dtcost-locale-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

// Names that the collations of en, tr, de and sv order differently (sv puts ä and ö after z; tr
// puts ı before I and i; en puts istanbul before Istanbul); in code-point order: digits,
// capitals, small letters, then the rest.
const NAMES = ['zeta', 'Zeta', 'äpfel', 'apple', 'ırmak', 'Istanbul', 'istanbul', 'İzmir', '10', '9', 'ö', 'z'];
const ORDERED = ['10', '9', 'Istanbul', 'Zeta', 'apple', 'istanbul', 'z', 'zeta', 'ä' + 'pfel', 'ö', 'İzmir', 'ırmak'];

function estateWith(requests: number): string {
  return `version: 1\nsynthetic:\n  http:\n${NAMES.map((n) => `    - { name: "${n}", requests: ${requests}, frequencyMinutes: 5, locations: 1 }`).join('\n')}\n`;
}

const base = join(TMP, 'base.yaml');
const head = join(TMP, 'head.yaml');
writeFileSync(base, estateWith(1));
writeFileSync(head, estateWith(2));

function dtcost(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const ENVIRONMENTS: Record<string, string>[] = [
  { LC_ALL: 'C', TZ: 'UTC' },
  { LC_ALL: 'tr_TR.UTF-8', TZ: 'Europe/Istanbul' },
  { LC_ALL: 'de_DE.UTF-8', TZ: 'Pacific/Kiritimati' },
  { LC_ALL: 'sv_SE.UTF-8', TZ: 'America/St_Johns' },
  { LANG: 'ja_JP.UTF-8', TZ: 'Asia/Kathmandu' },
];

describe('the same bytes under every locale and time zone', () => {
  it.each([
    [['diff', base, head, '--format', 'json']],
    [['diff', base, head, '--format', 'markdown']],
    [['diff', base, head]],
    [['estimate', 'examples/platform-hosts.yaml']],
    [['estimate', 'examples/retail-web-shop.yaml', '--format', 'markdown']],
    [['compare', 'examples/observability-data.yaml', '--format', 'json']],
  ])('dtcost %j', (args) => {
    const outputs = ENVIRONMENTS.map((env) => dtcost(args, env));
    expect(outputs[0]!.status).toBe(0);
    for (const o of outputs.slice(1)) expect(o).toEqual(outputs[0]);
  });

  it('diff rows come in code-point order of their subjects', () => {
    const json = JSON.parse(dtcost(['diff', base, head, '--format', 'json'], { LC_ALL: 'sv_SE.UTF-8' }).stdout);
    expect(json.lineItems.map((i: { subject: string }) => i.subject)).toEqual(ORDERED);
  });
});
