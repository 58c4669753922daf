// Session and action properties beyond the 20 included per application.
// DPS: each further property is billed once per session in which it appears
// (dps-real-user-monitoring.txt FAQ "Each application includes up to 20 properties").
// Classic: +0.01 DEM per session for each defined property beyond 20, where short strings, numbers
// and dates weigh 1 and a long string 1 per 100 characters (classic-dem-units.txt).
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
  return sum(
    app.properties.map((p) => (p.type === 'long-string' ? D.max(ONE, p.maxLength!.div(100).ceil()) : ONE)),
  );
}

/** Properties beyond the included 20, never below zero. */
export function beyondIncluded(count: D): D {
  return count.lessThan(INCLUDED) ? ZERO : count.minus(INCLUDED);
}
