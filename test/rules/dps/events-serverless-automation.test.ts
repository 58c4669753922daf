// Events, serverless functions and automation (DPS). Hand-computed; the pages' examples are golden
// estates (test/golden/dps/events, serverless, automation).
import { describe, expect, it } from 'vitest';
import { rows } from '../../helpers.js';
import { dps } from './helpers.js';

describe('dps/events', () => {
  it('GiB ingested; Retain and Query where given; without an event size, a note', () => {
    expect(rows(dps('events: [{ name: deployments, eventsPerMonth: 524288, averageEventKiB: 2, retentionDays: 10, queryGiBPerDay: 2 }]'))).toEqual([
      ['events-ingest/deployments', '1', '0.2'],
      ['events-retain/deployments', '10', '0.007'],
      ['events-query/deployments', '60', '0.21'],
    ]);
    expect(dps('events: [{ name: e, eventsPerMonth: 100 }]').warnings.map((w) => w.id)).toEqual(['events-no-event-size']);
  });

  it('with the platform extensions: Custom Events Classic per event', () => {
    expect(rows(dps('license: { platformExtensions: true }\nevents: [{ name: e, eventsPerMonth: 20000 }]'))).toEqual([['custom-events-classic/e', '20000', null]]);
  });
});

describe('dps/serverless', () => {
  it('Serverless Functions Classic per invocation, and a note where the subscription may not have it', () => {
    const e = dps('serverless: [{ name: s, invocationsPerMonth: 1000 }]');
    expect(rows(e)).toEqual([['serverless-functions-classic/s', '1000', null]]);
    expect(e.warnings.map((w) => w.id)).toEqual(['serverless-extension', 'unpriced-capability']);
  });
});

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

describe('dps/real-user-monitoring', () => {
  it('an application with fewer than 2 user actions an hour generates no sessions', () => {
    const e = dps('applications: [{ name: quiet, visitsPerMonth: 1000, userActionsPerHour: 1.5 }, { name: busy, visitsPerMonth: 1000, userActionsPerHour: 2 }]');
    expect(rows(e)).toEqual([
      ['real-user-monitoring/quiet', '0', '0'],
      ['real-user-monitoring/busy', '1000', '2.25'],
    ]);
  });
});

describe('dps/mainframe-monitoring', () => {
  it('MSU-hours of the average consumed MSUs, at $0.10', () => {
    expect(rows(dps('mainframe: [{ name: LPAR1, msu: 120 }]'))).toEqual([['mainframe-monitoring/LPAR1', '86400', '8640']]);
  });
});

describe('browser monitors run at most every 5 minutes', () => {
  it('a faster frequency is a located error', () => {
    expect(() => dps('synthetic: { browser: [{ name: b, frequencyMinutes: 4, locations: 1 }] }')).toThrow(/synthetic\.browser\[0\]\.frequencyMinutes: expected a number ≥ 5, found 4/);
  });
});
