// HTTP Monitor (DPS) and classic DEM: requests × executions/h × locations × hours.
import { describe, expect, it } from 'vitest';
import { rows, run } from '../helpers.js';

const http = (fields: string, extra = '') => run(`version: 1\n${extra}\nsynthetic:\n  http:\n    - { name: h, ${fields} }\n`);

describe('dem-http-monitor (classic)', () => {
  it('0.1 DEM per synthetic request', () => {
    const e = http('requests: 3, frequencyMinutes: 15, locations: 6', 'licensing: classic');
    expect(rows(e)).toEqual([['dem-http-monitor/h', '5184', null]]);
    expect(e.lineItems[0]!.formula).toBe('3 requests × 4 executions/h × 6 locations × 720 h × 0.1 DEM/request');
  });
});
