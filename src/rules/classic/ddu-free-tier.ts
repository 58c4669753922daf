// Classic DDUs: "Every new Dynatrace SaaS environment and each Dynatrace Managed license receives
// 200,000 DDUs free of charge ... The free tier of 200,000 DDUs automatically renews annually";
// "200,000 DDUs are available for each environment (SaaS) or license (Managed/Offline)". A yearly
// grant, taken pro rata over the period (× days / 365, the arithmetic in the formula); one line per
// SaaS environment (`environments`, each against its own DDUs), one per Managed license; never more
// than what is consumed, so the gross figures stay visible. Sources: davis-data-units.md
// (shared/docs/dynatrace/managed/license/classic-licensing/, https://docs.dynatrace.com/managed/license/classic-licensing/davis-data-units)
// "Free tier", FAQ; log-management-and-analytics.md FAQ ("a free tier of 200,000 DDUs per year").
import { D } from '../../core/decimal.js';
import { consumptionIn, priorSum } from '../kit/prior.js';
import { scaleTo } from '../kit/quota.js';
import { n } from '../../core/text.js';
import { defineRule, type LineItemDraft } from '../types.js';

/** Every DDU the other rules consume: what the free tier is taken off. */
const DDU_CONSUMPTION = consumptionIn('ddu').filter((id) => id !== 'ddu-free-tier');

export const FREE_DDUS_PER_YEAR = new D(200000);

export const dduFreeTier = defineRule({
  id: 'classic/ddu-free-tier',
  model: 'classic',
  sections: [],
  emits: ['ddu-free-tier'],
  after: DDU_CONSUMPTION,
  doc: 'davis-data-units.md (managed/license/classic-licensing/, https://docs.dynatrace.com/managed/license/classic-licensing/davis-data-units): free tier of 200,000 DDUs a year per environment (SaaS) or license (Managed)',
  estimate(estate, { period, prior }) {
    const share = scaleTo(FREE_DDUS_PER_YEAR, 'year', period);
    const free = share.value;
    const grant = (gross: D, subject: string, path: string, whose: string): LineItemDraft[] => {
      if (!gross.greaterThan(0)) return [];
      const used = free.greaterThan(gross) ? `, of which the ${n(gross)} consumed are used` : '';
      return [{ capabilityId: 'ddu-free-tier', subject, path, quantity: D.min(gross, free).negated(), formula: `200,000 DDUs/year ${whose} × ${share.text} = ${n(free)} DDUs${used}` }];
    };
    const managed = estate.license?.deployment === 'managed';
    if (managed || estate.environments.length === 0) {
      return grant(priorSum(prior, DDU_CONSUMPTION), managed ? 'license' : 'environment', 'license', managed ? 'per Managed license' : 'per environment');
    }
    return estate.environments.flatMap((e, i) => grant(priorSum(prior, DDU_CONSUMPTION, e.name), e.name, `environments[${i}]`, `for environment ${e.name}`));
  },
});
