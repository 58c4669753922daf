// Browser Monitor or Clickpath (DPS): hand-computed variations of the page's formula
// (billable steps × executions/h × locations × hours).
import { describe, expect, it } from 'vitest';
import { rows, run } from '../../helpers.js';
import { dps } from './helpers.js';

const monitor = (fields: string, extra = '') => run(`version: 1\n${extra}\nsynthetic:\n  browser:\n    - { name: m, ${fields} }\n`);

describe('browser-monitor (DPS)', () => {
  it.each([
    ['billableSteps given', 'billableSteps: 3, frequencyMinutes: 15, locations: 3', '25920', '116.64'],
    ['single-URL monitor: one action per execution', 'frequencyMinutes: 5, locations: 5', '43200', '194.4'],
    ['a step with three requests counts once', 'steps: [{name: a, requests: 3}], frequencyMinutes: 60, locations: 1', '720', '3.24'],
    ['steps without requests are not billable', 'steps: [{name: a, requests: 0}, {name: b, requests: 0}], frequencyMinutes: 15, locations: 2', '0', '0'],
    ['locations by name', 'billableSteps: 2, frequencyMinutes: 10, locations: [a, b, c, d]', '34560', '155.52'],
    ['count multiplies', 'count: 3, billableSteps: 1, frequencyMinutes: 15, locations: 1', '8640', '38.88'],
    ['a frequency that does not divide an hour', 'billableSteps: 1, frequencyMinutes: 7, locations: 1', '6171.428571428571428571428571428571', '27.77142857142857142857142857142857'],
    ['disabled monitors consume nothing', 'billableSteps: 5, frequencyMinutes: 5, locations: 9, enabled: false', '0', '0'],
  ])('%s', (_, fields, quantity, cost) => {
    expect(rows(monitor(fields))).toEqual([['browser-monitor/m', quantity, cost]]);
  });

  it('scales with the period: a year is 365 days = 8,760 h', () => {
    expect(rows(monitor('billableSteps: 3, frequencyMinutes: 15, locations: 3', 'period: year'))).toEqual([['browser-monitor/m', '315360', '1419.12']]);
  });

  it('a 90-day period is 2,160 h', () => {
    expect(rows(monitor('billableSteps: 1, frequencyMinutes: 60, locations: 1', 'period: 90d'))).toEqual([['browser-monitor/m', '2160', '9.72']]);
  });

  it('says how it counted', () => {
    const e = monitor('count: 2, steps: [{name: a, requests: 1}, {name: b, requests: 0}], frequencyMinutes: 30, locations: [x]');
    expect(e.lineItems[0]!.formula).toBe('2 monitors × 1 billable step (of 2 steps) × 2 executions/h × 1 location × 720 h');
  });
});

describe('browser monitors run at most every 5 minutes', () => {
  it('a faster frequency is a located error', () => {
    expect(() => dps('synthetic: { browser: [{ name: b, frequencyMinutes: 4, locations: 1 }] }')).toThrow(/synthetic\.browser\[0\]\.frequencyMinutes: expected a number ≥ 5, found 4/);
  });
});
