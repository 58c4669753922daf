import type { Path } from './path.js';

export interface Position {
  line: number;
  col: number;
}

/** A parsed estate or rate card: plain data (numbers as Decimal) and a way back to the text. */
export interface ParsedDocument {
  data: unknown;
  /** Where the value at `path` starts (or, with `key`, its key); the nearest located ancestor otherwise. */
  locate(path: Path, options?: { key?: boolean }): Position;
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
