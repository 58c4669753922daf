// Shared by the DPS rule tests: a DPS estate from a body, and an item's quantity and cost.
import { toPlain } from '../../../src/core/decimal.js';
import { item, run } from '../../helpers.js';

export const dps = (body: string, period = 'month') => run(`version: 1\nperiod: ${period}\n${body}`);
export const q = (e: ReturnType<typeof run>, id: string) => toPlain(item(e, id).quantity);
export const cost = (e: ReturnType<typeof run>, id: string) => {
  const c = item(e, id).cost;
  return c === null ? null : toPlain(c);
};
