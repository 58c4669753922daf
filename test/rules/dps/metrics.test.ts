// Metrics (DPS): data points less the host inclusions (two pools, per 15-minute interval, only for
// metrics from those hosts), NAM data points, Retain, Custom Metrics Classic. Hand-computed; the
// pages' examples are golden estates (test/golden/dps/metrics/).
import { describe, expect, it } from 'vitest';
import { item, rows } from '../../helpers.js';
import { dps, q } from './helpers.js';

describe('dps/metrics', () => {
  it('metrics from elsewhere (the default origin) are billed in full, whatever the hosts include', () => {
    const e = dps('hosts: [{ name: f, count: 10, memoryGiB: 64 }]\nmetrics: [{ name: api, series: 50 }]');
    expect(rows(e).filter(([id]) => id.startsWith('metrics'))).toEqual([['metrics-ingest/api', '2160000', '3.24']]);
  });

  it('a steady day: 4 GiB Full-Stack host × 900 per interval, 1 Infrastructure host × 1,500, each pool for its own metrics', () => {
    // 50,000 series at 1/min for a day = 72,000,000 points from each kind of host; included: 3,600 ×
    // 96 = 345,600 and 1,500 × 96 = 144,000.
    const e = dps('hosts: [{ name: f, memoryGiB: 4 }, { name: i, memoryGiB: 64, mode: infrastructure }]\nmetrics: [{ name: fm, series: 50000, origin: fullstack }, { name: im, series: 50000, origin: infrastructure }]', 'day');
    expect([q(e, 'metrics-ingest/included with Full-Stack hosts'), q(e, 'metrics-ingest/included with Infrastructure hosts')]).toEqual(['-345600', '-144000']);
  });

  it('an inclusion larger than the ingest is used only up to it', () => {
    const e = dps('hosts: [{ name: f, memoryGiB: 8 }]\nmetrics: [{ name: m, series: 50, origin: fullstack }]');
    expect([q(e, 'metrics-ingest/m'), q(e, 'metrics-ingest/included with Full-Stack hosts')]).toEqual(['2160000', '-2160000']);
  });

  it('no rollover: what a part-time host grants while it runs covers nothing when it does not', () => {
    // 12 h a day of a 16 GiB host: 14,400 points an interval granted in 48 intervals; 1,000 points an
    // interval all day: 48 × 1,000 covered, 48 × 1,000 billed.
    const e = dps('hosts: [{ name: f, memoryGiB: 16, hoursPerDay: 12 }]\nmetrics: [{ name: m, series: 1000, intervalSeconds: 900, origin: fullstack }]', 'day');
    expect([q(e, 'metrics-ingest/m'), q(e, 'metrics-ingest/included with Full-Stack hosts')]).toEqual(['96000', '-48000']);
    expect(item(e, 'metrics-ingest/included with Full-Stack hosts').formula).toBe(
      'included: 900 data points per Full-Stack GiB per 15-minute interval (0 to 16 GiB by the time of day) against 1,000 data points of metrics from those hosts per interval (ingestion assumed steady; unused points do not roll over) over 96 intervals = 48,000 data points',
    );
  });

  it('NAM: 6 data points per ping request, 3 per TCP or DNS, priced as metrics, never offset', () => {
    expect(rows(dps('synthetic: { nam: [{ name: ping, protocol: icmp, requests: 10, frequencyMinutes: 1, locations: 1 }, { name: dns, protocol: dns, frequencyMinutes: 5, locations: 2 }] }'))).toEqual([
      ['metrics-ingest/ping', '2592000', '3.888'],
      ['metrics-ingest/dns', '51840', '0.07776'],
    ]);
  });

  it('with the platform extensions, data points are Custom Metrics Classic (no public price), inclusions alike', () => {
    const e = dps('license: { platformExtensions: true }\nhosts: [{ name: f, memoryGiB: 8 }]\nmetrics: [{ name: m, series: 100, origin: fullstack }]', 'day');
    expect(rows(e).filter(([id]) => id.startsWith('custom'))).toEqual([
      ['custom-metrics-classic/m', '144000', null],
      ['custom-metrics-classic/included with Full-Stack hosts', '-144000', null],
    ]);
  });

  it('Retain: only the days beyond the 462 included', () => {
    expect(rows(dps('metrics: [{ name: m, series: 0, retentionDays: 463, retainedGiBPerDay: 2 }]')).filter(([id]) => id.startsWith('metrics-retain'))).toEqual([['metrics-retain/m', '60', '0.042']]);
  });
});
