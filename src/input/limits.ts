// Limits that no real estate or rate card reaches, checked on the parsed data before the schema:
// a key or a text of megabytes is refused here with its place in the file, instead of being
// compared with every known key (did-you-mean) or printed in a table. README "Limits".
import type { Diagnostic } from './diagnostics.js';
import { formatPath, type PathSegment } from './path.js';
import type { ParsedDocument } from './source.js';

/** Keys: every key dtcost knows is shorter than 40 characters. */
export const MAX_KEY_CHARS = 128;
/** Texts (paths, sources, an estate's title); entry names have their own limit (schema-kit `name`). */
export const MAX_TEXT_CHARS = 4_096;
/** Limit problems reported per file before the rest are only counted. */
const MAX_LIMIT_PROBLEMS = 100;

const count = (n: number) => n.toLocaleString('en-US');

/**
 * Walks `value` depth first, with one path that grows and shrinks as it goes, and reports each key
 * longer than MAX_KEY_CHARS and text longer than MAX_TEXT_CHARS with the path (to be copied by a
 * report that keeps it): the walk of a large estate allocates nothing. The depth is bounded by the
 * parsers (MAX_NESTING), so the recursion is too.
 */
function walkLimits(value: unknown, path: PathSegment[], report: (key: boolean, message: string) => void): void {
  if (typeof value === 'string') {
    if (value.length > MAX_TEXT_CHARS) report(false, `expected a text of at most ${count(MAX_TEXT_CHARS)} characters, found ${count(value.length)}`);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      walkLimits(value[i], path, report);
      path.pop();
    }
    return;
  }
  // Plain mappings only (a Decimal is a number).
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return;
  for (const key in value) {
    path.push(key);
    if (key.length > MAX_KEY_CHARS) report(true, `a key of ${count(key.length)} characters; keys are at most ${count(MAX_KEY_CHARS)} characters`);
    else walkLimits((value as Record<string, unknown>)[key], path, report);
    path.pop();
  }
}

/** Whether a value (an estate's entry, say) has a key or a text over the limits (src/input/stream.ts). */
export function exceedsLimits(value: unknown): boolean {
  let over = false;
  walkLimits(value, [], () => {
    over = true;
  });
  return over;
}

/** Keys longer than MAX_KEY_CHARS and texts longer than MAX_TEXT_CHARS, located; an empty list when there are none. */
export function checkLimits(data: unknown, document: ParsedDocument, file: string): Diagnostic[] {
  const found: { path: PathSegment[]; key: boolean; message: string }[] = [];
  let more = 0;
  const path: PathSegment[] = [];
  walkLimits(data, path, (key, message) => {
    if (found.length < MAX_LIMIT_PROBLEMS) found.push({ path: [...path], key, message });
    else more++;
  });
  if (found.length === 0) return [];
  document.prepare?.(found.map((f) => f.path));
  const diagnostics: Diagnostic[] = found.map((f) => {
    // The long key itself is never printed: the path stops at its mapping.
    const shown = f.key ? f.path.slice(0, -1) : f.path;
    return { file, position: document.locate(f.path, f.key ? { key: true } : undefined), ...(shown.length > 0 ? { path: formatPath(shown) } : {}), message: f.message };
  });
  if (more > 0) diagnostics.push({ file, message: `${count(more)} more keys or texts over the limits are not shown` });
  return diagnostics;
}
