// Text from the input made inert in the formats that would otherwise interpret it: Markdown (a
// name must render as the literal name: no HTML, no image, no link, no table cell of its own) and
// CSV opened in a spreadsheet (a cell that starts a formula is not run). Terminal output goes
// through safeForTerminal (src/core/safe-text.ts), which these also apply.
import { safeForTerminal } from '../core/safe-text.js';

/**
 * ASCII punctuation that means something inline in GitHub-flavoured Markdown: escapes, code,
 * emphasis, links and images, raw HTML and autolinks, table cells, strikethrough, entities, math;
 * and what makes a bare URL, `www.` name or e-mail address a link (GFM's autolink literals): the
 * colon of `://`, the dot after `www`, the `@`.
 */
const MARKDOWN_INLINE = /[\\`*_[\]<>!|~&$@]|:(?=\/\/)|(?<=(?:^|[^A-Za-z0-9])[wW]{3})\./g;
/**
 * What starts a block when it starts a line: a heading, a list item (`-`, `+`, `1.`, `1)`), a quote,
 * a thematic break or a setext underline.
 */
const MARKDOWN_LEADING = /^(\s*)(?:([#+\-=>])|(\d{1,9})([.)])(?=\s|$))/;

/**
 * `text` as literal Markdown text, for a paragraph, a heading or a table cell: control characters
 * escaped as on a terminal, Markdown punctuation backslash-escaped (CommonMark lets any ASCII
 * punctuation be), and a leading `#`, `-`, `+`, `=` or `1.` escaped so that it starts no block.
 */
export function markdownText(text: string): string {
  const safe = safeForTerminal(text);
  const inline = safe.replace(MARKDOWN_INLINE, '\\$&');
  return inline.replace(MARKDOWN_LEADING, (_, space: string, mark: string | undefined, digits: string, delimiter: string) =>
    mark !== undefined ? `${space}\\${mark}` : `${space}${digits}\\${delimiter}`,
  );
}

/** Whether markdownText would change `text` (for the fast path of a large table). */
const NEEDS_MARKDOWN = /:\/\/|[wW]{3}\.|[\\`*_[\]<>!|~&$@\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|^\s*(?:[#+\-=>]|\d{1,9}[.)](?=\s|$))/;

/** markdownText, without its cost for the usual name that needs nothing. */
export function md(text: string): string {
  return NEEDS_MARKDOWN.test(text) ? markdownText(text) : text;
}

/**
 * `text` as a Markdown code span: fenced with one more backtick than its longest run of them, and
 * padded with a space where it starts or ends with a backtick. Outside a table: a `|` in a code
 * span inside a table cell would still end the cell.
 */
export function markdownCode(text: string): string {
  const safe = safeForTerminal(text);
  let longest = 0;
  for (const run of safe.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = safe.startsWith('`') || safe.endsWith('`') || (safe.startsWith(' ') && safe.endsWith(' ') && safe.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${safe}${pad}${fence}`;
}

/**
 * A CSV text cell: control and bidirectional characters escaped as on a terminal (CSV is often read
 * on one, and no name needs them: JSON carries them exactly), and a cell that a spreadsheet would
 * read as a formula (OWASP "CSV injection": it starts with `=`, `+`, `-`, `@`, a tab or a carriage
 * return) prefixed with `'`, which spreadsheets show as text. Only for text columns: the numeric
 * columns carry exact numbers such as "-5" as they are.
 */
export function csvText(text: string): string {
  const value = safeForTerminal(text);
  const c = value.charCodeAt(0);
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13 ? `'${value}` : value;
}
