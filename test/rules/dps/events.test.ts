// Events (DPS): Ingest & Process, Retain, Query, Custom Events Classic. Hand-computed; the page's example
// is a golden estate.
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

