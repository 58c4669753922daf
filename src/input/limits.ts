// Limits that no real estate or rate card reaches, checked on the parsed data before the schema:
// a key or a text of megabytes is refused here with its place in the file, instead of being
// compared with every known key (did-you-mean) or printed in a table. README "Limits".
import type { Diagnostic } from './diagnostics.js';
import { formatPath, type PathSegment } from './path.js';
import type { ParsedDocument } from './source.js';
import { sectionAt, SECTIONS } from './sections.js';

/** Keys: every key dtcost knows is shorter than 40 characters. */
export const MAX_KEY_CHARS = 128;
/** Texts (paths, sources, an estate's title); entry names have their own limit (schema-kit `name`). */
export const MAX_TEXT_CHARS = 4_096;
/**
 * Items of a list other than an estate's sections (which hold any number): a browser monitor's
 * steps, locations, environments. No real one comes near (a plan's change may remove as many names
 * as its section has); a list of 500,000 numbers where names belong (1 MB) had zod spread its
 * 500,000 problems as arguments
 * (exit 3, "Maximum call stack size exceeded") and 30,000 filled a heap of 64 MB.
 */
export const MAX_LIST_ITEMS = 10_000;
/** A plan change's names to remove from a section (`changes[i].remove.hosts`): as many as the section has. */
const removesFromSection = (path: readonly PathSegment[]) => path.length === 4 && path[0] === 'changes' && path[2] === 'remove' && (SECTIONS as readonly PathSegment[]).includes(path[3]!);
/** Limit problems reported per file before the rest are only counted. */
const MAX_LIMIT_PROBLEMS = 100;

const count = (n: number) => n.toLocaleString('en-US');

/**
 * Walks `value` depth first, with one path that grows and shrinks as it goes, and reports each key
 * longer than MAX_KEY_CHARS and text longer than MAX_TEXT_CHARS with the path (to be copied by a
 * report that keeps it): the walk of a large estate allocates nothing. The depth is bounded by the
 * parsers (MAX_NESTING), so the recursion is too.
 */
function walkLimits(value: unknown, path: PathSegment[], report: (key: boolean, message: string) => void, fromRoot: boolean): void {
  if (typeof value === 'string') {
    if (value.length > MAX_TEXT_CHARS) report(false, `expected a text of at most ${count(MAX_TEXT_CHARS)} characters, found ${count(value.length)}`);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    // Its items are not looked at: each would be one of the list's problems.
    if (value.length > MAX_LIST_ITEMS && !(fromRoot && (sectionAt(path) !== undefined || removesFromSection(path)))) {
      report(false, `a list of ${count(value.length)} items; a list holds at most ${count(MAX_LIST_ITEMS)} (an estate's sections, any number)`);
      return;
    }
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      walkLimits(value[i], path, report, fromRoot);
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
    else walkLimits((value as Record<string, unknown>)[key], path, report, fromRoot);
    path.pop();
  }
}

/**
 * Whether a value has a key, a text or a list over the limits (src/input/stream.ts): an estate's
 * entry, or with `estate` the rest of an estate (its sections' lists then hold any number).
 */
export function exceedsLimits(value: unknown, estate = false): boolean {
  let over = false;
  walkLimits(value, [], () => {
    over = true;
  }, estate);
  return over;
}

/** Keys longer than MAX_KEY_CHARS, texts longer than MAX_TEXT_CHARS and lists longer than MAX_LIST_ITEMS, located; an empty list when there are none. */
export function checkLimits(data: unknown, document: ParsedDocument, file: string): Diagnostic[] {
  const found: { path: PathSegment[]; key: boolean; message: string }[] = [];
  let more = 0;
  const path: PathSegment[] = [];
  walkLimits(data, path, (key, message) => {
    if (found.length < MAX_LIMIT_PROBLEMS) found.push({ path: [...path], key, message });
    else more++;
  }, true);
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
