// Input files (estates, rate cards) from bytes to validated data: decode, parse as JSON or YAML,
// validate with a zod schema, and turn every problem into a located Diagnostic. All problems of a
// file are collected; nothing is estimated from a file that has any.
import { fstatSync, readFileSync, readSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { z } from 'zod';
import { issuesToDiagnostics, sortDiagnostics, type Diagnostic } from './diagnostics.js';
import { checkLimits } from './limits.js';
import { heapBefore, OutOfHeap, tooLargeForHeap, validationWontFit } from './memory.js';
import { estateSchema, type EstateData } from './schema.js';
import { validateStreamed } from './stream.js';
import { parseJson } from './parse-json.js';
import { parseYaml } from './parse-yaml.js';
import { parseYamlFast } from './parse-yaml-fast.js';
import type { ParsedDocument, ParseResult } from './source.js';

export type Loaded<T> = { ok: true; data: T; document: ParsedDocument; file: string; dir: string } | { ok: false; diagnostics: Diagnostic[] };

export interface InputText {
  /** The name shown in messages: the path as given, or `<stdin>`. */
  file: string;
  /** Folder that relative paths inside the file are resolved against. */
  dir: string;
  text: string;
}

/**
 * Estate and rate-card files larger than this are refused before they are read (100,000 entries
 * are 12-20 MB, 1,000,000 are 120-200 MB); what the heap cannot hold below it is refused as it
 * fills (src/input/memory.ts).
 */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;
/** Standard input is gathered in memory before it is decoded: it is held to less. */
export const MAX_STDIN_BYTES = 64 * 1024 * 1024;
const tooLarge = (bytes: number, limit = MAX_INPUT_BYTES) => `the file is ${(bytes / 1024 / 1024).toFixed(1)} MiB; dtcost reads estates and rate cards of up to ${limit / 1024 / 1024} MiB`;

/** Files from this size on are validated by zod's compiled object parsers (loadText). */
const JIT_FROM_CHARS = 64 * 1024;

const fail = (file: string, message: string): { ok: false; diagnostics: Diagnostic[] } => ({ ok: false, diagnostics: [{ file, message }] });

/** Bytes to text: UTF-8 only, without a BOM; UTF-16 and binary files are refused by name. */
export function decode(bytes: Uint8Array, file: string): { ok: true; text: string } | { ok: false; diagnostics: Diagnostic[] } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return fail(file, 'the file is UTF-16 text; save it as UTF-8');
  }
  if (bytes.includes(0)) return fail(file, 'the file is not text (it holds NUL bytes)');
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { ok: true, text };
  } catch {
    return fail(file, 'the file is not valid UTF-8 text');
  }
}

/** Standard input's bytes, or why they cannot be read. */
export type StdinBytes = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

/** Why a file or standard input cannot be read, in words. */
function readFailure(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'a part of the path is not a folder';
  if (code === 'EISDIR') return 'is a directory, not a file';
  if (code === 'EIO') return 'an input/output error (EIO)';
  return code ?? String((err as Error)?.message ?? err);
}

/** Sleeps without using the CPU (the main thread may wait on an atomic). */
function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Standard input (or another descriptor), read to its end and no further than one byte past
 * `limit`. A directory is refused before it is read; a non-blocking descriptor with nothing to
 * read yet is waited on with sleeps (1 ms, doubling to 50 ms), never a busy loop.
 */
export function readStandardInput(limit: number, fd = 0): StdinBytes {
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { ok: false, message: 'standard input is a directory, not a file' };
    if (stat.isFile() && stat.size > limit) return { ok: false, message: tooLarge(stat.size, limit) };
  } catch (err) {
    return { ok: false, message: `cannot read standard input: ${readFailure(err)}` };
  }
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.alloc(1 << 20);
  let wait = 1;
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN' || code === 'EWOULDBLOCK') {
        sleep(wait);
        wait = Math.min(wait * 2, 50);
        continue;
      }
      if (code === 'EOF') break;
      return { ok: false, message: `cannot read standard input: ${readFailure(err)}` };
    }
    wait = 1;
    if (n === 0) break;
    chunks.push(Buffer.from(chunk.subarray(0, n)));
    total += n;
    if (total > limit) return { ok: false, message: `standard input is larger than ${limit / 1024 / 1024} MiB, the most dtcost reads for an estate or a rate card` };
  }
  return { ok: true, bytes: Buffer.concat(chunks) };
}

/** Reads a file (or standard input for `-`) as an InputText, or says why it cannot. */
export function readInput(
  path: string,
  readStdin: () => StdinBytes,
  shownAs: string = path,
): { ok: true; input: InputText } | { ok: false; diagnostics: Diagnostic[] } {
  if (path === '-') {
    const read = readStdin();
    if (!read.ok) return fail('<stdin>', read.message);
    const decoded = decode(read.bytes, '<stdin>');
    return decoded.ok ? { ok: true, input: { file: '<stdin>', dir: process.cwd(), text: decoded.text } } : decoded;
  }
  let bytes: Uint8Array;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return fail(shownAs, 'is a directory, not a file');
    // A device or a pipe could be read forever: only regular files are estates.
    if (!stat.isFile()) return fail(shownAs, 'is not a regular file');
    if (stat.size > MAX_INPUT_BYTES) return fail(shownAs, tooLarge(stat.size));
    bytes = readFileSync(path);
  } catch (err) {
    return fail(shownAs, `cannot read the file: ${readFailure(err)}`);
  }
  const decoded = decode(bytes, shownAs);
  return decoded.ok ? { ok: true, input: { file: shownAs, dir: dirname(resolve(path)), text: decoded.text } } : decoded;
}

function looksLikeJson(file: string, text: string): boolean {
  if (/\.json$/i.test(file)) return true;
  return /^\s*[{[]/.test(text) && !/\.ya?ml$/i.test(file);
}

/** JSON when the name or the first character says so (falling back to YAML, its superset), else YAML. */
export function parseText(file: string, text: string): ParseResult {
  if (looksLikeJson(file, text)) {
    const json = parseJson(text);
    if (json.ok || /\.json$/i.test(file)) return json;
  }
  // The common block style of estates parses on the fast path; anything else goes to the yaml package.
  const fast = parseYamlFast(text);
  return fast ? { ok: true, document: fast } : parseYaml(text);
}

/**
 * Estates from this size on are validated entry by entry as they are parsed (src/input/stream.ts):
 * the parsed and the validated entries never both live whole. Smaller ones, and any estate with a
 * problem, are validated whole by loadText (the same data; the one path that words problems).
 */
export const STREAM_FROM_CHARS = JIT_FROM_CHARS;

/** An estate from its text: streamed from `streamFrom` characters on (tests lower it), else whole. */
export function loadEstateText(input: InputText, what: string, streamFrom = STREAM_FROM_CHARS): Loaded<EstateData> {
  if (input.text.length >= streamFrom) {
    const before = heapBefore(input.text.length);
    try {
      const streamed = validateStreamed((sink) => {
        if (looksLikeJson(input.file, input.text)) {
          const json = parseJson(input.text, sink);
          return json.ok ? json.document : undefined;
        }
        return parseYamlFast(input.text, sink);
      });
      if (streamed) {
        // The rules and the output need about as much again as the estate holds (a rule may gather
        // its hosts before its first item): an estate that leaves less is refused now, with exit 2,
        // rather than by V8 later, with SIGABRT, between two of the heap's checks.
        if (validationWontFit(before) !== undefined) return fail(input.file, tooLargeForHeap(input.text.length));
        return { ok: true, data: streamed.data, document: released(streamed.document, input), file: input.file, dir: input.dir };
      }
    } catch (err) {
      // The heap filled up while the entries were read: refused with the sizes (exit 2), never a SIGABRT.
      if (err instanceof OutOfHeap) return fail(input.file, tooLargeForHeap(input.text.length));
      throw err;
    }
  }
  return loadText(input, estateSchema, what);
}

export function loadText<S extends z.ZodType>(input: InputText, schema: S, what: string): Loaded<z.output<S>> {
  // The heap is watched (src/input/memory.ts): an estate too large for it is refused, never a SIGABRT.
  const before = heapBefore(input.text.length);
  const parsed = parseText(input.file, input.text);
  if (!parsed.ok) {
    return { ok: false, diagnostics: parsed.problems.map((p) => ({ file: input.file, position: p.position, message: p.message })) };
  }
  const { document } = parsed;
  if (document.data === null || document.data === undefined) {
    return fail(input.file, `the file is empty: expected ${what}`);
  }
  const over = checkLimits(document.data, document, input.file);
  if (over.length > 0) return { ok: false, diagnostics: sortDiagnostics(over) };
  const needed = validationWontFit(before);
  if (needed !== undefined) return fail(input.file, tooLargeForHeap(input.text.length, needed));
  // zod compiles each object schema into a function (new Function, which no code cache keeps) on
  // its first parse: ~3 ms an object, repaid only over many entries. A small file is checked without.
  const result = schema.safeParse(document.data, { reportInput: true, jitless: input.text.length < JIT_FROM_CHARS });
  if (!result.success) return { ok: false, diagnostics: issuesToDiagnostics(result.error.issues, document, input.file, schema) };
  return { ok: true, data: result.data, document: released(document, input), file: input.file, dir: input.dir };
}

/**
 * The document without its parsed data, which only `explain` reads again (the values as written):
 * parsed again if asked for, so that a large estate does not keep two trees of its entries in
 * memory (the parsed one and the validated one) while it is estimated.
 */
function released(document: ParsedDocument, input: InputText): ParsedDocument {
  let data: unknown;
  let parsed = false;
  return {
    locate: document.locate,
    ...(document.prepare ? { prepare: document.prepare } : {}),
    get data() {
      if (!parsed) {
        const again = parseText(input.file, input.text);
        data = again.ok ? again.document.data : undefined;
        parsed = true;
      }
      return data;
    },
  };
}
