// Problems with an input file as data: where (file, line:column, key path), what was expected and
// what was found, and a did-you-mean for near misses (SPEC "Errors"). The CLI only formats these.
import type { z } from 'zod';
import { isDecimal } from '../core/decimal.js';
import { groupThousands } from '../core/format.js';
import { NonFiniteNumber } from './parse-yaml.js';
import { formatPath, type Path, type PathSegment } from './path.js';
import type { ParsedDocument, Position } from './source.js';
import { didYouMean } from './suggest.js';
import { looksSecret, quoteFound } from './excerpt.js';

export interface Diagnostic {
  file: string;
  position?: Position;
  /** The key path, as users write it: `hosts[3].memoryGiB`. */
  path?: string;
  message: string;
  hint?: string;
  /** Problems of the file counted but not located: this diagnostic stands for them (not one itself). */
  more?: number;
}

export function describeFound(value: unknown): string {
  if (value === undefined) return 'nothing (the key is missing)';
  if (value === null) return 'an empty value';
  // Never a secret, nor megabytes: a masked excerpt of what is not plainly a date, number or word.
  if (typeof value === 'string') return quoteFound(value, { words: true });
  if (typeof value === 'boolean') return String(value);
  if (isDecimal(value)) return value.toString();
  if (value instanceof NonFiniteNumber) return value.text;
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : `a list of ${value.length}`;
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  number: 'a number',
  record: 'a mapping',
};

type Issue = z.core.$ZodIssue;

/** Follows `path` through the schema (past optional, default, pipe, lazy...) to the object keys allowed there. */
function keysAt(schema: z.core.$ZodType, path: Path): string[] | undefined {
  let node: z.core.$ZodType | undefined = schema;
  const unwrap = (s: z.core.$ZodType): z.core.$ZodType => {
    const def = s._zod.def as unknown as { type: string; innerType?: z.core.$ZodType; in?: z.core.$ZodType };
    if (def.innerType) return unwrap(def.innerType);
    if (def.type === 'pipe' && def.in) return unwrap(def.in);
    // A section's schema, built when first used (schema-kit `deferred`).
    if (def.type === 'lazy') return unwrap((s._zod as unknown as { innerType: z.core.$ZodType }).innerType);
    return s;
  };
  const step = (s: z.core.$ZodType, seg: PathSegment | undefined): z.core.$ZodType | undefined => {
    const u = unwrap(s);
    const def = u._zod.def as unknown as { type: string; shape?: Record<string, z.core.$ZodType>; element?: z.core.$ZodType; options?: z.core.$ZodType[]; valueType?: z.core.$ZodType };
    if (def.type === 'union') {
      for (const option of def.options ?? []) {
        const found = seg === undefined ? option : step(option, seg);
        if (found && (seg !== undefined || (unwrap(found)._zod.def as { type: string }).type === 'object')) return found;
      }
      return undefined;
    }
    if (seg === undefined) return u;
    if (def.type === 'object' && typeof seg === 'string') return def.shape?.[seg];
    if (def.type === 'array' && typeof seg === 'number') return def.element;
    if (def.type === 'record') return def.valueType;
    return undefined;
  };
  for (const seg of path) {
    node = node && step(node, seg);
    if (!node) return undefined;
  }
  const last = node && step(node, undefined);
  const def = last?._zod.def as { type: string; shape?: Record<string, unknown> } | undefined;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : undefined;
}

/** Where each problem is, looked for once every problem is known: all found in one pass over the text. */
class Positions {
  private readonly pending: { diagnostic: Diagnostic; path: Path; key: boolean }[] = [];
  /** The diagnostic, its position to be filled in by `resolve` (the key stays in its place). */
  at(diagnostic: Diagnostic, path: Path, key = false): Diagnostic {
    this.pending.push({ diagnostic, path, key });
    return diagnostic;
  }
  resolve(doc: ParsedDocument): void {
    doc.prepare?.(this.pending.map((p) => p.path));
    for (const { diagnostic, path, key } of this.pending) diagnostic.position = doc.locate(path, key ? { key: true } : undefined);
  }
}

function unknownKey(file: string, positions: Positions, at: PathSegment[], key: string, allowed: readonly string[] | undefined, what = 'key'): Diagnostic {
  // A near miss of a known key is a misspelling, not a secret: it is shown, with the key it resembles.
  const near = allowed && didYouMean(key, allowed);
  if (!near && looksSecret(key)) {
    // A credentials file given as an estate or a rate card: its keys are not printed either.
    return positions.at(
      { file, position: undefined, ...(at.length > 0 ? { path: formatPath(at) } : {}), message: `unknown ${what} of ${key.length} characters (not shown: it looks like a key or a password)` },
      [...at, key],
      true,
    );
  }
  const list = !near && allowed && allowed.length <= 12 ? ` (expected one of: ${allowed.join(', ')})` : '';
  return positions.at(
    {
      file,
      position: undefined,
      path: formatPath([...at, key]),
      message: `unknown ${what} "${key}"${list}`,
      ...(near ? { hint: `did you mean "${near}"?` } : {}),
    },
    [...at, key],
    true,
  );
}

function valueAt(data: unknown, path: Path): unknown {
  let v = data;
  for (const seg of path) {
    if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, seg)) return undefined;
    v = (v as Record<PathSegment, unknown>)[seg];
  }
  return v;
}

/**
 * Numbers reach the schema as Decimal objects, and a mapping's schema sees a Decimal's methods as
 * keys: an issue of a mapping schema about a number (its "unknown keys", its missing keys) means
 * only that a mapping was expected and a number found.
 */
function aboutANumber(issue: Issue, input: unknown): boolean {
  if (!isDecimal(input)) return false;
  return issue.code === 'unrecognized_keys' || issue.path.length === 1;
}

function isRootTypeMismatch(issue: Issue, input?: unknown): boolean {
  if (aboutANumber(issue, input)) return true;
  if (issue.path.length > 0) return false;
  return issue.code === 'invalid_type' || (issue.code === 'custom' && typeof issue.params?.expected === 'string' && !issue.params.found);
}

function expectedOf(issue: Issue, input?: unknown): string | undefined {
  if (aboutANumber(issue, input)) return 'a mapping';
  if (issue.code === 'invalid_type') return TYPE_NAMES[issue.expected] ?? issue.expected;
  if (issue.code === 'custom' && typeof issue.params?.expected === 'string') return issue.params.expected;
  return undefined;
}

/** How many problems of one file are located and listed at most. */
export const MAX_LOCATED = 10_000;

export function issuesToDiagnostics(issues: readonly Issue[], doc: ParsedDocument, file: string, schema: z.core.$ZodType): Diagnostic[] {
  const out: Diagnostic[] = [];
  const positions = new Positions();
  const at = (path: Path, message: string, hint?: string): Diagnostic =>
    positions.at({ file, position: undefined, path: path.length > 0 ? formatPath(path) : undefined, message, ...(hint ? { hint } : {}) }, path);

  /** The numbers already reported as "expected a mapping", by path. */
  const numbers = new Set<string>();
  const visit = (issue: Issue, prefix: PathSegment[]): void => {
    const path = [...prefix, ...(issue.path as PathSegment[])];
    const input = valueAt(doc.data, path);
    // An issue of a mapping's schema about a number: one "expected a mapping, found 5", however
    // many keys the number's methods made it seem to have.
    const parentPath = path.slice(0, -1);
    const numberPath = issue.code === 'unrecognized_keys' && isDecimal(input) ? path : path.length > prefix.length && isDecimal(valueAt(doc.data, parentPath)) ? parentPath : undefined;
    if (numberPath !== undefined) {
      const key = formatPath(numberPath);
      if (!numbers.has(key)) {
        numbers.add(key);
        out.push(at(numberPath, `expected a mapping, found ${describeFound(valueAt(doc.data, numberPath))}`));
      }
      return;
    }
    const found = describeFound(input);
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) out.push(unknownKey(file, positions, path, key, keysAt(schema, path)));
        return;
      case 'invalid_type':
        out.push(at(path, `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}, found ${found}`));
        return;
      case 'invalid_value': {
        const values = issue.values.map(String);
        const near = typeof input === 'string' ? didYouMean(input, values) : undefined;
        const expected = values.length === 1 ? values[0] : `one of ${values.join(', ')}`;
        out.push(at(path, `expected ${expected}, found ${found}`, near && `did you mean "${near}"?`));
        return;
      }
      case 'invalid_union': {
        // Report the branch that matches the value's shape (a list for the list form, say);
        // when none does, say what each branch expected.
        const shaped = issue.errors.filter((branch) => !branch.every((inner) => isRootTypeMismatch(inner, input)));
        if (shaped.length === 1) {
          for (const inner of shaped[0]!) visit(inner, path);
          return;
        }
        const expected = issue.errors.flatMap((branch) => branch.filter((inner) => isRootTypeMismatch(inner, input)).map((inner) => expectedOf(inner, input))).filter((e): e is string => !!e);
        out.push(at(path, `expected ${[...new Set(expected)].join(', or ')}, found ${found}`));
        return;
      }
      case 'too_small':
        if (issue.origin === 'array') out.push(at(path, `expected at least ${issue.minimum} ${issue.minimum === 1 ? 'entry' : 'entries'}, found ${found}`));
        else out.push(at(path, `${issue.message}, found ${found}`));
        return;
      case 'custom': {
        const params = issue.params ?? {};
        if (typeof params.unknownKey === 'string') {
          out.push(unknownKey(file, positions, path.slice(0, -1), params.unknownKey, params.allowed as string[], params.what as string));
          return;
        }
        if (typeof params.expected === 'string') {
          const foundText = typeof params.found === 'string' ? params.found : found;
          out.push(at(path, `expected ${params.expected}, found ${foundText}`, typeof params.hint === 'string' ? params.hint : undefined));
          return;
        }
        out.push(at(path, `${issue.message}, found ${found}`));
        return;
      }
      default:
        out.push(at(path, `${issue.message}, found ${found}`));
    }
  };
  // Each problem is located in the file: past MAX_LOCATED (far more than are shown), the rest are
  // counted, so that a file of millions of bad entries is reported in bounded time and memory.
  let visited = 0;
  for (const issue of issues) {
    if (visited++ === MAX_LOCATED) break;
    visit(issue, []);
  }
  positions.resolve(doc);
  const sorted = sortDiagnostics(out);
  if (issues.length > MAX_LOCATED) {
    const more = issues.length - MAX_LOCATED;
    sorted.push({ file, message: `${groupThousands(String(more))} more problems are not listed (dtcost locates the first ${groupThousands(String(MAX_LOCATED))} of a file)`, more });
  }
  return sorted;
}

export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return list.sort((a, b) => (a.position?.line ?? 0) - (b.position?.line ?? 0) || (a.position?.col ?? 0) - (b.position?.col ?? 0));
}
