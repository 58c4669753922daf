// Every rule, in the order their line items are listed. A section with entries and no rule for the
// chosen model is reported as not estimated (estimate/run.ts), never silently left out.
import { browserMonitor } from './browser-monitor.js';
import { codeMonitoring } from './code-monitoring.js';
import { demBrowserMonitor } from './dem-browser-monitor.js';
import { demHttpMonitor } from './dem-http-monitor.js';
import { demRealUserMonitoring } from './dem-real-user-monitoring.js';
import { demThirdParty } from './dem-third-party.js';
import { foundationDiscovery } from './foundation-discovery.js';
import { fullStackMonitoring } from './full-stack-monitoring.js';
import { hostUnitHours } from './host-unit-hours.js';
import { httpMonitor } from './http-monitor.js';
import { infrastructureMonitoring } from './infrastructure-monitoring.js';
import { kubernetesPlatformMonitoring } from './kubernetes-platform-monitoring.js';
import { mainframeMonitoring } from './mainframe-monitoring.js';
import { mainframeMsu } from './mainframe-msu.js';
import { overageHostUnitHours } from './overage-host-unit-hours.js';
import { realUserMonitoring } from './real-user-monitoring.js';
import { runtimeApplicationProtection } from './runtime-application-protection.js';
import { runtimeVulnerabilityAnalytics } from './runtime-vulnerability-analytics.js';
import { thirdPartySynthetic } from './third-party-synthetic.js';
import type { Rule } from './types.js';

export const RULES: readonly Rule[] = [
  // DPS: hosts and containers
  fullStackMonitoring,
  infrastructureMonitoring,
  foundationDiscovery,
  kubernetesPlatformMonitoring,
  codeMonitoring,
  runtimeVulnerabilityAnalytics,
  runtimeApplicationProtection,
  mainframeMonitoring,
  // DPS: digital experience
  realUserMonitoring,
  browserMonitor,
  httpMonitor,
  thirdPartySynthetic,
  // classic: host units
  hostUnitHours,
  overageHostUnitHours,
  mainframeMsu,
  // classic: DEM units
  demRealUserMonitoring,
  demBrowserMonitor,
  demHttpMonitor,
  demThirdParty,
];
