// Every rule, in the order their line items are listed. A section with entries and no rule for the
// chosen model is reported as not estimated (estimate/run.ts), never silently left out.
import { browserMonitor } from './browser-monitor.js';
import { demBrowserMonitor } from './dem-browser-monitor.js';
import { demHttpMonitor } from './dem-http-monitor.js';
import { demRealUserMonitoring } from './dem-real-user-monitoring.js';
import { demThirdParty } from './dem-third-party.js';
import { httpMonitor } from './http-monitor.js';
import { realUserMonitoring } from './real-user-monitoring.js';
import { thirdPartySynthetic } from './third-party-synthetic.js';
import type { Rule } from './types.js';

export const RULES: readonly Rule[] = [
  // DPS
  realUserMonitoring,
  browserMonitor,
  httpMonitor,
  thirdPartySynthetic,
  // classic
  demRealUserMonitoring,
  demBrowserMonitor,
  demHttpMonitor,
  demThirdParty,
];
