// `dtcost compare`: one estate under DPS and under classic licensing, family by family, in units
// and money, with a summary in plain words for a customer deciding on a migration.
import { capability, familyOf, FAMILIES, type Family } from '../core/capabilities.js';
import { D, ZERO } from '../core/decimal.js';
import type { LineItem } from '../pricing/price.js';
import type { EstimateResult, EstimateStream } from './run.js';

export interface Side {
  /** Quantities consumed by unit (overage lines are a family of their own, so nothing counts twice). */
  quantities: Map<string, D>;
  /** Classic licensed quotas by unit, apart from what is consumed. */
  licensed: Map<string, D>;
  cost: D | null;
}

export interface FamilyRow {
  family: Family;
  dps: Side;
  classic: Side;
}

export interface Comparison {
  dps: EstimateResult;
  classic: EstimateResult;
  rows: FamilyRow[];
  summary: string[];
}

/** One estimate's items summed by family, read as they are made; and its unpriced capabilities. */
function sides(items: Iterable<LineItem>): { byFamily: Map<Family, Side>; unpriced: Set<string> } {
  const byFamily = new Map<Family, Side>();
  const unpriced = new Set<string>();
  for (const i of items) {
    const family = familyOf(i.capabilityId);
    let side = byFamily.get(family);
    if (side === undefined) byFamily.set(family, (side = { quantities: new Map(), licensed: new Map(), cost: ZERO }));
    const into = capability(i.capabilityId).licensed === undefined ? side.quantities : side.licensed;
    into.set(i.unit, (into.get(i.unit) ?? ZERO).plus(i.quantity));
    side.cost = side.cost === null || i.cost === null ? null : side.cost.plus(i.cost);
    if (i.cost === null) unpriced.add(i.capabilityId);
  }
  return { byFamily, unpriced };
}

const none = (): Side => ({ quantities: new Map(), licensed: new Map(), cost: ZERO });
/** Whether a side has no line items in the family: nothing consumed, nothing licensed. */
export const isEmpty = (s: Side) => s.quantities.size === 0 && s.licensed.size === 0;

/** The estate under both models, each estimate streamed: only the sums by family are kept. */
export function compareEstimates(dpsStream: EstimateStream, classicStream: EstimateStream, money: (d: D) => string): Comparison {
  const d = sides(dpsStream.lineItems);
  const k = sides(classicStream.lineItems);
  const dps = dpsStream.tail();
  const classic = classicStream.tail();
  const rows = FAMILIES.map((family) => ({ family, dps: d.byFamily.get(family) ?? none(), classic: k.byFamily.get(family) ?? none() })).filter(
    (r) => !isEmpty(r.dps) || !isEmpty(r.classic),
  );
  const c = dps.currency;
  const summary: string[] = [];
  // Each side may be priced by its own contract's card (compare --rates-dps, --rates-classic).
  if (dps.rateCard.name !== classic.rateCard.name) summary.push(`Rate cards: DPS ${dps.rateCard.name}; classic licensing ${classic.rateCard.name}.`);
  const a = dps.totals.cost;
  const b = classic.totals.cost;
  if (dps.currency !== classic.currency) {
    summary.push(`The sides are in different currencies (DPS ${dps.currency}, classic licensing ${classic.currency}): nothing is converted, so their totals are not compared.`);
  } else if (a !== null && b !== null) {
    const cheaper = a.lessThan(b) ? 'DPS' : b.lessThan(a) ? 'Classic licensing' : undefined;
    const gap = a.minus(b).abs();
    if (!cheaper) summary.push(`Both models cost ${money(a)} ${c} for the ${dps.period.label}.`);
    else {
      const higher = D.max(a, b);
      summary.push(`${cheaper} is cheaper by ${money(gap)} ${c} for the ${dps.period.label} (${money(a)} ${c} under DPS, ${money(b)} ${c} under classic licensing; ${higher.isZero() ? '' : `${gap.div(higher).times(100).toDecimalPlaces(1).toFixed()}% less`}).`);
      const swings = rows
        .filter((r) => r.dps.cost !== null && r.classic.cost !== null)
        .map((r) => ({ family: r.family, delta: r.dps.cost!.minus(r.classic.cost!) }))
        .filter((s) => !s.delta.isZero())
        .sort((x, y) => y.delta.abs().comparedTo(x.delta.abs()));
      for (const s of swings.slice(0, 3)) {
        summary.push(`${s.family}: ${s.delta.lessThan(0) ? 'DPS costs' : 'classic licensing costs'} ${money(s.delta.abs())} ${c} less.`);
      }
    }
  } else {
    for (const [name, e, ids] of [['DPS', dps, [...d.unpriced]], ['Classic licensing', classic, [...k.unpriced]]] as const) {
      if (ids.length > 0) summary.push(`${name} cannot be totalled: no price for ${ids.join(', ')}${e.model === 'classic' && e.rateCard.files.length === 0 ? ' (classic units have no public prices: pass your contract rate card with --rates)' : ' (add them to your rate card)'}.`);
    }
    const both = rows.filter((r) => r.dps.cost !== null && r.classic.cost !== null && !isEmpty(r.dps) && !isEmpty(r.classic));
    for (const r of both) {
      const delta = r.dps.cost!.minus(r.classic.cost!);
      summary.push(delta.isZero() ? `${r.family}: the same under both.` : `${r.family}: ${delta.lessThan(0) ? 'DPS costs' : 'classic licensing costs'} ${money(delta.abs())} ${c} less.`);
    }
  }
  return { dps, classic, rows, summary };
}
