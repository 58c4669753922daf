// Classic DDUs for serverless functions: 0.002 DDU per invocation. Source: prices-and-rules.md
// "Classic licensing", DDU weights; classic-licensing-bundle.md "Application-only monitoring"
// ("Serverless functions consume DDUs for serverless functions").
import { D } from '../../core/decimal.js';
import { perPeriod } from '../../core/period.js';
import { monthScale, n } from '../../core/text.js';
import { defineRule } from '../types.js';

export const DDU_PER_INVOCATION = new D('0.002');

export const dduServerless = defineRule({
  id: 'classic/ddu-serverless',
  model: 'classic',
  sections: ['serverless'],
  emits: ['ddu-serverless'],
  doc: 'prices-and-rules.md: Classic licensing, DDU weights (serverless functions 0.002 DDU per invocation)',
  estimate: (estate, { period }) =>
    estate.serverless.map((f, i) => ({
      capabilityId: 'ddu-serverless',
      subject: f.name,
      path: `serverless[${i}]`,
      quantity: perPeriod(f.invocationsPerMonth, period).times(DDU_PER_INVOCATION),
      formula: `${n(f.invocationsPerMonth)} invocations/month${monthScale(period)} × 0.002 DDU/invocation`,
    })),
});
