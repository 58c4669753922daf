// Automation Workflow and AppEngine Functions (DPS). Hand-computed; the page's examples are golden estates.
import { describe, expect, it } from 'vitest';
import { rows } from '../../helpers.js';
import { dps } from './helpers.js';

describe('dps/automation', () => {
  it('a deployed standard workflow bills every hour it exists; a simple one none; invocations per started minute', () => {
    expect(rows(dps('automation: [{ name: w, count: 2, hoursPerDay: 24, executionsPerMonth: 300, tasksPerExecution: 3, minutesPerTask: 1.5 }]'))).toEqual([
      ['automation-workflow/w', '1440', '43.2'],
      ['appengine-functions/w', '3600', '3.6'],
    ]);
    expect(() => dps('automation: [{ name: w, minutesPerTask: 3 }]')).toThrow(/minutesPerTask: expected a number > 0 and ≤ 2|minutesPerTask: expected/);
  });

  it('AppEngine functions invoked on their own', () => {
    expect(rows(dps('functions: [{ name: f, count: 3, invocationsPerMonth: 1000 }]'))).toEqual([['appengine-functions/f', '3000', '3']]);
  });
});

