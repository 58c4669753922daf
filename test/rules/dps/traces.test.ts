// Traces (DPS): Ingest & Process less the volume Full-Stack includes (only for spans from
// Full-Stack hosts, OneAgent's own first, per 15-minute interval with a floor under 320 GiB),
// Retain beyond 10 days, Query, Custom Traces Classic. Hand-computed; the pages' figures are
// golden estates (test/golden/dps/traces/).
import { describe, expect, it } from 'vitest';
import { rows } from '../../helpers.js';
import { dps, q } from './helpers.js';

const otel = (requests: string, extra = '') => `traces: [{ name: otel, requestsPerMonth: ${requests}, averageSpanKiB: 1, fromFullStack: true${extra} }]`;

describe('dps/traces', () => {
  it('spans are not from Full-Stack hosts unless the estate says so: no inclusion', () => {
    const e = dps(`hosts: [{ name: f, memoryGiB: 16 }]\ntraces: [{ name: otel, requestsPerMonth: 1048576, averageSpanKiB: 1 }]`);
    expect(rows(e).filter(([id]) => id.startsWith('traces'))).toEqual([['traces-ingest/otel', '1', '0.2']]);
  });

  it('the 64,000 KiB/min floor below 320 GiB, 200 KiB/min per GiB above', () => {
    // 400 GiB: 80,000 KiB/min for a day = 109.86328125 GiB; 3,000,000,000 KiB a month = 95.367431640625 GiB a day.
    expect(q(dps(`hosts: [{ name: f, count: 100, memoryGiB: 4 }]\n${otel('6000000000')}`, 'day'), 'traces-ingest/included with Full-Stack')).toBe('-109.86328125');
    expect(q(dps(`hosts: [{ name: f, count: 100, memoryGiB: 4 }]\n${otel('3000000000')}`, 'day'), 'traces-ingest/included with Full-Stack')).toBe('-95.367431640625');
    // 319.75 and 320 GiB: the floor, 64,000 KiB/min = 87.890625 GiB a day; 320.25 GiB: 64,050 KiB/min.
    const day = (gib: string) => q(dps(`hosts: [{ name: f, memoryGiB: ${gib} }]\n${otel('30000000000')}`, 'day'), 'traces-ingest/included with Full-Stack');
    expect([day('319.75'), day('320'), day('320.25')]).toEqual(['-87.890625', '-87.890625', '-87.95928955078125']);
  });

  it("OneAgent's own spans use the included volume first; OTLP spans from Full-Stack hosts get what is left", () => {
    // A 16 GiB host: 960,000 KiB an interval (the floor); OneAgent 900,000 KiB, OTLP 100,000 KiB an interval.
    const e = dps(
      'hosts: [{ name: f, memoryGiB: 16 }]\ntraces: [{ name: agent, requestsPerMonth: 2592000000, averageSpanKiB: 1, oneAgent: true }, { name: otlp, requestsPerMonth: 288000000, averageSpanKiB: 1, fromFullStack: true }]',
      'day',
    );
    // 96 intervals: covered 96 × 960,000 KiB = 87.890625 GiB; billed 96 × 40,000 KiB = 3.662109375 GiB.
    expect(q(e, 'traces-ingest/included with Full-Stack')).toBe('-87.890625');
    expect(e.lineItems.filter((i) => i.capabilityId === 'traces-ingest').reduce((t, i) => t.plus(i.quantity), e.lineItems[0]!.quantity.minus(e.lineItems[0]!.quantity)).toFixed()).toBe('3.662109375');
  });

  it('without Full-Stack hosts nothing is included; without a span size, a note', () => {
    expect(rows(dps(otel('1048576')))).toEqual([['traces-ingest/otel', '1', '0.2']]);
    const e = dps('traces: [{ name: otel, requestsPerMonth: 1000 }]');
    expect(e.lineItems).toEqual([]);
    expect(e.warnings.map((w) => w.id)).toEqual(['traces-no-span-size']);
  });

  it('Retain: the first 10 days included; Query: GiB scanned', () => {
    const e = dps('traces: [{ name: t, requestsPerMonth: 31457280, averageSpanKiB: 1, retentionDays: 10, queryGiBPerDay: 1 }]');
    expect(rows(e)).toEqual([
      ['traces-ingest/t', '30', '6'],
      ['traces-query/t', '30', '0.105'],
    ]);
    expect(rows(dps('traces: [{ name: t, requestsPerMonth: 31457280, averageSpanKiB: 1, retentionDays: 11, enrichmentFactor: 2 }]'))).toContainEqual(['traces-retain/t', '60', '0.042']);
  });

  it('with the platform extensions: Custom Traces Classic per span; spans from Full-Stack hosts are included with it', () => {
    const e = dps('license: { platformExtensions: true }\ntraces: [{ name: partner, requestsPerMonth: 1000000, spansPerRequest: 10 }, { name: own, requestsPerMonth: 1000, fromFullStack: true }]');
    expect(rows(e)).toEqual([
      ['custom-traces-classic/partner', '10000000', null],
      ['custom-traces-classic/own', '0', '0'],
    ]);
  });
});
