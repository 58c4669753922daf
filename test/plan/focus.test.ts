// The FOCUS specification's SaaS spend agreement (test/fixtures/focus, CC-BY-4.0) as a dtcost plan:
// AwesomeCorp commits to $1,200 over 12 months from 1 April 2025 at 20% off list, uses 4, 10 and 5
// server hours in April, May and June, and nothing after; the FOCUS rows bill 48, 120, 60 and an
// "End of contract unused fee" of 972. Every input of the plan is read off the CSV rows, and the
// plan must give back the rows' amounts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { formatDate, formatInstant, HOUR_MS } from '../../src/core/calendar.js';
import { D, toPlain } from '../../src/core/decimal.js';
import { ActivityReader } from '../../src/input/activity.js';
import { runPlan } from '../../src/plan/plan.js';
import { card, ROOT } from '../helpers.js';
import { plan as planOf, prepared } from './helpers.js';

type Row = Record<string, string>;
const read = (name: string): Row[] => parse(readFileSync(join(ROOT, 'test/fixtures/focus', name), 'utf8'), { columns: true }) as Row[];
const a1 = read('saas_spend_agreements_a1.csv');
const b1 = read('saas_spend_agreements_b1.csv');

/** FOCUS dates are M/D/YY: 4/1/25 is 2025-04-01 (UTC). */
function focusDate(text: string): number {
  const [m, d, y] = text.split('/').map(Number);
  return Date.UTC(2000 + y!, m! - 1, d!);
}

const usage = a1.filter((r) => r.ChargeDescription === 'Monthly usage charge');
const fee = a1.find((r) => r.ChargeDescription === 'End of contract unused fee')!;

// The agreement, from the rows: its term (the fee's charge period), its commitment (the fee's unit
// price: the fee is 0.81 of it), the list price of a server hour and the discount off it.
const start = focusDate(fee.ChargePeriodStart!);
const commitment = fee.ContractedUnitPrice!;
const listPrice = new D(usage[0]!.ListUnitPrice!);
const discount = new D(1).minus(new D(usage[0]!.ContractedUnitPrice!).div(listPrice));

const RATES = `name: Acme Co spend agreement (FOCUS)\ncurrency: USD\ndiscount: ${discount.toFixed()}\nprices:\n  infrastructure-monitoring: { unitPrice: ${listPrice.toFixed()}, source: FOCUS ListUnitPrice of a server hour }\n`;

/** A server hour as a host-hour of Infrastructure Monitoring: one host running that many hours on the first day of the usage month. */
function runs(): string[] {
  return [
    'host,start,end,memoryGiB,mode',
    ...usage.map((r) => {
      const from = focusDate(r.ChargePeriodStart!);
      return `awesomedb,${new Date(from).toISOString()},${new Date(from + Number(r.ConsumedQuantity) * HOUR_MS).toISOString()},16,infrastructure`;
    }),
  ];
}

function focusPlan(commitmentText: string) {
  const yaml = `version: 1\nname: AwesomeCorp on Acme Co\nactivity:\n  - { name: awesomedb, file: runs.csv }\ncontract:\n  start: ${formatDate(start)}\n  years: 1\n  commitments: [${commitmentText}]\n`;
  const p = prepared(yaml);
  if (!p.ok) throw new Error(JSON.stringify(p.diagnostics));
  const reader = ActivityReader.windowed('runs.csv', { mode: 'infrastructure', infrastructureCap: true }, p.plan.time.months.map((m) => [m.start, m.end] as const));
  runs().forEach((line, i) => reader.line(line, i + 1));
  const byMonth = reader.windowSummaries().map((s) => new Map([['awesomedb', s]]));
  return runPlan(p.plan, { cards: [card(RATES)], activity: (row) => byMonth[row.index]! });
}

describe('the FOCUS SaaS spend agreement (a1, b1) as a plan', () => {
  const plan = focusPlan(commitment);
  const base = plan.scenarios[0]!;

  it('reads the agreement off the rows: 12 months from 2025-04-01, 1,200 committed, 15 a server hour less 20%', () => {
    expect([formatDate(start), commitment, toPlain(listPrice), toPlain(discount)]).toEqual(['2025-04-01', '1200', '15', '0.2']);
    expect(base.months.map((m) => `${m.row.label} ${toPlain(m.row.period.hours)}`)).toEqual([
      '2025-04 720', '2025-05 744', '2025-06 720', '2025-07 744', '2025-08 744', '2025-09 720',
      '2025-10 744', '2025-11 720', '2025-12 744', '2026-01 744', '2026-02 672', '2026-03 744',
    ]);
  });

  it('bills each usage row: its server hours at the contracted price, its list cost before the discount', () => {
    for (const r of usage) {
      const month = base.months.find((m) => m.row.start === focusDate(r.ChargePeriodStart!))!;
      const infra = month.capabilities.find((c) => c.capabilityId === 'infrastructure-monitoring')!;
      expect([month.row.label, toPlain(infra.quantity), toPlain(infra.unitPrice!), toPlain(month.cost!), toPlain(month.listCost!)]).toEqual([
        month.row.label,
        r.ConsumedQuantity,
        r.ContractedUnitPrice,
        r.ContractedCost,
        r.ListCost,
      ]);
    }
    const usageMonths = new Set(usage.map((r) => focusDate(r.ChargePeriodStart!)));
    for (const m of base.months.filter((m) => !usageMonths.has(m.row.start))) expect(toPlain(m.cost!)).toBe('0');
  });

  it('leaves the "End of contract unused fee" unused: 972 of 1,200, nothing on demand, 1,200 paid', () => {
    const year = base.years[0]!;
    expect({
      cost: toPlain(year.cost!),
      list: toPlain(year.listCost!),
      unused: toPlain(year.unusedCommitment!),
      onDemand: toPlain(year.onDemandCost),
      payable: toPlain(year.payable),
      exhausted: year.exhaustedAt,
    }).toEqual({
      cost: toPlain(usage.reduce((t, r) => t.plus(r.EffectiveCost!), new D(0))), // 228
      list: toPlain(usage.reduce((t, r) => t.plus(r.ListCost!), new D(0))), // 285
      unused: fee.EffectiveCost, // 972
      onDemand: '0',
      payable: toPlain(a1.reduce((t, r) => t.plus(r.BilledCost!), new D(0))), // 1,200 billed in arrears
      exhausted: null,
    });
    expect(toPlain(year.unusedCommitment!.div(commitment))).toBe(fee.PricingQuantity); // 0.81
    // Prepaid (b1): the purchase bills the commitment once; usage and the unused fee are its effective cost.
    const purchase = b1.find((r) => r.ChargeCategory === 'Purchase')!;
    expect(toPlain(year.payable)).toBe(purchase.BilledCost);
    expect(toPlain(year.payable)).toBe(toPlain(b1.filter((r) => r.ChargeCategory === 'Usage').reduce((t, r) => t.plus(r.EffectiveCost!), new D(0))));
  });

  it('month by month: the commitment left after each month', () => {
    expect(base.months.map((m) => [m.row.label, toPlain(m.cumulativeCost), toPlain(m.commitmentRemaining!)]).slice(0, 4)).toEqual([
      ['2025-04', '48', '1152'],
      ['2025-05', '168', '1032'],
      ['2025-06', '228', '972'],
      ['2025-07', '228', '972'],
    ]);
  });

  it('with a commitment of 200 instead, June uses it up at 02:40 (32 of its 60 at 12 an hour) and 28 is on demand', () => {
    const small = focusPlan('200').scenarios[0]!;
    const year = small.years[0]!;
    expect([formatInstant(year.exhaustedAt!), toPlain(year.onDemandCost), toPlain(year.unusedCommitment!), toPlain(year.payable)]).toEqual(['2025-06-01T02:40:00Z', '28', '0', '228']);
    expect(small.months.slice(0, 3).map((m) => [toPlain(m.committedCost), toPlain(m.onDemandCost)])).toEqual([
      ['48', '0'],
      ['120', '0'],
      ['32', '28'],
    ]);
  });

  it('the same agreement with list prices and dated changes: 375 Infrastructure hosts for a day cost 15 an hour', () => {
    // 375 × 0.04 (the built-in list price of a host-hour) = 15; each month's wave is in service on its first day only.
    const waves = usage.map((r, i) => ({ name: `wave-${i}`, from: formatDate(focusDate(r.ChargePeriodStart!)), hours: r.ConsumedQuantity! }));
    const yaml = `version: 1\nname: AwesomeCorp, list prices\nrates: rates.yaml\ncontract: { start: ${formatDate(start)}, years: 1, commitments: [${commitment}] }\nchanges:\n${waves.map((w) => `  - { from: ${w.from}, until: ${w.from}, add: ./${w.name}.yaml }`).join('\n')}\n`;
    const files = Object.fromEntries(waves.map((w) => [`./${w.name}.yaml`, `version: 1\nhosts: [{ name: ${w.name}, count: 375, memoryGiB: 16, mode: infrastructure, hoursPerDay: ${w.hours} }]\n`]));
    const p = planOf(yaml, { files, rates: ['discount: 0.2\n'] }).scenarios[0]!;
    expect(p.months.slice(0, 3).map((m) => [toPlain(m.capabilities[0]!.quantity), toPlain(m.cost!), toPlain(m.listCost!)])).toEqual([
      ['1500', '48', '60'],
      ['3750', '120', '150'],
      ['1875', '60', '75'],
    ]);
    expect(toPlain(p.years[0]!.unusedCommitment!)).toBe('972');
  });
});
