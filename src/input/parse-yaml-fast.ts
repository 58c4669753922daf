// A fast parser for the plain block style that estates are written in, and for JSON-like YAML (flow
// collections over many lines, keys unquoted). The `yaml` package composes a full Document and
// needs seconds for a large estate (~12,000 entries a second); this reads the subset below at a
// fraction of that. It either returns exactly what parse-yaml.ts returns for the
// same text (the same data, and the same position for every path) or gives up (`undefined`), and
// then the `yaml` package parses the file, with its own messages. It never reports an error itself:
// any text that is not in the subset, valid YAML or not, makes it give up (a heap that fills up as it
// reads a long list stops it with OutOfHeap, as it stops the JSON parser). Checked against the `yaml`
// package on the YAML test suite and on generated documents (test/estate/yaml-test-suite.test.ts,
// yaml-differential.test.ts, parse-yaml-fast.test.ts; `npm run fuzz` runs 100,000 documents).
//
// THE SUBSET (anything else gives up):
//
//   characters  LF or CR LF line ends; printable ASCII; other Unicode except C0/C1 controls, TAB,
//               NBSP, the Unicode spaces and line separators, U+FEFF, U+FFFE/F, lone surrogates.
//               (No tabs anywhere: they are where YAML readers differ most.)
//   lines       blank lines and comment lines (`#` first on the line) anywhere; indentation by
//               spaces. A comment after content needs a space before its `#`.
//   document    one; a `---` line (with nothing after it but spaces and a comment) is allowed before
//               the first content; no other `---`, no `...`, no `%` directives. Only comments: null.
//   block node  at indentation n (the root's is that of its first line), one of:
//     mapping     lines `key: value` at indentation n, keys unique;
//     sequence    lines `- value` at indentation n (a sequence that is a mapping value may sit at the
//                 key's own indentation);
//     scalar      a line value (below) alone on its line.
//   key         a plain scalar that resolves to text (not a number, null or boolean; a plain `<<`
//               is a merge, below) or a single- or double-quoted scalar, then spaces, `:` and a space
//               or the line end, the `:` at most 1,024 characters after the key's start. No `?` keys, no keys with anchors, tags or
//               aliases, no flow keys.
//   value       after `key: ` or `- `, on the same line: a line value; or nothing (a comment at
//               most), then either a block node on the next lines (indented more, or a sequence at
//               the key's indentation) or null; after `- `, a `key: value` line starts a mapping
//               indented to that key. `&name` before any of these anchors it (not an empty value).
//   merge       `<<: *name` or `<<: [*a, *b]` (on one line) in a block mapping, once per mapping, each alias of
//               a mapping: its keys are added where the mapping does not have them (later keys of
//               the mapping replace merged ones), as the yaml package merges.
//   line value  an alias `*name`; a flow collection; a quoted scalar; or a plain scalar; then only
//               spaces and a comment.
//   flow        `[a, b]` / `{k: v, "k2": v2}`; entries are flow collections, quoted scalars,
//               aliases, anchored values or plain scalars; a trailing comma is allowed, empty
//               entries and values are not; no `key: value` pairs in sequences, no `?`. Over lines:
//               a line break (after spaces and a comment, if any) only after `[`, `{` or `,`, or
//               after the last entry before the closing bracket, with blank and comment lines
//               between; every line it continues on (the closing bracket's too) indented more than
//               the block mapping or sequence it is in (at the root, any). A mapping's key, `:` and
//               value start on one line, an anchor and its node too.
//   plain       one line; does not start with an indicator ,[]{}#&*!|>'"%@`?: (`-` only before a
//               non-space); no `: ` and no ` #` inside, no `:` at the end; in flow, no `,[]{}` and no
//               `:` before a space or one of them. Trailing spaces are not part of it. Resolved by the YAML 1.2 core schema: null, true/false, numbers
//               (exact, as parse-yaml.ts reads them: Decimal or NonFiniteNumber), else text.
//   quoted      `'...'` (`''` for a quote) or `"..."` with YAML's escapes, on one line.
//   anchors     names of letters, digits, `_` and `-`, each defined once, holding no anchor or alias
//               inside, not on an empty value; an alias comes after its anchor, is used at most as
//               often as the yaml package's alias limit allows (MAX_ALIAS_COUNT, counted as it
//               counts), and expands to the same value (merges: a copy).
//   nesting     at most MAX_NESTING lists and mappings deep, aliases expanded.
//   limits      at most MAX_ANCHORS_AND_ALIASES anchors and aliases, and MAX_ALIAS_VALUES values
//               repeated by aliases (the yaml package path refuses more).
import { decimalOf } from '../core/decimal.js';
import type { PathSegment } from './path.js';
import { heapFull, OutOfHeap, tooLargeForHeap } from './memory.js';
import { sectionAt, type EntrySink } from './sections.js';
import { LineIndex, MAX_ALIAS_COUNT, MAX_ALIAS_VALUES, MAX_ANCHORS_AND_ALIASES, MAX_NESTING, NonFiniteNumber, PathIndex, sharedText, type ParsedDocument, type Recorder } from './source.js';

class GiveUp extends Error {}
const giveUp = (): never => {
  throw new GiveUp();
};

/** Text with anything other than LF and printable ASCII: checked further against UNREAD. */
const NOT_ASCII = /[^\n\x20-\x7e]/;
/** Characters the fast path does not read (see the subset above). */
const UNREAD =
  /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\ufffe\uffff]|\r(?!\n)|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const INT = /^[-+]?\d+$/;
const OCT = /^0o[0-7]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT = /^[-+]?(?:\.\d+|\d+(?:\.\d*)?)(?:[eE][-+]?\d+)?$/;
const INF_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;

/** A plain scalar, resolved as the YAML 1.2 core schema resolves it. */
function plainScalar(text: string): unknown {
  switch (text) {
    case '':
    case '~':
    case 'null':
    case 'Null':
    case 'NULL':
      return null;
    case 'true':
    case 'True':
    case 'TRUE':
      return true;
    case 'false':
    case 'False':
    case 'FALSE':
      return false;
  }
  const first = text.charCodeAt(0);
  // Only texts that start like a number can be one.
  if ((first >= 48 && first <= 57) || first === 45 || first === 43 || first === 46) {
    if (isPlainDecimal(text)) return decimalOf(text);
    if (INT.test(text) || FLOAT.test(text) || OCT.test(text) || HEX.test(text)) {
      try {
        const d = decimalOf(first === 43 ? text.slice(1) : text);
        return d.isFinite() ? d : new NonFiniteNumber(text);
      } catch {
        return new NonFiniteNumber(text);
      }
    }
    if (INF_NAN.test(text)) return new NonFiniteNumber(text);
  }
  return text;
}

/** Digits, with at most one point between digits: "42", "0.25" (what INT and FLOAT accept, and more). */
function isPlainDecimal(text: string): boolean {
  let point = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    if (c !== 46 || point || i === 0 || i === n - 1) return false;
    point = true;
  }
  return n > 0;
}

/** Indicators no plain scalar here starts with: ,[]{}#&*!|>'"%@` ?: (and `-` before a space). */
function isIndicator(c: number): boolean {
  switch (c) {
    case 44: // ,
    case 91: // [
    case 93: // ]
    case 123: // {
    case 125: // }
    case 35: // #
    case 38: // &
    case 42: // *
    case 33: // !
    case 124: // |
    case 62: // >
    case 39: // '
    case 34: // "
    case 37: // %
    case 64: // @
    case 96: // `
    case 63: // ?
    case 58: // :
      return true;
  }
  return false;
}

/** Flow indicators: they end a plain scalar inside a flow collection. */
const isFlowIndicator = (c: number): boolean => c === 44 || c === 91 || c === 93 || c === 123 || c === 125;

/** An anchor or alias name character: ASCII letters, digits, `_` and `-`. */
const isNameChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45;

/** Sets an own key the way the yaml package's toJS does ("__proto__" stays an ordinary key). */
function define(map: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
  else map[key] = value;
}

const isMapping = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;

/** A fresh copy of the lists and mappings in `v` (what a merge gives: the yaml package converts a merged mapping again). */
function copy(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(copy);
  if (isMapping(v)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) define(out, k, copy(v[k]));
    return out;
  }
  return v;
}

/**
 * The lists and mappings on the deepest path of `v` (0: a scalar); what the yaml package counts for
 * each use of an alias of it: 1, or 0 for a collection holding no scalar and no pair; and how many
 * values it holds, itself included (mapping keys are not counted).
 */
function measure(v: unknown): [height: number, weight: number, size: number] {
  const items = Array.isArray(v) ? v : isMapping(v) ? Object.values(v) : undefined;
  if (items === undefined) return [0, 1, 1];
  let height = 0;
  let weight = Array.isArray(v) || items.length === 0 ? 0 : 1;
  let size = 1;
  for (const item of items) {
    const [h, w, n] = measure(item);
    if (h > height) height = h;
    if (w > weight) weight = w;
    size += n;
  }
  return [height + 1, weight, size];
}

interface Anchor {
  value: unknown;
  height: number;
  weight: number;
  size: number;
  uses: number;
  /** Recording pass: where the anchored node's descendants are (path below it, value and key offsets). */
  records: [PathSegment[], number, number][] | undefined;
}

const ESCAPES: Record<string, string> = { '0': '\0', a: '\x07', b: '\b', t: '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029' };

class FastParser {
  // The current line with content (lines are read as the parser goes: a large estate has a million
  // of them, none worth keeping): where its content starts, where it ends (before CR LF), its
  // indentation; `done` past the last one.
  private pos = 0;
  private end = 0;
  private indent = -1;
  private done = false;
  /** Whether a line with content (or a `---`) has been read. */
  private started = false;
  /** Where the next line starts. */
  private next = 0;
  /** Lists and mappings open around the current position. */
  private depth = 0;
  private readonly path: PathSegment[] = [];
  /** Each key text once: a key met again is the same string, already known to the engine. */
  private readonly keys = new Map<string, string>();
  private readonly anchors = new Map<string, Anchor>();
  /** Inside an anchored node: no other anchor or alias may come. */
  private inAnchor = false;
  /** Anchors and aliases met so far. */
  private props = 0;
  /** Values that aliases repeat, so far. */
  private repeated = 0;
  /** A key too long for YAML, when that is where the parser gave up: where, and its length. */
  longKey: { at: number; chars: number } | undefined;
  /** Recording pass, inside an anchored node: what is recorded, and the anchored node's path length. */
  private capture: [PathSegment[], number, number][] | undefined;
  private captureBase = 0;

  constructor(
    private readonly source: string,
    private readonly record?: Recorder,
    private readonly sink?: EntrySink,
  ) {}

  /** Moves to the next line with content. */
  private advance(): void {
    const s = this.source;
    const n = s.length;
    while (this.next <= n) {
      const start = this.next;
      let end = s.indexOf('\n', start);
      if (end < 0) end = n;
      this.next = end + 1;
      const stop = end > start && s.charCodeAt(end - 1) === 13 ? end - 1 : end;
      let first = start;
      while (first < stop && s.charCodeAt(first) === 32) first++;
      if (first === stop) continue;
      const c = s.charCodeAt(first);
      if (c === 35) continue; // a comment line
      this.pos = first;
      if (first === start && (c === 45 || c === 46 || c === 37) && (c === 37 || s.startsWith(c === 45 ? '---' : '...', first))) {
        // A directive or a document marker (or a plain scalar starting like one): only one `---`
        // before any content, followed by nothing but spaces and a comment.
        if (c !== 45 || this.started || this.restAt(first + 3, stop) !== stop) giveUp();
        this.started = true;
        continue;
      }
      this.started = true;
      this.pos = first;
      this.end = stop;
      this.indent = first - start;
      return;
    }
    this.done = true;
    this.indent = -1;
  }

  /**
   * From `p` to `end`: nothing, or spaces and then nothing or a comment. Returns `end` when so, and
   * where other content starts otherwise.
   */
  private restAt(p: number, end: number): number {
    const s = this.source;
    if (p === end) return end;
    if (s.charCodeAt(p) !== 32) return p;
    while (p < end && s.charCodeAt(p) === 32) p++;
    return p === end || s.charCodeAt(p) === 35 ? end : p;
  }

  /** Only spaces and a comment may follow `p` on the line. */
  private rest(p: number, end: number): void {
    if (this.restAt(p, end) !== end) giveUp();
  }

  /** Where the parser is: the current line's content, or inside a flow collection. */
  get at(): number {
    return this.inFlow ? this.i : this.done ? this.source.length : this.pos;
  }

  parse(): unknown {
    this.advance();
    if (this.done) return null; // no content (nothing in it is ever located)
    this.mark(this.pos); // the root
    const value = this.block(this.indent);
    if (!this.done) giveUp();
    return value;
  }

  private key(raw: string): string {
    let key = this.keys.get(raw);
    if (key === undefined) this.keys.set(raw, (key = raw));
    return key;
  }

  /** A scalar as parse-json.ts keeps its strings (source.ts sharedText), in the map of the keys. */
  private shared(value: unknown): unknown {
    return typeof value === 'string' ? sharedText(this.keys, value, this.path) : value;
  }

  private mark(valueOffset: number, keyOffset = -1): void {
    if (this.record === undefined) return;
    this.record(this.path, valueOffset, keyOffset);
    if (this.capture !== undefined) this.capture.push([this.path.slice(this.captureBase), valueOffset, keyOffset]);
  }

  private enter(): void {
    if (++this.depth > MAX_NESTING) giveUp();
  }

  private isItem(p: number, end: number): boolean {
    return this.source.charCodeAt(p) === 45 && (p + 1 === end || this.source.charCodeAt(p + 1) === 32);
  }

  /** A block node whose first line is the current one, at indentation `indent`. */
  private block(indent: number): unknown {
    const { pos, end } = this;
    if (this.indent !== indent) giveUp();
    if (this.isItem(pos, end)) return this.sequence(indent);
    const colon = this.keyColon(pos, end);
    if (colon >= 0) return this.mapping(indent, pos, colon);
    const c = this.source.charCodeAt(pos);
    if (c === 38 || c === 42) giveUp(); // an anchor or alias alone on a line
    // A scalar or flow collection alone on its line.
    const value = this.lineValue(pos, end);
    this.advance();
    return value;
  }

  /**
   * Where the `:` of an implicit key starting at `p` is, or -1 when the text there is no key (a
   * scalar or a flow collection). Gives up on keys outside the subset.
   */
  private keyColon(p: number, end: number): number {
    const s = this.source;
    const c = s.charCodeAt(p);
    if (c === 34 || c === 39) {
      let q = this.quotedEnd(p, end);
      while (q < end && s.charCodeAt(q) === 32) q++;
      return q < end && s.charCodeAt(q) === 58 && (q + 1 === end || s.charCodeAt(q + 1) === 32) ? q : -1;
    }
    if (c === 91 || c === 123) return -1; // a flow collection: a value (a flow key gives up later)
    if (isIndicator(c) || (c === 45 && (p + 1 === end || s.charCodeAt(p + 1) === 32))) giveUp();
    for (let i = p + 1; i < end; i++) {
      const d = s.charCodeAt(i);
      if (d === 58) {
        if (i + 1 === end || s.charCodeAt(i + 1) === 32) return i;
      } else if (d === 35 && s.charCodeAt(i - 1) === 32) return -1; // a comment: the line is a scalar
    }
    return -1;
  }

  /** The key text before `colon` (a plain or quoted key starting at `p`). */
  private keyText(p: number, colon: number): string {
    const s = this.source;
    const c = s.charCodeAt(p);
    let e = colon;
    while (s.charCodeAt(e - 1) === 32) e--;
    // The `:` of an implicit key comes at most 1,024 characters after the key's start (YAML 1.2).
    if (colon - p > 1024) {
      this.longKey = { at: p, chars: e - p };
      giveUp();
    }
    if (c === 34 || c === 39) return this.key(this.quoted(p, colon)[0]);
    const raw = s.slice(p, e);
    // A key that resolves to a number, null or a boolean is the yaml package's to turn into text.
    if (typeof plainScalar(raw) !== 'string') giveUp();
    return this.key(raw);
  }

  private sequence(indent: number): unknown[] {
    const s = this.source;
    const out: unknown[] = [];
    // A section's entries go to the sink, when there is one, not into the list (src/input/stream.ts);
    // an anchored list keeps them (an alias repeats it).
    const section = this.sink !== undefined && !this.inAnchor && this.path.length <= 2 ? sectionAt(this.path) : undefined;
    let n = 0;
    const put = (value: unknown) => {
      if (section === undefined) out.push(value);
      else this.sink!(section, value);
      n++;
    };
    const outer = this.blockIndent;
    this.blockIndent = indent;
    this.enter();
    this.mark(this.pos);
    while (!this.done && this.indent === indent && this.isItem(this.pos, this.end)) {
      const item = this.pos;
      const end = this.end;
      this.path.push(n);
      let p = item + 1;
      while (p < end && s.charCodeAt(p) === 32) p++;
      if (p === end || s.charCodeAt(p) === 35) {
        // `-` and nothing: a block node on the next lines, or null.
        this.advance();
        if (this.indent > indent) {
          this.mark(this.pos);
          put(this.block(this.indent));
        } else {
          this.mark(p);
          put(null);
        }
      } else if (this.isItem(p, end)) {
        giveUp(); // nested compact sequences
      } else if (s.charCodeAt(p) === 38) {
        put(this.anchoredValue(p, end, indent, false));
      } else if (s.charCodeAt(p) === 42) {
        this.mark(p);
        put(this.lineValue(p, end));
        this.advance();
      } else {
        const colon = this.keyColon(p, end);
        this.mark(p);
        if (colon >= 0) put(this.mapping(indent + (p - item), p, colon));
        else {
          put(this.lineValue(p, end));
          this.advance();
        }
      }
      this.path.pop();
      if (!this.done && this.indent > indent) giveUp();
    }
    this.depth--;
    this.blockIndent = outer;
    return out;
  }

  /**
   * A mapping at `indent`; its first key starts at `first` (which may be on a sequence item's
   * line) with its `:` at `colon`; the following keys start lines of the same indentation.
   */
  private mapping(indent: number, first: number, colon: number): Record<string, unknown> {
    const s = this.source;
    const out: Record<string, unknown> = {};
    /** Keys that came from a merge: a key of the mapping itself may replace them once. */
    let merged: Set<string> | undefined;
    const outer = this.blockIndent;
    this.blockIndent = indent;
    this.enter();
    let at = first;
    for (;;) {
      const end = this.end;
      const key = this.keyText(at, colon);
      let v = colon + 1;
      while (v < end && s.charCodeAt(v) === 32) v++;
      if (key === '<<' && s.charCodeAt(at) !== 34 && s.charCodeAt(at) !== 39) {
        // A merge key.
        if (merged !== undefined || v === end) giveUp();
        merged = new Set();
        this.merge(out, merged, v, end);
        this.advance();
      } else {
        let value: unknown;
        this.path.push(key);
        if (v === end || s.charCodeAt(v) === 35) {
          this.advance();
          if (this.indent > indent || (this.indent === indent && this.isItem(this.pos, this.end))) {
            this.mark(this.pos, at);
            value = this.block(this.indent);
          } else {
            this.mark(v, at);
            value = null;
          }
        } else if (s.charCodeAt(v) === 38) {
          value = this.anchoredValue(v, end, indent, true, at);
        } else {
          this.mark(v, at);
          value = this.lineValue(v, end);
          this.advance();
        }
        this.path.pop();
        if (Object.hasOwn(out, key)) {
          // Only a merged key may be given again (and then only once): a duplicate goes to the yaml package.
          if (!merged?.delete(key)) giveUp();
        }
        define(out, key, value);
      }
      if (this.done || this.indent < indent) break;
      if (this.indent > indent || this.isItem(this.pos, this.end)) giveUp(); // a continuation line, or an item after a mapping
      at = this.pos;
      colon = this.keyColon(at, this.end);
      if (colon < 0) giveUp();
    }
    this.depth--;
    this.blockIndent = outer;
    return out;
  }

  /**
   * `&name` at `p`, then a value on the line or a block node on the next lines (indented more
   * than `indent`, or for a mapping value a sequence at `indent`). Marks and advances.
   */
  private anchoredValue(p: number, end: number, indent: number, inMapping: boolean, keyOffset = -1): unknown {
    const s = this.source;
    const [name, q] = this.name(p, end);
    const v = this.restAt(q, end);
    if (q !== end && s.charCodeAt(q) !== 32) giveUp();
    return this.anchor(name, () => {
      if (v === end) {
        this.advance();
        if (this.indent > indent || (inMapping && this.indent === indent && this.isItem(this.pos, this.end))) {
          this.mark(this.pos, keyOffset);
          return this.block(this.indent);
        }
        return giveUp(); // an anchored empty value
      }
      const c = s.charCodeAt(v);
      if (c === 38 || c === 42 || this.keyColon(v, end) >= 0) giveUp(); // two anchors, an anchored alias, an anchored key
      this.mark(v, keyOffset);
      const value = this.lineValue(v, end);
      this.advance();
      return value;
    });
  }

  /** `&name` or `*name` at `p`: the name and where it ends. */
  private name(p: number, end: number): [string, number] {
    const s = this.source;
    let q = p + 1;
    while (q < end && isNameChar(s.charCodeAt(q))) q++;
    if (q === p + 1) giveUp();
    return [s.slice(p + 1, q), q];
  }

  /** Parses an anchored node with `parse` and keeps it under `name`. */
  private anchor(name: string, parse: () => unknown): unknown {
    if (this.inAnchor || this.anchors.has(name) || ++this.props > MAX_ANCHORS_AND_ALIASES) giveUp();
    this.inAnchor = true;
    if (this.record !== undefined) {
      this.capture = [];
      this.captureBase = this.path.length;
    }
    const value = parse();
    const records = this.capture;
    this.capture = undefined;
    this.inAnchor = false;
    const [height, weight, size] = measure(value);
    this.anchors.set(name, { value, height, weight, size, uses: 0, records });
    return value;
  }

  /** One more use of the anchor `name`, counted as the yaml package counts them. */
  private use(name: string): Anchor {
    const anchor = this.anchors.get(name);
    if (anchor === undefined || this.inAnchor || ++this.props > MAX_ANCHORS_AND_ALIASES) return giveUp();
    anchor.uses++;
    if ((anchor.uses + 1) * anchor.weight > MAX_ALIAS_COUNT) giveUp();
    this.repeated += anchor.size;
    if (this.repeated > MAX_ALIAS_VALUES) giveUp();
    return anchor;
  }

  /** The value of an alias at the current path (its anchored node's places recorded below it too). */
  private alias(name: string): unknown {
    const anchor = this.use(name);
    if (this.depth + anchor.height > MAX_NESTING) giveUp();
    if (this.record !== undefined && anchor.records !== undefined) {
      for (const [below, valueOffset, keyOffset] of anchor.records) {
        if (below.length > 0) this.record([...this.path, ...below], valueOffset, keyOffset);
      }
    }
    return anchor.value;
  }

  /** `<<: *a` or `<<: [*a, *b]` at `p`: the aliased mappings' keys that `out` does not have yet. */
  private merge(out: Record<string, unknown>, merged: Set<string>, p: number, end: number): void {
    const s = this.source;
    const names: string[] = [];
    let q: number;
    if (s.charCodeAt(p) === 42) {
      const [name, after] = this.name(p, end);
      names.push(name);
      q = after;
    } else if (s.charCodeAt(p) === 91) {
      q = p + 1;
      for (;;) {
        while (q < end && s.charCodeAt(q) === 32) q++;
        if (s.charCodeAt(q) !== 42) giveUp();
        const [name, after] = this.name(q, end);
        names.push(name);
        q = after;
        while (q < end && s.charCodeAt(q) === 32) q++;
        const c = s.charCodeAt(q++);
        if (c === 93) break;
        if (c !== 44) giveUp();
      }
    } else return giveUp();
    this.rest(q, end);
    for (const name of names) {
      const anchor = this.use(name);
      const source = anchor.value;
      if (!isMapping(source)) return giveUp();
      if (this.depth + anchor.height - 1 > MAX_NESTING) giveUp();
      for (const key of Object.keys(source)) {
        if (!Object.hasOwn(out, key)) {
          define(out, key, copy(source[key]));
          merged.add(this.key(key));
        }
      }
    }
  }

  /** A value on the rest of a line, from `p`: an alias, a flow collection, a quoted or a plain scalar. */
  private lineValue(p: number, end: number): unknown {
    const s = this.source;
    const c = s.charCodeAt(p);
    let value: unknown;
    let q: number;
    if (c === 91 || c === 123) {
      this.i = p;
      this.lineEnd = end;
      this.flowLine = this.pos;
      this.flowIndent = this.blockIndent + 1;
      this.inFlow = true;
      value = this.flowNode();
      this.inFlow = false;
      // The collection may have closed on a later line: the rest of that line follows.
      q = this.i;
      end = this.lineEnd;
    } else if (c === 34 || c === 39) {
      [value, q] = this.quoted(p, end);
      value = this.shared(value);
    } else if (c === 42) {
      const [name, after] = this.name(p, end);
      value = this.alias(name);
      q = after;
    } else {
      return this.plain(p, end);
    }
    this.rest(q, end);
    return value;
  }

  /** A plain scalar in block context from `p` to the line's end (or a comment). */
  private plain(p: number, end: number): unknown {
    const s = this.source;
    const c = s.charCodeAt(p);
    if (isIndicator(c) || (c === 45 && (p + 1 === end || s.charCodeAt(p + 1) === 32))) giveUp();
    let e = end;
    for (let i = p + 1; i < end; i++) {
      const d = s.charCodeAt(i);
      if (d === 58) {
        if (i + 1 === end || s.charCodeAt(i + 1) === 32) giveUp(); // a mapping inside a value
      } else if (d === 35 && s.charCodeAt(i - 1) === 32) {
        e = i;
        break;
      }
    }
    while (s.charCodeAt(e - 1) === 32) e--;
    return this.shared(plainScalar(s.slice(p, e)));
  }

  /** Where a quoted scalar starting at `p` ends (after its closing quote), on this line. */
  private quotedEnd(p: number, end: number): number {
    const s = this.source;
    const q = s.charCodeAt(p);
    for (let i = p + 1; i < end; i++) {
      const c = s.charCodeAt(i);
      if (c === q) {
        if (q === 39 && s.charCodeAt(i + 1) === 39 && i + 1 < end) i++;
        else return i + 1;
      } else if (c === 92 && q === 34) i++;
    }
    return giveUp();
  }

  /** A quoted scalar starting at `p`, closed before `end`: its value and the index after its closing quote. */
  private quoted(p: number, end: number): [string, number] {
    const s = this.source;
    const q = s.charCodeAt(p);
    let out = '';
    let chunk = p + 1;
    for (let i = p + 1; i < end; i++) {
      const c = s.charCodeAt(i);
      if (c === q) {
        if (q === 39 && i + 1 < end && s.charCodeAt(i + 1) === 39) {
          out += s.slice(chunk, i + 1);
          chunk = ++i + 1;
          continue;
        }
        return [out + s.slice(chunk, i), i + 1];
      }
      if (c === 92 && q === 34) {
        out += s.slice(chunk, i);
        const e = s[++i];
        if (i >= end || e === undefined) giveUp();
        if (e === 'x' || e === 'u' || e === 'U') {
          const len = e === 'x' ? 2 : e === 'u' ? 4 : 8;
          const hex = s.slice(i + 1, i + 1 + len);
          if (i + len >= end || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== len) giveUp();
          const code = parseInt(hex, 16);
          if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) giveUp();
          out += String.fromCodePoint(code);
          i += len;
        } else if (Object.hasOwn(ESCAPES, e!)) out += ESCAPES[e!];
        else giveUp();
        chunk = i + 1;
      }
    }
    return giveUp();
  }

  // --- flow collections: `this.i` goes from the opening bracket to after the closing one, over the
  // lines it spans (the current line is then the one it closes on).

  private i = 0;
  private lineEnd = 0;
  private inFlow = false;
  /** The least indentation of a flow collection's continuation lines (one more than its block collection's). */
  private flowIndent = 0;
  /** The indentation of the innermost block mapping or sequence (-1 at the root). */
  private blockIndent = -1;
  /** Where the line that the outermost flow collection starts on has content (where an unclosed one is given up). */
  private flowLine = 0;

  private spaces(): void {
    const s = this.source;
    while (this.i < this.lineEnd && s.charCodeAt(this.i) === 32) this.i++;
  }

  /**
   * Spaces, where a line break may come between flow entries (after `[`, `{` and `,`, and after the
   * last entry): then, at the end of the line or at a comment (` #`), the next line with content
   * (blank and comment lines skipped), which must be indented more than the block collection around
   * the flow collection (the yaml package ends the collection there, with an error). Leaves
   * `this.i` at content; returns whether it went to another line.
   */
  private flowBreak(): boolean {
    const s = this.source;
    this.spaces();
    if (this.i < this.lineEnd && (s.charCodeAt(this.i) !== 35 || s.charCodeAt(this.i - 1) !== 32)) return false;
    this.advance();
    if (this.done) {
      this.i = this.flowLine; // never closed
      giveUp();
    }
    this.i = this.pos;
    this.lineEnd = this.end;
    if (this.indent < this.flowIndent) giveUp();
    return true;
  }

  /** A flow collection at `this.i`. */
  private flowNode(): unknown {
    const c = this.source.charCodeAt(this.i);
    return c === 91 ? this.flowSequence() : this.flowMapping();
  }

  /**
   * An entry or a mapping value at `this.i` (spaces skipped): a flow collection, a quoted or plain
   * scalar, an alias, or one of these but an alias anchored. Marks it (after its anchor, as the
   * yaml package places a node).
   */
  private flowValue(keyOffset: number): unknown {
    const s = this.source;
    if (this.i >= this.lineEnd) giveUp();
    if (s.charCodeAt(this.i) === 38) {
      const [name, q] = this.name(this.i, this.lineEnd);
      if (s.charCodeAt(q) !== 32 || q >= this.lineEnd) giveUp();
      this.i = q;
      this.spaces();
      const d = s.charCodeAt(this.i);
      if (this.i >= this.lineEnd || d === 38 || d === 42) giveUp();
      return this.anchor(name, () => {
        this.mark(this.i, keyOffset);
        return this.flowBare();
      });
    }
    this.mark(this.i, keyOffset);
    return this.flowBare();
  }

  private flowBare(): unknown {
    const s = this.source;
    const c = s.charCodeAt(this.i);
    if (c === 42) {
      const [name, q] = this.name(this.i, this.lineEnd);
      this.i = q;
      return this.alias(name);
    }
    if (c === 91 || c === 123) return this.flowNode();
    if (c === 34 || c === 39) {
      const [value, q] = this.quoted(this.i, this.lineEnd);
      this.i = q;
      return this.shared(value);
    }
    return this.shared(plainScalar(this.flowPlain()));
  }

  /**
   * A plain scalar in a flow collection, on its line: its text (without trailing spaces); `this.i`
   * after it (at a flow indicator, a `:`, a comment or the line's end).
   */
  private flowPlain(): string {
    const s = this.source;
    const end = this.lineEnd;
    const p = this.i;
    const c = s.charCodeAt(p);
    if (isIndicator(c) || (c === 45 && (p + 1 === end || s.charCodeAt(p + 1) === 32 || isFlowIndicator(s.charCodeAt(p + 1))))) giveUp();
    let i = p + 1;
    for (; i < end; i++) {
      const d = s.charCodeAt(i);
      if (isFlowIndicator(d)) break;
      if (d === 58) {
        const e = i + 1 < end ? s.charCodeAt(i + 1) : 32;
        if (e === 32 || isFlowIndicator(e)) break;
      } else if (d === 35 && s.charCodeAt(i - 1) === 32) break; // a comment
    }
    this.i = i;
    let e = i;
    while (s.charCodeAt(e - 1) === 32) e--;
    return s.slice(p, e);
  }

  private flowSequence(): unknown[] {
    const s = this.source;
    const out: unknown[] = [];
    // A section's entries go to the sink, when there is one, not into the list, as in `sequence`.
    const section = this.sink !== undefined && !this.inAnchor && this.path.length <= 2 ? sectionAt(this.path) : undefined;
    let n = 0;
    this.enter();
    this.i++;
    for (;;) {
      this.flowBreak();
      if (s.charCodeAt(this.i) === 93) break;
      // Every 4,096 items of a list (an estate's sections are lists): the heap is checked, as parse-json.ts does.
      if ((n & 4095) === 4095 && heapFull()) throw new OutOfHeap(tooLargeForHeap(s.length));
      this.path.push(n);
      const value = this.flowValue(-1);
      if (section === undefined) out.push(value);
      else this.sink!(section, value);
      n++;
      this.path.pop();
      // After an entry, a line break only before the closing bracket: a plain scalar would go on
      // on the next line (`[a\n b]` is ["a b"]), and a leading comma is not in the subset.
      const broke = this.flowBreak();
      const c = s.charCodeAt(this.i);
      if (c === 93) break;
      if (c !== 44 || broke) giveUp(); // `:` (a pair), another bracket, a comma on the next line
      this.i++;
    }
    this.i++;
    this.depth--;
    return out;
  }

  private flowMapping(): Record<string, unknown> {
    const s = this.source;
    const out: Record<string, unknown> = {};
    this.enter();
    this.i++;
    for (;;) {
      this.flowBreak();
      if (s.charCodeAt(this.i) === 125) break;
      // A key, its `:` and its value start on one line.
      const keyOffset = this.i;
      const c = s.charCodeAt(this.i);
      let key: string;
      let quoted = false;
      if (c === 34 || c === 39) {
        const [k, q] = this.quoted(this.i, this.lineEnd);
        key = this.key(k);
        this.i = q;
        quoted = true;
      } else {
        const raw = this.flowPlain();
        if (typeof plainScalar(raw) !== 'string' || raw === '<<') giveUp();
        key = this.key(raw);
      }
      this.spaces();
      if (s.charCodeAt(this.i) !== 58 || this.i >= this.lineEnd) giveUp();
      this.i++;
      // After a plain key, `:` is followed by a space; after a quoted one, the value may follow at once.
      if (!quoted && s.charCodeAt(this.i) !== 32) giveUp();
      this.spaces();
      const v = s.charCodeAt(this.i);
      if (this.i >= this.lineEnd || v === 44 || v === 125) giveUp(); // an empty value
      this.path.push(key);
      const value = this.flowValue(keyOffset);
      this.path.pop();
      if (Object.hasOwn(out, key)) giveUp();
      define(out, key, value);
      const broke = this.flowBreak();
      const d = s.charCodeAt(this.i);
      if (d === 125) break;
      if (d !== 44 || broke) giveUp();
      this.i++;
    }
    this.i++;
    this.depth--;
    return out;
  }
}

/** Where the fast path stops reading a text, and whether that is at a key too long for YAML. */
export interface FastPathStop {
  at: number;
  longKey?: { at: number; chars: number };
}

/**
 * Where the fast path stops reading `text` (the start of the line, or the place in a flow
 * collection, where the text leaves the subset), or undefined when it reads it all.
 */
export function fastPathStop(text: string): FastPathStop | undefined {
  if (lastStop !== undefined && lastStop.text === text) {
    const { stop } = lastStop;
    lastStop = undefined;
    return stop;
  }
  // A character the fast path does not read: the text before it may stop it sooner.
  const unread = NOT_ASCII.test(text) ? UNREAD.exec(text)?.index : undefined;
  const parser = new FastParser(unread === undefined ? text : text.slice(0, unread));
  try {
    parser.parse();
    return unread === undefined ? undefined : { at: unread };
  } catch (err) {
    if (err instanceof GiveUp) return stopOf(parser);
    throw err;
  }
}

const stopOf = (parser: FastParser): FastPathStop => (parser.longKey ? { at: parser.at, longKey: parser.longKey } : { at: parser.at });

/** Where parseYamlFast last gave up, and on what text: fastPathStop needs not read it again. */
let lastStop: { text: string; stop: FastPathStop } | undefined;

/** The estate parsed by the fast path, or undefined when the `yaml` package must parse it. */
export function parseYamlFast(text: string, sink?: EntrySink): ParsedDocument | undefined {
  lastStop = undefined;
  if (NOT_ASCII.test(text) && UNREAD.test(text)) return undefined;
  let data: unknown;
  const parser = new FastParser(text, undefined, sink);
  try {
    data = parser.parse();
  } catch (err) {
    if (!(err instanceof GiveUp)) throw err;
    lastStop = { text, stop: stopOf(parser) };
    return undefined;
  }
  const lines = new LineIndex(text);
  const positions = new PathIndex((record) => new FastParser(text, record).parse(), lines);
  return { data, locate: (path, options) => positions.locate(path, options), prepare: (paths) => positions.prepare(paths) };
}
