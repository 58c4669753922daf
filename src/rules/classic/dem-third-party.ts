// Classic DEM units for third-party synthetic results: 0.1 DEM per result.
// Source: classic-dem-units.txt (DEM table: "Third-party synthetic result ... 0.1 DEM").
// Source page: digital-experience-monitoring-units.md (shared/docs/dynatrace/managed/license/
// classic-licensing/, https://docs.dynatrace.com/managed/license/classic-licensing/digital-experience-monitoring-units).
import { D } from '../../core/decimal.js';
import { thirdPartyResults } from '../../metering/results.js';
import { defineRule } from '../types.js';

export const DEM_PER_THIRD_PARTY_RESULT = new D('0.1');

export const demThirdParty = defineRule({
  id: 'classic/dem-third-party',
  model: 'classic',
  sections: ['synthetic.thirdParty'],
  emits: ['dem-third-party'],
  doc: 'digital-experience-monitoring-units.md (managed/license/classic-licensing/, https://docs.dynatrace.com/managed/license/classic-licensing/digital-experience-monitoring-units; text extract classic-dem-units.txt): third-party synthetic result 0.1 DEM',
  estimate(estate, { period }) {
    return estate.synthetic.thirdParty.map((entry, i) => {
      const r = thirdPartyResults(entry, period);
      return {
        capabilityId: 'dem-third-party',
        subject: entry.name,
        path: `synthetic.thirdParty[${i}]`,
        quantity: r.quantity.times(DEM_PER_THIRD_PARTY_RESULT),
        formula: `${r.formula} × 0.1 DEM/result`,
      };
    });
  },
});
