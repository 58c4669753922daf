// classic/dem-real-user-monitoring: a session 0.25 DEM, with Session Replay 1.0, +0.01 DEM per session
// per defined property beyond 20 (digital-experience-monitoring-units.md,
// https://docs.dynatrace.com/managed/license/classic-licensing/digital-experience-monitoring-units);
// the page's examples are golden estates in test/golden/classic/dem-real-user-monitoring/.
import { describe, expect, it } from 'vitest';
import { D } from '../../../src/core/decimal.js';
import { propertyWeight } from '../../../src/metering/properties.js';
import { golden, rows, run } from '../../helpers.js';

const app = (fields: string) => run(`version: 1\nlicensing: classic\napplications:\n  - { name: a, ${fields} }\n`);

describe('dem-rum-sessions, dem-session-replay, dem-properties', () => {
  it('a 4-hour session is 4 sessions: 1 DEM unit, or 4 with Session Replay', () => {
    expect(rows(run(golden('classic/dem-real-user-monitoring/4-hour-session.yaml')))).toEqual([
      ['dem-rum-sessions/without-replay', '1', null],
      ['dem-session-replay/with-replay', '4', null],
    ]);
  });

  it('100 sessions with 25 defined properties = 25 + 5 = 30 DEM units', () => {
    const e = run(golden('classic/dem-real-user-monitoring/properties-30-dem.yaml'));
    expect(rows(e)).toEqual([
      ['dem-rum-sessions/shop', '25', null],
      ['dem-properties/shop', '5', null],
    ]);
    expect(e.totals.quantityByUnit.get('dem-unit')?.toFixed()).toBe('30');
  });

  it('0.25 DEM a session, 1.0 with replay', () => {
    expect(rows(app('visitsPerMonth: 1000, replayRate: 0.1'))).toEqual([
      ['dem-rum-sessions/a', '225', null],
      ['dem-session-replay/a', '100', null],
    ]);
  });

  it('sessions split every 60 minutes: a 90-minute visit is 2 sessions = 0.5 DEM', () => {
    expect(rows(app('visitsPerMonth: 1, visitMinutes: 90'))).toEqual([['dem-rum-sessions/a', '0.5', null]]);
  });

  it.each([
    ['a long string of 250 characters weighs 3', 'long-string, maxLength: 250', '3'],
    ['a long string of 100 characters weighs 1', 'long-string, maxLength: 100', '1'],
    ['a long string of 101 characters weighs 2', 'long-string, maxLength: 101', '2'],
    ['a string of 99 characters is short: 1', 'string, maxLength: 99', '1'],
    ['a string of 100 characters is not short: a long string of 1', 'string, maxLength: 100', '1'],
    ['a string of 150 characters is a long string of 2', 'string, maxLength: 150', '2'],
    ['a string of 250 characters is a long string of 3', 'string, maxLength: 250', '3'],
    ['a date weighs 1', 'date', '1'],
  ])('%s', (_, type, weight) => {
    // 20 short strings, then the property under test: 100 sessions × (weight) × 0.01 DEM
    const list = [...Array.from({ length: 20 }, (_, i) => `{name: s${i}}`), `{name: x, type: ${type}}`].join(', ');
    expect(rows(app(`visitsPerMonth: 100, properties: [${list}]`))[1]).toEqual(['dem-properties/a', new D(weight).toFixed(), null]);
  });

  it('a property weighs 1 per started 100 characters from 100 on, whatever its type says', () => {
    const w = (type: string, maxLength?: number) => propertyWeight({ type, ...(maxLength === undefined ? {} : { maxLength: new D(maxLength) }) }).toFixed();
    expect([w('string'), w('string', 99), w('string', 100), w('string', 199), w('string', 200), w('string', 201), w('long-string', 50), w('number')]).toEqual(['1', '1', '1', '2', '2', '3', '1', '1']);
  });
});
