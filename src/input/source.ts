import type { Path, PathSegment } from './path.js';

/**
 * How deeply lists and mappings may nest in an estate or a rate card (JSON or YAML, aliases
 * expanded). Real ones nest 5 or 6 levels; the limit keeps a hostile file from exhausting the stack.
 */
export const MAX_NESTING = 64;
export const TOO_DEEP = `lists and mappings nested more than ${MAX_NESTING} levels deep (an estate needs a few)`;

/** How many times one anchor's alias may be expanded: the `yaml` package's `maxAliasCount` (no "billion laughs"). */
export const MAX_ALIAS_COUNT = 1000;
/**
 * Anchors and aliases in one YAML file, at most: the `yaml` package resolves each alias by a walk
 * over those before it (quadratic), and no estate needs more than a few dozen.
 */
export const MAX_ANCHORS_AND_ALIASES = 10_000;
/**
 * Values that aliases may repeat in one file, in all (each alias counts the values of its anchored
 * node, nested aliases expanded): the `yaml` package's alias limit counts uses, not sizes, so 999
 * aliases of a list of 10,000 would make a 300 KB file validate ten million values.
 */
export const MAX_ALIAS_VALUES = 100_000;
/**
 * YAML outside the plain block style (parse-yaml-fast.ts) is read by the `yaml` package, which takes
 * ~10 µs and ~1 KB per token: at most this many tokens (~125 KB of YAML, ~1,000 entries) are given
 * to it, so that no file keeps it busy for seconds or gigabytes. Larger estates are written in the
 * plain style (as `dtcost init` and `dtcost import` write them) or as JSON.
 */
export const MAX_FULL_YAML_TOKENS = 50_000;
/** ... and at most this many characters (a single token, an unclosed quote say, can be long). */
export const MAX_FULL_YAML_CHARS = 1024 * 1024;

/** A number the estate cannot use (`.inf`, `.nan`, too large): left for the schema to report by its text. */
/**
 * A string value as the parsers keep it: a short one (a location, a step's name, a mode) once for
 * all its repeats, in `known` (where the parser keeps its keys), while fewer than 65,536 are known;
 * an entry's own name (unique within its section) is not looked up, and a longer text is a slice of
 * the file's, which V8 shares rather than copies.
 */
export function sharedText(known: Map<string, string>, value: string, path: readonly PathSegment[]): string {
  if (value.length > 12 || (path.length <= 4 && path[path.length - 1] === 'name')) return value;
  const seen = known.get(value);
  if (seen !== undefined) return seen;
  if (known.size < 65_536) known.set(value, value);
  return value;
}

export class NonFiniteNumber {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export interface Position {
  line: number;
  col: number;
}

/** A parsed estate or rate card: plain data (numbers as Decimal) and a way back to the text. */
export interface ParsedDocument {
  data: unknown;
  /** Where the value at `path` starts (or, with `key`, its key); the nearest located ancestor otherwise. */
  locate(path: Path, options?: { key?: boolean }): Position;
  /**
   * Says which paths (and their direct children) are about to be located, so that only those are
   * looked for: locating a few entries of a large file then costs one pass, not an index of all.
   */
  prepare?(paths: readonly Path[]): void;
}

export interface SyntaxProblem {
  position: Position;
  message: string;
}

export type ParseResult = { ok: true; document: ParsedDocument } | { ok: false; problems: SyntaxProblem[] };

/**
 * Turns character offsets into 1-based line and column numbers. The lines are indexed when a
 * position is first asked for: a valid estate never asks.
 */
export class LineIndex {
  private starts: number[] | undefined;
  constructor(private readonly text: string) {}
  position(offset: number): Position {
    const starts = this.index();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - starts[lo]! + 1 };
  }
  private index(): number[] {
    if (this.starts === undefined) {
      const starts = [0];
      const text = this.text;
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
    }
    return this.starts;
  }
}

/** Called by a parser for every value: its path (live: copy it to keep it), where it starts, and where its key does (-1: none). */
export type Recorder = (path: readonly PathSegment[], valueOffset: number, keyOffset: number) => void;

/** A tree of the paths asked for, and where their values (and keys) were found. */
interface Node {
  children: Map<PathSegment, Node> | undefined;
  /** A path asked for ends here: its direct children are looked for too. */
  end: boolean;
  /** Where the value starts, and its key; -1: not found (yet). */
  value: number;
  key: number;
}

const node = (): Node => ({ children: undefined, end: false, value: -1, key: -1 });

/**
 * Where the values of a parsed text are, found by parsing it again with a recorder once a
 * position is asked for (a valid estate never asks). After `prepare(paths)`, that pass records
 * just those paths, their ancestors and their direct children, in a tree of their segments:
 * `explain` of one entry among 100,000 is one quick pass, and of all of them one pass too. Any
 * other path is looked for in a tree of every value, made once.
 */
export class PathIndex {
  private prepared: Node | undefined;
  private everything: Node | undefined;

  constructor(
    private readonly reparse: (record: Recorder) => void,
    private readonly lines: LineIndex,
  ) {}

  prepare(paths: readonly Path[]): void {
    const root = node();
    for (const path of paths) nodeAt(root, path).end = true;
    this.reparse((path, valueOffset, keyOffset) => {
      if (covered(root, path)) found(nodeAt(root, path), valueOffset, keyOffset);
    });
    this.prepared = root;
  }

  locate(path: Path, options?: { key?: boolean }): Position {
    const root = this.prepared !== undefined && covered(this.prepared, path) ? this.prepared : this.all();
    // The value at the path, or else at its nearest ancestor that is in the text.
    let at: Node | undefined = root;
    let hit: Node | undefined;
    let depth = 0;
    for (let i = 0; at !== undefined; i++) {
      if (at.value >= 0) {
        hit = at;
        depth = i;
      }
      if (i === path.length) break;
      at = at.children?.get(path[i]!);
    }
    if (hit === undefined) return { line: 1, col: 1 };
    return this.lines.position(options?.key && depth === path.length && hit.key >= 0 ? hit.key : hit.value);
  }

  private all(): Node {
    if (this.everything === undefined) {
      const root = node();
      this.reparse((path, valueOffset, keyOffset) => found(nodeAt(root, path), valueOffset, keyOffset));
      this.everything = root;
    }
    return this.everything;
  }
}

/** The node of `path` below `root`, made (with those on the way) if it is not there yet. */
function nodeAt(root: Node, path: readonly PathSegment[]): Node {
  let at = root;
  for (const seg of path) {
    at.children ??= new Map();
    let next = at.children.get(seg);
    if (next === undefined) at.children.set(seg, (next = node()));
    at = next;
  }
  return at;
}

/** The first place a value is found is where it is (a YAML merge may mention it again). */
function found(at: Node, valueOffset: number, keyOffset: number): void {
  if (at.value < 0) {
    at.value = valueOffset;
    at.key = keyOffset;
  }
}

/** Whether `path` is a path asked for, one of their ancestors, or a direct child of one. */
function covered(root: Node, path: readonly PathSegment[]): boolean {
  let at = root;
  for (let i = 0; i < path.length; i++) {
    const next = at.children?.get(path[i]!);
    if (next === undefined) return i === path.length - 1 && at.end;
    at = next;
  }
  return true;
}
