// The built-in DPS list rate card (USD): every line of the rate card Dynatrace itself published in
// March 2026 (shared/reference/dynatrace-rate-card-2026.md, from Dynatrace's public repository
// Dynatrace/dynatrace-for-ai, taken from dynatrace.com/pricing/rate-card), as price per price unit
// and the unit price it gives. Grades:
//   D: stated by Dynatrace (its published rate card or a documentation page);
//   S: a secondary source, plausible but not verified: shipped, marked provisional, flagged in output.
// Every price here is D. Lines with no public price (the five platform extensions still on older
// subscriptions) are listed with `unitPrice: null`: their line items get `cost: null` until a rate
// card prices them, and `dtcost rates` says "no public price". Classic units (host-unit-hour,
// dem-unit, ddu, msu, asu) have no public price at all: only a user's rate card prices them.

export type Grade = 'D' | 'S';

export interface BuiltinPrice {
  capabilityId: string;
  /** The unit price, exact; null when Dynatrace publishes none. */
  unitPrice: string | null;
  grade: Grade;
  source: string;
}

export const BUILTIN_CURRENCY = 'USD';

const CARD = 'Dynatrace public rate card, March 2026';

/** A line of the published card: `price` USD per `per` units. */
const line = (capabilityId: string, price: string, per: string): BuiltinPrice => ({
  capabilityId,
  unitPrice: divide(price, per),
  grade: 'D',
  source: `${CARD} (${price} per ${per})`,
});

/** price / per, exactly, as a decimal string (every divisor of the card is a power of ten). */
function divide(price: string, per: string): string {
  const digits = per.replaceAll(',', '');
  if (!/^10*$/.test(digits)) throw new Error(`a rate card divisor that is not a power of ten: ${per}`);
  const shift = digits.length - 1;
  const whole = price.replaceAll(',', '').padStart(shift + 1, '0');
  const int = whole.slice(0, whole.length - shift);
  const frac = whole.slice(whole.length - shift).replace(/0+$/, '');
  return frac === '' ? int : `${int}.${frac}`;
}

const noPublicPrice = (capabilityId: string): BuiltinPrice => ({
  capabilityId,
  unitPrice: null,
  grade: 'D',
  source: `no public price: a platform extension still on older DPS subscriptions, priced only by your rate card (${CARD})`,
});

export const BUILTIN_PRICES: readonly BuiltinPrice[] = [
  line('full-stack-monitoring', '1,000', '100,000'),
  line('infrastructure-monitoring', '4,000', '100,000'),
  line('foundation-discovery', '1,000', '100,000'),
  line('kubernetes-platform-monitoring', '200', '100,000'),
  line('code-monitoring', '500', '100,000'),
  line('runtime-vulnerability-analytics', '225', '100,000'),
  line('runtime-application-protection', '225', '100,000'),
  line('security-posture-management', '700', '100,000'),
  line('mainframe-monitoring', '1,000', '10,000'),
  line('real-user-monitoring', '225', '100,000'),
  line('real-user-monitoring-session-replay', '450', '100,000'),
  line('real-user-monitoring-property', '10', '100,000'),
  line('browser-monitor', '450', '100,000'),
  line('http-monitor', '100', '100,000'),
  line('third-party-synthetic', '100', '100,000'),
  line('log-ingest', '2,000', '10,000'),
  line('log-retain', '700', '1,000,000'),
  line('log-retain-included-queries', '20,000', '1,000,000'),
  line('log-query', '3,500', '1,000,000'),
  line('metrics-ingest', '150', '100,000,000'),
  line('metrics-retain', '700', '1,000,000'),
  line('traces-ingest', '2,000', '10,000'),
  line('traces-retain', '700', '1,000,000'),
  line('traces-query', '3,500', '1,000,000'),
  line('events-ingest', '2,000', '10,000'),
  line('events-retain', '700', '1,000,000'),
  line('events-query', '3,500', '1,000,000'),
  line('automation-workflow', '300', '10,000'),
  line('appengine-functions', '1,000', '1,000,000'),
  noPublicPrice('custom-metrics-classic'),
  noPublicPrice('log-monitoring-classic'),
  noPublicPrice('custom-traces-classic'),
  noPublicPrice('custom-events-classic'),
  noPublicPrice('serverless-functions-classic'),
];
