// YAML front end on the `yaml` package's Document API. Numbers are kept exact: the core schema's
// number tags are re-declared to resolve to their source text, turned into Decimals after toJS.
// The text is lexed, parsed and composed here step by step (as YAML.parseDocument does) so that,
// before a node is composed, tags and a `%YAML 1.1` directive are refused and lists and mappings
// nested deeper than MAX_NESTING stop the parse with a located error (the composer and toJS recurse:
// a deep file would exhaust the stack, a 10 MB file of `[` the memory). Aliases are expanded by
// toJS under its alias limit (no "billion laughs"), and the expanded data is held to MAX_NESTING too.
import YAML from 'yaml';
import { looksSecret } from './excerpt.js';
import { decimalOf } from '../core/decimal.js';
import type { Path } from './path.js';
import { MAX_KEY_CHARS } from './limits.js';
import { fastPathStop } from './parse-yaml-fast.js';
import {
  LineIndex,
  MAX_ALIAS_COUNT,
  MAX_ALIAS_VALUES,
  MAX_ANCHORS_AND_ALIASES,
  MAX_FULL_YAML_CHARS,
  MAX_FULL_YAML_TOKENS,
  MAX_NESTING,
  NonFiniteNumber,
  TOO_DEEP,
  type ParseResult,
  type Position,
  type SyntaxProblem,
} from './source.js';

/** A number's source text, carried through toJS (which would call a Decimal's toJSON). */
class NumberText {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export { NonFiniteNumber };

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
  BAD_ALIAS: 'an alias that refers to no anchor',
};

/** A key too long for YAML is reported as limits.ts reports long keys. */
const longKey = (chars: number) => `a key of ${chars.toLocaleString('en-US')} characters; keys are at most ${MAX_KEY_CHARS.toLocaleString('en-US')} characters`;

function describe(err: YAML.YAMLError): string {
  if (err.code === 'KEY_OVER_1024_CHARS' && err.message.includes('block mapping')) return longKey(err.pos[1] - err.pos[0]);
  const base = MESSAGES[err.code] ?? err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return `invalid YAML: ${base}`;
}

/** A problem found while the text is lexed: where, and what. */
class Refused {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

const COLLECTIONS = new Set(['block-map', 'block-seq', 'flow-collection']);

/**
 * The parser's tokens of `text` for the composer. Refuses, as they come: tags (an estate is plain
 * data; the package would resolve `!!omap` or `!!set` into objects that JSON cannot hold), a
 * `%YAML 1.1` directive (1.1 reads `yes`, `on`, `0777` and `1_000` differently; estates are YAML
 * 1.2), and nesting deeper than MAX_NESTING (the parser's stack holds the open collections).
 */
function* tokens(text: string): Generator<YAML.CST.Token> {
  const parser = new YAML.Parser();
  let scalar = false;
  let count = 0;
  let props = 0;
  for (const lexeme of new YAML.Lexer().lex(text)) {
    if (++count > MAX_FULL_YAML_TOKENS) throw beyondFastPath(text, `more than ${MAX_FULL_YAML_TOKENS.toLocaleString('en-US')} tokens`);
    // The lexeme after the scalar marker is a scalar's text, whatever it starts with.
    if (scalar) scalar = false;
    else if (lexeme === YAML.CST.SCALAR) scalar = true;
    else if ((lexeme[0] === '&' || lexeme[0] === '*') && ++props > MAX_ANCHORS_AND_ALIASES) {
      throw new Refused(parser.offset, `invalid YAML: more than ${MAX_ANCHORS_AND_ALIASES.toLocaleString('en-US')} anchors and aliases (an estate needs a few)`);
    } else if (YAML.CST.tokenType(lexeme) === 'tag') {
      throw new Refused(parser.offset, `YAML tags are not allowed (an estate is plain data): found ${lexeme.slice(0, 256).split(/[!<>:/,]/).some(looksSecret) ? `a tag of ${lexeme.length.toLocaleString('en-US')} characters (not shown: it looks like a key or a password)` : JSON.stringify(lexeme.length > 40 ? `${lexeme.slice(0, 37)}...` : lexeme)}`);
    } else if (/^%YAML[ \t]+1\.1(?:[ \t#]|$)/.test(lexeme)) {
      throw new Refused(parser.offset, 'invalid YAML: a %YAML 1.1 directive (estates are YAML 1.2: remove it; yes/no/on/off are then text)');
    }
    // What comes before the limit is read (its problems said precisely); nothing after it is.
    if (parser.offset + lexeme.length > MAX_FULL_YAML_CHARS) throw beyondFastPath(text, `more than ${MAX_FULL_YAML_CHARS / 1024 / 1024} MiB`);
    yield* parser.next(lexeme);
    if (parser.stack.length > MAX_NESTING) {
      const open = parser.stack.filter((token) => COLLECTIONS.has(token.type));
      if (open.length > MAX_NESTING) throw new Refused(open[MAX_NESTING]!.offset, `invalid YAML: ${TOO_DEEP}`);
    }
  }
  yield* parser.end();
}

/** The file is too large for the `yaml` package: refused where the fast path stopped reading it. */
function beyondFastPath(text: string, what: string): Refused {
  const stop = fastPathStop(text);
  if (stop?.longKey) return new Refused(stop.longKey.at, longKey(stop.longKey.chars));
  return new Refused(
    stop?.at ?? 0,
    `the file needs the full YAML reader from here on (it leaves the plain block style and JSON-like flow collections, or goes beyond the limits on anchors), and is too large for it (${what}): write it in the plain style (a key or list item per line; flow collections that break lines only after "[", "{" or ","; no tabs) or as JSON`,
  );
}

/** The document, composed as YAML.parseDocument composes it, from `tokens`. */
function compose(text: string): YAML.Document.Parsed {
  // Duplicate keys are found by `duplicateKeys`: the package's own check compares every key with every
  // earlier one of its mapping (seconds for a mapping of 10,000 keys).
  // No warning of the package's goes to standard error (Node's process warnings): what it warns of
  // (a key toJS makes a text) is refused, or read as a name, and said here.
  const composer = new YAML.Composer({ customTags: exactNumberTags, merge: true, uniqueKeys: false, strict: true, resolveKnownTags: false, logLevel: 'error' });
  let doc: YAML.Document.Parsed | undefined;
  for (const next of composer.compose(tokens(text), true, text.length)) {
    if (doc === undefined) doc = next;
    else {
      doc.errors.push(new YAML.YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'several documents'));
      break;
    }
  }
  return doc!;
}

/**
 * Where keys repeat an earlier key of their mapping, as the package's `uniqueKeys: true` finds them
 * (scalar keys with the same value; numbers here resolve to objects, which never match), in one pass.
 */
function duplicateKeys(doc: YAML.Document): number[] {
  const found: number[] = [];
  YAML.visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const { key } of map.items) {
        if (!YAML.isScalar(key) || (key.value !== null && (typeof key.value === 'object' || typeof key.value === 'symbol'))) continue;
        if (seen.has(key.value)) found.push(key.range?.[0] ?? 0);
        else seen.add(key.value);
      }
    },
  });
  return found;
}

/**
 * The node an alias stands for: the last node before it with its anchor, as Alias.resolve finds it
 * (which walks the whole document for every alias: here, one walk for all).
 */
/** The node an alias stands for (aliasResolver); any other node itself. */
type Resolver = (node: unknown) => unknown;

function aliasResolver(doc: YAML.Document): Resolver {
  let targets: Map<unknown, unknown> | undefined;
  return (node) => {
    if (!YAML.isAlias(node)) return node;
    if (targets === undefined) {
      const found = new Map<unknown, unknown>();
      const anchors = new Map<string, unknown>();
      YAML.visit(doc, {
        Node(_, n) {
          if (YAML.isAlias(n)) found.set(n, anchors.get(n.source));
          else if (n.anchor) anchors.set(n.anchor, n);
        },
      });
      targets = found;
    }
    return targets.get(node);
  };
}

/**
 * The first alias that toJS cannot expand, where it is and why: one before (or without) its anchor
 * (toJS throws the ReferenceError it throws for too many aliases), or one inside the node its anchor
 * names (`a: &a {x: *a}`: data that would contain itself, which toJS makes as a cycle and no walk
 * of it ends); or undefined.
 */
function badAlias(doc: YAML.Document, resolved: Resolver): { at: number; message: string } | undefined {
  let found: { at: number; message: string } | undefined;
  YAML.visit(doc, {
    Alias(_, alias, path) {
      const target = resolved(alias);
      if (target !== undefined && !path.includes(target as (typeof path)[number])) return undefined;
      found = { at: alias.range?.[0] ?? 0, message: target === undefined ? `${MESSAGES.BAD_ALIAS} before it` : 'an alias inside the node its anchor names (data that would contain itself)' };
      return YAML.visit.BREAK;
    },
  });
  return found;
}

/**
 * Where a key is a list or a mapping (`[a]: 1`, `? {x: 1}`), itself or by an alias: an estate's keys
 * are names, and toJS would make it a text (with a warning of Node's on standard error), or undefined.
 */
function collectionKey(doc: YAML.Document, resolved: Resolver): number | undefined {
  let at: number | undefined;
  YAML.visit(doc, {
    Pair(_, pair) {
      if (!YAML.isCollection(resolved(pair.key))) return undefined;
      at = YAML.isNode(pair.key) && pair.key.range ? pair.key.range[0] : 0;
      return YAML.visit.BREAK;
    },
  });
  return at;
}

/** The first merge (`<<`) whose value is not a mapping, an alias of one, or a list of those: where its value starts. */
function badMerge(doc: YAML.Document, resolved: Resolver): number | undefined {
  let at: number | undefined;
  const isSource = (node: unknown) => YAML.isMap(resolved(node));
  YAML.visit(doc, {
    Pair(_, pair) {
      const key = pair.key;
      if (!YAML.isScalar(key) || typeof key.value !== 'symbol' || key.value.description !== '<<') return undefined;
      const value = resolved(pair.value);
      if (isSource(value) || (YAML.isSeq(value) && value.items.every(isSource))) return undefined;
      at = YAML.isNode(pair.value) && pair.value.range ? pair.value.range[0] : YAML.isNode(key) && key.range ? key.range[0] : 0;
      return YAML.visit.BREAK;
    },
  });
  return at;
}

/**
 * Where the aliases of `doc` have repeated more than MAX_ALIAS_VALUES values in all (each counting
 * the values of its anchored node, nested aliases expanded, mapping keys not counted), or undefined.
 */
function tooManyRepeated(doc: YAML.Document, resolved: Resolver): number | undefined {
  const sizes = new Map<unknown, number>();
  // Recursive: called once toJS has expanded the aliases (no cycle) within MAX_NESTING levels.
  const size = (node: unknown): number => {
    if (YAML.isAlias(node)) return size(resolved(node));
    if (!YAML.isCollection(node)) return 1;
    let n = sizes.get(node);
    if (n === undefined) {
      n = 1;
      for (const item of node.items) n += size(YAML.isPair(item) ? item.value : item);
      sizes.set(node, n);
    }
    return n;
  };
  let repeated = 0;
  let at: number | undefined;
  YAML.visit(doc, {
    Alias(_, alias) {
      repeated += size(resolved(alias));
      if (repeated <= MAX_ALIAS_VALUES) return undefined;
      at = alias.range?.[0] ?? 0;
      return YAML.visit.BREAK;
    },
  });
  return at;
}

/** Lists and mappings of plain data (what toJS makes; numbers are NumberText, a leaf). */
function children(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) return Object.values(value);
  return undefined;
}

/**
 * The path to a list or mapping nested deeper than MAX_NESTING in `data` (aliases expanded: they
 * share their objects, each measured once), or undefined. Iterative: no depth exhausts the stack.
 */
function tooDeep(data: unknown): Path | undefined {
  const height = new Map<object, number>();
  const stack: [unknown, boolean][] = [[data, false]];
  while (stack.length > 0) {
    const [value, done] = stack.pop()!;
    const items = children(value);
    if (items === undefined || (!done && height.has(value as object))) continue;
    if (!done) {
      stack.push([value, true]);
      for (const item of items) if (children(item) !== undefined && !height.has(item as object)) stack.push([item, false]);
    } else {
      let h = 0;
      for (const item of items) if (children(item) !== undefined) h = Math.max(h, height.get(item as object) ?? 0);
      height.set(value as object, h + 1);
    }
  }
  if ((height.get(data as object) ?? 0) <= MAX_NESTING) return undefined;
  // Down the first branch that is too deep, to its list or mapping at level MAX_NESTING + 1.
  const path: (string | number)[] = [];
  let value = data;
  for (let level = 1; level <= MAX_NESTING; level++) {
    const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value as object);
    const next = entries.find(([, v]) => children(v) !== undefined && height.get(v as object)! > MAX_NESTING - level)!;
    path.push(next[0]);
    value = next[1];
  }
  return path;
}

function locator(doc: YAML.Document, lines: LineIndex, resolved: Resolver) {
  return (path: Path, options?: { key?: boolean }): Position => {
    let node: unknown = doc.contents;
    let located: [number, number] | undefined = (node as YAML.Node | null)?.range ? [(node as YAML.Node).range![0], -1] : undefined;
    for (let i = 0; i < path.length && node; i++) {
      node = resolved(node);
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
  const fail = (offset: number, message: string): ParseResult => ({ ok: false, problems: [{ position: lines.position(offset), message }] });
  let doc: YAML.Document.Parsed;
  try {
    doc = compose(text);
  } catch (err) {
    if (err instanceof Refused) return fail(err.offset, err.message);
    if (err instanceof RangeError) return fail(0, `invalid YAML: ${TOO_DEEP}`);
    throw err;
  }
  const found: [number, string][] = [...doc.errors, ...doc.warnings].map((err) => [err.pos[0], describe(err)]);
  for (const offset of duplicateKeys(doc)) found.push([offset, `invalid YAML: ${MESSAGES.DUPLICATE_KEY}`]);
  if (found.length > 0) {
    const problems: SyntaxProblem[] = found.sort((a, b) => a[0] - b[0]).map(([offset, message]) => ({ position: lines.position(offset), message }));
    return { ok: false, problems };
  }
  // One walk finds what every alias stands for, for all the checks below and the locator.
  const resolved = aliasResolver(doc);
  const alias = badAlias(doc, resolved);
  if (alias !== undefined) return fail(alias.at, `invalid YAML: ${alias.message}`);
  const complexKey = collectionKey(doc, resolved);
  if (complexKey !== undefined) return fail(complexKey, 'invalid YAML: a key that is a list or a mapping (keys are names)');
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    if (err instanceof ReferenceError) return fail(0, 'invalid YAML: too many alias expansions (an alias bomb?)');
    const merge = err instanceof Error && !(err instanceof RangeError) ? badMerge(doc, resolved) : undefined;
    if (merge !== undefined) return fail(merge, 'invalid YAML: a merge key (<<) takes a mapping, an alias of one, or a list of them');
    if (err instanceof RangeError) return fail(0, `invalid YAML: ${TOO_DEEP}`);
    throw err;
  }
  const deep = tooDeep(data);
  const locate = locator(doc, lines, resolved);
  if (deep !== undefined) return { ok: false, problems: [{ position: locate(deep), message: `invalid YAML: ${TOO_DEEP}, with aliases expanded` }] };
  const repeated = tooManyRepeated(doc, resolved);
  if (repeated !== undefined) {
    return fail(repeated, `invalid YAML: aliases that repeat more than ${MAX_ALIAS_VALUES.toLocaleString('en-US')} values in all (an estate needs a few)`);
  }
  return { ok: true, document: { data: toDecimals(data, new Set()), locate } };
}
