// A fast parser for the subset of YAML that estates are written in: block mappings and sequences
// by indentation, `- ` items (with a mapping starting on the item's line), `key: value`, flow
// collections closed on their own line, plain and quoted scalars, and comments. The `yaml` package
// composes a full Document and needs seconds for a large estate (~12,000 entries a second); this
// reads the subset at a fraction of that. Whatever it does not handle (anchors, aliases, tags,
// block scalars, multi-line scalars, directives, several documents, tabs, duplicate keys, and any
// error at all) makes it give up (`undefined`), and the `yaml` package parses the file instead, with
// its own messages. Scalars resolve as the YAML 1.2 core schema does, numbers exactly as in
// parse-yaml.ts. Tests check both parsers agree (test/estate/parse-yaml-fast.test.ts).
import { decimalOf } from '../core/decimal.js';
import { NonFiniteNumber } from './parse-yaml.js';
import type { PathSegment } from './path.js';
import { LineIndex, PathIndex, type ParsedDocument, type Recorder } from './source.js';

class GiveUp extends Error {}
const giveUp = (): never => {
  throw new GiveUp();
};



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

/** Characters a block plain scalar may not start with (quotes and flow openers are handled apart). */
const BAD_START = /^[&*!|>%@`?,\]}#]|^-(?:\s|$)|^:(?:\s|$)/;

function setKey(map: Record<string, unknown>, key: string, value: unknown): void {
  // `in`, not hasOwn: a duplicate, or a key such as "constructor" that Object.prototype has, goes
  // to the yaml package (which reports duplicates).
  if (key in map) giveUp();
  if (key === '__proto__') Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
  else map[key] = value;
}

class FastParser {
  // The current line with content (lines are read as the parser goes: a large estate has a million
  // of them, none worth keeping): the offset of its content, its indentation, and the content
  // without a trailing comment or spaces; `done` past the last one.
  private offset = 0;
  private indent = -1;
  private text = '';
  private done = false;
  /** Whether a line with content has been read. */
  private started = false;
  /** Where the next line starts. */
  private next = 0;
  private readonly path: PathSegment[] = [];
  /** Each key text once: a key met again is the same string, already known to the engine. */
  private readonly keys = new Map<string, string>();

  constructor(
    private readonly source: string,
    private readonly record?: Recorder,
  ) {
    this.advance();
  }

  /** Moves to the next line with content. */
  private advance(): void {
    const source = this.source;
    const n = source.length;
    while (this.next <= n) {
      const start = this.next;
      let end = source.indexOf('\n', start);
      if (end < 0) end = n;
      this.next = end + 1;
      const stop = end > start && source.charCodeAt(end - 1) === 13 ? end - 1 : end;
      let first = start;
      while (first < stop && source.charCodeAt(first) === 32) first++;
      if (first === stop) continue;
      if (source.charCodeAt(first) === 9) giveUp(); // tabs
      const text = stripComment(source.slice(first, stop));
      if (text === '') continue;
      const indent = first - start;
      // Document markers and directives; only a `---` before any content is allowed (and skipped).
      if (indent === 0 && (text === '---' || text === '...' || text.startsWith('%') || text.startsWith('--- '))) {
        if (text !== '---' || this.started) giveUp();
        this.started = true;
        continue;
      }
      this.started = true;
      this.offset = first;
      this.indent = indent;
      this.text = text;
      return;
    }
    this.done = true;
    this.indent = -1;
  }

  parse(): unknown {
    if (this.done) return null;
    const value = this.block(this.indent);
    if (!this.done) giveUp();
    return value;
  }

  private key(raw: string): string {
    let key = this.keys.get(raw);
    if (key === undefined) this.keys.set(raw, (key = keyText(raw)));
    return key;
  }

  private mark(valueOffset: number, keyOffset = -1): void {
    this.record?.(this.path, valueOffset, keyOffset);
  }

  /** A block node whose lines are indented `indent`. */
  private block(indent: number): unknown {
    const { text, offset } = this;
    if (this.indent !== indent) giveUp();
    if (isItem(text)) return this.sequence(indent);
    if (keyEnd(text) >= 0) return this.mapping(indent, text, offset);
    // A lone scalar or flow collection spanning the line.
    this.advance();
    return this.inline(text, offset);
  }

  private sequence(indent: number): unknown[] {
    const out: unknown[] = [];
    this.mark(this.offset);
    while (!this.done) {
      const text = this.text;
      if (this.indent !== indent || !isItem(text)) break;
      this.path.push(out.length);
      const rest = text === '-' ? '' : text.slice(2);
      const restIndent = indent + 2 + (rest.length - rest.trimStart().length);
      const content = rest.trimStart();
      const offset = this.offset - indent + restIndent;
      if (content === '') {
        this.advance();
        if (this.indent > indent) {
          this.mark(this.offset);
          out.push(this.block(this.indent));
        } else {
          this.mark(offset);
          out.push(null);
        }
      } else if (content.startsWith('- ') || content === '-') {
        giveUp(); // nested compact sequences
      } else if (keyEnd(content) >= 0) {
        this.mark(offset);
        out.push(this.mapping(restIndent, content, offset));
      } else {
        this.advance();
        this.mark(offset);
        out.push(this.inline(content, offset));
      }
      this.path.pop();
    }
    return out;
  }

  /**
   * A mapping at `indent`; its first key's text is `first` (which may sit on a sequence item's
   * line, at `firstOffset`), the following keys are lines of the same indentation.
   */
  private mapping(indent: number, first: string, firstOffset: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    let text = first;
    let offset = firstOffset;
    if (this.path.length === 0) this.mark(offset); // the root; other mappings are marked by their parent
    for (;;) {
      this.advance();
      const end = keyEnd(text);
      if (end < 0) giveUp();
      const key = this.key(text.slice(0, end));
      // The line has no trailing spaces (stripComment): the value is what follows the separation.
      let restStart = end + 1;
      while (restStart < text.length && (text.charCodeAt(restStart) === 32 || text.charCodeAt(restStart) === 9)) restStart++;
      const rest = restStart === text.length ? '' : text.slice(restStart);
      this.path.push(key);
      const valueOffset = offset + restStart;
      if (rest === '') {
        if (this.indent > indent || (this.indent === indent && isItem(this.text))) {
          this.mark(this.offset, offset);
          setKey(out, key, this.block(this.indent));
        } else {
          this.mark(valueOffset, offset);
          setKey(out, key, null);
        }
      } else {
        this.mark(valueOffset, offset);
        setKey(out, key, this.inline(rest, valueOffset));
      }
      this.path.pop();
      if (this.done || this.indent < indent) return out;
      if (this.indent > indent) giveUp(); // a continuation line: multi-line scalars are not handled
      text = this.text;
      if (isItem(text)) return out; // the parent sequence goes on
      offset = this.offset;
    }
  }

  /** A value on one line: a flow collection, a quoted or a plain scalar. */
  private inline(text: string, offset: number): unknown {
    const c = text[0];
    if (c === '[' || c === '{') {
      const flow = new Flow(text, offset, this.record, this.path);
      const value = flow.value();
      flow.end();
      return value;
    }
    if (c === '"' || c === "'") {
      const [value, used] = quoted(text, 0);
      for (let i = used; i < text.length; i++) if (text.charCodeAt(i) !== 32 && text.charCodeAt(i) !== 9) giveUp();
      return value;
    }
    // Most values are plain decimal numbers: nothing else to check them for.
    if (isPlainDecimal(text)) return decimalOf(text);
    if (BAD_START.test(text) || text.includes(': ') || text.endsWith(':')) giveUp();
    return plainScalar(text);
  }
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

/** A sequence item's line: `- ...` or a lone `-`. */
function isItem(text: string): boolean {
  return text.charCodeAt(0) === 45 && (text.length === 1 || text.charCodeAt(1) === 32);
}

/** The line without a trailing comment (a `#` after a space, outside quotes) and trailing spaces. */
function stripComment(text: string): string {
  if (text.charCodeAt(0) === 35) return '';
  // Most lines have neither a comment nor a quote: nothing to scan for.
  if (text.indexOf('#') < 0 && text.indexOf('"') < 0 && text.indexOf("'") < 0) return text.trimEnd();
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) {
        if (quote === "'" && text[i + 1] === "'") i++;
        else quote = '';
      }
    } else if ((c === '"' || c === "'") && (i === 0 || /[\s[{,:-]/.test(text[i - 1]!))) quote = c;
    else if (c === '#' && (text[i - 1] === ' ' || text[i - 1] === '\t')) return text.slice(0, i).trimEnd();
  }
  if (quote) giveUp(); // a quoted scalar over several lines
  return text.trimEnd();
}

/** Where a block key ends (its `:` followed by a space or the end), or -1 when the text is no key. */
function keyEnd(text: string): number {
  const c = text[0];
  if (c === '"' || c === "'") {
    const [, used] = quoted(text, 0);
    return text[used] === ':' && (used + 1 === text.length || text[used + 1] === ' ') ? used : -1;
  }
  if (c === '[' || c === '{' || c === '?' || c === '&' || c === '*' || c === '!') return -1;
  for (let i = text.indexOf(':'); i >= 0; i = text.indexOf(':', i + 1)) {
    if (i + 1 === text.length || text[i + 1] === ' ') return i;
  }
  return -1;
}

function keyText(raw: string): string {
  const text = raw.trim();
  if (text[0] === '"' || text[0] === "'") return String(quoted(text, 0)[0]);
  if (BAD_START.test(text) || text === '') giveUp();
  // A key that resolves to a number, null or a boolean is the yaml package's to turn into text.
  if (typeof plainScalar(text) !== 'string') giveUp();
  return text;
}

const ESCAPES: Record<string, string> = { '0': '\0', a: '\x07', b: '\b', t: '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029' };

/** A quoted scalar starting at `from`: its value and the index after its closing quote. */
function quoted(text: string, from: number): [string, number] {
  const q = text[from];
  // No escape before the closing quote (the usual case): the text between the quotes, as it is.
  const close = text.indexOf(q!, from + 1);
  if (close > 0 && (q === "'" ? text.charCodeAt(close + 1) !== 39 : text.indexOf('\\', from + 1) < 0 || text.indexOf('\\', from + 1) > close)) {
    return [text.slice(from + 1, close), close + 1];
  }
  let out = '';
  for (let i = from + 1; i < text.length; i++) {
    const c = text[i]!;
    if (q === "'") {
      if (c === "'") {
        if (text[i + 1] === "'") {
          out += "'";
          i++;
        } else return [out, i + 1];
      } else out += c;
    } else if (c === '"') return [out, i + 1];
    else if (c === '\\') {
      const e = text[++i];
      if (e === undefined) giveUp();
      if (e === 'x' || e === 'u' || e === 'U') {
        const len = e === 'x' ? 2 : e === 'u' ? 4 : 8;
        const hex = text.slice(i + 1, i + 1 + len);
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== len) giveUp();
        out += String.fromCodePoint(parseInt(hex, 16));
        i += len;
      } else if (ESCAPES[e!] !== undefined) out += ESCAPES[e!];
      else giveUp();
    } else out += c;
  }
  return giveUp();
}

/** A flow collection on one line: `{ a: 1, b: [x, y] }`. */
class Flow {
  private i = 0;
  constructor(
    private readonly text: string,
    private readonly offset: number,
    private readonly record: Recorder | undefined,
    private readonly path: PathSegment[],
  ) {}

  private ws(): void {
    while (this.text[this.i] === ' ') this.i++;
  }

  end(): void {
    this.ws();
    if (this.i !== this.text.length) giveUp();
  }

  value(): unknown {
    this.ws();
    const c = this.text[this.i];
    if (c === '{') return this.map();
    if (c === '[') return this.seq();
    if (c === '"' || c === "'") {
      const [v, used] = quoted(this.text, this.i);
      this.i = used;
      return v;
    }
    const start = this.i;
    while (this.i < this.text.length && !',]}'.includes(this.text[this.i]!) && !(this.text[this.i] === ':' && /[\s,\]}]|^$/.test(this.text[this.i + 1] ?? ''))) this.i++;
    const plain = this.text.slice(start, this.i).trim();
    if (/^[&*!|>%@`{[?]/.test(plain) || plain.includes('#') || plain.includes(': ')) giveUp();
    return plainScalar(plain);
  }

  private seq(): unknown[] {
    const out: unknown[] = [];
    this.i++;
    this.ws();
    if (this.text[this.i] === ']') {
      this.i++;
      return out;
    }
    for (;;) {
      this.ws();
      this.path.push(out.length);
      this.record?.(this.path, this.offset + this.i, -1);
      out.push(this.value());
      this.path.pop();
      this.ws();
      const c = this.text[this.i++];
      if (c === ']') return out;
      if (c !== ',') giveUp();
    }
  }

  private map(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.i++;
    this.ws();
    if (this.text[this.i] === '}') {
      this.i++;
      return out;
    }
    for (;;) {
      this.ws();
      const keyOffset = this.offset + this.i;
      let key: string;
      if (this.text[this.i] === '"' || this.text[this.i] === "'") {
        const [k, used] = quoted(this.text, this.i);
        key = k;
        this.i = used;
      } else {
        const start = this.i;
        while (this.i < this.text.length && !(this.text[this.i] === ':' && /[\s,}]|^$/.test(this.text[this.i + 1] ?? '')) && !',{}[]'.includes(this.text[this.i]!)) this.i++;
        key = keyText(this.text.slice(start, this.i));
      }
      this.ws();
      if (this.text[this.i] !== ':') giveUp();
      this.i++;
      this.ws();
      this.path.push(key);
      let value: unknown = null;
      if (this.text[this.i] === ',' || this.text[this.i] === '}') this.record?.(this.path, this.offset + this.i, keyOffset);
      else {
        this.record?.(this.path, this.offset + this.i, keyOffset);
        value = this.value();
      }
      this.path.pop();
      setKey(out, key, value);
      this.ws();
      const c = this.text[this.i++];
      if (c === '}') return out;
      if (c !== ',') giveUp();
    }
  }
}

/** The estate parsed by the fast path, or undefined when the `yaml` package must parse it. */
export function parseYamlFast(text: string): ParsedDocument | undefined {
  let data: unknown;
  try {
    data = new FastParser(text).parse();
  } catch (err) {
    if (err instanceof GiveUp || err instanceof RangeError) return undefined;
    throw err;
  }
  const lines = new LineIndex(text);
  const positions = new PathIndex((record) => new FastParser(text, record).parse(), lines);
  return { data, locate: (path, options) => positions.locate(path, options), prepare: (paths) => positions.prepare(paths) };
}
