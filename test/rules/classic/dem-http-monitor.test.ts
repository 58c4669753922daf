// classic/dem-http-monitor: 0.1 DEM per synthetic request (digital-experience-monitoring-units.md,
// https://docs.dynatrace.com/managed/license/classic-licensing/digital-experience-monitoring-units).
import { describe, expect, it } from 'vitest';
import { rows, run } from '../../helpers.js';

const http = (fields: string) => run(`version: 1\nlicensing: classic\nsynthetic:\n  http:\n    - { name: h, ${fields} }\n`);

describe('dem-http-monitor', () => {
  it('0.1 DEM per synthetic request', () => {
    const e = http('requests: 3, frequencyMinutes: 15, locations: 6');
    expect(rows(e)).toEqual([['dem-http-monitor/h', '5184', null]]);
    expect(e.lineItems[0]!.formula).toBe('3 requests × 4 executions/h × 6 locations × 720 h × 0.1 DEM/request');
  });

  it('a disabled monitor says what it does not consume', () => {
    expect(http('frequencyMinutes: 5, locations: 2, enabled: false').lineItems[0]!.formula).toBe('disabled: no executions, no DEM units');
  });
});
