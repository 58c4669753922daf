// Classic Log Monitoring storage licensing, Dynatrace 1.207 and earlier (log-monitoring-consumption-
// legacy.md, shared/docs/dynatrace/managed/license/monitoring-consumption-classic/,
// https://docs.dynatrace.com/managed/license/monitoring-consumption-classic/log-monitoring-consumption-legacy;
// classic-monitoring-consumption.txt "Log Monitoring"): a quota of annual average log storage (GiB)
// for a number of days of retention (SaaS), or a daily storage limit (Managed).
//   anticipated daily ingestion = storage / days            (450 GiB / 90 days = 5 GiB)
//   anticipated annual ingestion = daily × 365              (5 × 365 = 1,825 GiB)
//   a mid-year change: (5 × 182.5) + (10 × 182.5) = 2,737.5 GiB
//   overage = actual storage − the limit                    (500 − 450 = 50 GiB)
//   Managed, per day: actual daily − the daily limit        (12 − 10 = 2 GiB/day)
import { D } from '../core/decimal.js';

export function anticipatedDailyIngestion(storageGiB: D, days: D): D {
  return storageGiB.div(days);
}

export function annualIngestion(dailyGiB: D): D {
  return dailyGiB.times(365);
}

/** Ingestion over consecutive stretches of a year, each at its own daily rate: [[days, GiB/day], ...]. */
export function ingestionOver(stretches: readonly [days: D, dailyGiB: D][]): D {
  return stretches.reduce((total, [days, daily]) => total.plus(days.times(daily)), new D(0));
}

export function storageOverage(actual: D, limit: D): D {
  return D.max(0, actual.minus(limit));
}

/** Managed: the daily overage, actual daily storage beyond the daily limit (12 − 10 = 2 GiB a day). */
export function dailyOverage(actualDailyGiB: D, dailyLimitGiB: D): D {
  return D.max(0, actualDailyGiB.minus(dailyLimitGiB));
}
