// A box-drawn table, as cli-table3 draws it with `compact: true` (one border around, a line under
// the header, none between rows), written here because cli-table3 takes minutes over the table of
// a large estate (1,000 entries: 2 s; 10,000: 16 s; 100,000: crashed, spreading its rows into one
// call's arguments). This draws 100,000 entries in well under a second. Styles are applied line by
// line, inside the borders, so that a colour never runs into a border or the next line.
import stringWidth from 'string-width';

/** A cell: its text (lines split by \n), the columns it spans, and how its text is emphasised. */
export interface Cell {
  text: string;
  span?: number;
  style?: (text: string) => string;
}

export type Row = readonly (Cell | string)[];

export interface BoxTable {
  head: readonly string[];
  /** Widths of the columns, padding included (one space each side), borders not. */
  widths: readonly number[];
  aligns: readonly ('left' | 'right')[];
  /** Read once, as the table is drawn: a large estate's rows need never all exist at once. */
  rows: Iterable<Row>;
}

/**
 * Characters that take one column on their own and never join their neighbours into one cluster:
 * printable ASCII, Latin-1 and the Latin extensions (soft hyphen excepted), general punctuation
 * (no zero-width or bidirectional controls), arrows, mathematical operators, box drawing and block
 * elements: what formulas and numbers are made of ("×", "−", "≥", "→", "·", "—"). A text of only
 * these is as wide as it is long; test/render.test.ts checks every one of them against string-width.
 */
const NOT_NARROW = /[^\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2200-\u22ff\u2500-\u259f]/;

/**
 * Columns `text` takes in a terminal (no escape codes in it: styles come after measuring), as the
 * maintained string-width measures it: East Asian wide characters and emoji two, combining marks
 * and joiners none. The usual text (ASCII, formulas) is measured by its length: string-width
 * segments every other text into graphemes, about 0.1 ms for a formula line, and a large table
 * has 300,000 of them.
 */
export function displayWidth(text: string): number {
  return NOT_NARROW.test(text) ? stringWidth(text) : text.length;
}

let graphemes: Intl.Segmenter | undefined;

/**
 * A word too long for `width` columns, in pieces that fit: cut between graphemes (never inside an
 * emoji or a character with its marks), after the last `-`, `_`, `/` or `.` that leaves the piece
 * at least half full, else where the width runs out.
 */
function cutWord(word: string, width: number): string[] {
  const out: string[] = [];
  let piece = '';
  let pieceWidth = 0;
  /** Where in `piece` the last good break is (after a separator), and the width up to it. */
  let breakAt = -1;
  let breakWidth = 0;
  // A word of narrow characters (most are) is its characters, one column each; any other, its
  // graphemes (Intl.Segmenter), measured one by one.
  const narrow = !NOT_NARROW.test(word);
  const segments = narrow ? word : Array.from((graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })).segment(word), (s) => s.segment);
  for (const segment of segments) {
    const w = narrow ? 1 : displayWidth(segment);
    if (pieceWidth + w > width && piece !== '') {
      if (breakAt > 0 && breakWidth * 2 >= width) {
        out.push(piece.slice(0, breakAt));
        piece = piece.slice(breakAt);
        pieceWidth -= breakWidth;
      } else {
        out.push(piece);
        piece = '';
        pieceWidth = 0;
      }
      breakAt = -1;
    }
    piece += segment;
    pieceWidth += w;
    if (segment === '-' || segment === '_' || segment === '/' || segment === '.') {
      breakAt = piece.length;
      breakWidth = pieceWidth;
    }
  }
  out.push(piece);
  return out;
}

/** The lines of `text` in at most `width` columns: broken between words, or inside a word too long. */
export function fit(text: string, width: number): string[] {
  // Most cells are one line that fits: the widths were measured on them.
  if (!text.includes('\n') && displayWidth(text) <= width) return [text];
  const out: string[] = [];
  for (const whole of text.split('\n')) {
    if (displayWidth(whole) <= width) {
      out.push(whole);
      continue;
    }
    // A line's indentation (a subject under its capability) is kept on each of its lines.
    const indent = /^ */.exec(whole)![0];
    const line = whole.slice(indent.length);
    const room = Math.max(1, width - indent.length);
    const start = out.length;
    let current = '';
    for (const word of line.split(' ')) {
      const candidate = current === '' ? word : `${current} ${word}`;
      if (displayWidth(candidate) <= room) current = candidate;
      else {
        if (current !== '') out.push(current);
        current = word;
        if (displayWidth(current) > room) {
          const pieces = cutWord(current, room);
          current = pieces.pop()!;
          out.push(...pieces);
        }
      }
    }
    out.push(current);
    if (indent !== '') for (let l = start; l < out.length; l++) out[l] = indent + out[l];
  }
  return out;
}

/** Where cells start, by column index (column 0 always does). */
function starts(row: Row): Set<number> {
  const at = new Set<number>();
  let column = 0;
  for (const cell of row) {
    at.add(column);
    column += typeof cell === 'string' ? 1 : (cell.span ?? 1);
  }
  return at;
}

/** A horizontal line; a column boundary shows where the row above (`up`) or below (`down`) has one. */
function rule(widths: readonly number[], left: string, right: string, up: Set<number>, down: Set<number>): string {
  let line = left;
  for (let c = 0; c < widths.length; c++) {
    if (c > 0) {
      const a = up.has(c);
      const b = down.has(c);
      line += a && b ? '┼' : a ? '┴' : b ? '┬' : '─';
    }
    line += '─'.repeat(widths[c]!);
  }
  return line + right;
}

/** A cell fitted to its columns: its lines, and the display width of each. */
interface Fitted {
  lines: string[];
  lineWidths: number[];
  width: number;
  align: 'left' | 'right';
  style: ((text: string) => string) | undefined;
}

/** The lines of one row, each cell's text fitted, aligned and padded inside its borders. */
function drawRow(row: Row, table: BoxTable): string[] {
  const fast = plainLine(row, table) ?? spanningLines(row, table);
  if (fast !== undefined) return fast;
  const cells: Fitted[] = [];
  let column = 0;
  let height = 0;
  for (const raw of row) {
    const plain = typeof raw === 'string';
    const span = plain ? 1 : (raw.span ?? 1);
    let width = span - 1;
    for (let c = column; c < column + span; c++) width += table.widths[c]!;
    const lines = fit(plain ? raw : raw.text, width - 2);
    if (lines.length > height) height = lines.length;
    cells.push({ lines, lineWidths: lines.map(displayWidth), width: width - 2, align: table.aligns[column] ?? 'left', style: plain ? undefined : raw.style });
    column += span;
  }
  const out: string[] = [];
  for (let l = 0; l < height; l++) {
    let line = '│';
    for (const cell of cells) {
      const text = cell.lines[l] ?? '';
      const gap = ' '.repeat(Math.max(0, cell.width - (cell.lineWidths[l] ?? 0)));
      const shown = cell.style && text !== '' ? cell.style(text) : text;
      line += ` ${cell.align === 'right' ? gap + shown : shown + gap} │`;
    }
    out.push(line);
  }
  return out;
}

/**
 * The one line of a row of plain one-line cells that each fit their column (an item's cells, most
 * of a large table's rows), drawn without fitting them; undefined for any other row.
 */
function plainLine(row: Row, table: BoxTable): string[] | undefined {
  if (row.length !== table.widths.length) return undefined;
  let line = '│';
  for (let c = 0; c < row.length; c++) {
    const text = row[c];
    if (typeof text !== 'string' || text.includes('\n')) return undefined;
    const room = table.widths[c]! - 2;
    const width = displayWidth(text);
    if (width > room) return undefined;
    const gap = ' '.repeat(room - width);
    line += ` ${table.aligns[c] === 'right' ? gap + text : text + gap} │`;
  }
  return [line];
}

/**
 * The lines of a row that is one left-aligned cell across every column whose lines all fit (an
 * item's formula, wrapped to the table's width), drawn without fitting them; undefined otherwise.
 */
function spanningLines(row: Row, table: BoxTable): string[] | undefined {
  const cell = row[0];
  if (row.length !== 1 || typeof cell !== 'object' || cell.span !== table.widths.length || table.aligns[0] === 'right') return undefined;
  let room = table.widths.length - 3;
  for (const w of table.widths) room += w;
  const out = cell.text.split('\n');
  for (let l = 0; l < out.length; l++) {
    const text = out[l]!;
    const width = displayWidth(text);
    if (width > room) return undefined;
    out[l] = `│ ${cell.style && text !== '' ? cell.style(text) : text}${' '.repeat(room - width)} │`;
  }
  return out;
}

/** The table's lines, one by one (a large estate's table is never held whole). */
export function* tableLines(table: BoxTable): Generator<string> {
  const head = starts(table.head);
  const none = new Set<number>();
  yield rule(table.widths, '┌', '┐', none, head);
  yield* drawRow(table.head, table);
  // The line under the head joins the head's column boundaries to the first row's; the bottom
  // line shows the last row's.
  let last: Row | undefined;
  for (const row of table.rows) {
    if (last === undefined) yield rule(table.widths, '├', '┤', head, starts(row));
    yield* drawRow(row, table);
    last = row;
  }
  if (last === undefined) yield rule(table.widths, '├', '┤', head, none);
  yield rule(table.widths, '└', '┘', last === undefined ? head : starts(last), none);
}

/** The table as one text. */
export function drawTable(table: BoxTable): string {
  return [...tableLines(table)].join('\n');
}
