// Real User Monitoring (DPS): sessions per visit, bounces, replay, properties.
// variations of the rules in dps-real-user-monitoring.txt and classic-dem-units.txt.
import { describe, expect, it } from 'vitest';
import { D } from '../../../src/core/decimal.js';
import { sessionsForVisit } from '../../../src/metering/sessions.js';
import { rows, run } from '../../helpers.js';
import { dps } from './helpers.js';

const app = (fields: string, extra = '') => run(`version: 1\n${extra}\napplications:\n  - { name: a, ${fields} }\n`);

describe('sessions per visit: one per started hour', () => {
  it.each([
    ['0', '1'],
    ['1', '1'],
    ['59.9', '1'],
    ['60', '1'],
    ['60.1', '2'],
    ['150', '3'],
    ['240', '4'],
    ['241', '5'],
  ])('%s minutes -> %s sessions', (minutes, sessions) => {
    expect(sessionsForVisit(new D(minutes)).toFixed()).toBe(sessions);
  });
});

describe('real-user-monitoring (DPS)', () => {
  it('bounced visits are not billed', () => {
    expect(rows(app('visitsPerMonth: 1000000, bounceRate: 0.28'))).toEqual([['real-user-monitoring/a', '720000', '1620']]);
  });

  it('a duration mix: 80% 10 min (1 session), 20% 150 min (3 sessions) = 1.4 sessions per visit', () => {
    const e = app('visitsPerMonth: 1000, visitMinutes: [{minutes: 10, share: 0.8}, {minutes: 150, share: 0.2}]');
    expect(rows(e)).toEqual([['real-user-monitoring/a', '1400', '3.15']]);
    expect(e.lineItems[0]!.formula).toBe('1,000 visits/month × 1.4 sessions/visit (80% 10 min, 20% 150 min)');
  });

  it('replayed sessions are billed at the replay rate instead', () => {
    expect(rows(app('visitsPerMonth: 10000, replayRate: 0.25'))).toEqual([
      ['real-user-monitoring/a', '7500', '16.875'],
      ['real-user-monitoring-session-replay/a', '2500', '11.25'],
    ]);
  });

  it('every session replayed: no plain session line', () => {
    expect(rows(app('visitsPerMonth: 100, replayRate: 1'))).toEqual([['real-user-monitoring-session-replay/a', '100', '0.45']]);
  });

  it('20 properties are included: no property line', () => {
    expect(rows(app('visitsPerMonth: 100, properties: 20'))).toEqual([['real-user-monitoring/a', '100', '0.225']]);
  });

  it('properties beyond 20, each billed per session in which it appears', () => {
    // 10,000 sessions × 5 properties × 0.5 presence = 25,000 property-sessions × $0.0001
    expect(rows(app('visitsPerMonth: 10000, properties: 25, propertyPresence: 0.5'))).toEqual([
      ['real-user-monitoring/a', '10000', '22.5'],
      ['real-user-monitoring-property/a', '25000', '2.5'],
    ]);
  });

  it('DPS counts properties, not their length', () => {
    const list = Array.from({ length: 21 }, (_, i) => `{name: p${i}, type: long-string, maxLength: 500}`).join(', ');
    expect(rows(app(`visitsPerMonth: 100, properties: [${list}]`))[1]).toEqual(['real-user-monitoring-property/a', '100', '0.01']);
  });

  it('count multiplies applications, and a day is 1/30 of a month', () => {
    const e = app('count: 2, visitsPerMonth: 3000000', 'period: day');
    expect(rows(e)).toEqual([['real-user-monitoring/a', '200000', '450']]);
    expect(e.lineItems[0]!.formula).toBe('2 apps × 3,000,000 visits/month × 1 d / 30 d × 1 session/visit');
  });
});

describe('dps/real-user-monitoring', () => {
  it('an application with fewer than 2 user actions an hour generates no sessions', () => {
    const e = dps('applications: [{ name: quiet, visitsPerMonth: 1000, userActionsPerHour: 1.5 }, { name: busy, visitsPerMonth: 1000, userActionsPerHour: 2 }]');
    expect(rows(e)).toEqual([
      ['real-user-monitoring/quiet', '0', '0'],
      ['real-user-monitoring/busy', '1000', '2.25'],
    ]);
  });
});

