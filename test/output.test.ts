// What the output commands print, beyond the snapshots: budgets of zero, ...
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const BIN = join(ROOT, 'bin/dtcost');
const TMP = mkdtempSync(join(tmpdir(), 'dtcost-output-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

function dtcost(args: string[], env: Record<string, string> = {}, input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', input });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('a budget of zero', () => {
  it('says by how much it is exceeded, without a percentage of zero or empty parentheses', () => {
    const table = dtcost(['estimate', 'examples/retail-web-shop.yaml', '--budget', '0']);
    expect(table.status).toBe(1);
    expect(table.stdout).toContain('Budget: 11,224.98 USD of 0.00 USD: EXCEEDED by 11,224.98 USD\n');
    expect(table.stderr).toContain('dtcost: total budget exceeded: 11,224.98 USD is over 0.00 USD by 11,224.98 USD; driven by real-user-monitoring 8,869.50 USD (79%)');
    const markdown = dtcost(['estimate', 'examples/retail-web-shop.yaml', '--budget', '0', '--format', 'markdown']);
    for (const text of [table.stdout, table.stderr, markdown.stdout]) {
      expect(text).not.toContain('()');
      expect(text).not.toContain('(0%)');
    }
  });
});
