// How a piece of an input file is quoted in an error. A file given by mistake (a credentials CSV as
// an activity file, a `.env` as a rate card) must not have its secrets printed: an error says what
// was expected and where, and quotes what was found only when it cannot be a secret (a date, a
// number, a number with a unit such as "4GiB" or "2w", a short word such as a misspelt mode
// "FullStack" or "DPS"); anything else shows at most its first two or three characters and its
// length, and nothing of what looks like a key or a token.

/** Dates and times as activity files and estates write them. */
const DATE_LIKE = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]{0,18})?(?:Z|[+-][\d:]{1,5})?$/;
/** A number of moderate size (an account or card number has more digits). */
const NUMBER_LIKE = /^[-+]?(?:\d{1,12}(?:\.\d{0,12})?|\.\d{1,12})(?:[eE][-+]?\d{1,12})?$/;
/** A short word of letters: a misspelt mode or unit ("turbo", "clasic", "DPS", "FullStack"). */
const WORD = /^[A-Za-z][A-Za-z_-]{0,15}$/;
/** A number written with a unit, separators or a percent sign ("4GiB", "2w", "0d", "1_000", "10%"): a misplaced quantity, never a credential. */
const QUANTITY_LIKE = /^[-+]?\d{1,12}(?:[_,.]\d{1,12})* ?[A-Za-z%]{0,5}$/;
/** At most this long (a card number in groups is longer). */
const QUANTITY_CHARS = 16;
/** Lowercase words joined by hyphens, underscores or dots ("real-user-monitorin"): an identifier, however long. */
const IDENTIFIER = /^[a-z]+(?:[-_.][a-z]+)*$/;

/** Texts that look like credentials: never quoted, not even in part. */
const SECRET_PATTERNS: readonly RegExp[] = [
  // KEY=value, KEY: value lines of .env files and shell exports
  /^\s*(?:export\s+)?[A-Za-z_][A-Za-z0-9_.-]*\s*[=:]\s*\S/,
  // Well-known token and key prefixes (Dynatrace, AWS, GitHub, GitLab, Slack, Stripe, OpenAI, JWT, PEM)
  /^(?:dt0[a-z]\d{2}\.|AKIA|ASIA|gh[pousr]_|github_pat_|glpat-|xox[abprs]-|sk[-_]|pk[-_]|rk_|eyJ|-----BEGIN)/,
  // user:password@ in a URL
  /:\/\/[^/\s:@]+:[^/\s@]+@/,
];

/** A run of 16 or more characters without spaces that mixes letters with digits or symbols: a key, a token. */
function tokenLike(text: string): boolean {
  if (text.length < 16 || /\s/.test(text) || IDENTIFIER.test(text)) return false;
  const letters = /[A-Za-z]/.test(text);
  const digits = /\d/.test(text);
  const symbols = /[^A-Za-z0-9]/.test(text);
  return letters && (digits || symbols);
}

/** A name as written, in quotes, unless it looks like a key or a password: then only its length. */
export function quotedName(name: string): string {
  return looksSecret(name) ? `a name of ${name.length.toLocaleString('en-US')} characters (not shown: it looks like a key or a password)` : `"${name}"`;
}

export function looksSecret(text: string): boolean {
  return SECRET_PATTERNS.some((p) => p.test(text)) || tokenLike(text);
}

/** Control characters and bidirectional overrides as escapes, so that a quote cannot drive a terminal. */
function printable(text: string): string {
  return text.replace(/[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}

const characters = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'character' : 'characters'}`;

export interface QuoteOptions {
  /** Quote short lowercase words in full (where the value is one of a few words, such as a mode). */
  words?: boolean;
}

/**
 * What was found, for an error message: `"2026-02-30T10:00Z"`, `"turbo"`, `"Pa…" (10 characters)`,
 * or `a text of 40 characters (not shown: it looks like a key or a password)`.
 */
export function quoteFound(text: string, options: QuoteOptions = {}): string {
  if (text.length <= 40 && (DATE_LIKE.test(text) || NUMBER_LIKE.test(text) || (text.length <= QUANTITY_CHARS && QUANTITY_LIKE.test(text)))) return JSON.stringify(text);
  if (options.words && WORD.test(text)) return JSON.stringify(text);
  if (looksSecret(text)) return `a text of ${characters(text.length)} (not shown: it looks like a key or a password)`;
  const shown = text.length >= 12 ? 3 : text.length >= 6 ? 2 : 0;
  if (shown === 0) return `a text of ${characters(text.length)}`;
  // Whole code points only: a surrogate pair is never cut in half.
  const head = Array.from(text).slice(0, shown).join('');
  return `"${printable(head.replace(/["\\]/g, '\\$&'))}…" (${characters(text.length)})`;
}
