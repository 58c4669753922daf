// Browser Monitor or Clickpath (DPS) and its classic DEM twin: hand-computed variations of
// dps-browser-monitor.txt's formula (billable steps × executions/h × locations × hours).
import { describe, expect, it } from 'vitest';
import { rows, run } from '../helpers.js';

const monitor = (fields: string, extra = '') => run(`version: 1\n${extra}\nsynthetic:\n  browser:\n    - { name: m, ${fields} }\n`);

describe('dem-browser-monitor (classic)', () => {
  it('1.0 DEM per synthetic action', () => {
    expect(rows(monitor('billableSteps: 3, frequencyMinutes: 15, locations: 3', 'licensing: classic'))).toEqual([['dem-browser-monitor/m', '25920', null]]);
  });

  it('priced per DEM unit by a rate card, less its discount', () => {
    const e = run('version: 1\nlicensing: classic\nsynthetic: { browser: [{ name: m, billableSteps: 3, frequencyMinutes: 15, locations: 2 }] }', {
      rates: 'discount: 0.1\nprices: { dem-unit: 0.005 }',
    });
    // 3 × 4 × 2 × 720 = 17,280 DEM × 0.005 × 0.9 = 77.76
    expect(rows(e)).toEqual([['dem-browser-monitor/m', '17280', '77.76']]);
  });
});
