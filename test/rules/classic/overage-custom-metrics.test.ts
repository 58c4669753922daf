// classic/overage-custom-metrics: custom-metric licensing before DDUs (classic-monitoring-
// consumption.txt "Custom metrics overages", "Free tier of custom metrics"); it applies where the
// license has a custom-metric quota and no DDUs (davis-data-units.md FAQ: converted to DDUs).
import { describe, expect, it } from 'vitest';
import { D, toPlain } from '../../../src/core/decimal.js';
import { freeCustomMetrics } from '../../../src/rules/classic/overage-custom-metrics.js';
import { golden, item, run } from '../../helpers.js';

const q = (e: ReturnType<typeof run>, id: string) => toPlain(item(e, id).quantity);

describe('overage-custom-metrics', () => {
  it('the free tier is 100 + 10 per host unit, at most 10,000 (100 host units: 1,100)', () => {
    expect([freeCustomMetrics(new D(100)), freeCustomMetrics(new D(0)), freeCustomMetrics(new D(990)), freeCustomMetrics(new D(5000))].map(toPlain)).toEqual(['1100', '100', '10000', '10000']);
  });

  it('120 − 100 = 20, and the metrics are not DDUs as well', () => {
    const e = run(golden('classic/overage-custom-metrics/120-minus-100.yaml'));
    expect(q(e, 'overage-custom-metrics/license')).toBe('20');
    expect(e.lineItems.map((i) => i.capabilityId)).not.toContain('ddu-metrics');
    expect(e.warnings.map((w) => w.message)).toContain('custom metrics free tier: 100 + 10 × 100 host units = 1,100 (at most 10,000); the estate reports 120');
    expect(e.warnings.map((w) => w.id)).toContain('custom-metrics-legacy');
  });

  it('with no limit bought (customMetrics: 0), the free tier is the limit', () => {
    const e = run(golden('classic/overage-custom-metrics/free-tier-1100.yaml'));
    expect(q(e, 'overage-custom-metrics/license')).toBe('100');
    expect(item(e, 'overage-custom-metrics/license').formula).toBe('1,200 custom metrics − 1,100 custom metrics licensed (none bought: the free tier, 100 + 10 × 100 host units) (never below zero)');
  });

  it('with DDUs in the license the custom-metric quota is not evaluated: metrics are DDUs, once', () => {
    const e = run(golden('classic/overage-custom-metrics/converted-to-ddus.yaml'));
    expect(e.lineItems.map((i) => i.capabilityId)).not.toContain('overage-custom-metrics');
    expect(q(e, 'ddu-metrics/plugins')).toBe('5184');
    expect(e.warnings.map((w) => w.id)).toContain('custom-metrics-converted');
  });

  it('without overages: noted, no line', () => {
    const e = run('version: 1\nlicensing: classic\nlicense: { customMetrics: 100, overages: false }\nmetrics: [{ name: m, series: 120 }]');
    expect(e.lineItems).toEqual([]);
    expect(e.warnings.map((w) => w.message)).toContain('the custom metric quota would be exceeded by 20 custom metrics, and the license allows no overages: monitoring beyond the quota would stop');
  });
});
