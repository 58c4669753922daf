// Plans: located errors for inputs that do not fit together, the CI gates, and classic quotas.
import { describe, expect, it } from 'vitest';
import { formatInstant } from '../../src/core/calendar.js';
import { D, toPlain } from '../../src/core/decimal.js';
import { checkGates } from '../../src/plan/gates.js';
import { plan, prepared } from './helpers.js';

const errors = (yaml: string, files: Record<string, string> = {}) => {
  const p = prepared(yaml, files);
  return p.ok ? [] : p.diagnostics.map((d) => `${d.position?.line}: ${d.path ?? ''}: ${d.message}`);
};

describe('inputs that do not fit together are located errors', () => {
  it('a change outside the contract, a name no entry has, an entry retired before it is added, or twice', () => {
    expect(errors('version: 1\ncontract: { start: 2027-01-01, years: 1 }\nchanges: [{ from: 2026-12-31, add: ./w.yaml }]\n')).toEqual([
      '3: changes[0].from: expected a date inside the contract (2027-01-01..2027-12-31), found 2026-12-31',
    ]);
    expect(
      errors(
        `version: 1
contract: { start: 2027-01-01, years: 1 }
changes:
  - { from: 2028-01-01, remove: { hosts: [db] } }
  - { from: 2027-04-01, add: ./wave.yaml }
  - { from: 2027-03-01, remove: { hosts: [dbb, wave-host] } }
  - { from: 2027-05-01, remove: { hosts: [db] } }
  - { from: 2027-06-01, remove: { hosts: [db] } }
hosts: [{ name: db, memoryGiB: 16 }]
`,
        { './wave.yaml': 'version: 1\nhosts: [{ name: wave-host, memoryGiB: 8 }]\n' },
      ),
    ).toEqual([
      '4: changes[0].from: expected a date inside the contract (2027-01-01..2027-12-31), found 2028-01-01',
      '6: changes[2].remove.hosts[0]: expected the name of an entry of hosts (in the estate or a file a change adds), found "dbb" (did you mean "db"?)',
      '6: changes[2].remove.hosts[1]: "wave-host" is retired on 2027-03-01, not after it is added (2027-04-01)',
      '8: changes[4].remove.hosts[0]: "db" is already retired by changes[3]',
    ]);
  });

  it('a name that looks like a key or a password, removed or grown, is not printed', () => {
    const token = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789AB';
    expect(errors(`version: 1\ncontract: { start: 2027-01-01, years: 1 }\nchanges: [{ from: 2027-03-01, remove: { hosts: [${token}] } }]\ngrowth: [{ entry: ${token}, percentPerYear: 10 }]\nhosts: [{ name: db, memoryGiB: 16 }]\n`)).toEqual([
      '3: changes[0].remove.hosts[0]: expected the name of an entry of hosts (in the estate or a file a change adds), found a name of 42 characters (not shown: it looks like a key or a password)',
      '4: growth[0].entry: expected the name of an entry, found a name of 42 characters (not shown: it looks like a key or a password)',
    ]);
  });

  it('more commitments or rate cards than years; growth for a name no entry has; two rules for one target', () => {
    expect(
      errors(`version: 1
contract: { start: 2027-01-01, years: 2, commitments: [1, 2, 3], rates: [a.yaml, b.yaml, c.yaml] }
growth:
  - { percentPerMonth: 1 }
  - { entry: wbe, percentPerYear: 10 }
  - { percentPerYear: 3 }
seasonality: [{ section: hosts, dec: 2 }, { section: hosts, nov: 2 }]
hosts: [{ name: web, memoryGiB: 16 }]
`),
    ).toEqual([
      '2: contract.commitments: expected at most 2 commitments (one per contract year), found 3',
      '2: contract.rates: expected at most 2 rate cards (one per contract year), found 3',
      '5: growth[1].entry: expected the name of an entry, found "wbe" (did you mean "web"?)',
      '6: growth[2]: a second growth rule for the whole estate (growth[0] is the first): one rule per target',
      '7: seasonality[1]: a second seasonality rule for hosts (seasonality[0] is the first): one rule per target',
    ]);
  });

  it('a file added twice repeats its names: the merge says where', () => {
    const found = errors(
      `version: 1
contract: { start: 2027-01-01, years: 1 }
changes:
  - { from: 2027-02-01, add: ./wave.yaml }
  - { from: 2027-03-01, add: ./again.yaml }
`,
      { './wave.yaml': 'version: 1\nhosts: [{ name: w, memoryGiB: 8 }]\n', './again.yaml': 'version: 1\nhosts: [{ name: w, memoryGiB: 8 }]\n' },
    );
    expect(found).toEqual(['2: hosts[0].name: duplicate name "w" across merged estates (also in ./wave.yaml)']);
  });

  it('no contract: the plan says what it needs', () => {
    expect(errors('version: 1\nhosts: []\n')).toEqual(['undefined: : no contract: dtcost plan needs `contract: { start: 2027-01-01, years: 3, commitments: [...] }`']);
  });
});

describe('gates: the first month that crosses', () => {
  const r = plan(`version: 1
contract: { start: 2027-01-01, years: 1, commitments: [12000] }
hosts: [{ name: web, count: 10, memoryGiB: 16 }]
`);
  const base = r.scenarios[0]!;
  const gate = (limits: Parameters<typeof checkGates>[1]) => checkGates(base, limits, 'USD', (d) => d.toFixed(2)).map((g) => [g.gate, g.crossed, g.month, g.actual]);

  it('--max-on-demand: 825.60 in November is under 1,000, 2,016 by December is over', () => {
    expect(gate({ maxOnDemand: new D(1000) })).toEqual([['max-on-demand', true, '2027-12', '2016']]);
    expect(gate({ maxOnDemand: new D(2016) })).toEqual([['max-on-demand', false, null, null]]);
  });

  it('--exhaust-before: used up on 9 November at noon', () => {
    expect(gate({ exhaustBefore: { at: Date.UTC(2027, 11, 1), text: '2027-12' } })).toEqual([['exhaust-before', true, '2027-11', '2027-11-09T12:00:00Z']]);
    expect(gate({ exhaustBefore: { at: Date.UTC(2027, 10, 9), text: '2027-11-09' } })).toEqual([['exhaust-before', false, null, null]]);
  });

  it('--max-total: the commitment is owed from the first month; the year passes 13,000 in December', () => {
    expect(gate({ maxTotal: new D(13000) })).toEqual([['max-total', true, '2027-12', '14016']]);
    expect(gate({ maxTotal: new D(11999) })).toEqual([['max-total', true, '2027-01', '14016']]);
  });
});

describe('classic: quotas are the commitment, the rest is overage', () => {
  const r = plan(
    `version: 1
licensing: classic
contract: { start: 2027-01-01, years: 1 }
hosts: [{ name: web, count: 10, memoryGiB: 16 }]
synthetic:
  http: [{ name: ping, frequencyMinutes: 1, locations: 1 }]
license: { hostUnits: 8, hostUnitHours: 2000, demUnits: 40000 }
`,
    { rates: ['prices: { host-unit-hour: 0.01, dem-unit: 0.002 }\n'] },
  );
  const s = r.scenarios[0]!;
  const quota = (key: string) => s.quotas.find((q) => q.key === key)!;

  it('10 host units against 8: 2 an hour beyond, drawn from the 2,000-hour pool, then overage from 11 February 16:00', () => {
    const hu = quota('hostUnits');
    expect(hu.months.slice(0, 2).map((m) => [toPlain(m.used), toPlain(m.excess), toPlain(m.overage)])).toEqual([
      ['10', '1488', '0'], // 2 × 744 h, to the pool
      ['10', '1344', '0'],
    ]);
    const pool = quota('hostUnitHours');
    expect(pool.months.slice(0, 3).map((m) => [toPlain(m.used), toPlain(m.cumulative!), toPlain(m.overage)])).toEqual([
      ['1488', '1488', '0'],
      ['1344', '2832', '832'],
      ['1488', '4320', '1488'],
    ]);
    expect(formatInstant(hu.years[0]!.exceededAt!)).toBe('2027-01-01T00:00:00Z');
    expect(formatInstant(pool.years[0]!.exceededAt!)).toBe('2027-02-11T16:00:00Z'); // (2,000 − 1,488) / 2 = 256 h into February
    expect(toPlain(pool.years[0]!.overage)).toBe('15520'); // 2 × 8,760 − 2,000
  });

  it('DEM units: 0.1 per HTTP request, 1,440 a day: the 40,000 run out on 5 October, 12,560 over', () => {
    const dem = quota('demUnits');
    expect(toPlain(dem.years[0]!.used)).toBe('52560'); // 144 × 365
    expect(toPlain(dem.years[0]!.overage)).toBe('12560');
    expect(formatInstant(dem.years[0]!.exceededAt!)).toBe('2027-10-05T18:40:00Z'); // (40,000 − 39,312) / 4,464 × 744 h
  });

  it('the year: committed 8 × 8,760 × 0.01 + 2,000 × 0.01 + 40,000 × 0.002; overage 15,520 × 0.01 + 12,560 × 0.002', () => {
    const y = s.years[0]!;
    expect([toPlain(y.year.commitment!), toPlain(y.onDemandCost), toPlain(y.payable)]).toEqual(['800.8', '180.32', '981.12']);
    expect(formatInstant(y.exhaustedAt!)).toBe('2027-01-01T00:00:00Z');
  });
});
