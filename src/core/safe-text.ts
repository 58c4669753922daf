// Text from estates, rate cards and the command line (names, paths, sources) made safe to print on
// a terminal. A name could otherwise carry control sequences that the terminal obeys: clear the
// screen (ESC [2J), set the window title or write the clipboard (OSC 52), hide text, or reorder
// what is shown with Unicode bidirectional overrides ("Trojan Source", CVE-2021-42574).
//
// Every C0 control (U+0000-U+001F, tab and line breaks included), DEL and every C1 control
// (U+007F-U+009F), the bidirectional controls (U+061C, U+200E, U+200F, U+202A-U+202E,
// U+2066-U+2069) and the line and paragraph separators (U+2028, U+2029) are shown as escapes
// instead: `\x1B` for those up to U+00FF, `\u202E` for the others. Everything else, including wide
// characters, emoji and their joiners, is printed as it is. Exported for the commands' diagnostics
// on standard error too: one escaping for every place that echoes input.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');
/** The same, line feeds allowed (text of several lines, such as a diagnostic with its excerpt). */
const UNSAFE_ALL_BUT_LF = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escape(c: string): string {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Whether `text` holds anything safeForTerminal would escape. */
export function hasUnsafe(text: string): boolean {
  return UNSAFE.test(text);
}

/**
 * `text` with every control character and bidirectional control written as a visible escape
 * (`\x1B`, `\u202E`); with `multiline`, line feeds stay line feeds.
 */
export function safeForTerminal(text: string, multiline = false): string {
  // Most text has nothing to escape: one test, no copy.
  if (!UNSAFE.test(text)) return text;
  return text.replace(multiline ? UNSAFE_ALL_BUT_LF : UNSAFE_ALL, escape);
}
