// Classic DDUs: each environment includes 200,000 DDUs a year, for all DDU capabilities, taken pro
// rata over the period; a line of its own, never more than what is consumed, so the gross figures
// stay visible. Sources: classic-licensing-bundle.md "DDUs for Log Management and Analytics" FAQ
// ("a free tier of 200,000 DDUs per year"); prices-and-rules.md "Classic licensing".
import { D } from '../../core/decimal.js';
import { consumptionIn, priorSum } from '../kit/prior.js';

/** Every DDU the other rules consume: what the free tier is taken off. */
const DDU_CONSUMPTION = consumptionIn('ddu').filter((id) => id !== 'ddu-free-tier');
import { n } from '../../core/text.js';
import { defineRule } from '../types.js';

export const FREE_DDUS_PER_YEAR = new D(200000);

export const dduFreeTier = defineRule({
  id: 'classic/ddu-free-tier',
  model: 'classic',
  sections: [],
  emits: ['ddu-free-tier'],
  after: DDU_CONSUMPTION,
  doc: 'classic-licensing-bundle.md: DDUs for Log Management and Analytics, FAQ (free tier of 200,000 DDUs per year per environment)',
  estimate(_estate, { period, prior }) {
    const gross = priorSum(prior, DDU_CONSUMPTION);
    if (!gross.greaterThan(0)) return [];
    const free = FREE_DDUS_PER_YEAR.times(period.days).div(365);
    return [
      {
        capabilityId: 'ddu-free-tier',
        subject: 'environment',
        path: 'license',
        quantity: D.min(gross, free).negated(),
        formula: `200,000 DDUs/year × ${n(period.days)} d / 365 d = ${n(free)} DDUs${free.greaterThan(gross) ? `, of which the ${n(gross)} consumed are used` : ''}`,
      },
    ];
  },
});
