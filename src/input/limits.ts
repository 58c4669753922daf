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
 * Keys longer than MAX_KEY_CHARS and texts longer than MAX_TEXT_CHARS, located; an empty list when
 * there are none. Walks the data once, without recursion (nesting is bounded by the parsers, but a
 * loop is no less clear).
 */
export function checkLimits(data: unknown, document: ParsedDocument, file: string): Diagnostic[] {
  const found: { path: PathSegment[]; key: boolean; message: string }[] = [];
  let more = 0;
  const report = (path: PathSegment[], key: boolean, message: string) => {
    if (found.length < MAX_LIMIT_PROBLEMS) found.push({ path, key, message });
    else more++;
  };
  const text = (v: string, path: () => PathSegment[]) => {
    if (v.length > MAX_TEXT_CHARS) report(path(), false, `expected a text of at most ${count(MAX_TEXT_CHARS)} characters, found ${count(v.length)}`);
  };
  if (typeof data === 'string') text(data, () => []);
  const stack: { value: object; path: PathSegment[] }[] = data !== null && typeof data === 'object' ? [{ value: data, path: [] }] : [];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        const v: unknown = value[i];
        if (typeof v === 'string') text(v, () => [...path, i]);
        else if (v !== null && typeof v === 'object') stack.push({ value: v, path: [...path, i] });
      }
      continue;
    }
    // Plain mappings only (a Decimal is a number).
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) continue;
    for (const key in value) {
      if (key.length > MAX_KEY_CHARS) {
        report([...path, key], true, `a key of ${count(key.length)} characters; keys are at most ${count(MAX_KEY_CHARS)} characters`);
        continue;
      }
      const v: unknown = (value as Record<string, unknown>)[key];
      if (typeof v === 'string') text(v, () => [...path, key]);
      else if (v !== null && typeof v === 'object') stack.push({ value: v, path: [...path, key] });
    }
  }
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
