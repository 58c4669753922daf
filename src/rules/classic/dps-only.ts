// Capabilities that exist only under DPS have no classic licensing equivalent: Security Posture
// Management, Automation Workflow and AppEngine Functions are DPS capabilities (the classic pages
// know no such units). Said in a note, never left out silently.
import { defineRule } from '../types.js';

export const dpsOnly = defineRule({
  id: 'classic/dps-only',
  model: 'classic',
  sections: ['securityPosture', 'automation', 'functions'],
  emits: [],
  doc: 'capabilities.md (https://www.dynatrace.com/docs/license/capabilities): Security Posture Management, Automation and AppEngine Functions are DPS capabilities',
  estimate(estate, { note }) {
    const sections = (['securityPosture', 'automation', 'functions'] as const).filter((s) => estate[s].length > 0);
    if (sections.length > 0) note('dps-only-capabilities', { sections });
    return [];
  },
});
