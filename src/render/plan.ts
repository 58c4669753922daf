// `dtcost plan` for people (table, Markdown) and spreadsheets (CSV). The table has, per scenario: the
// contract years against their commitments (or quotas), the months with a burn chart of each year's
// cumulative cost against its commitment line, and the quantities and cost by capability per year.
// Amounts are rounded to cents for display only; JSON and CSV carry the exact decimal strings.
import { formatDate, formatInstant } from '../core/calendar.js';
import { capability } from '../core/capabilities.js';
import { toPlain, ZERO, type D } from '../core/decimal.js';
import type { QuotaPlan } from '../plan/classic.js';
import type { PlanMonth, PlanYear } from '../plan/commitment.js';
import type { PlanResult, ScenarioPlan } from '../plan/plan.js';
import { bar } from './bars.js';
import { csvField } from './csv.js';
import { money, percent, quantity } from './numbers.js';
import type { Style } from './style.js';

const CHART_WIDTH = 40;
const MODEL_LABEL = { dps: 'DPS', classic: 'classic licensing' } as const;
const QUOTA_LABEL: Record<QuotaPlan['key'], string> = { hostUnits: 'host units', hostUnitHours: 'host unit hours', demUnits: 'DEM units', ddus: 'DDUs' };

const span = (start: number, end: number) => `${formatDate(start)}..${formatDate(end - 1)}`;
const when = (ms: number | null) => (ms === null ? '—' : formatInstant(ms).replace('T', ' ').replace('Z', ' UTC'));
const amount = (d: D | null) => (d === null ? '—' : money(d));
const orDash = (d: D) => (d.isZero() ? '—' : money(d));

/** Columns aligned: text left, numbers right (`right` says which). */
function columns(rows: string[][], right: readonly boolean[], indent = ''): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => `${indent}${r.map((c, i) => (right[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ')}`.trimEnd());
}

export function describeContract(plan: PlanResult): string {
  const years = plan.contract.years;
  const months = plan.scenarios[0]?.months.length ?? 0;
  const cards = [...new Set(plan.scenarios[0]?.years.map((y) => y.rateCard.name) ?? [])];
  return [MODEL_LABEL[plan.model], `contract ${span(plan.contract.start, plan.contract.end)} (${years} ${years === 1 ? 'year' : 'years'}, ${months} months)`, plan.currency, `rates: ${cards.join(', ')}`].join(' · ');
}

function scenarioLine(plan: PlanResult): string {
  return `Scenarios: ${plan.scenarios.map((s) => (s.scenario.name === 'base' ? 'base' : `${s.scenario.name} × ${toPlain(s.scenario.multiplier)}`)).join(' · ')}`;
}

function yearRows(plan: PlanResult, s: ScenarioPlan): string[][] {
  const classic = plan.model === 'classic';
  const head = classic
    ? ['Year', 'Period', 'Committed', 'Overage', 'Payable', 'Consumed value', 'First over a quota']
    : ['Year', 'Period', 'Commitment', 'Cost', 'On-demand', 'Unused', 'Payable', 'Commitment used up'];
  const rows = s.years.map((y) =>
    classic
      ? [String(y.year.year), span(y.year.start, y.year.end), amount(y.year.commitment), orDash(y.onDemandCost), money(y.payable), amount(y.cost), when(y.exhaustedAt)]
      : [String(y.year.year), span(y.year.start, y.year.end), amount(y.year.commitment), amount(y.cost ?? y.pricedCost), orDash(y.onDemandCost), y.unusedCommitment === null ? '—' : money(y.unusedCommitment), money(y.payable), y.year.commitment === null ? '—' : y.exhaustedAt === null ? 'not used up' : when(y.exhaustedAt)],
  );
  const committed = s.years.reduce<D | null>((t, y) => (t === null || y.year.commitment === null ? null : t.plus(y.year.commitment)), ZERO);
  const total = classic
    ? ['Total', '', amount(committed), orDash(s.totals.onDemandCost), money(s.totals.payable), amount(s.totals.cost), '']
    : ['Total', '', amount(committed), amount(s.totals.cost ?? s.totals.pricedCost), orDash(s.totals.onDemandCost), s.totals.unusedCommitment === null ? '—' : money(s.totals.unusedCommitment), money(s.totals.payable), ''];
  return [head, ...rows, ...(s.years.length > 1 ? [total] : [])];
}

/** A year's cumulative cost as a bar, the commitment a `│` at its place, what is on demand `░`. */
export function burnBar(cumulative: D, commitment: D | null, scaleMax: D): string {
  if (scaleMax.isZero()) return '';
  if (commitment === null) return bar(cumulative.div(scaleMax).toNumber(), CHART_WIDTH);
  const line = Math.round(commitment.div(scaleMax).times(CHART_WIDTH).toNumber());
  const committed = bar(D_min(cumulative, commitment).div(scaleMax).toNumber(), CHART_WIDTH);
  const before = [...committed].slice(0, line).join('').padEnd(line);
  const beyond = cumulative.greaterThan(commitment) ? Math.max(1, Math.round(cumulative.minus(commitment).div(scaleMax).times(CHART_WIDTH).toNumber())) : 0;
  return `${before}│${'░'.repeat(beyond)}`;
}

function D_min(a: D, b: D): D {
  return a.lessThan(b) ? a : b;
}

function monthRows(plan: PlanResult, s: ScenarioPlan, chart: boolean): string[][] {
  const classic = plan.model === 'classic';
  const head = classic ? ['Month', 'Hours', 'Consumed value', 'Overage', ...s.quotas.map((q) => QUOTA_LABEL[q.key])] : ['Month', 'Hours', 'Cost', 'Year to date', 'Of commitment', 'On-demand', ...(chart ? ['Burn'] : [])];
  const rows: string[][] = [head];
  // One scale for the whole contract, so that the years' bars compare.
  let scaleMax = ZERO;
  for (const y of s.years) if (y.year.commitment?.greaterThan(scaleMax)) scaleMax = y.year.commitment;
  for (const m of s.months) if (m.cumulativeCost.greaterThan(scaleMax)) scaleMax = m.cumulativeCost;
  for (const y of s.years) {
    const months = s.months.filter((m) => m.row.year === y.year.year);
    for (const m of months) {
      if (classic) {
        rows.push([m.row.label, quantity(m.row.period.hours), amount(m.cost ?? m.pricedCost), orDash(m.onDemandCost), ...s.quotas.map((q) => quotaCell(q, m))]);
        continue;
      }
      const share = y.year.commitment === null ? '' : percent(m.cumulativeCost, y.year.commitment);
      rows.push([m.row.label, quantity(m.row.period.hours), amount(m.cost ?? m.pricedCost), money(m.cumulativeCost), share || '—', orDash(m.onDemandCost), ...(chart ? [burnBar(m.cumulativeCost, y.year.commitment, scaleMax)] : [])]);
    }
  }
  return rows;
}

function quotaCell(q: QuotaPlan, m: PlanMonth): string {
  const qm = q.months[m.row.index];
  if (!qm) return '';
  if (q.period === 'concurrent') return `peak ${quantity(qm.used)}${qm.excess.greaterThan(0) ? ` (+${quantity(qm.excess)} HUh)` : ''}`;
  return `${percent(qm.cumulative!, q.licensed) || '0%'}${qm.excess.greaterThan(0) ? ' over' : ''}`;
}

function quotaRows(s: ScenarioPlan): string[][] {
  const rows: string[][] = [['Quota', 'Licensed', 'Period', 'Year', 'Used', 'Overage', 'Committed', 'Overage cost', 'First exceeded']];
  for (const q of s.quotas) {
    for (const y of q.years) {
      rows.push([
        QUOTA_LABEL[q.key],
        `${quantity(q.licensed)} ${q.unit}`,
        q.period === 'concurrent' ? 'concurrent' : `a ${q.period}`,
        String(y.year),
        q.period === 'concurrent' ? `peak ${quantity(y.used)}` : `${quantity(y.used)} (${percent(y.used, y.licensed) || '0%'})`,
        y.overage.greaterThan(0)
          ? `${quantity(y.overage)} ${q.period === 'concurrent' ? 'host-unit-hour' : q.unit}`
          : y.notMonitored.greaterThan(0)
            ? `${quantity(y.notMonitored)} ${q.period === 'concurrent' ? 'host-unit-hour' : q.unit} not monitored`
            : '—',
        amount(y.committedCost),
        y.overageCost === null ? (y.overage.isZero() ? '—' : 'no price') : orDash(y.overageCost),
        when(y.exceededAt),
      ]);
    }
  }
  return rows;
}

/** Quantity and cost by capability, a column pair per contract year. */
function capabilityRows(s: ScenarioPlan): string[][] {
  const ids = [...new Set(s.months.flatMap((m) => m.capabilities.map((c) => c.capabilityId)))];
  const head = ['Capability', 'Unit', ...s.years.flatMap((y) => [`Year ${y.year.year} quantity`, 'cost'])];
  const rows = ids.map((id) => {
    const cells = [id, capability(id).unit];
    for (const y of s.years) {
      let q = ZERO;
      let c: D | null = ZERO;
      for (const m of s.months) {
        if (m.row.year !== y.year.year) continue;
        const cm = m.capabilities.find((x) => x.capabilityId === id);
        if (!cm) continue;
        q = q.plus(cm.quantity);
        c = c === null || cm.cost === null ? null : c.plus(cm.cost);
      }
      cells.push(quantity(q), c === null ? '—' : money(c));
    }
    return cells;
  });
  return [head, ...rows];
}

function scenarioRows(plan: PlanResult): string[][] {
  const classic = plan.model === 'classic';
  const head = ['Scenario', 'Multiplier', 'Cost', classic ? 'Overage' : 'On-demand', 'Unused', 'Payable', classic ? 'First over a quota, by year' : 'Commitment used up, by year'];
  return [
    head,
    ...plan.scenarios.map((s) => [
      s.scenario.name,
      toPlain(s.scenario.multiplier),
      amount(s.totals.cost ?? s.totals.pricedCost),
      orDash(s.totals.onDemandCost),
      s.totals.unusedCommitment === null ? '—' : money(s.totals.unusedCommitment),
      money(s.totals.payable),
      s.years.map((y) => (y.exhaustedAt === null ? (y.year.commitment === null ? '—' : 'no') : formatDate(y.exhaustedAt))).join(', '),
    ]),
  ];
}

/** The base scenario first, then the others in order. */
function ordered(plan: PlanResult): ScenarioPlan[] {
  return [...plan.scenarios.filter((s) => s.scenario.name === 'base'), ...plan.scenarios.filter((s) => s.scenario.name !== 'base')];
}

const RIGHT_YEARS = [true, false, true, true, true, true, true, false];
const RIGHT_CLASSIC_YEARS = [true, false, true, true, true, true, false];

export function planText(plan: PlanResult, style: Style): string {
  const out: string[] = [style.bold(`dtcost plan: ${plan.estate}`), describeContract(plan)];
  if (plan.scenarios.length > 1) out.push(scenarioLine(plan));
  const classic = plan.model === 'classic';
  // The base scenario in full; the others by their years (JSON and CSV have every month of each).
  for (const s of ordered(plan)) {
    const label = plan.scenarios.length > 1 ? ` (${s.scenario.name}${s.scenario.name === 'base' ? '' : ` × ${toPlain(s.scenario.multiplier)}`})` : '';
    out.push('', style.bold(`Contract years${label}`), ...columns(yearRows(plan, s), classic ? RIGHT_CLASSIC_YEARS : RIGHT_YEARS, '  '));
    if (s.scenario.name !== 'base') continue;
    if (s.quotas.length > 0) out.push('', style.bold(`Quotas${label}`), ...columns(quotaRows(s), [false, true, false, true, true, true, true, true, false], '  '));
    const monthsTable = monthRows(plan, s, !classic);
    out.push('', style.bold(`Months${label}`) + (classic ? '' : style.dim('   burn: █ the year\'s cost so far, │ its commitment, ░ on demand')), ...columns(monthsTable, monthsTable[0]!.map((_, i) => i > 0 && i < 6 && !(classic && i > 3)), '  '));
    out.push('', style.bold(`By capability${label}`), ...columns(capabilityRows(s), capabilityRows(s)[0]!.map((_, i) => i > 1), '  '));
  }
  if (plan.scenarios.length > 1) out.push('', style.bold('Scenarios'), ...columns(scenarioRows(plan), [false, true, true, true, true, true, false], '  '));
  return `${out.join('\n')}\n`;
}

/** Text safe in a Markdown table cell. */
const cell = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

function markdownTable(rows: string[][], right: readonly boolean[]): string[] {
  const [head, ...body] = rows;
  return [`| ${head!.map(cell).join(' | ')} |`, `|${head!.map((_, i) => (right[i] ? '--:' : '---')).join('|')}|`, ...body.map((r) => `| ${r.map(cell).join(' | ')} |`)];
}

export function planMarkdown(plan: PlanResult): string {
  const out: string[] = [`### dtcost plan: ${cell(plan.estate)}`, '', describeContract(plan)];
  if (plan.scenarios.length > 1) out.push('', scenarioLine(plan));
  const classic = plan.model === 'classic';
  for (const s of ordered(plan)) {
    const label = plan.scenarios.length > 1 ? ` (${s.scenario.name})` : '';
    out.push('', `#### Contract years${label}`, '', ...markdownTable(yearRows(plan, s), classic ? RIGHT_CLASSIC_YEARS : RIGHT_YEARS));
    if (s.scenario.name !== 'base') continue;
    if (s.quotas.length > 0) out.push('', `#### Quotas${label}`, '', ...markdownTable(quotaRows(s), [false, true, false, true, true, true, true, true, false]));
    const months = monthRows(plan, s, false);
    out.push('', `#### Months${label}`, '', ...markdownTable(months, months[0]!.map((_, i) => i > 0 && i < 6)));
    if (!classic) {
      const chart = monthRows(plan, s, true).slice(1).map((r) => `${r[0]} ${r[6]}`);
      out.push('', '```text', `burn: █ the year's cost so far, │ its commitment, ░ on demand`, ...chart, '```');
    }
    const caps = capabilityRows(s);
    out.push('', `#### By capability${label}`, '', ...markdownTable(caps, caps[0]!.map((_, i) => i > 1)));
  }
  if (plan.scenarios.length > 1) out.push('', '#### Scenarios', '', ...markdownTable(scenarioRows(plan), [false, true, true, true, true, true, false]));
  if (plan.warnings.length > 0) out.push('', ...plan.warnings.map((w) => `> ${w.code === 'note' ? 'ℹ️' : '⚠️'} ${cell(w.message)}`));
  return `${out.join('\n')}\n`;
}

const CSV_COLUMNS = ['scenario', 'multiplier', 'month', 'start', 'end', 'days', 'hours', 'year', 'capabilityId', 'unit', 'quantity', 'unitPrice', 'cost', 'listCost', 'monthCost', 'cumulativeCost', 'commitment', 'commitmentRemaining', 'onDemandCost'] as const;

/** One row per scenario, month and capability (a month with none: one row without a capability). */
export function planCsv(plan: PlanResult): string {
  const dec = (d: D | null) => (d === null ? '' : toPlain(d));
  const lines = [CSV_COLUMNS.join(',')];
  for (const s of plan.scenarios) {
    for (const m of s.months) {
      const y: PlanYear = s.years.find((x) => x.year.year === m.row.year)!;
      const month = {
        scenario: s.scenario.name,
        multiplier: toPlain(s.scenario.multiplier),
        month: m.row.label,
        start: formatDate(m.row.start),
        end: formatDate(m.row.end - 1),
        days: toPlain(m.row.period.days),
        hours: toPlain(m.row.period.hours),
        year: String(m.row.year),
        monthCost: dec(m.cost),
        cumulativeCost: toPlain(m.cumulativeCost),
        commitment: dec(y.year.commitment),
        commitmentRemaining: dec(m.commitmentRemaining),
        onDemandCost: toPlain(m.onDemandCost),
      };
      const caps = m.capabilities.length > 0 ? m.capabilities : [null];
      for (const c of caps) {
        const row: Record<(typeof CSV_COLUMNS)[number], string> = {
          ...month,
          capabilityId: c?.capabilityId ?? '',
          unit: c?.unit ?? '',
          quantity: c ? toPlain(c.quantity) : '',
          unitPrice: c ? dec(c.unitPrice) : '',
          cost: c ? dec(c.cost) : '',
          listCost: c ? dec(c.listCost) : '',
        };
        lines.push(CSV_COLUMNS.map((k) => csvField(row[k])).join(','));
      }
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
