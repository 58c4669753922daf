// Third-party synthetic results per period: results per month scaled by days / 30.
import { D } from '../../decimal.js';
import type { ThirdPartySynthetic } from '../../estate/schema.js';
import { perPeriod, type Period } from '../../estimate/period.js';
import { countPrefix, monthScale, n } from './text.js';

export function thirdPartyResults(entry: ThirdPartySynthetic, period: Period): { quantity: D; formula: string } {
  return {
    quantity: perPeriod(entry.count.times(entry.resultsPerMonth), period),
    formula: `${countPrefix(entry.count, 'integration')}${n(entry.resultsPerMonth)} results/month${monthScale(period)}`,
  };
}
