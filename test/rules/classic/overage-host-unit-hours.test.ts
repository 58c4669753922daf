// classic/overage-host-unit-hours: the licensed host units, the concurrency beyond them in host unit
// hours, the pool, environments (quotas per environment, overages per account), and what a contract
// without overages stops (application-and-infrastructure-monitoring.md,
// https://docs.dynatrace.com/managed/license/classic-licensing/application-and-infrastructure-monitoring);
// the page's examples are golden estates in test/golden/classic/overage-host-unit-hours/.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { D, toPlain } from '../../../src/core/decimal.js';
import { dailyProfile, dailyProfiles } from '../../../src/rules/kit/fleet.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepare, streamJob } from '../../../src/cli/pipeline.js';
import type { Estimate } from '../../../src/estimate/run.js';
import { golden, item, ROOT, run } from '../../helpers.js';

/** An estimate with its activity files read, as the command line makes it (ACTIVITY: the example week). */
async function withActivity(yaml: string): Promise<Estimate> {
  const file = join(mkdtempSync(join(tmpdir(), 'dtcost-classic-')), 'estate.yaml');
  writeFileSync(file, yaml.replaceAll('ACTIVITY', join(ROOT, 'examples/activity/web-tier-week.csv')));
  const prepared = await prepare([file], {});
  if (!prepared.ok) throw new Error(prepared.diagnostics.map((d) => d.message).join('\n'));
  const stream = streamJob(prepared.jobs[0]!, {});
  const lineItems = [...stream.lineItems];
  return { ...stream.tail(), lineItems };
}

const classic = (body: string, period = 'month') => run(`version: 1\nlicensing: classic\nperiod: ${period}\n${body}`);
const q = (e: ReturnType<typeof run>, id: string) => toPlain(item(e, id).quantity);

describe('host unit overages', () => {
  it('the page\'s example: 12 host units against 10 licensed for a week = 336 host unit hours', () => {
    const e = run(golden('classic/overage-host-unit-hours/336-overage.yaml'));
    expect(q(e, 'overage-host-unit-hours/license')).toBe('336');
    expect(item(e, 'overage-host-unit-hours/license').formula).toBe('(12 concurrent − 10 licensed) host units × 24 h/day × 7 d');
  });

  it('a pool of 9,000 host unit hours carries 375 more host units for a day (475 in all), not one more', () => {
    expect(q(run(golden('classic/overage-host-unit-hours/pool-475-host-units.yaml')), 'overage-host-unit-hours/license')).toBe('0');
    expect(q(run(golden('classic/overage-host-unit-hours/pool-476-host-units.yaml')), 'overage-host-unit-hours/license')).toBe('24');
  });

  it('concurrency hour by hour: part-time hosts exceed the quota only while they run', () => {
    const e = classic('license: { hostUnits: 10 }\nhosts: [{ name: base, count: 10, memoryGiB: 16 }, { name: office, count: 4, memoryGiB: 16, hoursPerDay: 9 }]', 'day');
    expect(q(e, 'overage-host-unit-hours/license')).toBe('36');
    expect(item(e, 'overage-host-unit-hours/license').formula).toBe('host units beyond 10 licensed, hour by hour (peak 14, over the quota 9 h/day): 36 host unit hours/day × 1 d');
  });

  it('without a host-unit quota, the pool is the contract', () => {
    expect(q(classic('license: { hostUnitHours: 1000 }\nhosts: [{ name: h, memoryGiB: 64 }]', '11d'), 'overage-host-unit-hours/license')).toBe('56');
  });

  it('a pool with a period is scaled to the period estimated; without one it is a volume for the period as it is', () => {
    // 4 host units × 720 h = 2,880 host unit hours a month, against 12,000 a year × 30 / 365
    const e = classic('license: { hostUnitHours: 12000, hostUnitHoursPeriod: year }\nhosts: [{ name: h, memoryGiB: 64 }]');
    expect(q(e, 'licensed-host-unit-hours/license')).toBe('986.3013698630136986301369863013699');
    expect(item(e, 'licensed-host-unit-hours/license').formula).toBe('12,000 host unit hours licensed a year × 30 d / 365 d (a pool for spikes)');
    expect(q(e, 'overage-host-unit-hours/license')).toBe('1893.69863013698630136986301369863');
    expect(q(classic('license: { hostUnitHours: 1000, hostUnitHoursPeriod: month }\nhosts: [{ name: h, memoryGiB: 64 }]'), 'overage-host-unit-hours/license')).toBe('1880');
  });

  it('the licensed host units are a line of their own, in host-unit years, out of the totals by unit', () => {
    const e = classic('license: { hostUnits: 73 }\nhosts: [{ name: h, memoryGiB: 16 }]', 'year');
    expect(q(e, 'licensed-host-units/license')).toBe('73');
    expect(item(e, 'licensed-host-units/license').unit).toBe('host-unit-year');
    expect([...e.totals.quantityByUnit.keys()]).toEqual(['host-unit-hour']);
  });

  it('observed runs add their concurrency over their window; steady entries fill the rest of the period', async () => {
    // examples/activity/web-tier-week.csv: 168 h observed; a period of 10 days adds 72 h of the steady entries
    const e = await withActivity('version: 1\nlicensing: classic\nperiod: 10d\nlicense: { hostUnits: 2 }\nhosts: [{ name: h, count: 3, memoryGiB: 16 }]\nactivity: [{ name: web, file: ACTIVITY }]');
    expect(item(e, 'overage-host-unit-hours/license').formula).toMatch(/^host units beyond 2 licensed, hour by hour: [\d,.]+ host unit hours over the 168 observed hours \(peak [\d.]+\) \+ 24 host unit hours\/day × 72 h \/ 24 h without observations$/);
  });
});

describe('without overages: what is beyond the quota is not monitored', () => {
  it('the 336 example with overages: false: no overage line, 336 host unit hours not monitored, 1,680 monitored', () => {
    const e = run(golden('classic/overage-host-unit-hours/no-overages-336.yaml'));
    expect(e.lineItems.map((i) => i.id)).toEqual(['host-unit-hours/licensed-fleet', 'host-unit-hours/one-more', 'licensed-host-units/license', 'not-monitored-host-unit-hours/license']);
    expect(q(e, 'not-monitored-host-unit-hours/license')).toBe('-336');
    expect(toPlain(e.totals.quantityByUnit.get('host-unit-hour')!)).toBe('1680');
    expect(e.warnings.map((w) => w.message)).toContain('the host-unit quota would be exceeded by 336 host unit hours, and the license allows no overages: monitoring beyond the quota would stop');
  });
});

describe('environments: quotas per environment, overages per account', () => {
  const envs = (prod: number, test: number, extra = '') =>
    classic(`license: { hostUnits: 100${extra} }\nenvironments: [{ name: production, hostUnits: 80 }, { name: testing, hostUnits: 20 }]\nhosts: [{ name: p, count: ${prod}, memoryGiB: 16, environment: production }, { name: t, count: ${test}, memoryGiB: 16, environment: testing }]`, 'day');

  it('70 + 30 of 80 + 20 is no overage: the account\'s 100 are not exceeded', () => {
    expect(q(envs(70, 30), 'overage-host-unit-hours/license')).toBe('0');
    expect(q(run(golden('classic/overage-host-unit-hours/environments-70-30.yaml')), 'overage-host-unit-hours/license')).toBe('0');
  });

  it('70 + 31 is one host unit over the account, for every hour: 24 a day', () => {
    expect(q(envs(70, 31), 'overage-host-unit-hours/license')).toBe('24');
    expect(q(run(golden('classic/overage-host-unit-hours/environments-70-31.yaml')), 'overage-host-unit-hours/license')).toBe('24');
  });

  it('without license.hostUnits, the account has what its environments are assigned', () => {
    const e = classic('environments: [{ name: a, hostUnits: 3 }, { name: b, hostUnits: 2 }]\nhosts: [{ name: h, count: 6, memoryGiB: 16, environment: a }]', 'day');
    expect(q(e, 'overage-host-unit-hours/license')).toBe('24');
    expect(item(e, 'licensed-host-units/license').formula).toBe('5 host units licensed (assigned to the environments: a 3 + b 2) × 1 d / 365 d (host-unit years)');
  });

  it('an environment without overages stops at its own host units; the account counts what is monitored', () => {
    const e = run(golden('classic/overage-host-unit-hours/environment-without-overages.yaml'));
    expect(q(e, 'not-monitored-host-unit-hours/testing')).toBe('-240');
    expect(q(e, 'overage-host-unit-hours/license')).toBe('0');
    // Testing stopped at 20: 70 + 20 = 90, within 100 even when production grows to 80.
    const f = classic('license: { hostUnits: 100 }\nenvironments: [{ name: production, hostUnits: 80 }, { name: testing, hostUnits: 20, overages: false }]\nhosts: [{ name: p, count: 85, memoryGiB: 16, environment: production }, { name: t, count: 30, memoryGiB: 16, environment: testing }]', 'day');
    expect(q(f, 'overage-host-unit-hours/license')).toBe('120');
    expect(q(f, 'not-monitored-host-unit-hours/testing')).toBe('-240');
  });

  it('entries that name no environment are in the first one', () => {
    const e = classic('environments: [{ name: a, hostUnits: 1, overages: false }, { name: b, hostUnits: 5 }]\nhosts: [{ name: h, count: 3, memoryGiB: 16 }]', 'day');
    expect(q(e, 'not-monitored-host-unit-hours/a')).toBe('-48');
  });

  it('activity entries count in their environment', async () => {
    const e = await withActivity('version: 1\nlicensing: classic\nperiod: 7d\nenvironments: [{ name: a, hostUnits: 100 }, { name: web, hostUnits: 1, overages: false }]\nactivity: [{ name: w, file: ACTIVITY, environment: web }]');
    const observed = item(e, 'host-unit-hours/w').quantity;
    // Stopped at 1 host unit every hour of the week: what is monitored in web is 168 host unit hours.
    expect(toPlain(observed.plus(item(e, 'not-monitored-host-unit-hours/web').quantity))).toBe('168');
    expect(e.lineItems.map((i) => i.id)).not.toContain('not-monitored-host-unit-hours/a');
  });
});

describe('daily profile of concurrent host units', () => {
  it('hour h sums the entries running more than h hours, as summing each hour over every entry does', () => {
    const running = fc.array(fc.record({ hostUnits: fc.constantFrom('0.1', '0.03', '0.25', '0.075', '0.5', '0.15', '1', '4', '1.2', '0.3').map((s) => new D(s)), count: fc.integer({ min: 0, max: 1000 }), hours: fc.integer({ min: 0, max: 24 }), fullStack: fc.boolean() }), { maxLength: 60 });
    fc.assert(
      fc.property(running, (entries) => {
        const list = entries.map((r) => ({ hostUnits: r.hostUnits.times(r.count), hours: r.hours, fullStack: r.fullStack }));
        const naive = Array.from({ length: 24 }, (_, hour) => list.reduce((sum, r) => (r.hours > hour ? sum.plus(r.hostUnits) : sum), new D(0)).toString());
        expect(dailyProfile(list).map((d) => d.toString())).toEqual(naive);
      }),
      { numRuns: 300 },
    );
    expect(dailyProfile([]).map(String)).toEqual(Array.from({ length: 24 }, () => '0'));
    expect(dailyProfile([{ hostUnits: new D(10), hours: 24, fullStack: true }, { hostUnits: new D(4), hours: 9, fullStack: true }]).map(String)).toEqual([...Array.from({ length: 9 }, () => '14'), ...Array.from({ length: 15 }, () => '10')]);
  });

  it('per environment: each environment its own profile, summing to the whole', () => {
    const list = [
      { hostUnits: new D(2), hours: 24, fullStack: true, environment: 'a' },
      { hostUnits: new D(3), hours: 12, fullStack: true, environment: 'b' },
      { hostUnits: new D(1), hours: 6, fullStack: true, environment: 'a' },
    ];
    const byEnv = dailyProfiles(list);
    expect([...byEnv.keys()]).toEqual(['a', 'b']);
    expect(Array.from({ length: 24 }, (_, h) => byEnv.get('a')![h]!.plus(byEnv.get('b')![h]!).toString())).toEqual(dailyProfile(list).map(String));
  });
});
