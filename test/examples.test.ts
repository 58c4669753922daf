// The example estates: every one validates and estimates in every format under both models; the
// DPS ones together use every DPS capability of the catalogue, and compare runs on them.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAPABILITIES } from '../src/core/capabilities.js';
import { ROOT } from './helpers.js';

const dtcost = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'dtcost'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
const EXAMPLES = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.yaml')).map((f) => `examples/${f}`);

describe('example estates', () => {
  it.each(EXAMPLES)('%s validates', (file) => {
    expect(dtcost(['validate', file]).status).toBe(0);
  });

  it('the DPS examples use every DPS capability, estimated in every format, and compare', () => {
    const seen = new Set<string>();
    for (const file of ['examples/dps-full-platform.yaml', 'examples/dps-platform-extensions.yaml']) {
      for (const format of ['table', 'csv', 'markdown']) expect(dtcost(['estimate', file, '--format', format, '-q']).status, `${file} ${format}`).toBeLessThanOrEqual(1);
      const r = dtcost(['estimate', file, '--format', 'json', '-q']);
      expect(r.status).toBeLessThanOrEqual(1);
      for (const item of (JSON.parse(r.stdout) as { lineItems: { capabilityId: string }[] }).lineItems) seen.add(item.capabilityId);
      expect(dtcost(['compare', file, '--format', 'json', '-q']).status, `compare ${file}`).toBe(0);
    }
    expect([...seen].sort()).toEqual(CAPABILITIES.filter((c) => c.model === 'dps').map((c) => c.id).sort());
    // The full platform, at list prices, is within its budget; every line has a price.
    const full = JSON.parse(dtcost(['estimate', 'examples/dps-full-platform.yaml', '--format', 'json']).stdout) as { totals: { cost: string | null; unpricedLineItems: number } };
    expect(full.totals.unpricedLineItems).toBe(0);
  });
});
