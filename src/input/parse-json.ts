// A JSON parser that keeps what JSON.parse throws away: the exact text of every number (as a
// Decimal, so 0.1 stays 0.1 whatever its length) and the position of every key and value (for
// errors with line:column). Positions are indexed only when first asked for: a valid estate never
// pays for them.
import { decimalOf, type D } from '../core/decimal.js';
import type { PathSegment } from './path.js';
import { looksSecret } from './excerpt.js';
import { sectionAt, type EntrySink } from './sections.js';
import { heapFull, OutOfHeap, tooLargeForHeap } from './memory.js';
import { LineIndex, MAX_NESTING, PathIndex, sharedText, TOO_DEEP, type ParseResult, type Recorder, type SyntaxProblem } from './source.js';

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = [['true', true], ['false', false], ['null', null]] as const;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Parsing stopped: the heap is nearly full (src/input/memory.ts). */
class HeapFull extends OutOfHeap {
  constructor(readonly offset: number, bytes: number) {
    super(tooLargeForHeap(bytes));
  }
}

class Parser {
  private i = 0;
  private readonly path: PathSegment[] = [];
  /** Each key text once: a key met again is the same string, already known to the engine; short string values too. */
  private readonly keys = new Map<string, string>();
  constructor(
    private readonly text: string,
    private readonly record?: Recorder,
    private readonly sink?: EntrySink,
  ) {}

  parse(): unknown {
    this.ws();
    if (this.i >= this.text.length) throw new JsonSyntaxError('the file is empty', 0);
    const value = this.value(-1);
    this.ws();
    if (this.i < this.text.length) throw this.unexpected('the end of the file');
    return value;
  }

  private key(text: string): string {
    const known = this.keys.get(text);
    if (known !== undefined) return known;
    this.keys.set(text, text);
    return text;
  }

  private ws(): void {
    const t = this.text;
    let c = t.charCodeAt(this.i);
    while (c === 32 || c === 10 || c === 13 || c === 9) c = t.charCodeAt(++this.i);
  }

  private found(): string {
    if (this.i >= this.text.length) return 'the end of the file';
    const ch = this.text[this.i]!;
    return /[\x20-\x7e]/.test(ch) ? `"${ch}"` : `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  }

  private unexpected(expected: string): JsonSyntaxError {
    return new JsonSyntaxError(`expected ${expected}, found ${this.found()}`, this.i);
  }

  private value(keyOffset: number): unknown {
    const c = this.text.charCodeAt(this.i);
    // An array or object inside MAX_NESTING others: refused where it opens.
    if ((c === 123 || c === 91) && this.path.length >= MAX_NESTING) throw new JsonSyntaxError(TOO_DEEP, this.i);
    this.record?.(this.path, this.i, keyOffset);
    if (c === 123) return this.object();
    if (c === 91) return this.array();
    if (c === 34) return sharedText(this.keys, this.string(), this.path);
    if (c === 45 || (c >= 48 && c <= 57)) return this.number();
    for (const [word, value] of LITERALS) {
      if (this.text.startsWith(word, this.i)) {
        this.i += word.length;
        return value;
      }
    }
    throw this.unexpected('a value (object, array, string, number, true, false or null)');
  }

  private object(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.i++;
    this.ws();
    if (this.text.charCodeAt(this.i) === 125) {
      this.i++;
      return out;
    }
    for (;;) {
      if (this.text.charCodeAt(this.i) !== 34) throw this.unexpected('a key in double quotes');
      const keyOffset = this.i;
      const key = this.key(this.string());
      // A key that looks like a secret is not printed (a credentials file given as an estate).
      if (Object.hasOwn(out, key)) throw new JsonSyntaxError(looksSecret(key) ? `duplicate key of ${key.length} characters (not shown: it looks like a key or a password)` : `duplicate key "${key}"`, keyOffset);
      this.ws();
      if (this.text.charCodeAt(this.i) !== 58) throw this.unexpected('":" after the key');
      this.i++;
      this.ws();
      this.path.push(key);
      const value = this.value(keyOffset);
      this.path.pop();
      // A "__proto__" key must stay an ordinary own property, never a prototype.
      if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      else out[key] = value;
      this.ws();
      const c = this.text.charCodeAt(this.i);
      if (c === 44) {
        this.i++;
        this.ws();
        continue;
      }
      if (c === 125) {
        this.i++;
        return out;
      }
      throw this.unexpected('"," or "}"');
    }
  }

  private array(): unknown[] {
    const out: unknown[] = [];
    // A section's entries go to the sink, when there is one, not into the list (src/input/stream.ts).
    const section = this.sink !== undefined && this.path.length <= 2 ? sectionAt(this.path) : undefined;
    let n = 0;
    this.i++;
    this.ws();
    if (this.text.charCodeAt(this.i) === 93) {
      this.i++;
      return out;
    }
    for (;;) {
      // Every 4,096 items of a list (an estate's sections are lists): the heap is checked.
      if ((n & 4095) === 4095 && heapFull()) throw new HeapFull(this.i, this.text.length);
      this.path.push(n);
      const value = this.value(-1);
      if (section === undefined) out.push(value);
      else this.sink!(section, value);
      n++;
      this.path.pop();
      this.ws();
      const c = this.text.charCodeAt(this.i);
      if (c === 44) {
        this.i++;
        this.ws();
        continue;
      }
      if (c === 93) {
        this.i++;
        return out;
      }
      throw this.unexpected('"," or "]"');
    }
  }

  private string(): string {
    const t = this.text;
    const start = ++this.i;
    let i = start;
    let out = '';
    let chunk = start;
    for (;;) {
      const c = t.charCodeAt(i);
      if (c === 34) {
        this.i = i + 1;
        return chunk === start ? t.slice(start, i) : out + t.slice(chunk, i);
      }
      if (c === 92) {
        out += t.slice(chunk, i);
        const e = t[i + 1];
        if (e !== undefined && Object.hasOwn(ESCAPES, e)) {
          out += ESCAPES[e];
          i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(t.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(t.slice(i + 2, i + 6), 16));
          i += 6;
        } else {
          throw new JsonSyntaxError('invalid escape in a string', i);
        }
        chunk = i;
        continue;
      }
      if (c < 32) throw new JsonSyntaxError('control character in a string (escape it)', i);
      // Past the end, charCodeAt is NaN, which no comparison above matches.
      if (c !== c) throw new JsonSyntaxError('unterminated string', start - 1);
      i++;
    }
  }

  private number(): D {
    NUMBER.lastIndex = this.i;
    if (!NUMBER.test(this.text)) throw this.unexpected('a number');
    const start = this.i;
    this.i = NUMBER.lastIndex;
    return decimalOf(this.text.slice(start, this.i));
  }
}

/**
 * `text` parsed as JSON. With a `sink`, the entries of the estate's sections go to it as they are
 * read, and their lists in the data stay empty (the positions are of the whole text all the same).
 */
export function parseJson(text: string, sink?: EntrySink): ParseResult {
  const lines = new LineIndex(text);
  let data: unknown;
  try {
    data = new Parser(text, undefined, sink).parse();
  } catch (err) {
    // Where the heap filled up: the estate is refused with the sizes (exit 2), never a SIGABRT.
    if (err instanceof HeapFull) return { ok: false, problems: [{ position: lines.position(err.offset), message: err.message }] };
    if (!(err instanceof JsonSyntaxError)) throw err;
    const problem: SyntaxProblem = { position: lines.position(err.offset), message: `invalid JSON: ${err.message}` };
    return { ok: false, problems: [problem] };
  }
  const positions = new PathIndex((record) => new Parser(text, record).parse(), lines);
  return { ok: true, document: { data, locate: (path, options) => positions.locate(path, options), prepare: (paths) => positions.prepare(paths) } };
}
