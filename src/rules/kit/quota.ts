// Classic quotas: the licensed amount for the period estimated, what is consumed beyond it, and what
// a contract without overages stops.
// - DEM units and DDUs are sold as annual volumes: "DDUs are purchased in volumes ... with the full
//   amount of licensed units renewing at the beginning of each year", "Your DDU quota is reset on each
//   anniversary of the contract term, same as is done for DEM units" (davis-data-units.md FAQ,
//   shared/docs/dynatrace/managed/license/classic-licensing/, source
//   https://docs.dynatrace.com/managed/license/classic-licensing/davis-data-units). A quota is
//   compared with the consumption of the same length of time: the volume is scaled to the period
//   estimated (× days / 365 for a yearly volume, × days / 30 for a monthly one), and the formula
//   says so.
// - Overages: "the units you consume as overage are counted just as with regular DEM unit
//   consumption" (digital-experience-monitoring-units.md); "120 − 100 = 20" (custom metrics,
//   classic-monitoring-consumption.txt). Without overages, "Your maximum quota is reached, and
//   monitoring is deactivated" (license-overview-classic.md, source
//   https://docs.dynatrace.com/managed/manage/account-management/license-subscription/license-overview-classic):
//   what would have been beyond the quota is a line of its own, negative, so that the unit's total
//   says what is monitored; a note says how much was stopped.
// - Committed cost: a licensed quota is a line of its own (`licensed-*`), which the rate card prices
//   (per host unit per year, per DEM unit, per DDU); consumption within it is priced at nothing
//   (pricing/price.ts), so nothing is paid twice.
import { D } from '../../core/decimal.js';
import type { Derived } from '../../core/derivation.js';
import type { Period } from '../../core/period.js';
import type { EstateData, License } from '../../input/schema.js';
import type { LineItemDraft, RuleContext } from '../types.js';
import { n, plural } from '../../core/text.js';

export type QuotaPeriod = 'year' | 'month';

const DAYS: Record<QuotaPeriod, number> = { year: 365, month: 30 };

/**
 * A quota for the period estimated: a volume per year (or month) scaled by the period's days; with
 * no `per`, the volume is for the period estimated as it is.
 */
export function quotaForPeriod(quota: D, per: QuotaPeriod | undefined, period: Period, what: [one: string, many: string]): Derived {
  if (per === undefined) return { value: quota, text: `${plural(quota, ...what)} licensed` };
  const licensed = `${plural(quota, ...what)} licensed a ${per}`;
  if (period.days.equals(DAYS[per])) return { value: quota, text: licensed };
  const share = scaleTo(quota, per, period);
  return { value: share.value, text: `${licensed} × ${share.text}` };
}

/**
 * A yearly (or monthly) amount for the period: × `30 d / 365 d`, or in hours for a period of hours
 * that are not whole days (`1 h / 8,760 h`); divided last, so that whole numbers stay whole.
 */
export function scaleTo(amount: D, per: QuotaPeriod, period: Period): Derived {
  const days = DAYS[per];
  return period.days.isInteger()
    ? { value: amount.times(period.days).div(days), text: `${n(period.days)} d / ${days} d` }
    : { value: amount.times(period.hours).div(days * 24), text: `${n(period.hours)} h / ${n(new D(days * 24))} h` };
}

/** The licensed quota, a line of its own: the committed cost of the contract. */
export function licensedLine(capabilityId: string, quota: Derived, path = 'license', subject = 'license'): LineItemDraft {
  return { capabilityId, subject, path, quantity: quota.value, formula: quota.text };
}

export interface QuotaCheck {
  /** Whether the contract allows overages (license.overages, default true). */
  overages: boolean;
  overageId: string;
  /** The capability of what a quota without overages stops (none: a note only). */
  notMonitoredId?: string;
  used: Derived;
  quota: Derived;
  what: [one: string, many: string];
  /** The name of the quota in the note ("DEM unit"). */
  quotaName: string;
  note: RuleContext['note'];
}

/**
 * The overage (what is consumed beyond the quota, never below zero), or, without overages, what
 * the quota stops: a note and a negative line of what would have been over.
 */
export function checkQuota(c: QuotaCheck): LineItemDraft[] {
  const excess = D.max(0, c.used.value.minus(c.quota.value));
  if (c.overages) {
    return [{ capabilityId: c.overageId, subject: 'license', path: 'license', quantity: excess, formula: `${c.used.text} − ${c.quota.text} (never below zero)` }];
  }
  if (!excess.greaterThan(0)) return [];
  c.note('quota-no-overages', { quota: c.quotaName, excess: plural(excess, ...c.what) });
  if (c.notMonitoredId === undefined) return [];
  return [
    {
      capabilityId: c.notMonitoredId,
      subject: 'license',
      path: 'license',
      quantity: excess.negated(),
      formula: `not monitored: ${c.used.text} − ${c.quota.text}, and no overages`,
    },
  ];
}

/** Whether the license allows overages (default true). */
export function allowsOverages(license: License | undefined): boolean {
  return license?.overages ?? true;
}

/**
 * The account's concurrent host units: `license.hostUnits`, or what the environments are assigned
 * between them ("80 host units to the production environment and 20 ... to the testing environment").
 */
export function accountHostUnits(estate: EstateData): D | undefined {
  if (estate.license?.hostUnits !== undefined) return estate.license.hostUnits;
  const assigned = estate.environments.filter((e) => e.hostUnits !== undefined);
  return assigned.length === 0 ? undefined : assigned.reduce((t, e) => t.plus(e.hostUnits!), new D(0));
}

/**
 * The licensed quotas of a classic estate, by the capability of their lines: what the rate card
 * prices as the committed cost (pricing/price.ts prices consumption within them at nothing).
 */
export function licensedCapabilities(estate: EstateData): string[] {
  const license = estate.license;
  const ids: string[] = [];
  if (accountHostUnits(estate) !== undefined) ids.push('licensed-host-units');
  if (license?.hostUnitHours !== undefined) ids.push('licensed-host-unit-hours');
  if (license?.demUnits !== undefined) ids.push('licensed-dem-units');
  if (license?.ddus !== undefined) ids.push('licensed-ddus');
  return ids;
}

// Licensing generations: a contract licenses metrics as custom metrics or as DDUs, logs as log
// storage or as DDUs, never both ("All remaining custom metrics in your license will be converted
// to DDUs", davis-data-units.md FAQ; "Log Monitoring consumption for Dynatrace versions 1.207 and
// earlier", log-monitoring-consumption-legacy.md). One applies, and a note says which.

/**
 * Metrics are counted against `customMetrics` (the custom-metric licensing before DDUs) when the
 * license has that quota and no DDUs; with DDUs, into which custom metrics were converted, they are DDUs.
 */
export function customMetricLicensing(license: License | undefined): boolean {
  return license?.customMetrics !== undefined && license.ddus === undefined;
}

/** The log storage quota that replaces log DDUs (Dynatrace 1.207 and earlier), by its key, if any. */
export function logStorageLicensing(license: License | undefined): 'logStorageGiB' | 'logStorageGiBPerDay' | undefined {
  if (license?.logStorageGiBPerDay !== undefined) return 'logStorageGiBPerDay';
  if (license?.logStorageGiB !== undefined && license.logStorageDays !== undefined) return 'logStorageGiB';
  return undefined;
}
