// Real User Monitoring: DPS sessions, replay and properties; classic DEM units. Hand-computed
// variations of the rules in dps-real-user-monitoring.txt and classic-dem-units.txt.
import { describe, expect, it } from 'vitest';
import { D } from '../../src/core/decimal.js';
import { rows, run } from '../helpers.js';

const app = (fields: string, extra = '') => run(`version: 1\n${extra}\napplications:\n  - { name: a, ${fields} }\n`);

describe('dem-rum-sessions, dem-session-replay, dem-properties (classic)', () => {
  it('0.25 DEM a session, 1.0 with replay', () => {
    expect(rows(app('visitsPerMonth: 1000, replayRate: 0.1', 'licensing: classic'))).toEqual([
      ['dem-rum-sessions/a', '225', null],
      ['dem-session-replay/a', '100', null],
    ]);
  });

  it('sessions split every 60 minutes: a 90-minute visit is 2 sessions = 0.5 DEM', () => {
    expect(rows(app('visitsPerMonth: 1, visitMinutes: 90', 'licensing: classic'))).toEqual([['dem-rum-sessions/a', '0.5', null]]);
  });

  it.each([
    ['a long string of 250 characters weighs 3', 'long-string, maxLength: 250', '3'],
    ['a long string of 100 characters weighs 1', 'long-string, maxLength: 100', '1'],
    ['a long string of 101 characters weighs 2', 'long-string, maxLength: 101', '2'],
    ['a date weighs 1', 'date', '1'],
  ])('%s', (_, type, weight) => {
    // 20 short strings, then the property under test: 100 sessions × (weight) × 0.01 DEM
    const list = [...Array.from({ length: 20 }, (_, i) => `{name: s${i}}`), `{name: x, type: ${type}}`].join(', ');
    const e = app(`visitsPerMonth: 100, properties: [${list}]`, 'licensing: classic');
    expect(rows(e)[1]).toEqual(['dem-properties/a', new D(weight).toFixed(), null]);
  });
});
