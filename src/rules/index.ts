// Every rule, in the order their line items are listed. A section with entries and no rule for the
// chosen model is reported as not estimated (estimate/run.ts), never silently left out.
import { browserMonitor } from './dps/browser-monitor.js';
import { codeMonitoring } from './dps/code-monitoring.js';
import { dduCustomEvents } from './classic/ddu-custom-events.js';
import { dduCustomTraces } from './classic/ddu-custom-traces.js';
import { dduFreeTier } from './classic/ddu-free-tier.js';
import { dduLogManagement } from './classic/ddu-log-management.js';
import { dduLogMonitoringClassic } from './classic/ddu-log-monitoring-classic.js';
import { applicationSecurityUnits } from './classic/application-security-units.js';
import { dduMetrics } from './classic/ddu-metrics.js';
import { dduServerless } from './classic/ddu-serverless.js';
import { events } from './dps/events.js';
import { logManagement } from './dps/log-management.js';
import { metrics } from './dps/metrics.js';
import { overageCustomMetrics } from './classic/overage-custom-metrics.js';
import { overageDdus } from './classic/overage-ddus.js';
import { overageDemUnits } from './classic/overage-dem-units.js';
import { overageLogStorage } from './classic/overage-log-storage.js';
import { serverless } from './dps/serverless.js';
import { traces } from './dps/traces.js';
import { automation } from './dps/automation.js';
import { securityPostureManagement } from './dps/security-posture-management.js';
import { demBrowserMonitor } from './classic/dem-browser-monitor.js';
import { demHttpMonitor } from './classic/dem-http-monitor.js';
import { demRealUserMonitoring } from './classic/dem-real-user-monitoring.js';
import { demThirdParty } from './classic/dem-third-party.js';
import { foundationDiscovery } from './dps/foundation-discovery.js';
import { fullStackMonitoring } from './dps/full-stack-monitoring.js';
import { hostUnitHours } from './classic/host-unit-hours.js';
import { httpMonitor } from './dps/http-monitor.js';
import { infrastructureMonitoring } from './dps/infrastructure-monitoring.js';
import { kubernetesPlatformMonitoring } from './dps/kubernetes-platform-monitoring.js';
import { mainframeMonitoring } from './dps/mainframe-monitoring.js';
import { mainframeMsu } from './classic/mainframe-msu.js';
import { overageHostUnitHours } from './classic/overage-host-unit-hours.js';
import { realUserMonitoring } from './dps/real-user-monitoring.js';
import { runtimeApplicationProtection } from './dps/runtime-application-protection.js';
import { runtimeVulnerabilityAnalytics } from './dps/runtime-vulnerability-analytics.js';
import { thirdPartySynthetic } from './dps/third-party-synthetic.js';
import { dpsOnly } from './classic/dps-only.js';
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
  securityPostureManagement,
  mainframeMonitoring,
  // DPS: digital experience
  realUserMonitoring,
  browserMonitor,
  httpMonitor,
  thirdPartySynthetic,
  // DPS: data
  logManagement,
  metrics,
  traces,
  events,
  serverless,
  automation,
  // classic: host units
  hostUnitHours,
  overageHostUnitHours,
  applicationSecurityUnits,
  mainframeMsu,
  // classic: DEM units
  demRealUserMonitoring,
  demBrowserMonitor,
  demHttpMonitor,
  demThirdParty,
  // classic: DDUs, then what is measured against them (free tier, quotas)
  dduLogManagement,
  dduLogMonitoringClassic,
  dduMetrics,
  dduCustomTraces,
  dduCustomEvents,
  dduServerless,
  dduFreeTier,
  overageDemUnits,
  overageDdus,
  overageCustomMetrics,
  overageLogStorage,
  dpsOnly,
];
