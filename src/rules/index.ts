// Every rule, in the order their line items are listed. A section with entries and no rule for the
// chosen model is reported as not estimated (estimate/run.ts), never silently left out.
import { browserMonitor } from './browser-monitor.js';
import { codeMonitoring } from './code-monitoring.js';
import { dduCustomEvents } from './ddu-custom-events.js';
import { dduCustomTraces } from './ddu-custom-traces.js';
import { dduFreeTier } from './ddu-free-tier.js';
import { dduLogManagement } from './ddu-log-management.js';
import { dduMetrics } from './ddu-metrics.js';
import { dduServerless } from './ddu-serverless.js';
import { eventsIngest } from './events-ingest.js';
import { logManagement } from './log-management.js';
import { metricsIngest } from './metrics-ingest.js';
import { overageCustomMetrics } from './overage-custom-metrics.js';
import { overageDdus } from './overage-ddus.js';
import { overageDemUnits } from './overage-dem-units.js';
import { overageLogStorage } from './overage-log-storage.js';
import { serverlessDps } from './serverless-dps.js';
import { tracesIngest } from './traces-ingest.js';
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
  // DPS: data (after the host rules: their GiB-hours and host-hours set the inclusions)
  logManagement,
  metricsIngest,
  tracesIngest,
  eventsIngest,
  serverlessDps,
  // classic: host units
  hostUnitHours,
  overageHostUnitHours,
  mainframeMsu,
  // classic: DEM units
  demRealUserMonitoring,
  demBrowserMonitor,
  demHttpMonitor,
  demThirdParty,
  // classic: DDUs, then what is measured against them (free tier, quotas)
  dduLogManagement,
  dduMetrics,
  dduCustomTraces,
  dduCustomEvents,
  dduServerless,
  dduFreeTier,
  overageDemUnits,
  overageDdus,
  overageCustomMetrics,
  overageLogStorage,
];
