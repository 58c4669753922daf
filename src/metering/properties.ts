// Session and action properties beyond the 20 included per application.
// DPS: each further property is billed once per session in which it appears
// (dps-real-user-monitoring.txt FAQ "Each application includes up to 20 properties").
// Classic: +0.01 DEM per session for each defined property beyond 20, where short strings, numbers
// and dates weigh 1 and a long string 1 per 100 characters: "Short strings (fewer than 100
// characters) ... are counted as one property each. Long string data types are counted as 1
// property per 100 characters" (digital-experience-monitoring-units.md, shared/docs/dynatrace/
// managed/license/classic-licensing/, https://docs.dynatrace.com/managed/license/classic-licensing/digital-experience-monitoring-units).
// A `string` of 100 characters or more is not short, so it is a long string; a started 100
// characters counts whole (150 characters weigh 2: the page does not say how to round).
import { countOf, D, ONE, sum, ZERO } from '../core/decimal.js';

/** An application's defined properties: a count, or a list with their types. */
export interface PropertiesEntry {
  properties: D | readonly { type: string; maxLength?: D | undefined }[];
}

export const INCLUDED_PROPERTIES = 20;
const INCLUDED = new D(INCLUDED_PROPERTIES);

export function propertyCount(app: PropertiesEntry): D {
  return Array.isArray(app.properties) ? countOf(app.properties.length) : (app.properties as D);
}

export function weightedPropertyCount(app: PropertiesEntry): D {
  if (!Array.isArray(app.properties)) return app.properties as D;
  return sum(app.properties.map(propertyWeight));
}

const HUNDRED = new D(100);

/** What one property weighs: 1, or 1 per started 100 characters for a long string (a string of 100 or more). */
export function propertyWeight(p: { type: string; maxLength?: D | undefined }): D {
  const long = p.type === 'long-string' || (p.type === 'string' && p.maxLength !== undefined && p.maxLength.greaterThanOrEqualTo(HUNDRED));
  return long && p.maxLength !== undefined ? D.max(ONE, p.maxLength.div(HUNDRED).ceil()) : ONE;
}

/** Properties beyond the included 20, never below zero. */
export function beyondIncluded(count: D): D {
  return count.lessThan(INCLUDED) ? ZERO : count.minus(INCLUDED);
}
