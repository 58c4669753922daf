// The CI gates of `dtcost plan`, checked on one scenario (base by default), each with the first month
// that crosses it:
// - `--max-on-demand <amount>`: a contract year's on-demand cost over the amount;
// - `--exhaust-before <date|month>`: a year's commitment used up before that day (a month: its first);
// - `--max-total <amount>`: what the contract costs the customer over its years, over the amount
//   (each year's commitment counts in full from the year's first month, as it is owed either way,
//   plus what is on demand).
import { formatInstant } from '../core/calendar.js';
import { D, toPlain, ZERO } from '../core/decimal.js';
import type { ScenarioPlan } from './plan.js';

export type GateName = 'max-on-demand' | 'exhaust-before' | 'max-total';

export interface GateLimits {
  maxOnDemand?: D;
  /** ms, UTC: the first instant a commitment may no longer be used up before. */
  exhaustBefore?: { at: number; text: string };
  maxTotal?: D;
}

export interface GateResult {
  gate: GateName;
  /** The limit as given: an amount, or a date. */
  limit: string;
  scenario: string;
  crossed: boolean;
  /** The first month that crosses (`2027-11`), or null. */
  month: string | null;
  /** What crosses: the amount (on-demand of the year, or the total so far), or the instant the commitment is used up. */
  actual: string | null;
  /** In words, for standard error. */
  message: string;
}

export function checkGates(plan: ScenarioPlan, limits: GateLimits, currency: string, fmt: (d: D) => string): GateResult[] {
  const out: GateResult[] = [];
  const scenario = plan.scenario.name;
  const where = scenario === 'base' ? '' : ` (scenario ${scenario})`;
  if (limits.maxOnDemand !== undefined) {
    const limit = limits.maxOnDemand;
    let found: GateResult | undefined;
    for (const y of plan.years) {
      let onDemand = ZERO;
      for (const m of plan.months.filter((m) => m.row.year === y.year.year)) {
        onDemand = onDemand.plus(m.onDemandCost);
        if (!found && onDemand.greaterThan(limit)) {
          found = {
            gate: 'max-on-demand',
            limit: toPlain(limit),
            scenario,
            crossed: true,
            month: m.row.label,
            actual: toPlain(y.onDemandCost),
            message: `on-demand cost over ${fmt(limit)} ${currency}${where}: year ${y.year.year} is ${fmt(y.onDemandCost)} ${currency} on demand, over the limit from ${m.row.label}`,
          };
        }
      }
    }
    out.push(found ?? { gate: 'max-on-demand', limit: toPlain(limit), scenario, crossed: false, month: null, actual: null, message: '' });
  }
  if (limits.exhaustBefore !== undefined) {
    const { at, text } = limits.exhaustBefore;
    const early = plan.years.find((y) => y.exhaustedAt !== null && y.exhaustedAt < at);
    const month = early ? plan.months.find((m) => m.row.start <= early.exhaustedAt! && early.exhaustedAt! < m.row.end) ?? plan.months.find((m) => m.row.year === early.year.year) : undefined;
    out.push(
      early
        ? {
            gate: 'exhaust-before',
            limit: text,
            scenario,
            crossed: true,
            month: month?.row.label ?? null,
            actual: formatInstant(early.exhaustedAt!),
            message: `commitment used up before ${text}${where}: year ${early.year.year}'s ${fmt(early.year.commitment ?? ZERO)} ${currency} runs out at ${formatInstant(early.exhaustedAt!)}`,
          }
        : { gate: 'exhaust-before', limit: text, scenario, crossed: false, month: null, actual: null, message: '' },
    );
  }
  if (limits.maxTotal !== undefined) {
    const limit = limits.maxTotal;
    let before = ZERO; // what the years before cost the customer
    let found: GateResult | undefined;
    for (const y of plan.years) {
      const months = plan.months.filter((m) => m.row.year === y.year.year);
      for (const m of months) {
        const soFar = before.plus(y.year.commitment === null ? m.cumulativeCost : D.max(y.year.commitment, m.cumulativeCost));
        if (!found && soFar.greaterThan(limit)) {
          found = {
            gate: 'max-total',
            limit: toPlain(limit),
            scenario,
            crossed: true,
            month: m.row.label,
            actual: toPlain(plan.totals.payable),
            message: `total over ${fmt(limit)} ${currency}${where}: the contract costs ${fmt(plan.totals.payable)} ${currency}, over the limit from ${m.row.label}`,
          };
        }
      }
      before = before.plus(y.payable);
    }
    out.push(found ?? { gate: 'max-total', limit: toPlain(limit), scenario, crossed: false, month: null, actual: null, message: '' });
  }
  return out;
}
