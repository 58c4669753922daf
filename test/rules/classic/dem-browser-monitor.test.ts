// classic/dem-browser-monitor: 1.0 DEM per synthetic action (digital-experience-monitoring-units.md,
// https://docs.dynatrace.com/managed/license/classic-licensing/digital-experience-monitoring-units);
// the page's 576 example is test/golden/classic/dem-browser-monitor/576-actions.yaml.
import { describe, expect, it } from 'vitest';
import { golden, item, rows, run } from '../../helpers.js';

const monitor = (fields: string) => run(`version: 1\nlicensing: classic\nsynthetic:\n  browser:\n    - { name: m, ${fields} }\n`);

describe('dem-browser-monitor', () => {
  it('576 synthetic actions per day = 576 DEM units, and the formula says how', () => {
    const e = run(golden('classic/dem-browser-monitor/576-actions.yaml'));
    expect(rows(e)).toEqual([['dem-browser-monitor/two-pages-one-button', '576', null]]);
    expect(item(e, 'dem-browser-monitor/two-pages-one-button').formula).toBe('3 billable steps × 4 executions/h × 2 locations × 24 h × 1.0 DEM/action');
  });

  it('1.0 DEM per synthetic action', () => {
    expect(rows(monitor('billableSteps: 3, frequencyMinutes: 15, locations: 3'))).toEqual([['dem-browser-monitor/m', '25920', null]]);
  });

  it('priced per DEM unit by a rate card, less its discount (no DEM quota: consumption is what is paid)', () => {
    const e = run('version: 1\nlicensing: classic\nsynthetic: { browser: [{ name: m, billableSteps: 3, frequencyMinutes: 15, locations: 2 }] }', {
      rates: 'discount: 0.1\nprices: { dem-unit: 0.005 }',
    });
    // 3 × 4 × 2 × 720 = 17,280 DEM × 0.005 × 0.9 = 77.76
    expect(rows(e)).toEqual([['dem-browser-monitor/m', '17280', '77.76']]);
  });
});
