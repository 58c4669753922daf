// Classic DDUs for serverless functions (AWS Lambda tracing, Azure Functions on the consumption
// plan, Google Functions tracing): "For each invocation, .002 DDUs are deducted"; "1 function × 1
// million invocations × 0.002 DDU weight = 2,000 DDUs per month per function". Source:
// serverless-monitoring.md (shared/docs/dynatrace/managed/license/classic-licensing/davis-data-units/,
// https://docs.dynatrace.com/managed/license/classic-licensing/davis-data-units/serverless-monitoring).
import { D } from '../../core/decimal.js';
import { scaled } from '../../core/derivation.js';
import { perPeriod } from '../../core/period.js';
import { monthScale, n } from '../../core/text.js';
import { environmentOf } from '../kit/fleet.js';
import { defineRule } from '../types.js';

export const DDU_PER_INVOCATION = new D('0.002');

export const dduServerless = defineRule({
  id: 'classic/ddu-serverless',
  model: 'classic',
  sections: ['serverless'],
  emits: ['ddu-serverless'],
  doc: 'serverless-monitoring.md (managed/license/classic-licensing/davis-data-units/, https://docs.dynatrace.com/managed/license/classic-licensing/davis-data-units/serverless-monitoring): 0.002 DDU per invocation',
  estimate: (estate, { period }) =>
    estate.serverless.map((f, i) => {
      const invocations = { value: perPeriod(f.invocationsPerMonth, period), text: `${n(f.invocationsPerMonth)} invocations/month${monthScale(period)}` };
      const ddus = scaled(invocations, DDU_PER_INVOCATION, '0.002 DDU/invocation');
      return { capabilityId: 'ddu-serverless', subject: f.name, path: `serverless[${i}]`, quantity: ddus.value, formula: ddus.text, environment: environmentOf(estate, f) };
    }),
});
