// Markdown meant for a pull-request comment stays under GitHub's limit for one: 65,536 characters.
// Beyond it a document is summarised (by capability) and says how much it left out. Lengths are
// counted in UTF-16 code units, which is never less than the characters GitHub counts.

export const COMMENT_LIMIT = 65_536;

/** Room kept for the line that says what was left out, and for rounding. */
export const NOTE_ROOM = 600;

/** Characters of `lines` joined by line breaks, with the last line break. */
export function sizeOf(lines: readonly string[]): number {
  let n = 0;
  for (const line of lines) n += line.length + 1;
  return n;
}

/**
 * The first of `lines` that fit in `room` characters (all of them when they do), and, when some
 * are left out, a last line made by `leftOut` from their number.
 */
export function linesWithin(lines: readonly string[], room: number, leftOut: (count: number) => string): string[] {
  if (sizeOf(lines) <= room) return [...lines];
  const kept: string[] = [];
  let size = 0;
  for (const line of lines) {
    if (size + line.length + 1 > room - NOTE_ROOM) break;
    kept.push(line);
    size += line.length + 1;
  }
  kept.push(leftOut(lines.length - kept.length));
  return kept;
}

/** "1 line item", "12,345 line items". */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}
