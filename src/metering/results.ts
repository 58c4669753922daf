// Third-party synthetic results per period: results per month scaled by days / 30.
import { D } from '../core/decimal.js';
import { perPeriod, type Period } from '../core/period.js';
import { countPrefix, monthScale, n } from '../core/text.js';

export function thirdPartyResults(entry: { count: D; resultsPerMonth: D }, period: Period): { quantity: D; formula: string } {
  return {
    quantity: perPeriod(entry.count.times(entry.resultsPerMonth), period),
    formula: `${countPrefix(entry.count, 'integration')}${n(entry.resultsPerMonth)} results/month${monthScale(period)}`,
  };
}
