// The time of a contract: its years (12 months each, from the start date, UTC) and the calendar
// months they cover, each with its real hours. A month that a contract year starts or ends inside
// (a contract starting on the 15th) is split there: every row belongs to one contract year.
import { addYears, formatMonth, monthName, monthsBetween, nextMonth, spanPeriod, type MonthName } from '../core/calendar.js';
import type { D } from '../core/decimal.js';
import type { Period } from '../core/period.js';

export interface ContractYear {
  /** 1, 2, 3 … */
  year: number;
  /** [start, end) in ms, UTC; `end` is 00:00 of the day after the last. */
  start: number;
  end: number;
  period: Period;
  /** DPS: the year's commitment, if the contract states one. */
  commitment: D | null;
}

export interface MonthRow {
  /** 0, 1, 2 … in time order. */
  index: number;
  /** `2027-03`. */
  label: string;
  start: number;
  end: number;
  /** The row's own days and hours (a whole calendar month unless a contract year starts inside it). */
  period: Period;
  /** The contract year (1-based) the row is in. */
  year: number;
  /** Calendar months since the contract's first month (0 in the first). */
  monthsFromStart: number;
  monthName: MonthName;
}

export interface Timeline {
  start: number;
  end: number;
  years: ContractYear[];
  months: MonthRow[];
}

/** The years of a contract starting on `start`, `years` long, with its commitments (the last repeats). */
export function timeline(start: number, years: number, commitments: readonly D[]): Timeline {
  const contractYears: ContractYear[] = [];
  for (let y = 0; y < years; y++) {
    const from = addYears(start, y);
    const to = addYears(start, y + 1);
    contractYears.push({
      year: y + 1,
      start: from,
      end: to,
      period: spanPeriod(from, to),
      commitment: commitments.length === 0 ? null : commitments[Math.min(y, commitments.length - 1)]!,
    });
  }
  const months: MonthRow[] = [];
  for (const year of contractYears) {
    for (let from = year.start; from < year.end; ) {
      const to = Math.min(nextMonth(from), year.end);
      months.push({
        index: months.length,
        label: formatMonth(from),
        start: from,
        end: to,
        period: spanPeriod(from, to, formatMonth(from)),
        year: year.year,
        monthsFromStart: monthsBetween(start, from),
        monthName: monthName(from),
      });
      from = to;
    }
  }
  return { start, end: contractYears[contractYears.length - 1]!.end, years: contractYears, months };
}
