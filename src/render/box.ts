// A box-drawn table, as cli-table3 draws it with `compact: true` (one border around, a line under
// the header, none between rows), written here because cli-table3 takes minutes over the table of
// a large estate (1,000 entries: 2 s; 10,000: 16 s; 100,000: crashed, spreading its rows into one
// call's arguments). This draws 100,000 entries in well under a second. Styles are applied line by
// line, inside the borders, so that a colour never runs into a border or the next line.

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

/** Characters a terminal shows two columns wide: East Asian wide and full-width forms, emoji. */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x1f680 && code <= 0x1f6ff) ||
    (code >= 0x1f900 && code <= 0x1f9ff) ||
    (code >= 0x1fa70 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/** Columns `text` takes in a terminal (no escape codes in it: styles come after measuring). */
export function displayWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code < 0x300) {
      width++;
      continue;
    }
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) code = text.codePointAt(i++)!;
    if ((code >= 0x300 && code <= 0x36f) || code === 0x200d || (code >= 0xfe00 && code <= 0xfe0f)) continue; // combining, joiners
    width += isWide(code) ? 2 : 1;
  }
  return width;
}

/** The lines of `text` in at most `width` columns: broken between words, or inside a word too long. */
function fit(text: string, width: number): string[] {
  // Most cells are one line that fits: the widths were measured on them.
  if (!text.includes('\n') && displayWidth(text) <= width) return [text];
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (displayWidth(line) <= width) {
      out.push(line);
      continue;
    }
    let current = '';
    for (const word of line.split(' ')) {
      const candidate = current === '' ? word : `${current} ${word}`;
      if (displayWidth(candidate) <= width) current = candidate;
      else {
        if (current !== '') out.push(current);
        current = word;
        while (displayWidth(current) > width) {
          let cut = width;
          while (cut > 1 && displayWidth(current.slice(0, cut)) > width) cut--;
          out.push(current.slice(0, cut));
          current = current.slice(cut);
        }
      }
    }
    out.push(current);
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
