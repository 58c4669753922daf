// The built-in DPS list rate card (USD), copied from shared/reference/prices-and-rules.md
// "DPS list prices", with where each price was read and its grade:
//   D: stated in a Dynatrace documentation page;
//   S: a secondary source, plausible but not verified: shipped, marked provisional, flagged in output.
// Capabilities with no public price (Mainframe Monitoring) are absent on purpose: their line items
// get `cost: null` until a rate card prices them. Classic units (host-unit-hour, dem-unit, ddu, msu)
// have no public price at all: only a user's rate card prices them.

export type Grade = 'D' | 'S';

export interface BuiltinPrice {
  capabilityId: string;
  unitPrice: string;
  grade: Grade;
  source: string;
}

export const BUILTIN_CURRENCY = 'USD';

export const BUILTIN_PRICES: readonly BuiltinPrice[] = [
  { capabilityId: 'full-stack-monitoring', unitPrice: '0.01', grade: 'D', source: 'Dynatrace docs, Project your run rate ("$1,000 per 100,000 GiB-hours")' },
  { capabilityId: 'infrastructure-monitoring', unitPrice: '0.04', grade: 'S', source: 'third-party pricing summaries (api-evangelist, wilsonmar)' },
  { capabilityId: 'foundation-discovery', unitPrice: '0.01', grade: 'D', source: 'Dynatrace docs, Foundation & Discovery' },
  { capabilityId: 'kubernetes-platform-monitoring', unitPrice: '0.002', grade: 'S', source: 'third-party pricing summaries (api-evangelist, wilsonmar)' },
  { capabilityId: 'code-monitoring', unitPrice: '0.005', grade: 'S', source: 'third-party pricing summary (api-evangelist)' },
  { capabilityId: 'runtime-vulnerability-analytics', unitPrice: '0.00225', grade: 'S', source: 'third-party pricing summary (wilsonmar, "$0.018/hour per 8 GiB host")' },
  { capabilityId: 'runtime-application-protection', unitPrice: '0.00225', grade: 'S', source: 'third-party pricing summary (api-evangelist)' },
  { capabilityId: 'real-user-monitoring', unitPrice: '0.00225', grade: 'D', source: 'Dynatrace docs, Real User Monitoring (DPS)' },
  { capabilityId: 'real-user-monitoring-session-replay', unitPrice: '0.0045', grade: 'D', source: 'Dynatrace docs, Real User Monitoring (DPS)' },
  { capabilityId: 'real-user-monitoring-property', unitPrice: '0.0001', grade: 'D', source: 'Dynatrace docs, Real User Monitoring (DPS)' },
  { capabilityId: 'browser-monitor', unitPrice: '0.0045', grade: 'D', source: 'Dynatrace docs, Browser Monitor or Clickpath (DPS)' },
  { capabilityId: 'http-monitor', unitPrice: '0.001', grade: 'D', source: 'Dynatrace docs, HTTP Monitor (DPS)' },
  { capabilityId: 'third-party-synthetic', unitPrice: '0.001', grade: 'D', source: 'Dynatrace docs, Third-party Synthetic API Ingestion (DPS)' },
  { capabilityId: 'log-ingest', unitPrice: '0.20', grade: 'S', source: 'third-party pricing summary (api-evangelist)' },
  { capabilityId: 'log-retain', unitPrice: '0.0007', grade: 'S', source: 'third-party pricing summaries (api-evangelist, wilsonmar)' },
  { capabilityId: 'log-retain-included-queries', unitPrice: '0.02', grade: 'S', source: 'third-party pricing summary (api-evangelist)' },
  { capabilityId: 'log-query', unitPrice: '0.0035', grade: 'S', source: 'third-party pricing summaries (api-evangelist, wilsonmar)' },
  { capabilityId: 'metrics-ingest', unitPrice: '0.0000015', grade: 'S', source: 'third-party pricing summary (api-evangelist, "0.15 per 100,000")' },
  { capabilityId: 'traces-ingest', unitPrice: '0.20', grade: 'S', source: 'third-party pricing summary (api-evangelist)' },
  { capabilityId: 'events-ingest', unitPrice: '0.20', grade: 'S', source: 'third-party pricing summary (api-evangelist)' },
];
