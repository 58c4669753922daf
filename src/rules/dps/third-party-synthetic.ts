// DPS Third-party Synthetic API Ingestion: one synthetic result per ingested test result.
// Source: prices-and-rules.md (docs .../third-party-api), list price per synthetic result.
import { thirdPartyResults } from '../../metering/results.js';
import { defineRule } from '../types.js';

export const thirdPartySynthetic = defineRule({
  id: 'dps/third-party-synthetic',
  model: 'dps',
  sections: ['synthetic.thirdParty'],
  emits: ['third-party-synthetic'],
  doc: 'prices-and-rules.md: DPS list prices, Third-party Synthetic API Ingestion',
  estimate(estate, { period }) {
    return estate.synthetic.thirdParty.map((entry, i) => ({
      capabilityId: 'third-party-synthetic',
      subject: entry.name,
      path: `synthetic.thirdParty[${i}]`,
      ...thirdPartyResults(entry, period),
    }));
  },
});
