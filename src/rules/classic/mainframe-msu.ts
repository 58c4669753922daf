// Classic mainframe monitoring on IBM z/OS: licensed by MSUs, the peak rolling 4-hour average of the
// monitored LPAR or subsystem; it consumes no host units. Source: classic-licensing-bundle.md
// "Mainframe monitoring on IBM z/OS"; application-and-infrastructure-monitoring.md (shared/docs/
// dynatrace/managed/license/classic-licensing/, https://docs.dynatrace.com/managed/license/classic-licensing/application-and-infrastructure-monitoring)
// "Mainframe monitoring on IBM z/OS"; classic-monitoring-consumption.txt "Application-only
// monitoring on IBM z/OS".
import { n } from '../../core/text.js';
import { defineRule } from '../types.js';

export const mainframeMsu = defineRule({
  id: 'classic/mainframe-msu',
  model: 'classic',
  sections: ['mainframe'],
  emits: ['mainframe-msu'],
  doc: 'application-and-infrastructure-monitoring.md (managed/license/classic-licensing/, https://docs.dynatrace.com/managed/license/classic-licensing/application-and-infrastructure-monitoring): Mainframe monitoring on IBM z/OS (MSUs, peak rolling 4-hour average)',
  estimate: (estate) =>
    estate.mainframe.map((m, i) => ({
      capabilityId: 'mainframe-msu',
      subject: m.name,
      path: `mainframe[${i}]`,
      quantity: m.msu,
      formula: `${n(m.msu)} MSU (peak rolling 4-hour average; licensed capacity, not time)`,
    })),
});
