// Serverless functions under DPS: the `serverless` section counts invocations for classic DDUs;
// DPS has no per-invocation capability for them. Say so rather than leave them out silently.
import { defineRule } from '../types.js';

export const serverlessDps = defineRule({
  id: 'dps/serverless',
  model: 'dps',
  sections: ['serverless'],
  emits: [],
  doc: 'prices-and-rules.md: DPS capabilities (none is billed per serverless invocation); classic DDUs per invocation',
  estimate(estate, { note }) {
    if (estate.serverless.length > 0) {
      note('serverless-not-dps', { names: estate.serverless.map((f) => f.name) });
    }
    return [];
  },
});
