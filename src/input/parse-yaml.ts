// YAML front end on the `yaml` package's Document API. Numbers are kept exact: the core schema's
// number tags are re-declared to resolve to their source text, turned into Decimals after toJS.
// Aliases are expanded by toJS under its alias limit (no "billion laughs"); custom tags are
// rejected (the package only warns about them).
import YAML from 'yaml';
import { decimalOf } from '../core/decimal.js';
import type { Path } from './path.js';
import { LineIndex, type ParseResult, type Position, type SyntaxProblem } from './source.js';

/** A number's source text, carried through toJS (which would call a Decimal's toJSON). */
class NumberText {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** A number the estate cannot use (`.inf`, `.nan`): left for the schema to report by its text. */
export class NonFiniteNumber {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

const NUMBER_TAGS = new Set(['tag:yaml.org,2002:int', 'tag:yaml.org,2002:float']);

function exactNumberTags(tags: YAML.Tags): YAML.Tags {
  return tags.map((tag) =>
    typeof tag === 'object' && NUMBER_TAGS.has(tag.tag) ? { ...tag, resolve: (src: string) => new NumberText(src) } : tag,
  ) as YAML.Tags;
}

function toDecimals(value: unknown, seen: Set<object>): unknown {
  if (value instanceof NumberText) {
    try {
      const d = decimalOf(value.text.replace(/^\+/, ''));
      return d.isFinite() ? d : new NonFiniteNumber(value.text);
    } catch {
      return new NonFiniteNumber(value.text);
    }
  }
  if (value === null || typeof value !== 'object' || seen.has(value)) return value;
  seen.add(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = toDecimals(value[i], seen);
  } else {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = toDecimals(record[key], seen);
  }
  return value;
}

const MESSAGES: Record<string, string> = {
  DUPLICATE_KEY: 'duplicate key',
  MULTIPLE_DOCS: 'the file holds several YAML documents; an estate is a single document',
  TAG_RESOLVE_FAILED: 'custom YAML tags are not allowed',
  BAD_ALIAS: 'an alias that refers to no anchor',
};

function describe(err: YAML.YAMLError): string {
  if (err.code === 'TAG_RESOLVE_FAILED' || /Unresolved tag/.test(err.message)) {
    return 'custom YAML tags are not allowed (an estate is plain data)';
  }
  const base = MESSAGES[err.code] ?? err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return `invalid YAML: ${base}`;
}

function locator(doc: YAML.Document, lines: LineIndex) {
  return (path: Path, options?: { key?: boolean }): Position => {
    let node: unknown = doc.contents;
    let located: [number, number] | undefined = (node as YAML.Node | null)?.range ? [(node as YAML.Node).range![0], -1] : undefined;
    for (let i = 0; i < path.length && node; i++) {
      if (YAML.isAlias(node)) node = node.resolve(doc);
      const seg = path[i]!;
      if (YAML.isMap(node)) {
        const pair = node.items.find((p) => (YAML.isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(seg));
        if (!pair) break;
        const keyStart = YAML.isNode(pair.key) && pair.key.range ? pair.key.range[0] : -1;
        node = pair.value;
        const valueStart = YAML.isNode(node) && node.range ? node.range[0] : keyStart;
        located = [valueStart, keyStart];
      } else if (YAML.isSeq(node) && typeof seg === 'number') {
        node = node.items[seg];
        if (!YAML.isNode(node) || !node.range) break;
        located = [node.range[0], -1];
      } else {
        break;
      }
      if (i === path.length - 1 && options?.key && located[1] >= 0) return lines.position(located[1]);
    }
    return located && located[0] >= 0 ? lines.position(located[0]) : { line: 1, col: 1 };
  };
}

export function parseYaml(text: string): ParseResult {
  const lines = new LineIndex(text);
  let doc: YAML.Document;
  try {
    doc = YAML.parseDocument(text, { customTags: exactNumberTags, merge: true, uniqueKeys: true, prettyErrors: false, strict: true });
  } catch (err) {
    if (err instanceof RangeError) return { ok: false, problems: [{ position: { line: 1, col: 1 }, message: 'invalid YAML: nesting too deep' }] };
    throw err;
  }
  const problems: SyntaxProblem[] = [...doc.errors, ...doc.warnings].map((err) => ({
    position: lines.position(err.pos[0]),
    message: describe(err),
  }));
  if (problems.length > 0) return { ok: false, problems };
  let data: unknown;
  try {
    data = toDecimals(doc.toJS({ maxAliasCount: 1000 }), new Set());
  } catch (err) {
    if (err instanceof ReferenceError) {
      return { ok: false, problems: [{ position: { line: 1, col: 1 }, message: 'invalid YAML: too many alias expansions (an alias bomb?)' }] };
    }
    if (err instanceof RangeError) return { ok: false, problems: [{ position: { line: 1, col: 1 }, message: 'invalid YAML: nesting too deep' }] };
    throw err;
  }
  return { ok: true, document: { data, locate: locator(doc, lines) } };
}
