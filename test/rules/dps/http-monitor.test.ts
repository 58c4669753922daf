// HTTP Monitor (DPS): requests × executions/h × locations × hours.
import { describe, expect, it } from 'vitest';
import { rows, run } from '../../helpers.js';

const http = (fields: string, extra = '') => run(`version: 1\n${extra}\nsynthetic:\n  http:\n    - { name: h, ${fields} }\n`);

describe('http-monitor (DPS)', () => {
  it('prices-and-rules.md: 51,840 requests = $51.84 (3 requests every 15 min from 6 locations for 720 h)', () => {
    expect(rows(http('requests: 3, frequencyMinutes: 15, locations: 6'))).toEqual([['http-monitor/h', '51840', '51.84']]);
  });

  it.each([
    ['one request by default', 'frequencyMinutes: 1, locations: 1', '43200', '43.2'],
    ['count multiplies', 'count: 4, requests: 2, frequencyMinutes: 5, locations: 2', '138240', '138.24'],
    ['disabled', 'requests: 2, frequencyMinutes: 5, locations: 2, enabled: false', '0', '0'],
  ])('%s', (_, fields, quantity, cost) => {
    expect(rows(http(fields))).toEqual([['http-monitor/h', quantity, cost]]);
  });

  it('a disabled monitor says what it does not consume', () => {
    expect(http('requests: 2, frequencyMinutes: 5, locations: 2, enabled: false').lineItems[0]!.formula).toBe('disabled: no executions, no synthetic requests');
    expect(http('frequencyMinutes: 5, locations: 2, enabled: false', 'licensing: classic').lineItems[0]!.formula).toBe('disabled: no executions, no DEM units');
  });

  it('a day', () => {
    expect(rows(http('requests: 2, frequencyMinutes: 5, locations: 2', 'period: day'))).toEqual([['http-monitor/h', '1152', '1.152']]);
  });
});

