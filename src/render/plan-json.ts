// `dtcost plan --format json` (schemaVersion 1, schema/plan-output-v1.schema.json): every amount and
// quantity a decimal string, dates as UTC days (end dates inclusive), instants as UTC times.
import { formatDate, formatInstant } from '../core/calendar.js';
import { toPlain, type D } from '../core/decimal.js';
import type { GateResult } from '../plan/gates.js';
import type { PlanResult, ScenarioPlan } from '../plan/plan.js';
import type { QuotaPlan } from '../plan/classic.js';
import type { PlanMonth, PlanYear } from '../plan/commitment.js';

const dec = (d: D | null) => (d === null ? null : toPlain(d));
const day = (ms: number) => formatDate(ms);
const lastDay = (end: number) => formatDate(end - 1);

function yearJson(y: PlanYear) {
  return {
    year: y.year.year,
    start: day(y.year.start),
    end: lastDay(y.year.end),
    days: toPlain(y.year.period.days),
    hours: toPlain(y.year.period.hours),
    rateCard: { name: y.rateCard.name, files: [...y.rateCard.files] },
    commitment: dec(y.year.commitment),
    cost: dec(y.cost),
    pricedCost: toPlain(y.pricedCost),
    listCost: dec(y.listCost),
    committedCost: toPlain(y.committedCost),
    onDemandCost: toPlain(y.onDemandCost),
    unusedCommitment: dec(y.unusedCommitment),
    payable: toPlain(y.payable),
    exhaustedAt: y.exhaustedAt === null ? null : formatInstant(y.exhaustedAt),
    exhaustedOn: y.exhaustedAt === null ? null : day(y.exhaustedAt),
  };
}

function monthJson(m: PlanMonth) {
  return {
    month: m.row.label,
    start: day(m.row.start),
    end: lastDay(m.row.end),
    days: toPlain(m.row.period.days),
    hours: toPlain(m.row.period.hours),
    year: m.row.year,
    capabilities: m.capabilities.map((c) => ({ capabilityId: c.capabilityId, unit: c.unit, quantity: toPlain(c.quantity), unitPrice: dec(c.unitPrice), cost: dec(c.cost), listCost: dec(c.listCost) })),
    cost: dec(m.cost),
    pricedCost: toPlain(m.pricedCost),
    listCost: dec(m.listCost),
    cumulativeCost: toPlain(m.cumulativeCost),
    commitmentRemaining: dec(m.commitmentRemaining),
    committedCost: toPlain(m.committedCost),
    onDemandCost: toPlain(m.onDemandCost),
  };
}

function quotaJson(q: QuotaPlan) {
  return {
    quota: q.key,
    unit: q.unit,
    licensed: toPlain(q.licensed),
    period: q.period,
    overages: q.overages,
    years: q.years.map((y) => ({
      year: y.year,
      licensed: toPlain(y.licensed),
      used: toPlain(y.used),
      overage: toPlain(y.overage),
      notMonitored: toPlain(y.notMonitored),
      committedCost: dec(y.committedCost),
      overageCost: dec(y.overageCost),
      exceededAt: y.exceededAt === null ? null : formatInstant(y.exceededAt),
    })),
    months: q.months.map((m) => ({ month: m.row.label, year: m.row.year, used: toPlain(m.used), cumulative: dec(m.cumulative), excess: toPlain(m.excess), overage: toPlain(m.overage), overageCost: dec(m.overageCost), notMonitored: toPlain(m.notMonitored) })),
  };
}

function scenarioJson(s: ScenarioPlan) {
  return {
    name: s.scenario.name,
    multiplier: toPlain(s.scenario.multiplier),
    totals: {
      cost: dec(s.totals.cost),
      pricedCost: toPlain(s.totals.pricedCost),
      onDemandCost: toPlain(s.totals.onDemandCost),
      unusedCommitment: dec(s.totals.unusedCommitment),
      payable: toPlain(s.totals.payable),
    },
    years: s.years.map(yearJson),
    months: s.months.map(monthJson),
    quotas: s.quotas.map(quotaJson),
  };
}

export function planJson(plan: PlanResult, gates: readonly GateResult[], version: string): string {
  const doc = {
    schemaVersion: 1,
    command: 'plan',
    tool: { name: 'dtcost', version },
    estate: plan.estate,
    file: plan.file,
    model: plan.model,
    currency: plan.currency,
    contract: { start: day(plan.contract.start), end: lastDay(plan.contract.end), years: plan.contract.years, months: plan.scenarios[0]?.months.length ?? 0 },
    scenarios: plan.scenarios.map(scenarioJson),
    gates: gates.map((g) => ({ gate: g.gate, limit: g.limit, scenario: g.scenario, crossed: g.crossed, month: g.month, actual: g.actual })),
    warnings: plan.warnings.map((w) => ({ code: w.code, id: w.id, message: w.message })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
