// A fast parser for the subset of YAML that estates are written in: block mappings and sequences
// by indentation, `- ` items (with a mapping starting on the item's line), `key: value`, flow
// collections closed on their own line, plain and quoted scalars, and comments. The `yaml` package
// composes a full Document and needs seconds for a large estate (~12,000 entries a second); this
// reads the subset at a fraction of that. Whatever it does not handle (anchors, aliases, tags,
// block scalars, multi-line scalars, directives, several documents, tabs, duplicate keys, and any
// error at all) makes it give up (`undefined`), and the `yaml` package parses the file instead, with
// its own messages. Scalars resolve as the YAML 1.2 core schema does, numbers exactly as in
// parse-yaml.ts. Tests check both parsers agree (test/estate/parse-yaml-fast.test.ts).
import { decimalOf } from '../decimal.js';
import { NonFiniteNumber } from './parse-yaml.js';
import { formatPath, type Path, type PathSegment } from './path.js';
import { LineIndex, type ParsedDocument, type Position } from './source.js';

class GiveUp extends Error {}
const giveUp = (): never => {
  throw new GiveUp();
};

type Recorder = (path: readonly PathSegment[], valueOffset: number, keyOffset: number) => void;

interface Line {
  /** Offset of the line's first character in the text. */
  start: number;
  indent: number;
  /** The content after the indentation, without a trailing comment or spaces. */
  text: string;
}

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
        const d = decimalOf(text.replace(/^\+/, ''));
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
  if (Object.prototype.hasOwnProperty.call(map, key)) giveUp(); // the yaml package reports duplicates
  if (key === '__proto__') Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
  else map[key] = value;
}

class FastParser {
  private readonly lines: Line[] = [];
  private at = 0;
  private readonly path: PathSegment[] = [];

  constructor(
    source: string,
    private readonly record?: Recorder,
  ) {
    let start = 0;
    const n = source.length;
    while (start <= n) {
      let end = source.indexOf('\n', start);
      if (end < 0) end = n;
      let raw = source.slice(start, end);
      if (raw.endsWith('\r')) raw = raw.slice(0, -1);
      let indent = 0;
      while (raw.charCodeAt(indent) === 32) indent++;
      if (raw.charCodeAt(indent) === 9) giveUp(); // tabs
      const text = stripComment(raw.slice(indent));
      if (text !== '') this.lines.push({ start, indent, text });
      start = end + 1;
    }
    const first = this.lines[0];
    if (first && first.text === '---' && first.indent === 0) this.lines.shift();
    for (const l of this.lines) if (l.indent === 0 && (l.text === '---' || l.text === '...' || l.text.startsWith('%') || l.text.startsWith('--- '))) giveUp();
  }

  parse(): unknown {
    if (this.lines.length === 0) return null;
    const value = this.block(this.lines[0]!.indent);
    if (this.at < this.lines.length) giveUp();
    return value;
  }

  private mark(valueOffset: number, keyOffset = -1): void {
    this.record?.(this.path, valueOffset, keyOffset);
  }

  /** A block node whose lines are indented `indent`. */
  private block(indent: number): unknown {
    const line = this.lines[this.at]!;
    if (line.indent !== indent) giveUp();
    if (line.text === '-' || line.text.startsWith('- ')) return this.sequence(indent);
    if (keyEnd(line.text) >= 0) return this.mapping(indent, line.text, line.start + line.indent);
    // A lone scalar or flow collection spanning the line.
    this.at++;
    return this.inline(line.text, line.start + line.indent);
  }

  private sequence(indent: number): unknown[] {
    const out: unknown[] = [];
    this.mark(this.lines[this.at]!.start + indent);
    while (this.at < this.lines.length) {
      const line = this.lines[this.at]!;
      if (line.indent !== indent || !(line.text === '-' || line.text.startsWith('- '))) break;
      this.path.push(out.length);
      const rest = line.text === '-' ? '' : line.text.slice(2);
      const restIndent = indent + 2 + (rest.length - rest.trimStart().length);
      const content = rest.trimStart();
      const offset = line.start + restIndent;
      if (content === '') {
        this.at++;
        const next = this.lines[this.at];
        if (next && next.indent > indent) {
          this.mark(next.start + next.indent);
          out.push(this.block(next.indent));
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
        this.at++;
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
      this.at++;
      const end = keyEnd(text);
      if (end < 0) giveUp();
      const key = keyText(text.slice(0, end));
      let rest = text.slice(end + 1);
      const restStart = rest.length - rest.trimStart().length;
      rest = rest.trim();
      this.path.push(key);
      const valueOffset = offset + end + 1 + restStart;
      if (rest === '') {
        const next = this.lines[this.at];
        if (next && (next.indent > indent || (next.indent === indent && (next.text === '-' || next.text.startsWith('- '))))) {
          this.mark(next.start + next.indent, offset);
          setKey(out, key, this.block(next.indent));
        } else {
          this.mark(valueOffset, offset);
          setKey(out, key, null);
        }
      } else {
        this.mark(valueOffset, offset);
        setKey(out, key, this.inline(rest, valueOffset));
      }
      this.path.pop();
      const next = this.lines[this.at];
      if (!next || next.indent < indent) return out;
      if (next.indent > indent) giveUp(); // a continuation line: multi-line scalars are not handled
      if (next.text === '-' || next.text.startsWith('- ')) return out; // the parent sequence goes on
      text = next.text;
      offset = next.start + next.indent;
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
      if (text.slice(used).trim() !== '') giveUp();
      return value;
    }
    if (BAD_START.test(text) || text.includes(': ') || text.endsWith(':')) giveUp();
    return plainScalar(text);
  }
}

/** The line without a trailing comment (a `#` after a space, outside quotes) and trailing spaces. */
function stripComment(text: string): string {
  if (text.startsWith('#')) return '';
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
  let index: Map<string, [number, number]> | undefined;
  const locate = (path: Path, options?: { key?: boolean }): Position => {
    if (!index) {
      const built = new Map<string, [number, number]>();
      new FastParser(text, (p, valueOffset, keyOffset) => {
        const key = formatPath(p);
        if (!built.has(key)) built.set(key, [valueOffset, keyOffset]);
      }).parse();
      index = built;
    }
    for (let n = path.length; n >= 0; n--) {
      const hit = index.get(formatPath(path.slice(0, n)));
      if (hit) return lines.position(options?.key && n === path.length && hit[1] >= 0 ? hit[1] : hit[0]);
    }
    return { line: 1, col: 1 };
  };
  return { data, locate };
}
